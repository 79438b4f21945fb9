// check --render and --annotate: samples built by bidfmt check clean on their rendered pages; a
// footer total or a TOC number that is wrong only once laid out is caught by --render and not by
// the static check; the annotated copy has one comment per finding and nothing else changed.
// One process (tests/CMakeLists.txt): the built samples are shared by the tests.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <sstream>

#include "core/error.h"
#include "profile/profile.h"
#include "render/libreoffice.h"
#include "render/pdf.h"
#include "report/json_value.h"
#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

bool can_render() { return render::available() && render::poppler_available(); }

// samples/NAME.md built with a layout pass (real TOC numbers and totals), once per process.
std::string built(const std::string& name, const std::string& profile = "xx-2014") {
  static std::map<std::string, std::string> done;
  std::string key = name + "@" + profile;
  auto it = done.find(key);
  if (it != done.end()) return it->second;
  std::string dir = testkit::temp_dir("render-check-" + name + "-" + profile);
  std::string docx = dir + "/" + name + ".docx";
  testkit::RunResult r =
      testkit::run_cli({"build", testkit::source_dir() + "/samples/" + name + ".md", "-o", docx, "--profile", profile, "--paginate"});
  EXPECT_EQ(r.status, 0) << r.err;
  return done[key] = docx;
}

// A copy of `docx` with word/document.xml passed through `edit`.
std::string edited(const std::string& docx, const std::string& name, const std::function<void(std::string&)>& edit) {
  auto parts = testkit::read_zip(docx);
  edit(parts.at("word/document.xml"));
  std::string out = testkit::temp_dir("render-check-fixture-" + name) + "/" + name + ".docx";
  testkit::write_zip(out, parts);
  return out;
}

jsontest::Value check_json(std::vector<std::string> args, int* status = nullptr) {
  args.insert(args.begin(), "check");
  args.push_back("--format");
  args.push_back("json");
  testkit::RunResult r = testkit::run_cli(args);
  if (status) *status = r.status;
  EXPECT_NE(r.status, 2) << r.err;
  return jsontest::parse(r.out);
}

std::vector<const jsontest::Value*> findings_of(const jsontest::Value& report, const std::string& rule) {
  std::vector<const jsontest::Value*> out;
  for (const jsontest::Value& f : report["files"][0]["findings"].items)
    if (f["rule"].s == rule) out.push_back(&f);
  return out;
}

std::string all_findings(const jsontest::Value& report) {
  std::string s;
  for (const jsontest::Value& f : report["files"][0]["findings"].items) s += f["rule"].s + ": " + f["message"].s + "\n";
  return s;
}

class RenderCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!can_render()) GTEST_SKIP() << "LibreOffice/poppler not installed";
  }
};

TEST_F(RenderCheck, BuiltSampleHasNoFindingsOnItsRenderedPages) {
  int status = -1;
  jsontest::Value r = check_json({built("road-bid"), "--render"}, &status);
  EXPECT_EQ(status, 0);
  EXPECT_TRUE(r["files"][0]["findings"].items.empty()) << all_findings(r);
}

TEST_F(RenderCheck, FooterTotalWrongOnlyWhenRenderedIsCaughtByRenderAlone) {
  // An empty paragraph with a page break after the end of the body: the _BodyEnd bookmark is still
  // followed by nothing but an empty paragraph (the static check is satisfied), but the body now
  // prints one more page than its footers' 共Y页 say.
  std::string docx = edited(built("road-bid"), "footer-total", [](std::string& xml) {
    size_t at = xml.rfind("<w:sectPr");
    ASSERT_NE(at, std::string::npos);
    xml.insert(at, "<w:p><w:pPr><w:pageBreakBefore/></w:pPr></w:p>");
  });
  int status = -1;
  jsontest::Value plain = check_json({docx}, &status);
  EXPECT_EQ(status, 0) << all_findings(plain);
  EXPECT_TRUE(findings_of(plain, "footer.page-number").empty()) << all_findings(plain);

  jsontest::Value rendered = check_json({docx, "--render"}, &status);
  EXPECT_EQ(status, 1);
  auto footer = findings_of(rendered, "footer.page-number");
  ASSERT_FALSE(footer.empty()) << all_findings(rendered);
  bool total = false;
  for (const jsontest::Value* f : footer) {
    EXPECT_GT((*f)["location"]["page"].n, 0) << (*f)["message"].s;
    if ((*f)["kind"].s == "rendered_total") {
      total = true;
      EXPECT_NE((*f)["message"].s.find("共"), std::string::npos);
      EXPECT_EQ((*f)["fixable"].b, false);
    }
  }
  EXPECT_TRUE(total) << all_findings(rendered);
}

TEST_F(RenderCheck, StaleTocPageNumberIsCaughtWithItsPage) {
  // The cached result of the third TOC entry's PAGEREF says 99.
  std::string docx = edited(built("road-bid"), "stale-toc", [](std::string& xml) {
    std::regex re(
        R"(PAGEREF _Toc\d+ \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t>(\d+)</w:t>)");
    auto it = std::sregex_iterator(xml.begin(), xml.end(), re);
    ASSERT_NE(it, std::sregex_iterator());
    ++it;
    ++it;
    ASSERT_NE(it, std::sregex_iterator());
    xml.replace(static_cast<size_t>(it->position(1)), static_cast<size_t>(it->length(1)), "99");
  });
  int status = -1;
  jsontest::Value plain = check_json({docx}, &status);
  EXPECT_TRUE(findings_of(plain, "toc.page-numbers").empty()) << "toc.page-numbers is render-only";
  jsontest::Value rendered = check_json({docx, "--render"}, &status);
  EXPECT_EQ(status, 1);
  auto toc = findings_of(rendered, "toc.page-numbers");
  ASSERT_EQ(toc.size(), 1u) << all_findings(rendered);
  EXPECT_EQ((*toc[0])["actual"].s, "99");
  EXPECT_GE((*toc[0])["location"]["page"].n, 2) << "a TOC page";
  EXPECT_GT((*toc[0])["location"]["paragraph"].n, 0);
}

TEST_F(RenderCheck, ShortLastPageOnlyWhereTheProfileAsksAndWithItsPage) {
  std::string docx = built("service-proposal", "chapter-heiti");
  int status = -1;
  jsontest::Value b = check_json({docx, "--render", "--profile", "chapter-heiti"}, &status);
  jsontest::Value a = check_json({docx, "--render", "--profile", "xx-2014"}, &status);
  EXPECT_TRUE(findings_of(a, "layout.short-last-page").empty()) << "Standard A has no such rule";
  EXPECT_TRUE(findings_of(a, "table.same-width").empty());
  // The sample's last chapter ends on a page about a third full (pdftotext: 11 of 29 lines).
  auto shorts = findings_of(b, "layout.short-last-page");
  ASSERT_FALSE(shorts.empty()) << all_findings(b);
  for (const jsontest::Value* f : shorts) {
    EXPECT_EQ((*f)["severity"].s, "warning");
    EXPECT_GT((*f)["location"]["page"].n, 0);
  }
  EXPECT_TRUE(findings_of(b, "table.same-width").empty()) << "every table of the sample spans the text width";
  EXPECT_TRUE(findings_of(b, "toc.page-numbers").empty()) << all_findings(b);
  EXPECT_TRUE(findings_of(b, "footer.page-number").empty()) << all_findings(b);
}

// table.same-width: two tables on one page, the second made narrower (w:tblW, grid and cell
// widths) — a warning on that page under Standard B; nothing when both span the text width, and
// nothing under Standard A, which has no such rule.
TEST_F(RenderCheck, NarrowerTableOnTheSamePageIsCaught) {
  std::string dir = testkit::temp_dir("render-check-same-width");
  std::ofstream(dir + "/two.md") << "---\nproject: 测试项目工程\ntitle: 施工组织设计\nprofile: chapter-heiti\n---\n\n# 工程概况\n\n"
                                    "表格如下。\n\nTable: 主要工程量\n\n| 项目 | 数量 |\n|---|---|\n| 路基 | 100 |\n\n"
                                    "Table: 主要材料\n\n| 材料 | 数量 |\n|---|---|\n| 水泥 | 20 |\n";
  std::string docx = dir + "/two.docx";
  testkit::RunResult b = testkit::run_cli({"build", dir + "/two.md", "-o", docx});
  ASSERT_EQ(b.status, 0) << b.err;
  std::string narrow = edited(docx, "narrow-table", [](std::string& xml) {
    size_t last = xml.rfind("<w:tbl>");
    ASSERT_NE(last, std::string::npos);
    std::string t = xml.substr(last);
    t = std::regex_replace(t, std::regex(R"(<w:tblW w:w="\d+" w:type="dxa"/>)"), R"(<w:tblW w:w="5000" w:type="dxa"/>)",
                           std::regex_constants::format_first_only);
    t = std::regex_replace(t, std::regex(R"(<w:gridCol w:w="\d+"/>)"), R"(<w:gridCol w:w="2500"/>)");
    t = std::regex_replace(t, std::regex(R"(<w:tcW w:w="\d+" w:type="dxa"/>)"), R"(<w:tcW w:w="2500" w:type="dxa"/>)");
    xml = xml.substr(0, last) + t;
  });
  jsontest::Value same = check_json({docx, "--render", "--profile", "chapter-heiti", "--project", "测试项目工程"});
  EXPECT_TRUE(findings_of(same, "table.same-width").empty()) << all_findings(same);
  jsontest::Value b_narrow = check_json({narrow, "--render", "--profile", "chapter-heiti", "--project", "测试项目工程"});
  auto width = findings_of(b_narrow, "table.same-width");
  ASSERT_EQ(width.size(), 1u) << all_findings(b_narrow);
  EXPECT_EQ((*width[0])["severity"].s, "warning");
  EXPECT_EQ((*width[0])["location"]["table"].n, 2);
  EXPECT_GT((*width[0])["location"]["page"].n, 0);
  jsontest::Value a_narrow = check_json({narrow, "--render", "--profile", "xx-2014", "--project", "测试项目工程"});
  EXPECT_TRUE(findings_of(a_narrow, "table.same-width").empty()) << "Standard A has no such rule";
}

TEST(RenderCheckCli, WithoutLibreOfficeRenderSaysSoInOneLineAndExits2) {
  std::string docx = testkit::temp_dir("render-check-no-lo") + "/x.docx";
  testkit::RunResult b = testkit::run_cli({"build", testkit::source_dir() + "/samples/road-bid.md", "-o", docx});
  ASSERT_EQ(b.status, 0) << b.err;
  testkit::RunResult r = testkit::run({testkit::binary(), "check", docx, "--render"}, {"PATH=/nonexistent"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("LibreOffice"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(RenderProfile, RenderRulesAreOffUnlessTheProfileTurnsThemOn) {
  EXPECT_FALSE(profile::load("xx-2014").render.short_last_page);
  EXPECT_FALSE(profile::load("xx-2014").render.table_same_width);
  EXPECT_TRUE(profile::load("chapter-heiti").render.short_last_page);
  EXPECT_TRUE(profile::load("chapter-heiti").render.table_same_width);
  std::string dir = testkit::temp_dir("render-profile");
  std::ofstream(dir + "/bad.yaml") << "extends: xx-2014\nrender:\n  short_last_page: maybe\n";
  EXPECT_THROW(profile::load(dir + "/bad.yaml"), Error);
  // A value new to the profile needs its class (basis:, docs/profile-format.md).
  std::ofstream(dir + "/on.yaml") << "extends: xx-2014\nrender:\n  short_last_page: true\n  last_page_min_fill: 0.4\n"
                                     "basis:\n  render: {required: 每章最后一页不少于半页}\n";
  EXPECT_TRUE(profile::load(dir + "/on.yaml").render.short_last_page);
  EXPECT_DOUBLE_EQ(profile::load(dir + "/on.yaml").render.last_page_min_fill, 0.4);
  EXPECT_FALSE(profile::load(dir + "/on.yaml").render.table_same_width);
  // The thresholds are the profile's: Standard B's half page and its width tolerance.
  EXPECT_DOUBLE_EQ(profile::load("chapter-heiti").render.last_page_min_fill, 0.5);
  EXPECT_EQ(profile::load("chapter-heiti").render.table_width_tolerance, Twips::from_mm(1));
  // A rule that is on needs its value; a share must be in (0, 1].
  std::ofstream(dir + "/no-fill.yaml") << "extends: xx-2014\nrender:\n  short_last_page: true\n";
  EXPECT_THROW(profile::load(dir + "/no-fill.yaml"), Error);
  std::ofstream(dir + "/no-tol.yaml") << "extends: xx-2014\nrender:\n  table_same_width: true\n";
  EXPECT_THROW(profile::load(dir + "/no-tol.yaml"), Error);
  std::ofstream(dir + "/big.yaml") << "extends: xx-2014\nrender:\n  short_last_page: true\n  last_page_min_fill: 1.5\n";
  try {
    profile::load(dir + "/big.yaml");
    ADD_FAILURE() << "1.5 accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.line(), 4);
  }
}

// ---- annotate ----------------------------------------------------------------------------

// document.xml with comment markup taken out, serialised the same way for both files.
std::string without_comments(const std::string& xml) {
  pugi::xml_document d;
  EXPECT_TRUE(d.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata));
  std::vector<pugi::xml_node> drop;
  for (pugi::xpath_node n : d.select_nodes("//w:commentRangeStart | //w:commentRangeEnd | //w:r[w:commentReference]"))
    drop.push_back(n.node());
  for (pugi::xml_node n : drop) n.parent().remove_child(n);
  std::ostringstream os;
  d.save(os, "", pugi::format_raw | pugi::format_no_declaration);
  return os.str();
}

int count_of(const std::string& xml, const std::string& what) {
  int n = 0;
  for (size_t at = xml.find(what); at != std::string::npos; at = xml.find(what, at + 1)) ++n;
  return n;
}

void expect_annotated(const std::string& input, const std::string& annotated, size_t findings) {
  auto in = testkit::read_zip(input), out = testkit::read_zip(annotated);
  ASSERT_TRUE(out.count("word/comments.xml"));
  const std::string& comments = out.at("word/comments.xml");
  EXPECT_EQ(static_cast<size_t>(count_of(comments, "<w:comment ")), findings);
  EXPECT_EQ(static_cast<size_t>(count_of(comments, "w:author=\"bidfmt\"")), findings);
  const std::string& doc = out.at("word/document.xml");
  EXPECT_EQ(static_cast<size_t>(count_of(doc, "<w:commentRangeStart ")), findings);
  EXPECT_EQ(static_cast<size_t>(count_of(doc, "<w:commentRangeEnd ")), findings);
  EXPECT_EQ(static_cast<size_t>(count_of(doc, "<w:commentReference ")), findings);
  EXPECT_NE(out.at("[Content_Types].xml").find("wordprocessingml.comments+xml"), std::string::npos);
  EXPECT_NE(out.at("word/_rels/document.xml.rels").find("relationships/comments"), std::string::npos);
  // Text and formatting unchanged: the document without comment markup is the input's.
  EXPECT_EQ(without_comments(doc), without_comments(in.at("word/document.xml")));
  // Every other part byte for byte.
  for (const auto& [name, bytes] : in) {
    if (name == "word/document.xml" || name == "[Content_Types].xml" || name == "word/_rels/document.xml.rels") continue;
    ASSERT_TRUE(out.count(name)) << name;
    EXPECT_EQ(out.at(name), bytes) << name;
  }
  // Schema-valid where the input was.
  for (const char* part : {"word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"})
    if (testkit::validate_part(part, in.at(part)).empty()) {
      EXPECT_EQ(testkit::validate_part(part, out.at(part)), "") << part;
    }
  EXPECT_EQ(testkit::validate_part("word/comments.xml", comments), "");
}

TEST(Annotate, OneCommentPerFindingAndNothingElseChanged) {
  // A Standard A build checked against Standard B: many findings of many kinds (paragraphs, tables,
  // sections, header and footer parts).
  std::string dir = testkit::temp_dir("annotate-static");
  std::string input = dir + "/in.docx", output = dir + "/批注版.docx";
  ASSERT_EQ(testkit::run_cli({"build", testkit::source_dir() + "/samples/service-proposal.md", "-o", input}).status, 0);
  std::string before = testkit::read_text(input);
  int status = -1;
  jsontest::Value r = check_json({input, "--profile", "chapter-heiti", "--annotate", output}, &status);
  EXPECT_EQ(status, 1);
  size_t n = r["files"][0]["findings"].items.size();
  ASSERT_GT(n, 10u);
  expect_annotated(input, output, n);
  EXPECT_EQ(testkit::read_text(input), before) << "the input is never modified";
  // Annotating over the input is refused.
  testkit::RunResult same = testkit::run_cli({"check", input, "--annotate", input});
  EXPECT_EQ(same.status, 2);
  EXPECT_EQ(testkit::read_text(input), before);
  // A second annotation of the annotated copy keeps the first comments and adds new ones.
  std::string again = dir + "/again.docx";
  jsontest::Value r2 = check_json({output, "--profile", "chapter-heiti", "--annotate", again}, &status);
  auto out2 = testkit::read_zip(again);
  EXPECT_EQ(static_cast<size_t>(count_of(out2.at("word/comments.xml"), "<w:comment ")), n + r2["files"][0]["findings"].items.size());
  EXPECT_EQ(testkit::validate_part("word/comments.xml", out2.at("word/comments.xml")), "");
  EXPECT_EQ(testkit::validate_part("word/document.xml", out2.at("word/document.xml")), "");
}

TEST_F(RenderCheck, AnnotatedCopyOfRenderedFindingsOpensInLibreOffice) {
  std::string docx = edited(built("road-bid"), "annotate-render",
                            [](std::string& xml) { xml.insert(xml.rfind("<w:sectPr"), "<w:p><w:pPr><w:pageBreakBefore/></w:pPr></w:p>"); });
  std::string out = testkit::temp_dir("annotate-render") + "/批注版.docx";
  int status = -1;
  jsontest::Value r = check_json({docx, "--render", "--annotate", out}, &status);
  size_t n = r["files"][0]["findings"].items.size();
  ASSERT_GE(n, 1u);
  expect_annotated(docx, out, n);
  // LibreOffice opens it and converts it to PDF.
  std::string dir = testkit::temp_dir("annotate-render-pdf");
  testkit::RunResult c = testkit::run({"soffice", "-env:UserInstallation=file://" + dir + "/lo-profile", "--headless", "--norestore",
                                       "--convert-to", "pdf", "--outdir", dir, out});
  EXPECT_EQ(c.status, 0) << c.err;
  std::string pdf = dir + "/批注版.pdf";
  ASSERT_TRUE(fs::exists(pdf)) << c.out << c.err;
  EXPECT_GT(render::read_pdf(pdf).size(), 10u);
  // And check --render reads a document that has comments (they are left out of the layout copy).
  int again = -1;
  jsontest::Value r2 = check_json({out, "--render"}, &again);
  EXPECT_EQ(r2["files"][0]["status"].s, "checked");
  EXPECT_EQ(r2["files"][0]["findings"].items.size(), n);
}

}  // namespace
}  // namespace bidfmt
