// The layout values build once wrote from C++ (issue #22): cover, header/footer, TOC and figure
// paragraphs, the header rule, cells' vertical alignment, image sizing, keep-with-next, and the
// fonts of fontTable.xml — each loads from both bundled profiles with a class, and an override
// changes what build writes.
#include <gtest/gtest.h>

#include <fstream>

#include "core/error.h"
#include "profile/profile.h"
#include "support/testkit.h"

namespace bidfmt::profile {
namespace {

std::string write(const std::string& dir, const std::string& name, const std::string& text) { return testkit::write_text(dir, name, text); }

// The keys this test covers; every one must have a class in both bundled profiles.
const char* const kKeys[] = {"cover.align",
                             "cover.label_space",
                             "cover.line_spacing",
                             "figures.align",
                             "figures.line_spacing",
                             "figures.dpi",
                             "figures.max_width",
                             "figures.max_height",
                             "header.align",
                             "header.line_spacing",
                             "header.rule",
                             "header.rule_space",
                             "footer.line_spacing",
                             "toc.title_align",
                             "toc.entry_align",
                             "table.cell_valign",
                             "headings.1.keep_with_next",
                             "headings.4.keep_with_next",
                             "headings.6.keep_with_next"};

TEST(LayoutValues, LoadFromBothBundledProfilesWithTheValuesBuildHad) {
  for (const char* name : {"xx-2014", "chapter-heiti"}) {
    SCOPED_TRACE(name);
    const Profile p = load(name);
    EXPECT_EQ(p.cover.align, "center");
    EXPECT_EQ(p.cover.line.v, 360);          // 1.5 lines
    EXPECT_EQ(p.cover.label_space.v, 1701);  // 30 mm: what half of top_space (60 mm) gave
    EXPECT_EQ(p.figures.align, "center");
    EXPECT_EQ(p.figures.line.v, 240);
    EXPECT_DOUBLE_EQ(p.figures.dpi, 96);
    EXPECT_DOUBLE_EQ(p.figures.max_width, 1.0);
    EXPECT_DOUBLE_EQ(p.figures.max_height, 0.6);
    EXPECT_EQ(p.header_footer.header_align, "left");
    EXPECT_EQ(p.header_footer.header_line.v, 240);
    EXPECT_EQ(p.header_footer.header_rule.style, "single");
    EXPECT_EQ(p.header_footer.header_rule.width.v, 6);   // 0.75 pt in eighths
    EXPECT_EQ(p.header_footer.header_rule_space.v, 20);  // 1 pt
    EXPECT_EQ(p.header_footer.footer_line.v, 240);
    EXPECT_EQ(p.toc.title_align, "center");
    EXPECT_EQ(p.toc.entry_align, "left");
    EXPECT_EQ(p.table.cell_valign, "center");
    for (const char* key : kKeys) {
      ASSERT_NE(p.basis_of(key), nullptr) << key;
      EXPECT_FALSE(p.basis_of(key)->text.empty()) << key;
    }
    EXPECT_EQ(p.class_of("cover.line_spacing"), ValueClass::default_value);
    EXPECT_EQ(p.class_of("header.rule"), ValueClass::default_value);
    EXPECT_EQ(p.class_of("table.cell_valign"), ValueClass::default_value);
    EXPECT_EQ(p.class_of("figures.max_height"), ValueClass::default_value);
  }
  // Keep-with-next follows the profile's heading levels: Standard A's headings are levels 1–3,
  // Standard B's 1–4 (1.1.1 is its fourth heading); below them numbered paragraphs.
  const Profile a = load("xx-2014"), b = load("chapter-heiti");
  for (int level = 1; level <= 6; ++level) {
    EXPECT_EQ(a.heading(level)->keep_with_next, level <= 3) << "xx-2014 level " << level;
    EXPECT_EQ(b.heading(level)->keep_with_next, level <= 4) << "chapter-heiti level " << level;
  }
  // Standard B: 「图、表(包括图表名称)应相对页面设置居中排列」.
  EXPECT_EQ(b.class_of("figures.align"), ValueClass::required);
  EXPECT_EQ(a.class_of("figures.align"), ValueClass::default_value);
}

TEST(LayoutValues, ATendersHeadingsNeedNotSayKeepWithNext) {
  std::string dir = testkit::temp_dir("layout-keep");
  std::string tender = write(
      dir, "tender.yaml",
      "headings:\n"
      "  - {level: 1, rule: heading.l1, number: {format: chineseCounting, text: \"%1、\"}, size: 小四, bold: true, align: left, first_line_indent: 0字符}\n"
      "  - {level: 2, rule: heading.depth, number: {format: decimal, text: \"%2、\"}, size: 小四, bold: false, align: both, first_line_indent: 2字符}\n"
      "  - {level: 3, rule: heading.depth, number: {format: decimal, text: \"(%3)\"}, size: 小四, bold: false, align: both, first_line_indent: 2字符, keep_with_next: true}\n");
  const Profile p = load("xx-2014", {tender});
  EXPECT_TRUE(p.heading(1)->keep_with_next);   // a heading
  EXPECT_FALSE(p.heading(2)->keep_with_next);  // a numbered paragraph
  EXPECT_TRUE(p.heading(3)->keep_with_next);   // said
  EXPECT_EQ(p.class_of("headings.3.keep_with_next"), ValueClass::required);
}

TEST(LayoutValues, BadValuesNameTheKey) {
  std::string dir = testkit::temp_dir("layout-bad");
  struct Case {
    const char* yaml;
    const char* key;
  } cases[] = {{"table:\n  cell_valign: middle\n", "cell_valign"},
               {"figures:\n  max_height: 1.5\n", "figures.max_height"},
               {"figures:\n  dpi: 0\n", "figures.dpi"},
               {"cover:\n  align: middle\n", "cover.align"},
               {"header:\n  rule_space: -1pt\n", "header.rule_space"}};
  for (const Case& c : cases) {
    std::string tender = write(dir, "bad.yaml", c.yaml);
    try {
      load("xx-2014", {tender});
      ADD_FAILURE() << "no error for " << c.yaml;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.message(Lang::en)).find(c.key), std::string::npos) << e.message(Lang::en);
    }
  }
}

// The written style, from its styleId to its end.
std::string style(const std::string& styles, const std::string& id) {
  size_t at = styles.find("w:styleId=\"" + id + "\"");
  if (at == std::string::npos) return "";
  return styles.substr(at, styles.find("</w:style>", at) - at);
}

TEST(LayoutValues, AnOverrideChangesWhatBuildWrites) {
  std::string dir = testkit::temp_dir("layout-override");
  const std::string md = testkit::source_dir() + "/samples/road-bid.md";
  testkit::RunResult plain = testkit::run_cli({"build", "-q", md, "-o", dir + "/plain.docx"});
  ASSERT_EQ(plain.status, 0) << plain.err;
  std::string tender = write(dir, "tender.yaml",
                             "fonts:\n  latin: Arial\n"
                             "cover:\n  line_spacing: 2\n  align: left\n  label_space: 10mm\n"
                             "toc:\n  title_align: left\n  entry_align: both\n"
                             "header:\n  align: right\n  line_spacing: 1.2\n  rule_below: true\n"
                             "  rule: {style: double, width: 1.5pt}\n  rule_space: 4pt\n"
                             "footer:\n  line_spacing: 1.1\n"
                             "figures:\n  align: left\n  line_spacing: 1.25\n"
                             "table:\n  cell_valign: top\n");
  testkit::RunResult r = testkit::run_cli({"build", "-q", md, "--override", tender, "-o", dir + "/tender.docx"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto before = testkit::read_zip(dir + "/plain.docx");
  auto after = testkit::read_zip(dir + "/tender.docx");
  const std::string& s0 = before.at("word/styles.xml");
  const std::string& s = after.at("word/styles.xml");

  EXPECT_NE(style(s0, "CoverProject").find("w:line=\"360\""), std::string::npos) << style(s0, "CoverProject");
  EXPECT_NE(style(s0, "CoverProject").find("<w:jc w:val=\"center\"/>"), std::string::npos);
  for (const char* id : {"CoverProject", "CoverTitle", "CoverText"}) {
    EXPECT_NE(style(s, id).find("w:line=\"480\""), std::string::npos) << style(s, id);
    EXPECT_NE(style(s, id).find("<w:jc w:val=\"left\"/>"), std::string::npos) << style(s, id);
  }
  EXPECT_NE(style(s0, "TOCHeading").find("<w:jc w:val=\"center\"/>"), std::string::npos);
  EXPECT_NE(style(s, "TOCHeading").find("<w:jc w:val=\"left\"/>"), std::string::npos) << style(s, "TOCHeading");
  EXPECT_NE(style(s, "TOC2").find("<w:jc w:val=\"both\"/>"), std::string::npos) << style(s, "TOC2");
  EXPECT_EQ(style(s0, "Header").find("w:pBdr"), std::string::npos);
  EXPECT_NE(style(s, "Header").find("<w:bottom w:val=\"double\" w:sz=\"12\" w:space=\"4\""), std::string::npos) << style(s, "Header");
  EXPECT_NE(style(s, "Header").find("w:line=\"288\""), std::string::npos) << style(s, "Header");
  EXPECT_NE(style(s, "Header").find("<w:jc w:val=\"right\"/>"), std::string::npos) << style(s, "Header");
  EXPECT_NE(style(s, "Footer").find("w:line=\"264\""), std::string::npos) << style(s, "Footer");
  EXPECT_NE(style(s0, "Figure").find("<w:jc w:val=\"center\"/>"), std::string::npos);
  EXPECT_NE(style(s, "Figure").find("<w:jc w:val=\"left\"/>"), std::string::npos) << style(s, "Figure");
  EXPECT_NE(style(s, "Figure").find("w:line=\"300\""), std::string::npos) << style(s, "Figure");

  const std::string& d0 = before.at("word/document.xml");
  const std::string& d = after.at("word/document.xml");
  // 技术标 on the cover: 30 mm before it, 10 mm with the override.
  EXPECT_NE(d0.find("<w:pStyle w:val=\"CoverTitle\"/><w:spacing w:before=\"1701\""), std::string::npos);
  EXPECT_NE(d.find("<w:pStyle w:val=\"CoverTitle\"/><w:spacing w:before=\"567\""), std::string::npos);
  EXPECT_NE(d0.find("<w:vAlign w:val=\"center\"/>"), std::string::npos);
  EXPECT_EQ(d.find("<w:vAlign w:val=\"center\"/>"), std::string::npos);
  EXPECT_NE(d.find("<w:vAlign w:val=\"top\"/>"), std::string::npos);

  // fontTable.xml lists the profile's fonts: Arial (not in the catalogue: by name alone) now,
  // 宋体 and Calibri (the captions' Latin font) still; 黑体 and Times New Roman never (not named).
  const std::string& f0 = before.at("word/fontTable.xml");
  const std::string& f = after.at("word/fontTable.xml");
  EXPECT_NE(f0.find("w:name=\"宋体\""), std::string::npos) << f0;
  EXPECT_NE(f0.find("w:name=\"Courier New\""), std::string::npos) << f0;
  EXPECT_EQ(f0.find("w:name=\"黑体\""), std::string::npos) << f0;
  EXPECT_EQ(f0.find("w:name=\"Arial\""), std::string::npos) << f0;
  EXPECT_NE(f.find("<w:font w:name=\"Arial\"/>"), std::string::npos) << f;
  EXPECT_NE(f.find("w:name=\"Calibri\""), std::string::npos) << f;
  for (const auto& part : {"word/styles.xml", "word/document.xml", "word/fontTable.xml"})
    EXPECT_EQ(testkit::validate_part(part, after.at(part)), "") << part;
}

TEST(LayoutValues, ChapterHeitiFontTableHasItsHeiti) {
  std::string dir = testkit::temp_dir("layout-fonts-b");
  testkit::RunResult r = testkit::run_cli(
      {"build", "-q", testkit::source_dir() + "/samples/road-bid.md", "--profile", "chapter-heiti", "-o", dir + "/b.docx"});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string f = testkit::read_zip(dir + "/b.docx").at("word/fontTable.xml");
  for (const char* name : {"宋体", "黑体", "Times New Roman", "Courier New"})
    EXPECT_NE(f.find(std::string("w:name=\"") + name + "\""), std::string::npos) << name;
  EXPECT_EQ(f.find("w:name=\"Calibri\""), std::string::npos) << f;
}

// The heading styles keep with the next paragraph where the profile says: Standard A levels 1–3,
// Standard B levels 1–4 (its 1.1.1 is a heading).
TEST(LayoutValues, HeadingStylesKeepWithNextByTheProfile) {
  std::string dir = testkit::temp_dir("layout-keep-next");
  for (const char* name : {"xx-2014", "chapter-heiti"}) {
    const std::string out = dir + "/" + name + ".docx";
    testkit::RunResult r = testkit::run_cli({"build", "-q", testkit::source_dir() + "/samples/road-bid.md", "--profile", name, "-o", out});
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string s = testkit::read_zip(out).at("word/styles.xml");
    const int headings = std::string(name) == "xx-2014" ? 3 : 4;
    for (int level = 1; level <= 6; ++level)
      EXPECT_EQ(style(s, "Heading" + std::to_string(level)).find("<w:keepNext/>") != std::string::npos, level <= headings)
          << name << " Heading" << level;
  }
}

}  // namespace
}  // namespace bidfmt::profile
