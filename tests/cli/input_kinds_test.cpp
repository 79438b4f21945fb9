// The files people have: Markdown saved as GBK/GB18030 or UTF-16 (read with a warning naming the
// encoding), and .doc/.wps/.rtf/.odt files told apart by content. What needs LibreOffice without it
// is one line saying how to install it; the conversions themselves are tests/convert (render).
#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>

#include <pugixml.hpp>

#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

const char* kBid = "---\nproject: 测试工程\n---\n\n# 工程概况\n\n本工程位于某某县,全长 12 公里。\n";

// `utf8` in `codepage`, by ICU's converter (the fixture is made here, not stored).
std::string encode(const std::string& utf8, const char* codepage) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(codepage, &status);
  std::string out(static_cast<size_t>(u.length()) * 4 + 4, '\0');
  int32_t n = ucnv_fromUChars(cnv, out.data(), static_cast<int32_t>(out.size()), u.getBuffer(), u.length(), &status);
  ucnv_close(cnv);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string body_text(const std::string& docx) {
  pugi::xml_document d;
  d.load_string(testkit::read_zip(docx).at("word/document.xml").c_str());
  std::string text;
  for (const pugi::xpath_node& t : d.select_nodes("//w:t")) text += t.node().text().get();
  return text;
}

struct Encoded {
  const char* name;  // the encoding the warning names
  std::string bytes;
};

TEST(MarkdownEncodings, GbkAndUtf16AreReadWithAWarningNamingTheEncoding) {
  const std::vector<Encoded> files = {
      {"GB18030", encode(kBid, "GBK")},
      {"GB18030", encode(kBid, "GB18030")},
      {"UTF-16LE", "\xFF\xFE" + encode(kBid, "UTF-16LE")},
      {"UTF-16BE", "\xFE\xFF" + encode(kBid, "UTF-16BE")},
  };
  std::string dir = testkit::temp_dir("md-encodings");
  int i = 0;
  for (const Encoded& e : files) {
    SCOPED_TRACE(e.name);
    std::string md = dir + "/bid" + std::to_string(i) + ".md", out = dir + "/bid" + std::to_string(i++) + ".docx";
    ASSERT_NE(e.bytes.find("\xE5\xB7\xA5"), 0u);  // not UTF-8 「工」 at the start: really re-encoded
    std::ofstream(md, std::ios::binary) << e.bytes;
    testkit::RunResult r = testkit::run_cli({"build", md, "-o", out});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, md + ": 警告:文件是 " + std::string(e.name) + " 编码,已按 " + e.name + " 读取;建议另存为 UTF-8\n");
    EXPECT_NE(body_text(out).find("本工程位于某某县,全长 12 公里。"), std::string::npos) << body_text(out);
    EXPECT_NE(body_text(out).find("工程概况"), std::string::npos);
    testkit::RunResult en = testkit::run_cli({"build", md, "-o", out, "--lang", "en"});
    EXPECT_NE(en.err.find(std::string("encoded in ") + e.name), std::string::npos) << en.err;
    // What was read is what a UTF-8 file would give: check(build(x)) is clean.
    EXPECT_EQ(testkit::run_cli({"check", out, "--project", "测试工程"}).status, 0);
  }
}

TEST(MarkdownEncodings, Utf8NeedsNoWarningAndBytesNoEncodingExplainsStayAnError) {
  std::string dir = testkit::temp_dir("md-encodings-utf8");
  std::ofstream(dir + "/a.md", std::ios::binary) << "\xEF\xBB\xBF" << kBid;
  testkit::RunResult r = testkit::run_cli({"build", dir + "/a.md", "-o", dir + "/a.docx"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  // 0xFF is no GB18030 lead byte: neither UTF-8 nor GB18030, so the line is named.
  std::ofstream(dir + "/b.md", std::ios::binary) << "# 标题\n\n正文\n\xFF\xFF 坏\n";
  testkit::RunResult bad = testkit::run_cli({"build", dir + "/b.md", "-o", dir + "/b.docx"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("b.md:4"), std::string::npos) << bad.err;
}

// A Word 97–2003 file as far as its first bytes tell (the OLE2 signature): content, not the name,
// decides what it is.
std::string ole2_file(const std::string& path) {
  std::ofstream(path, std::ios::binary) << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(504, '\0');
  return path;
}

TEST(ForeignInputs, WithoutLibreOfficeOneLineSaysHowToInstallIt) {
  std::string dir = testkit::temp_dir("foreign-no-lo");
  std::ofstream(dir + "/c.rtf") << "{\\rtf1\\ansi 正文}";
  std::string odt = dir + "/d.odt";
  testkit::write_zip(odt, {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}});
  for (const std::string& in :
       {ole2_file(dir + "/a.doc"), ole2_file(dir + "/b.wps"), ole2_file(dir + "/named-docx.docx"), dir + "/c.rtf", odt}) {
    for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
             {"check", in}, {"fix", in, "-o", dir + "/out.docx"}, {"check", in, "--annotate", dir + "/c.docx"}}) {
      SCOPED_TRACE(in + " " + args.front());
      args.insert(args.begin(), testkit::binary());
      testkit::RunResult r = testkit::run(args, {"PATH=/nonexistent"});
      EXPECT_EQ(r.status, 2) << r.err;
      EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
      EXPECT_EQ(r.err.rfind("bidfmt: " + in + ": 需要 LibreOffice", 0), 0u) << r.err;
      EXPECT_NE(r.err.find("apt-get install libreoffice-writer-nogui"), std::string::npos) << r.err;
      EXPECT_EQ(r.err.find("WordprocessingML"), std::string::npos) << r.err;
      EXPECT_FALSE(fs::exists(dir + "/out.docx"));
      args.insert(args.end(), {"--lang", "en"});
      testkit::RunResult en = testkit::run(args, {"PATH=/nonexistent"});
      EXPECT_NE(en.err.find("needs LibreOffice"), std::string::npos) << en.err;
    }
  }
}

TEST(ForeignInputs, ADocxNamedDocIsReadAsTheDocxItIs) {
  std::string dir = testkit::temp_dir("foreign-docx-named-doc");
  std::ofstream(dir + "/a.md") << kBid;
  ASSERT_EQ(testkit::run_cli({"build", dir + "/a.md", "-o", dir + "/a.doc"}).status, 0);
  testkit::RunResult r = testkit::run({testkit::binary(), "check", dir + "/a.doc", "--project", "测试工程"}, {"PATH=/nonexistent"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "") << "no conversion for a file whose content is DOCX";
}

// A password-protected DOCX as Word writes it: an OLE2 compound file whose directory names the
// streams EncryptionInfo and EncryptedPackage (UTF-16LE). Apache POI's bug53475-password-is-*.docx
// went to LibreOffice, which failed, and the user read two lines ending in 「LibreOffice 分页失败」.
TEST(ForeignInputs, APasswordProtectedDocxIsRefusedInOneLineSayingSo) {
  std::string dir = testkit::temp_dir("foreign-encrypted");
  auto utf16le = [](const std::string& ascii) {
    std::string out;
    for (char c : ascii) out += {c, '\0'};
    return out;
  };
  const std::string in = dir + "/投标文件.docx";
  std::ofstream(in, std::ios::binary) << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(504, '\0')
                                      << utf16le("EncryptionInfo") << std::string(50, '\0') << utf16le("EncryptedPackage")
                                      << std::string(1000, '\x5A');
  const std::string before = testkit::read_text(in);
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{{"check", in}, {"fix", in, "-o", dir + "/out.docx"}}) {
    SCOPED_TRACE(args.front());
    args.insert(args.begin(), testkit::binary());
    testkit::RunResult r = testkit::run(args);
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.rfind("bidfmt: " + in + ": 文件设了打开密码", 0), 0u) << r.err;
    EXPECT_EQ(r.err.find("LibreOffice"), std::string::npos) << "not converted: " << r.err;
    EXPECT_FALSE(fs::exists(dir + "/out.docx"));
    args.insert(args.end(), {"--lang", "en"});
    EXPECT_NE(testkit::run(args).err.find("password-protected"), std::string::npos);
  }
  EXPECT_EQ(testkit::read_text(in), before) << "the input is never modified";
  // A Word 97–2003 file (no EncryptedPackage) is still one to convert.
  testkit::RunResult doc = testkit::run({testkit::binary(), "check", ole2_file(dir + "/a.doc")}, {"PATH=/nonexistent"});
  EXPECT_NE(doc.err.find("需要 LibreOffice"), std::string::npos) << doc.err;
}

}  // namespace
}  // namespace bidfmt
