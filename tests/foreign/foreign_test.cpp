// Documents bidfmt did not write (tests/foreign/foreign_docs.h): each compliant shape checks with no
// finding at any severity, and each single break in it is found under the right rule.
#include <gtest/gtest.h>

#include <set>

#include "api/bidfmt.h"
#include "foreign/foreign_docs.h"
#include "profile/profile.h"

namespace bidfmt::foreign {
namespace {

const profile::Profile& xx2014() {
  static const profile::Profile p = profile::load("xx-2014");
  return p;
}

report::FileReport check(const Shape& s, const Break& b, const std::string& name) {
  return check_file(write(s, b, name), xx2014(), kProject);
}

std::string dump(const report::FileReport& r) {
  std::string out = r.checked ? "" : "NOT CHECKED: " + r.error.en + "\n";
  for (const rules::Finding& f : r.findings)
    out += f.rule() + " [" + f.kind() + "] p" + std::to_string(f.where().paragraph) + " s" + std::to_string(f.where().section) + " " +
           f.where().part() + ": " + f.message().zh + "\n";
  return out;
}

std::set<std::string> rule_ids(const report::FileReport& r) {
  std::set<std::string> ids;
  for (const rules::Finding& f : r.findings) ids.insert(f.rule());
  return ids;
}

class Compliant : public ::testing::TestWithParam<Shape> {};

TEST_P(Compliant, ChecksWithNoFindingAtAnySeverity) {
  const Shape& s = GetParam();
  report::FileReport r = check(s, {}, "clean-" + s.name);
  ASSERT_TRUE(r.checked) << r.error.en;
  EXPECT_TRUE(r.findings.empty()) << s.name << ":\n" << dump(r);
}

INSTANTIATE_TEST_SUITE_P(Shapes, Compliant, ::testing::Values(word2016(), wps(), libreoffice(), localized()),
                         [](const ::testing::TestParamInfo<Shape>& i) { return i.param.name; });

struct BrokenCase {
  const char* name;
  Shape shape;
  Break brk;
  std::string rule;  // the one rule that reports it
  std::string kind;  // and the kind of every finding ("" = any)
  size_t count = 0;  // the number of findings (0 = any, at least one)
};
void PrintTo(const BrokenCase& c, std::ostream* os) { *os << c.name; }

std::vector<BrokenCase> broken() {
  std::vector<BrokenCase> all;
  auto add = [&](const char* name, Shape s, auto edit, std::string rule, std::string kind = "", size_t count = 0) {
    Break b;
    edit(b);
    all.push_back(BrokenCase{name, std::move(s), b, std::move(rule), std::move(kind), count});
  };
  add(
      "word_heading2_size", word2016(), [](Break& b) { b.heading2_size = "28"; }, "heading.l2");
  add(
      "word_first_row_rule", word2016(), [](Break& b) { b.first_row_rule = true; }, "table.borders", "inside_h", 1);
  add(
      "wps_first_row_rule", wps(), [](Break& b) { b.first_row_rule = true; }, "table.borders", "inside_h", 1);
  // The legacy hex look without 0x0020: the style's firstRow part (bold) is off.
  add(
      "wps_look_no_first_row", wps(), [](Break& b) { b.look = "w:val=\"0400\""; }, "table.header-row");
  add(
      "wps_body_indent", wps(), [](Break& b) { b.body_indent = true; }, "para.indent");
  add(
      "lo_cell_inner_solid", libreoffice(), [](Break& b) { b.cell_inner_solid = true; }, "table.borders", "inside_h", 1);
  // Per-cell borders win over the table style's conditional parts: its rule under the header
  // row is not drawn where every cell says dashed.
  add(
      "localized_first_row_rule_hidden_by_cells", localized(), [](Break& b) { b.first_row_rule = true; }, "", "", 0);
  add(
      "lo_outer_top_thin", libreoffice(), [](Break& b) { b.outer_top_thin = true; }, "table.borders", "top", 1);
  add(
      "lo_a3_header_a4_tab", libreoffice(), [](Break& b) { b.a3_header_a4_tab = true; }, "header.text", "right_tab", 1);
  add(
      "word_deep_item_letter", word2016(), [](Break& b) { b.deep_item_letter = true; }, "heading.depth", "list_number");
  add(
      "localized_toc_spacing", localized(), [](Break& b) { b.toc_spacing = true; }, "para.spacing");
  add(
      "word_header_style_tabs", word2016(), [](Break& b) { b.header_word_tabs = true; }, "header.text", "right_align", 1);
  add(
      "word_theme_font_shows", word2016(), [](Break& b) { b.theme_font_left = true; }, "body.font");
  // SECTIONPAGES counts one section's pages: wrong once the body has an A3 section.
  add(
      "lo_sectionpages_with_a3", libreoffice(), [](Break& b) { b.total = "SECTIONPAGES"; }, "footer.page-number");
  add(
      "localized_header_text", localized(), [](Break& b) { b.header_text = true; }, "header.text", "right_text");
  add(
      "localized_outer_top_thin", localized(), [](Break& b) { b.outer_top_thin = true; }, "table.borders", "top", 1);
  return all;
}

class Broken : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(Broken, IsFoundUnderTheRightRule) {
  const BrokenCase& c = GetParam();
  report::FileReport r = check(c.shape, c.brk, c.name);
  ASSERT_TRUE(r.checked) << r.error.en;
  EXPECT_EQ(rule_ids(r), c.rule.empty() ? std::set<std::string>{} : std::set<std::string>{c.rule}) << dump(r);
  for (const rules::Finding& f : r.findings) {
    if (!c.kind.empty()) {
      EXPECT_EQ(f.kind(), c.kind) << dump(r);
    }
  }
  if (c.count) {
    EXPECT_EQ(r.findings.size(), c.count) << dump(r);
  }
}

INSTANTIATE_TEST_SUITE_P(Breaks, Broken, ::testing::ValuesIn(broken()),
                         [](const ::testing::TestParamInfo<BrokenCase>& i) { return i.param.name; });

// The message of a table style's rule under the header row says where it comes from.
TEST(ForeignTables, FirstRowRuleIsNamedWithItsStylePart) {
  Break b;
  b.first_row_rule = true;
  report::FileReport r = check(wps(), b, "first-row-message");
  ASSERT_EQ(r.findings.size(), 1u) << dump(r);
  const std::string& zh = r.findings[0].message().zh;
  EXPECT_NE(zh.find("标题行(firstRow)"), std::string::npos) << zh;
  EXPECT_NE(zh.find("三线表"), std::string::npos) << zh;
  EXPECT_EQ(r.findings[0].where().row, 1);
}

}  // namespace
}  // namespace bidfmt::foreign
