// `bidfmt check` on the command line: exit codes 0/1/2, a batch past a bad file, folders, --lang en, -o, formats.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "profile/profile.h"
#include "report/json_value.h"
#include "rules/check_fixture.h"
#include "rules/registry.h"

namespace bidfmt::testfix {
namespace {

namespace fs = std::filesystem;

// A copy of the clean document with one margin broken.
std::string broken_docx() {
  static const std::string path = [] {
    Parts p = clean_parts();
    edit(p, "word/document.xml",
         [](pugi::xml_document& d) { d.select_nodes("//w:sectPr")[2].node().child("w:pgMar").attribute("w:left") = "1134"; });
    return write(p, "cli-broken");
  }();
  return path;
}

std::string bad_file() {
  std::string dir = testkit::temp_dir("cli-bad");
  write_file(dir + "/bad.docx", "this is not a zip");
  return dir + "/bad.docx";
}

TEST(CliCheck, CleanExitsZero) {
  testkit::RunResult r = testkit::run_cli({"check", clean_docx(), "--project", kProject});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("未发现格式问题"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST(CliCheck, FindingsExitOne) {
  testkit::RunResult r = testkit::run_cli({"check", broken_docx()});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("[page.margins]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\033["), std::string::npos);  // not a terminal: no colour
}

TEST(CliCheck, BatchGoesOnPastABadFile) {
  testkit::RunResult r = testkit::run_cli({"check", bad_file(), broken_docx(), clean_docx(), "--project", kProject});
  EXPECT_EQ(r.status, 2) << r.out << r.err;
  // One line on stderr for the bad file; the report still covers all three.
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("bad.docx"), std::string::npos);
  EXPECT_NE(r.out.find("无法检查"), std::string::npos);
  EXPECT_NE(r.out.find("[page.margins]"), std::string::npos);
  EXPECT_NE(r.out.find("共 3 个文件"), std::string::npos) << r.out;
}

TEST(CliCheck, MissingFileExitsTwo) {
  testkit::RunResult r = testkit::run_cli({"check", "/nonexistent/x.docx"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("文件不存在"), std::string::npos) << r.err;
}

TEST(CliCheck, BadProfileExitsTwo) {
  std::string dir = testkit::temp_dir("cli-profile");
  write_file(dir + "/p.yaml", "id: x\nname: y\nbogus: 1\n");
  testkit::RunResult r = testkit::run_cli({"check", clean_docx(), "--profile", dir + "/p.yaml"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("p.yaml"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(CliCheck, BundledProfileByNameAndPath) {
  EXPECT_EQ(testkit::run_cli({"check", clean_docx(), "--profile", "xx-2014", "--project", kProject}).status, 0);
  EXPECT_EQ(testkit::run_cli({"check", clean_docx(), "--profile", testkit::source_dir() + "/styles/xx-2014.yaml"}).status, 0);
}

TEST(CliCheck, EnglishMessages) {
  testkit::RunResult r = testkit::run_cli({"check", broken_docx(), "--lang", "en"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("left margin is 20.0mm; expected 22.0mm"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 error(s)"), std::string::npos) << r.out;
}

TEST(CliCheck, OutputFileJson) {
  std::string dir = testkit::temp_dir("cli-out");
  testkit::RunResult r = testkit::run_cli({"check", broken_docx(), "--format", "json", "-o", dir + "/report.json"});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.out, "");
  jsontest::Value v = jsontest::parse(testkit::read_text(dir + "/report.json"));
  EXPECT_EQ(v["files"][0]["findings"][0]["rule"].s, "page.margins");
  // No temp file left next to it.
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  EXPECT_EQ(n, 1u);
}

TEST(CliCheck, SarifAndJunitFormats) {
  testkit::RunResult s = testkit::run_cli({"check", broken_docx(), "--format", "sarif"});
  EXPECT_EQ(s.status, 1);
  EXPECT_EQ(jsontest::parse(s.out)["version"].s, "2.1.0");
  testkit::RunResult j = testkit::run_cli({"check", broken_docx(), "--format", "junit"});
  EXPECT_EQ(j.status, 1);
  pugi::xml_document d;
  EXPECT_TRUE(d.load_string(j.out.c_str()));
}

// Each rule quotes the sentence of the profile's standard (its quotes:), not Standard A's under
// every profile; where that standard has none, SARIF gives the rule's summary and HTML no quote.
TEST(CliCheck, SarifAndHtmlQuoteTheProfilesStandard) {
  for (const std::string name : {"xx-2014", "chapter-heiti"}) {
    const profile::Profile p = profile::load(name);
    auto quote = [&](const std::string& id) {
      auto it = p.quotes.find(id);
      return it == p.quotes.end() ? std::string() : it->second;
    };
    testkit::RunResult s = testkit::run_cli({"check", broken_docx(), "--profile", name, "--format", "sarif"});
    ASSERT_EQ(s.status, 1) << s.err;
    const jsontest::Value sarif = jsontest::parse(s.out);
    const jsontest::Value& described = sarif["runs"][0]["tool"]["driver"]["rules"];
    ASSERT_EQ(described.items.size(), rules::all_rules().size());
    for (const jsontest::Value& r : described.items) {
      const rules::Rule* rule = rules::find_rule(r["id"].s);
      ASSERT_NE(rule, nullptr) << r["id"].s;
      const std::string q = quote(r["id"].s);
      EXPECT_EQ(r["fullDescription"]["text"].s, q.empty() ? rule->info.summary.zh : q) << name << " " << r["id"].s;
    }
    testkit::RunResult h = testkit::run_cli({"check", broken_docx(), "--profile", name, "--format", "html"});
    ASSERT_EQ(h.status, 1) << h.err;
    const std::regex row("<tr class=\"rule\" data-rule=\"([^\"]+)\" title=\"([^\"]*)\">");
    int rows = 0;
    for (auto it = std::sregex_iterator(h.out.begin(), h.out.end(), row); it != std::sregex_iterator(); ++it, ++rows)
      EXPECT_EQ((*it)[2].str(), quote((*it)[1].str())) << name << " " << (*it)[1].str();
    EXPECT_GT(rows, 0) << name;
  }
  const profile::Profile b = profile::load("chapter-heiti");
  EXPECT_NE(b.quotes.at("page.size").find("A4复印纸"), std::string::npos);  // Standard B's words, not A's
  EXPECT_EQ(b.quotes.count("page.margins"), 0u);                            // Standard B sets no margins
}

// JUnit: a rule not in force for the check is skipped, not passed — bid.anonymous without
// --anonymous, render-only rules without --render, Standard B's rules under Standard A.
TEST(CliCheck, JunitSkipsRulesNotInForce) {
  auto status_of = [](const std::string& xml, const char* rule) {
    pugi::xml_document d;
    EXPECT_TRUE(d.load_string(xml.c_str()));
    pugi::xml_node tc = d.child("testsuites").child("testsuite").find_child_by_attribute("testcase", "name", rule);
    if (!tc) return std::string("missing");
    if (tc.child("skipped")) return std::string("skipped");
    if (tc.child("failure")) return std::string("failed");
    return std::string("passed");
  };
  testkit::RunResult plain = testkit::run_cli({"check", clean_docx(), "--format", "junit", "--project", kProject});
  EXPECT_EQ(plain.status, 0) << plain.out;
  EXPECT_EQ(status_of(plain.out, "bid.anonymous"), "skipped");
  EXPECT_EQ(status_of(plain.out, "toc.page-numbers"), "skipped");
  EXPECT_EQ(status_of(plain.out, "text.units"), "skipped");
  EXPECT_EQ(status_of(plain.out, "page.margins"), "passed");
  testkit::RunResult anon = testkit::run_cli({"check", clean_docx(), "--format", "junit", "--project", kProject, "--anonymous"});
  EXPECT_NE(status_of(anon.out, "bid.anonymous"), "skipped") << anon.out;
  EXPECT_NE(status_of(anon.out, "bid.anonymous"), "missing");
  // JSON lists the same rules under rules_not_in_force.
  auto idle = [](const std::string& out) {
    std::vector<std::string> ids;
    jsontest::Value report = jsontest::parse(out);  // kept: the loop below walks into it
    for (const jsontest::Value& v : report["files"][0]["rules_not_in_force"].items) ids.push_back(v.s);
    return ids;
  };
  std::vector<std::string> plain_idle = idle(testkit::run_cli({"check", clean_docx(), "--format", "json", "--project", kProject}).out);
  EXPECT_NE(std::find(plain_idle.begin(), plain_idle.end(), "bid.anonymous"), plain_idle.end());
  EXPECT_EQ(std::find(plain_idle.begin(), plain_idle.end(), "page.margins"), plain_idle.end());
  std::vector<std::string> anon_idle =
      idle(testkit::run_cli({"check", clean_docx(), "--format", "json", "--project", kProject, "--anonymous"}).out);
  EXPECT_EQ(std::find(anon_idle.begin(), anon_idle.end(), "bid.anonymous"), anon_idle.end());
}

TEST(CliCheck, UsageErrors) {
  EXPECT_EQ(testkit::run_cli({"check"}).status, 2);
  EXPECT_EQ(testkit::run_cli({"check", clean_docx(), "--format", "pdf"}).status, 2);
  EXPECT_EQ(testkit::run_cli({"check", clean_docx(), clean_docx(), "--annotate", "x.docx"}).status, 2);
  EXPECT_EQ(testkit::run_cli({"check", clean_docx(), "--bogus"}).status, 2);
}

TEST(CliCheck, FoldersAreSearchedForDocx) {
  std::string dir = testkit::temp_dir("cli-folder");
  fs::create_directories(dir + "/sub");
  fs::copy_file(clean_docx(), dir + "/a.docx");
  fs::copy_file(broken_docx(), dir + "/sub/b.docx");
  write_file(dir + "/~$a.docx", "lock file");
  write_file(dir + "/notes.txt", "x");
  testkit::RunResult r = testkit::run_cli({"check", dir, "--format", "json", "--project", kProject});
  EXPECT_EQ(r.status, 1) << r.err;
  jsontest::Value v = jsontest::parse(r.out);
  ASSERT_EQ(v["files"].items.size(), 2u);
  EXPECT_NE(v["files"][0]["path"].s.find("a.docx"), std::string::npos);
  EXPECT_NE(v["files"][1]["path"].s.find("b.docx"), std::string::npos);
}

}  // namespace
}  // namespace bidfmt::testfix
