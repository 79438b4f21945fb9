// Profile loading: bundled profile values, units, and line-numbered errors.
#include <gtest/gtest.h>

#include "core/error.h"
#include "profile/profile.h"
#include "support/testkit.h"

#include <fstream>

namespace bidfmt::profile {
namespace {

TEST(Profile, BundledXx2014HoldsStandardA) {
  Profile p = load("xx-2014");
  EXPECT_EQ(p.id, "xx-2014");
  EXPECT_EQ(p.page.width.v, 11906);
  EXPECT_EQ(p.page.height.v, 16838);
  EXPECT_EQ(p.page.margin_top.v, 1417);
  EXPECT_EQ(p.page.margin_left.v, 1247);
  EXPECT_EQ(p.body.size.v, 24);
  EXPECT_EQ(p.body.line.v, 360);
  EXPECT_EQ(p.body.first_line.chars100, 200);
  EXPECT_EQ(p.body.first_line.twips_at(p.body.size).v, 480);
  EXPECT_EQ(p.body.fonts.east_asia, "宋体");
  EXPECT_EQ(p.body.fonts.latin, "Calibri");
  ASSERT_NE(p.heading(1), nullptr);
  EXPECT_EQ(p.heading(1)->number.format, "chineseCounting");
  EXPECT_TRUE(p.heading(1)->format.bold);
  EXPECT_FALSE(p.heading(3)->format.bold);
  EXPECT_TRUE(p.heading(2)->number.legal);
  EXPECT_EQ(p.table.text.size.v, 21);
  EXPECT_EQ(p.table.text.line.v, 276);
  EXPECT_EQ(p.table.top.width.v, 12);
  EXPECT_EQ(p.table.inside_h.style, "dashed");
  EXPECT_EQ(p.table.inside_h.width.v, 2);
  EXPECT_EQ(p.table.left.style, "none");
  EXPECT_EQ(p.header_footer.header_size.v, 18);
  EXPECT_FALSE(p.basis.empty());
}

TEST(Profile, UnitsByChineseNameAndSuffix) {
  EXPECT_EQ(parse_font_size("小四").v, 24);
  EXPECT_EQ(parse_font_size("五号").v, 21);
  EXPECT_EQ(parse_font_size("10.5pt").v, 21);
  EXPECT_EQ(parse_length("25mm").v, 1417);
  EXPECT_EQ(parse_length("12pt").v, 240);
  EXPECT_EQ(parse_indent("2字符").chars100, 200);
  EXPECT_DOUBLE_EQ(parse_multiple("1.5倍"), 1.5);
  EXPECT_THROW(parse_font_size("小十"), std::invalid_argument);
  EXPECT_THROW(parse_length("25"), std::invalid_argument);
  EXPECT_EQ(font_size_name(HalfPoints{24}), "小四");
  EXPECT_EQ(font_size_name(HalfPoints{23}), "11.5pt");
}

TEST(Profile, UnknownKeyNamesKeyAndLine) {
  std::string text = "id: x\nname: y\nbogus: 1\n";
  try {
    parse(text, "t.yaml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), "t.yaml");
    EXPECT_NE(std::string(e.what()).find("page"), std::string::npos) << e.what();  // first missing key
  }
}

TEST(Profile, BadUnitNamesLine) {
  Profile p = load("xx-2014");
  std::string yaml = "id: x\nname: y\npage:\n  width: 210\n";
  try {
    parse(yaml, "bad.yaml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.line(), 4);
    EXPECT_NE(std::string(e.what()).find("page.width"), std::string::npos) << e.what();
  }
}

TEST(Profile, MalformedYamlNamesLine) {
  try {
    parse("id: x\nname: [unclosed\n", "m.yaml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_GE(e.line(), 2);
  }
}

TEST(Profile, UnknownBundledNameIsAnError) { EXPECT_THROW(load("no-such-profile"), Error); }

}  // namespace
}  // namespace bidfmt::profile

namespace bidfmt::profile {
namespace {

std::string write(const std::string& dir, const std::string& name, const std::string& text) { return testkit::write_text(dir, name, text); }

TEST(ProfileLayers, ExtendsBundledAndOverridesOneValue) {
  std::string dir = testkit::temp_dir("profile-extends");
  std::string child = write(dir, "child.yaml", "extends: xx-2014\nid: child\npage:\n  margin_left: 30mm\n");
  Profile p = load(child);
  EXPECT_EQ(p.id, "child");
  EXPECT_EQ(p.page.margin_left.v, Twips::from_mm(30).v);
  EXPECT_EQ(p.page.margin_right.v, 1247);  // inherited
  EXPECT_EQ(p.origins.at("page.margin_left"), child);
  EXPECT_EQ(p.source, child);
}

TEST(ProfileLayers, TenderOverrideChangesMargins) {
  std::string dir = testkit::temp_dir("profile-override");
  std::string tender = write(dir, "tender.yaml", "page:\n  margin_top: 30mm\n  margin_bottom: 20mm\n");
  Profile p = load("xx-2014", {tender});
  EXPECT_EQ(p.page.margin_top.v, Twips::from_mm(30).v);
  EXPECT_EQ(p.page.margin_bottom.v, Twips::from_mm(20).v);
  EXPECT_EQ(p.page.margin_left.v, 1247);
}

TEST(ProfileLayers, OverrideErrorNamesTheOverrideFileAndLine) {
  std::string dir = testkit::temp_dir("profile-override-bad");
  std::string tender = write(dir, "tender.yaml", "page:\n  margin_top: 30\n");
  try {
    load("xx-2014", {tender});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), tender);
    EXPECT_EQ(e.line(), 2);
  }
  std::string unknown = write(dir, "unknown.yaml", "page:\n  margins: 30mm\n");
  try {
    load("xx-2014", {unknown});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), unknown);
    EXPECT_NE(std::string(e.what()).find("page.margins"), std::string::npos);
  }
}

TEST(ProfileLayers, ExtendsCycleIsAnError) {
  std::string dir = testkit::temp_dir("profile-cycle");
  write(dir, "a.yaml", "extends: b.yaml\n");
  write(dir, "b.yaml", "extends: a.yaml\n");
  try {
    load(dir + "/a.yaml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.message(Lang::en)).find("cycle"), std::string::npos);
  }
}

TEST(ProfileBundled, StandardBHoldsItsValues) {
  Profile p = load("chapter-heiti");
  EXPECT_EQ(p.heading(1)->format.fonts.east_asia, "黑体");
  EXPECT_EQ(p.heading(1)->format.size.v, 32);  // 三号
  EXPECT_EQ(p.heading(1)->format.align, "center");
  EXPECT_EQ(p.heading(2)->format.size.v, 28);  // 四号
  EXPECT_EQ(p.table_caption.format.fonts.east_asia, "黑体");
  EXPECT_EQ(p.table_caption.format.size.v, 21);
  EXPECT_EQ(p.table_caption.text_for({2, 1, 1}, 1, "名称"), "表2-1.1-1  名称");
  EXPECT_EQ(p.table_caption.text_for({2, 0, 0}, 3, "名称"), "表2-3  名称");
  EXPECT_TRUE(p.text.units);
  EXPECT_TRUE(p.output.per_chapter);
  Profile a = load("xx-2014");
  EXPECT_EQ(a.table_caption.text_for({1, 2}, 3, "名称"), "表1.2-3 名称");
  EXPECT_FALSE(a.text.units);
  // The wording rules' tables, in the file's order (平方米 before 米), in both profiles.
  for (const Profile* q : {&p, &a}) {
    ASSERT_FALSE(q->text.unit_words.empty());
    EXPECT_EQ(q->text.unit_words.front(), (std::pair<std::string, std::string>{"平方米", "m²"}));
    EXPECT_EQ(q->text.marks.front(), (std::pair<std::string, std::string>{",", "，"}));
  }
  EXPECT_EQ(p.class_of("text.unit_words"), ValueClass::interpreted);
  EXPECT_EQ(a.class_of("text.marks"), ValueClass::default_value);
}

}  // namespace
}  // namespace bidfmt::profile
