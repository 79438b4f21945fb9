// Report emitters over one fixed list of findings: text grouping and colour, JSON schema, SARIF 2.1.0, JUnit XML.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <sstream>

#include "report/json_value.h"
#include "report/report.h"
#include "rules/registry.h"

namespace bidfmt::report {
namespace {

rules::Finding finding(const std::string& rule, const std::string& kind, int paragraph, int ordinal, const std::string& msg,
                       rules::Severity sev = rules::Severity::error) {
  rules::Finding f(rules::Statement{rule, kind, Text{"小四", "12pt (小四)"}, Text{"小五", "9pt (小五)"}, Text{msg, "en: " + msg}},
                   rules::Location{}, sev, true);
  f.edit_where().set_part("word/document.xml");
  f.edit_where().section = 3;
  f.edit_where().paragraph = paragraph;
  f.edit_where().ordinal = ordinal;
  f.edit_where().set_heading_path("二、主要施工方法 › 2.3 管网工程");
  f.edit_where().set_excerpt("正文\"引号\"与\\反斜杠");
  return f;
}

std::vector<FileReport> sample() {
  FileReport a;
  a.path = "投标文件.docx";
  for (int i = 0; i < 4; ++i) a.findings.push_back(finding("body.font", "size", 10 + i, 5 + i, "字号为 小五,应为 小四"));
  a.findings.push_back(finding("body.font", "size", 30, 20, "字号为 小五,应为 小四"));
  a.findings.push_back(finding("page.margins", "margin_left", 0, 0, "左边距为 20.0mm,应为 22.0mm"));
  a.findings.push_back(finding("figure.caption", "missing", 40, 30, "图缺少题注", rules::Severity::warning));
  FileReport b;
  b.path = "clean.docx";
  FileReport c;
  c.path = "bad.docx";
  c.checked = false;
  c.error = Text{"不是有效的 DOCX(zip)文件", "not a valid DOCX (zip) file"};
  return {a, b, c};
}

std::string emit(Format f, Lang lang = Lang::zh, bool color = false) {
  std::ostringstream os;
  ReportOptions o;
  o.lang = lang;
  o.color = color;
  o.tool_version = "9.9";
  o.profile_id = "xx-2014";
  o.profile_source = "bundled:xx-2014";
  write_report(os, f, sample(), o);
  return os.str();
}

TEST(Report, ParseFormat) {
  EXPECT_EQ(parse_format("sarif"), Format::sarif);
  EXPECT_EQ(parse_format("html"), Format::html);
  EXPECT_FALSE(parse_format("pdf"));
}

TEST(Report, TextGroupsConsecutiveParagraphs) {
  std::string t = emit(Format::text);
  EXPECT_NE(t.find("[body.font]"), std::string::npos) << t;
  EXPECT_NE(t.find("第 10–13 段(4 段)"), std::string::npos) << t;  // 4 consecutive paragraphs, one line
  EXPECT_NE(t.find("第 30 段"), std::string::npos) << t;           // not consecutive: its own line
  EXPECT_NE(t.find("二、主要施工方法 › 2.3 管网工程"), std::string::npos);
  EXPECT_NE(t.find("无法检查"), std::string::npos);
  EXPECT_NE(t.find("未发现格式问题"), std::string::npos);
  EXPECT_EQ(t.find("\033["), std::string::npos);  // no colour unless asked
  // Rules appear in registry order: page.margins before body.font before figure.caption.
  EXPECT_LT(t.find("[page.margins]"), t.find("[body.font]"));
  EXPECT_LT(t.find("[body.font]"), t.find("[figure.caption]"));
}

TEST(Report, TextEnglishAndColour) {
  std::string t = emit(Format::text, Lang::en, true);
  EXPECT_NE(t.find("paragraphs 10–13 (4)"), std::string::npos) << t;
  EXPECT_NE(t.find("en: 字号为"), std::string::npos);
  EXPECT_NE(t.find("could not check"), std::string::npos);
  EXPECT_NE(t.find("\033[31m"), std::string::npos);
}

TEST(Report, JsonHasTheSchemaKeysAndEveryFinding) {
  jsontest::Value v = jsontest::parse(emit(Format::json));
  EXPECT_EQ(v["schema"].s, "bidfmt-check-report");
  EXPECT_EQ(v["version"].n, 1);
  EXPECT_EQ(v["tool"]["version"].s, "9.9");
  EXPECT_EQ(v["profile"]["id"].s, "xx-2014");
  ASSERT_EQ(v["files"].items.size(), 3u);
  const jsontest::Value& a = v["files"][0];
  EXPECT_EQ(a["status"].s, "checked");
  EXPECT_EQ(a["findings"].items.size(), 7u);  // grouped in text, every one kept here
  const jsontest::Value& f = a["findings"][0];
  for (const char* key : {"rule", "kind", "severity", "fixable", "location", "expected", "actual", "message", "message_i18n"})
    EXPECT_TRUE(f.has(key)) << key;
  for (const char* key : {"part", "section", "paragraph", "table", "row", "column", "heading_path", "excerpt"})
    EXPECT_TRUE(f["location"].has(key)) << key;
  EXPECT_EQ(f["location"]["excerpt"].s, "正文\"引号\"与\\反斜杠");
  EXPECT_EQ(f["message_i18n"]["en"].s, "en: 字号为 小五,应为 小四");
  EXPECT_EQ(a["counts"]["errors"].n, 6);
  EXPECT_EQ(a["counts"]["warnings"].n, 1);
  EXPECT_EQ(v["files"][2]["status"].s, "error");
  EXPECT_EQ(v["files"][2]["error_i18n"]["en"].s, "not a valid DOCX (zip) file");
  EXPECT_EQ(v["summary"]["failed"].n, 1);
  EXPECT_EQ(v["summary"]["errors"].n, 6);
}

TEST(Report, SarifIs210WithRulesAndResults) {
  jsontest::Value v = jsontest::parse(emit(Format::sarif, Lang::en));
  EXPECT_EQ(v["version"].s, "2.1.0");
  const jsontest::Value& run = v["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"].s, "bidfmt");
  EXPECT_EQ(run["tool"]["driver"]["rules"].items.size(), rules::all_rules().size());
  ASSERT_EQ(run["results"].items.size(), 7u);
  const jsontest::Value& r = run["results"][0];
  EXPECT_EQ(r["ruleId"].s, "body.font");
  EXPECT_EQ(r["level"].s, "error");
  EXPECT_EQ(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].s, "%E6%8A%95%E6%A0%87%E6%96%87%E4%BB%B6.docx");
  EXPECT_EQ(run["results"][6]["level"].s, "warning");
  EXPECT_FALSE(run["invocations"][0]["executionSuccessful"].b);
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"].items.size(), 1u);
}

TEST(Report, JUnitIsWellFormedOneTestcasePerRule) {
  std::string x = emit(Format::junit);
  pugi::xml_document d;
  ASSERT_TRUE(d.load_string(x.c_str())) << x;
  pugi::xml_node suites = d.child("testsuites");
  ASSERT_TRUE(suites);
  std::vector<pugi::xml_node> suite;
  for (pugi::xml_node s : suites.children("testsuite")) suite.push_back(s);
  ASSERT_EQ(suite.size(), 3u);
  EXPECT_EQ(static_cast<size_t>(std::distance(suite[0].children("testcase").begin(), suite[0].children("testcase").end())),
            rules::all_rules().size());
  EXPECT_EQ(suite[0].attribute("failures").as_int(), 2);  // body.font, page.margins (figure.caption only warns)
  EXPECT_EQ(suite[1].attribute("failures").as_int(), 0);
  EXPECT_EQ(suite[2].attribute("errors").as_int(), 1);
  pugi::xml_node fail = suite[0].find_child_by_attribute("testcase", "name", "body.font").child("failure");
  ASSERT_TRUE(fail);
  EXPECT_NE(std::string(fail.text().get()).find("第10段"), std::string::npos) << fail.text().get();
  // Every error is a line of its failure, the excerpt's quotes and backslash as they were.
  const std::string body = fail.text().get();
  EXPECT_EQ(std::count(body.begin(), body.end(), '\n'), 5) << body;
  EXPECT_NE(body.find("「正文\"引号\"与\\反斜杠」"), std::string::npos) << body;
  EXPECT_EQ(std::string(fail.attribute("message").value()).rfind("5 处问题:", 0), 0u) << fail.attribute("message").value();
  // A warning is no failure: it is the testcase's system-out.
  pugi::xml_node caption = suite[0].find_child_by_attribute("testcase", "name", "figure.caption");
  EXPECT_FALSE(caption.child("failure"));
  EXPECT_NE(std::string(caption.child("system-out").text().get()).find("图缺少题注"), std::string::npos);
  EXPECT_STREQ(suite[2].child("testcase").child("error").attribute("message").value(), "不是有效的 DOCX(zip)文件");
  // The totals are the suites' sums.
  EXPECT_EQ(suites.attribute("tests").as_int(), static_cast<int>(2 * rules::all_rules().size() + 1));
  EXPECT_EQ(suites.attribute("failures").as_int(), 2);
  EXPECT_EQ(suites.attribute("errors").as_int(), 1);
}

// Document text goes into the XML escaped, and the control characters XML 1.0 cannot carry are
// left out (the report stays well-formed).
TEST(Report, JUnitEscapesDocumentText) {
  std::vector<FileReport> files = sample();
  files[0].findings[0].edit_where().set_excerpt(
      "a<b & c>\"d\"\x1b\x07"
      "e");
  files[0].path = "标书 <1> & \"2\".docx";
  std::ostringstream os;
  write_junit(os, files, ReportOptions{});
  pugi::xml_document d;
  ASSERT_TRUE(d.load_string(os.str().c_str())) << os.str();
  pugi::xml_node suite = d.child("testsuites").child("testsuite");
  EXPECT_STREQ(suite.attribute("name").value(), "标书 <1> & \"2\".docx");
  const std::string body = suite.find_child_by_attribute("testcase", "name", "body.font").child("failure").text().get();
  EXPECT_NE(body.find("「a<b & c>\"d\"e」"), std::string::npos) << body;
}

}  // namespace
}  // namespace bidfmt::report
