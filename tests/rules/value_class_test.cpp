// 「标准未规定的不是规则」: findings on a profile value depend on its class (basis:). A default
// value broken gives no finding, and with --strict a warning marked 「标准未规定」; a required
// value broken is an error either way.
#include "rules/check_fixture.h"

namespace bidfmt::testfix {
namespace {

report::FileReport check_with(const std::string& path, bool strict, const profile::Profile& p = xx2014()) {
  FileCheckOptions o;
  o.project = kProject;
  o.strict = strict;
  return check_file(path, p, o);
}

// Standard A says nothing of heading alignment: a heading that inherits 两端对齐 complies.
Parts heading_justified() {
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) {
    set_child(ppr_of(paragraph_with_text(d, "工程概况")), "w:jc", {{"w:val", "both"}});
  });
  return p;
}

// Standard A's caption sentence names no size: a caption in 五号 complies.
Parts caption_in_wuhao() {
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) {
    for (pugi::xpath_node r : paragraph_with_text(d, "表1-1 工程概况统计表").select_nodes(".//w:r")) {
      pugi::xml_node rpr = r.node().child("w:rPr") ? r.node().child("w:rPr") : r.node().prepend_child("w:rPr");
      set_child(rpr, "w:sz", {{"w:val", "21"}});
      set_child(rpr, "w:szCs", {{"w:val", "21"}});
    }
  });
  return p;
}

void expect_default_only(const Parts& parts, const std::string& name, const std::string& rule, const std::string& kind) {
  const std::string path = write(parts, name);
  report::FileReport plain = check_with(path, false);
  ASSERT_TRUE(plain.checked) << plain.error.en;
  EXPECT_TRUE(plain.findings.empty()) << dump(plain);
  report::FileReport strict = check_with(path, true);
  ASSERT_FALSE(strict.findings.empty()) << "--strict reports the default value";
  for (const rules::Finding& f : strict.findings) {
    EXPECT_EQ(f.rule(), rule);
    EXPECT_EQ(f.kind(), kind);
    EXPECT_EQ(f.severity, rules::Severity::warning);
    EXPECT_NE(f.message().zh.find("标准未规定"), std::string::npos) << f.message().zh;
    EXPECT_NE(f.message().en.find("not set by the standard"), std::string::npos) << f.message().en;
  }
}

TEST(ValueClass, HeadingInheritingJustifiedIsNoFindingUnlessStrict) {
  expect_default_only(heading_justified(), "class-heading-align", "heading.l1", "alignment");
}

TEST(ValueClass, CaptionInWuhaoIsNoFindingUnlessStrict) {
  expect_default_only(caption_in_wuhao(), "class-caption-size", "table.caption", "size");
}

TEST(ValueClass, MissingFigureCaptionIsADefaultOfStandardA) {
  // Standard A's text breaks off at 「六、图」: every figure caption value is a default.
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) {
    pugi::xml_node cap = paragraph_with_text(d, "图1.2-1 施工总平面布置示意图");
    cap.parent().remove_child(cap);
  });
  expect_default_only(p, "class-figure-caption", "figure.caption", "missing");
}

TEST(ValueClass, RequiredValueBrokenIsAnErrorWithAndWithoutStrict) {
  // 「4.1一级标题 … 小四号字」: a level-1 heading in 四号 breaks a required value.
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) {
    for (pugi::xpath_node r : paragraph_with_text(d, "工程概况").select_nodes(".//w:r")) {
      pugi::xml_node rpr = r.node().child("w:rPr") ? r.node().child("w:rPr") : r.node().prepend_child("w:rPr");
      set_child(rpr, "w:sz", {{"w:val", "28"}});
    }
  });
  const std::string path = write(p, "class-heading-size");
  for (bool strict : {false, true}) {
    report::FileReport r = check_with(path, strict);
    ASSERT_EQ(r.findings.size(), 1u) << dump(r);
    EXPECT_EQ(r.findings[0].rule(), "heading.l1");
    EXPECT_EQ(r.findings[0].kind(), "size");
    EXPECT_EQ(r.findings[0].severity, rules::Severity::error);
    EXPECT_EQ(r.findings[0].message().zh.find("标准未规定"), std::string::npos);
  }
}

TEST(ValueClass, TenderOverrideMakesADefaultRequired) {
  // The tender (招标文件) asks for left-aligned headings: now a justified heading is an error.
  std::string dir = testkit::temp_dir("class-tender");
  write_file(
      dir + "/tender.yaml",
      "headings:\n" + std::string() +
          "  - {level: 1, rule: heading.l1, number: {format: chineseCounting, text: \"%1、\"}, size: 小四, bold: true, align: left, first_line_indent: 0字符}\n"
          "  - {level: 2, rule: heading.l2, number: {format: decimal, text: \"%1.%2\", suffix: space, legal: true}, size: 小四, bold: true, align: left, first_line_indent: 0字符}\n"
          "  - {level: 3, rule: heading.l3, number: {format: decimal, text: \"%1.%2.%3\", suffix: space, legal: true}, size: 小四, bold: false, align: left, first_line_indent: 0字符}\n");
  const profile::Profile tender = profile::load("xx-2014", {dir + "/tender.yaml"});
  EXPECT_EQ(tender.class_of("headings.1.align"), profile::ValueClass::required);
  report::FileReport r = check_with(write(heading_justified(), "class-tender-align"), false, tender);
  std::vector<const rules::Finding*> l1;
  for (const rules::Finding& f : r.findings)
    if (f.rule() == "heading.l1") l1.push_back(&f);
  ASSERT_EQ(l1.size(), 1u) << dump(r);
  EXPECT_EQ(l1[0]->kind(), "alignment");
  EXPECT_EQ(l1[0]->severity, rules::Severity::error);
}

TEST(ValueClass, CliStrictMarksDefaultsAndKeepsExitZero) {
  const std::string path = write(heading_justified(), "class-cli");
  testkit::RunResult plain = testkit::run_cli({"check", path, "--project", kProject});
  EXPECT_EQ(plain.status, 0) << plain.out;
  testkit::RunResult strict = testkit::run_cli({"check", path, "--project", kProject, "--strict", "--lang", "en"});
  EXPECT_EQ(strict.status, 0) << strict.out;  // warnings only
  EXPECT_NE(strict.out.find("not set by the standard"), std::string::npos) << strict.out;
  testkit::RunResult zh = testkit::run_cli({"check", path, "--project", kProject, "--strict"});
  EXPECT_NE(zh.out.find("标准未规定"), std::string::npos) << zh.out;
}

}  // namespace
}  // namespace bidfmt::testfix
