// `bidfmt check` (and `bidfmt fix`, once it exists) on hostile DOCX files: a report or one clear
// line with exit 2 — never a crash, a hang, a sanitizer report or unbounded memory.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "hardening/hardening.h"
#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;
using hardening::Measured;
using hardening::RawEntry;

#define REQUIRE_CHECK()                                                        \
  do {                                                                         \
    static const std::string why = hardening::missing_subcommand("check");     \
    if (!why.empty()) GTEST_SKIP() << why << ": this test runs once it lands"; \
  } while (0)

std::string write(const std::string& name, const std::string& bytes) {
  std::string path = testkit::temp_dir("check-" + name) + "/" + name + ".docx";
  hardening::write_bytes(path, bytes);
  return path;
}

std::string docx_with_body(const std::string& name, const std::string& body, bool store = false) {
  std::vector<RawEntry> e = hardening::minimal_docx(hardening::document_xml(body));
  if (store) e.back() = hardening::stored("word/document.xml", hardening::document_xml(body));
  return write(name, hardening::raw_zip(e));
}

Measured check(const std::string& path, int timeout_s = 60) {
  return hardening::run_bidfmt({"check", path, "--lang", "en"}, hardening::Limits{timeout_s});
}

// Exit 2, one line on stderr naming the file and containing `needle`, nothing else wrong.
void expect_refused(const Measured& r, const std::string& path, const std::string& needle) {
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_FALSE(hardening::sanitizer_report(r.err)) << r.err;
  EXPECT_EQ(hardening::line_count(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find(path), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
}

// A report (exit 0 or 1), or a clean refusal when `may_refuse`; never a crash.
void expect_survived(const Measured& r, bool may_refuse = false) {
  EXPECT_FALSE(r.timed_out) << "took over the timeout";
  EXPECT_FALSE(hardening::sanitizer_report(r.err)) << r.err.substr(0, 4000);
  if (may_refuse) EXPECT_LE(r.status, 2) << r.err.substr(0, 4000);
  else EXPECT_LE(r.status, 1) << r.err.substr(0, 4000);
}

const std::string kPara = "<w:p><w:r><w:t>正文</w:t></w:r></w:p>";

// --- the package --------------------------------------------------------------------------------

TEST(CheckHardening, NotAZip) {
  REQUIRE_CHECK();
  std::string p = write("text", "这只是一段文字,被改名成了 .docx\n");
  expect_refused(check(p), p, "not a valid DOCX");
}

TEST(CheckHardening, TruncatedDownload) {
  REQUIRE_CHECK();
  std::string whole = hardening::raw_zip(hardening::minimal_docx(hardening::document_xml(kPara)));
  std::string p = write("truncated", whole.substr(0, whole.size() * 2 / 3));
  expect_refused(check(p), p, "truncated");
}

TEST(CheckHardening, WrongCrc) {
  REQUIRE_CHECK();
  std::vector<RawEntry> e = hardening::minimal_docx(hardening::document_xml(kPara));
  e.back().crc ^= 1;
  std::string p = write("crc", hardening::raw_zip(e));
  expect_refused(check(p), p, "CRC");
}

TEST(CheckHardening, EncryptedEntries) {
  REQUIRE_CHECK();
  std::vector<RawEntry> e = hardening::minimal_docx(hardening::document_xml(kPara));
  for (RawEntry& x : e) x.flags |= 1;
  std::string p = write("encrypted", hardening::raw_zip(e));
  expect_refused(check(p), p, "encrypted");
}

TEST(CheckHardening, ZipBombOfTwoGigabytesIsRefusedQuicklyInLittleMemory) {
  REQUIRE_CHECK();
  std::vector<RawEntry> e = hardening::minimal_docx(hardening::document_xml(kPara));
  e.back() = hardening::zeros_bomb("word/document.xml", 2ull << 30);
  std::string p = write("bomb", hardening::raw_zip(e));
  Measured r = check(p);
  expect_refused(r, p, "zip bomb");
  EXPECT_LT(r.max_rss_mb, 512) << "peak memory";
}

TEST(CheckHardening, UnsafeEntryName) {
  REQUIRE_CHECK();
  std::vector<RawEntry> e = hardening::minimal_docx(hardening::document_xml(kPara));
  e.push_back(hardening::stored("../../outside.xml", "x"));
  std::string p = write("slip", hardening::raw_zip(e));
  expect_refused(check(p), p, "unsafe");
}

TEST(CheckHardening, DuplicatePartNames) {
  REQUIRE_CHECK();
  std::vector<RawEntry> e = hardening::minimal_docx(hardening::document_xml(kPara));
  e.push_back(hardening::stored("word/document.xml", hardening::document_xml("")));
  std::string p = write("dup", hardening::raw_zip(e));
  expect_refused(check(p), p, "duplicate");
}

TEST(CheckHardening, MissingMainDocumentPart) {
  REQUIRE_CHECK();
  std::vector<RawEntry> e = hardening::minimal_docx(hardening::document_xml(kPara));
  e.pop_back();
  std::string p = write("nomain", hardening::raw_zip(e));
  expect_refused(check(p), p, "main document");
}

TEST(CheckHardening, MissingContentTypes) {
  REQUIRE_CHECK();
  std::vector<RawEntry> e = hardening::minimal_docx(hardening::document_xml(kPara));
  e.erase(e.begin());
  std::string p = write("noct", hardening::raw_zip(e));
  expect_refused(check(p), p, "[Content_Types].xml");
}

TEST(CheckHardening, MalformedDocumentXml) {
  REQUIRE_CHECK();
  std::string p = write("malformed", hardening::raw_zip(hardening::minimal_docx("<w:document><w:body><w:p>")));
  expect_refused(check(p), p, "word/document.xml");
}

// --- XML ----------------------------------------------------------------------------------------

TEST(CheckHardening, BillionLaughsDoesNotExpand) {
  REQUIRE_CHECK();
  std::string dtd = "<!DOCTYPE w:document [<!ENTITY lol \"lol\">";
  for (int i = 1; i <= 9; ++i) {
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    dtd += "\">";
  }
  dtd += "]>";
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + dtd + "<w:document xmlns:w=\"" + hardening::kW +
                    "\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>";
  std::vector<RawEntry> e = hardening::minimal_docx("");
  e.back() = hardening::deflated("word/document.xml", xml);
  std::string p = write("laughs", hardening::raw_zip(e));
  Measured r = check(p);
  expect_survived(r, true);
  EXPECT_LT(r.max_rss_mb, 512);
  EXPECT_EQ(r.out.find("lollollol"), std::string::npos);
}

TEST(CheckHardening, ExternalEntitiesAreNotFetched) {
  REQUIRE_CHECK();
  std::string xml = std::string("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>") +
                    "<w:document xmlns:w=\"" + hardening::kW + "\"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>";
  std::vector<RawEntry> e = hardening::minimal_docx("");
  e.back() = hardening::deflated("word/document.xml", xml);
  std::string p = write("xxe", hardening::raw_zip(e));
  Measured r = hardening::run_bidfmt({"check", p, "--format", "json"});
  expect_survived(r, true);
  EXPECT_EQ(r.out.find("root:"), std::string::npos);
}

TEST(CheckHardening, InvalidUtf8InText) {
  REQUIRE_CHECK();
  std::string p = docx_with_body("utf8", "<w:p><w:r><w:t>\xff\xfe\xc3(\xe4\xb8 一、概述</w:t></w:r></w:p>" + kPara);
  expect_survived(check(p), true);
  expect_survived(hardening::run_bidfmt({"check", p, "--format", "json"}), true);
  expect_survived(hardening::run_bidfmt({"check", p, "--format", "sarif"}), true);
  expect_survived(hardening::run_bidfmt({"check", p, "--format", "junit"}), true);
}

std::string nested(const std::string& open, const std::string& close, const std::string& inner, int depth) {
  std::string s;
  s.reserve((open.size() + close.size()) * static_cast<size_t>(depth) + inner.size());
  for (int i = 0; i < depth; ++i) s += open;
  s += inner;
  for (int i = 0; i < depth; ++i) s += close;
  return s;
}

TEST(CheckHardening, TenThousandNestedTables) {
  REQUIRE_CHECK();
  std::string body = nested("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", kPara, 10000);
  expect_survived(check(docx_with_body("deep-tbl", body), 30), true);
}

TEST(CheckHardening, TenThousandNestedContentControls) {
  REQUIRE_CHECK();
  std::string body = nested("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", kPara, 10000);
  expect_survived(check(docx_with_body("deep-sdt", body), 30), true);
}

TEST(CheckHardening, TenThousandNestedHyperlinks) {
  REQUIRE_CHECK();
  std::string body = "<w:p>" + nested("<w:hyperlink>", "</w:hyperlink>", "<w:r><w:t>链接</w:t></w:r>", 10000) + "</w:p>";
  expect_survived(check(docx_with_body("deep-link", body), 30), true);
}

TEST(CheckHardening, TenThousandNestedUnknownElements) {
  REQUIRE_CHECK();
  std::string body = kPara + nested("<x:a xmlns:x=\"urn:x\">", "</x:a>", "", 10000);
  expect_survived(check(docx_with_body("deep-unknown", body), 30), true);
}

TEST(CheckHardening, HundredMegabyteTextNode) {
  REQUIRE_CHECK();
  // Stored, not deflated: a run of one letter would be refused as a zip bomb before the XML.
  std::string text(100u << 20, 'a');
  for (size_t i = 0; i < text.size(); i += 97) text[i] = ' ';
  std::string p = docx_with_body("bigtext", "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>", true);
  text.clear();
  text.shrink_to_fit();
  Measured r = check(p, 120);
  expect_survived(r, true);
  EXPECT_LT(r.max_rss_mb, 2048);
  fs::remove(p);  // 100 MB
}

TEST(CheckHardening, AbsurdNumbersAreReportedNotCrashedOn) {
  REQUIRE_CHECK();
  const std::string body =
      "<w:p><w:pPr><w:spacing w:line=\"-2147483648\" w:before=\"99999999999999999999\" w:after=\"NaN\" "
      "w:lineRule=\"auto\"/><w:ind w:firstLine=\"2147483647\" w:firstLineChars=\"-2147483648\" w:left=\"1e400\" "
      "w:hanging=\"-1\"/><w:jc w:val=\"\xE6\x97\xA0\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"999999999\"/><w:szCs "
      "w:val=\"-7\"/><w:rFonts w:eastAsia=\"\"/><w:spacing w:val=\"2147483647\"/></w:rPr><w:t>一、概述</w:t></w:r></w:p>"
      "<w:tbl><w:tblPr><w:tblW w:w=\"-99999999999\" w:type=\"pct\"/><w:tblBorders><w:top w:val=\"single\" "
      "w:sz=\"4294967296\"/><w:insideH w:val=\"dashed\" w:sz=\"-8\"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol "
      "w:w=\"NaN\"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2147483647\"/><w:vMerge/></w:tcPr>" +
      kPara + "</w:tc></w:tr></w:tbl>" +
      "<w:sectPr><w:pgSz w:w=\"999999999999\" w:h=\"-5\" w:orient=\"sideways\"/><w:pgMar w:top=\"-2147483649\" "
      "w:bottom=\"2147483647\" w:left=\"NaN\" w:right=\"1e400\" w:gutter=\"-2147483648\" w:header=\"-1\" "
      "w:footer=\"99999999mm\"/><w:cols w:num=\"-3\"/><w:pgNumType w:start=\"-2147483648\"/></w:sectPr>";
  std::string p = docx_with_body("numbers", body);
  expect_survived(check(p));
  expect_survived(hardening::run_bidfmt({"check", p, "--format", "sarif"}));
}

TEST(CheckHardening, StylesWithABasedOnCycleAndNumberingLoops) {
  REQUIRE_CHECK();
  const std::string styles =
      std::string("<?xml version=\"1.0\"?><w:styles xmlns:w=\"") + hardening::kW +
      "\"><w:style w:type=\"paragraph\" w:styleId=\"A\"><w:basedOn w:val=\"B\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"B\"><w:basedOn w:val=\"A\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"C\"><w:basedOn w:val=\"C\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/>"
      "</w:numPr></w:pPr></w:style><w:style w:type=\"numbering\" w:styleId=\"N\"><w:pPr><w:numPr><w:numId w:val=\"1\"/>"
      "</w:numPr></w:pPr></w:style></w:styles>";
  const std::string numbering = std::string("<?xml version=\"1.0\"?><w:numbering xmlns:w=\"") + hardening::kW +
                                "\"><w:abstractNum w:abstractNumId=\"0\"><w:numStyleLink w:val=\"N\"/><w:lvl w:ilvl=\"99\"><w:start "
                                "w:val=\"-5\"/><w:lvlText w:val=\"%9%99%\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId "
                                "w:val=\"0\"/></w:num></w:numbering>";
  const std::string rels =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
      "Target=\"styles.xml\"/><Relationship Id=\"rId2\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" "
      "Target=\"../../../etc/passwd\"/></Relationships>";
  std::vector<RawEntry> e = hardening::minimal_docx(hardening::document_xml(
      "<w:p><w:pPr><w:pStyle w:val=\"A\"/></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"C\"/><w:numPr><w:ilvl w:val=\"2147483647\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
      "<w:r><w:t>乙</w:t></w:r></w:p><w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/></w:sectPr>"));
  e.push_back(hardening::deflated("word/styles.xml", styles));
  e.push_back(hardening::deflated("word/numbering.xml", numbering));
  e.push_back(hardening::deflated("word/_rels/document.xml.rels", rels));
  std::string p = write("cycles", hardening::raw_zip(e));
  Measured r = check(p, 30);
  expect_survived(r, true);
  EXPECT_EQ(r.out.find("root:"), std::string::npos);
}

TEST(CheckHardening, TerminalEscapesInDocumentTextAreNotPrinted) {
  REQUIRE_CHECK();
  // &#27;]0;…&#7; sets the terminal title, &#27;[2J clears the screen: a text report quoting the
  // paragraph must not pass them to the terminal raw.
  std::string p = docx_with_body("escapes", "<w:p><w:r><w:t>&#27;]0;pwned&#7;&#27;[2J&#27;[31m红色正文</w:t></w:r></w:p>");
  for (const char* format : {"text", "json", "sarif", "junit"}) {
    Measured r = hardening::run_bidfmt({"check", p, "--format", format, "--lang", "en"});
    expect_survived(r);
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << format;
    EXPECT_EQ(r.out.find('\x07'), std::string::npos) << format;
    EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << format;
  }
}

// --- the output ---------------------------------------------------------------------------------

TEST(CheckHardening, ReportOutputEqualToTheInputIsRefused) {
  REQUIRE_CHECK();
  std::string p = docx_with_body("same", kPara);
  const std::string before = testkit::read_text(p);
  Measured r = hardening::run_bidfmt({"check", p, "-o", p, "--lang", "en"});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_TRUE(testkit::read_text(p) == before) << "the input was overwritten by the report";
}

TEST(CheckHardening, TheInputIsNeverWritten) {
  REQUIRE_CHECK();
  std::string p = docx_with_body("readonly", kPara);
  const std::string before = testkit::read_text(p);
  const auto mtime = fs::last_write_time(p);
  hardening::run_bidfmt({"check", p, "--format", "json"});
  EXPECT_TRUE(testkit::read_text(p) == before);
  EXPECT_TRUE(fs::last_write_time(p) == mtime);
  for (const auto& f : fs::directory_iterator(fs::path(p).parent_path())) EXPECT_EQ(f.path(), fs::path(p));
}

// --- fix ----------------------------------------------------------------------------------------

#define REQUIRE_FIX()                                                          \
  do {                                                                         \
    static const std::string why = hardening::missing_subcommand("fix");       \
    if (!why.empty()) GTEST_SKIP() << why << ": this test runs once it lands"; \
  } while (0)

TEST(FixHardening, HostilePackagesAreRefusedWithoutOutput) {
  REQUIRE_FIX();
  std::vector<RawEntry> bomb = hardening::minimal_docx(hardening::document_xml(kPara));
  bomb.back() = hardening::zeros_bomb("word/document.xml", 2ull << 30);
  std::vector<RawEntry> crc = hardening::minimal_docx(hardening::document_xml(kPara));
  crc.back().crc ^= 1;
  const std::string whole = hardening::raw_zip(hardening::minimal_docx(hardening::document_xml(kPara)));
  for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{{"fix-bomb", hardening::raw_zip(bomb)},
                                                                                    {"fix-crc", hardening::raw_zip(crc)},
                                                                                    {"fix-cut", whole.substr(0, whole.size() / 2)},
                                                                                    {"fix-text", "不是 zip"}}) {
    std::string p = write(name, bytes);
    std::string out = fs::path(p).parent_path().string() + "/out.docx";
    Measured r = hardening::run_bidfmt({"fix", p, "-o", out, "--project", "项目", "--lang", "en"});
    expect_refused(r, p, "");
    EXPECT_FALSE(fs::exists(out)) << name;
    EXPECT_TRUE(testkit::read_text(p) == bytes) << name;
    EXPECT_LT(r.max_rss_mb, 512) << name;
  }
}

TEST(FixHardening, OutputEqualToTheInputIsRefused) {
  REQUIRE_FIX();
  std::string p = docx_with_body("fix-same", kPara);
  const std::string before = testkit::read_text(p);
  Measured r = hardening::run_bidfmt({"fix", p, "-o", p, "--project", "项目", "--lang", "en"});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_TRUE(testkit::read_text(p) == before) << "fix overwrote its input";
  for (const auto& f : fs::directory_iterator(fs::path(p).parent_path())) EXPECT_EQ(f.path(), fs::path(p));
}

TEST(FixHardening, AbsurdNumbersAndDeepNesting) {
  REQUIRE_FIX();
  std::string body = nested("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", kPara, 5000) +
                     "<w:p><w:pPr><w:ind w:firstLine=\"2147483647\" w:firstLineChars=\"-2147483648\"/><w:spacing "
                     "w:line=\"-2147483648\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"999999999\"/></w:rPr><w:t>正文</w:t></w:r></w:p>"
                     "<w:sectPr><w:pgSz w:w=\"999999999999\" w:h=\"-5\"/><w:pgMar w:top=\"-2147483649\" w:left=\"NaN\"/></w:sectPr>";
  std::string p = docx_with_body("fix-absurd", body);
  std::string out = fs::path(p).parent_path().string() + "/out.docx";
  Measured r = hardening::run_bidfmt({"fix", p, "-o", out, "--project", "项目", "--lang", "en"}, hardening::Limits{60});
  expect_survived(r, true);
  if (r.status <= 1) {
    Measured c = check(out);
    expect_survived(c, false);
  }
}

}  // namespace
}  // namespace bidfmt
