// The writer for what drafts bring: footnotes.xml (and its plumbing), merged cells, header rows,
// run formatting, unnumbered headings, code lines, task boxes, bullets per level — every part
// still valid against ECMA-376.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "markdown/reader.h"
#include "profile/profile.h"
#include "support/testkit.h"
#include "writer/docx_writer.h"

namespace bidfmt::writer {
namespace {

const char* kDraft =
    "---\nproject: 测试项目\n---\n"
    "# 概况\n\n面积 m<sup>2</sup>，CO<sub>2</sub>，~~作废~~，<u>下划线</u>[^1]。\n\n"
    "<table>\n<tr><th rowspan=\"2\">序号</th><th colspan=\"2\">指标</th></tr>\n<tr><th>白天</th><th>夜间</th></tr>\n"
    "<tr><td>1</td><td colspan=\"2\">全天</td></tr>\n</table>\n\n表1 指标表\n\n"
    "- 甲\n  - 乙\n    - 丙\n- [ ] 待办\n- [x] 已办\n\n```\ncode line\n```\n\n"
    "# 附件 {-}\n\n附件正文[^2]。\n\n"
    "[^1]: 第一条注释。\n[^2]: 第二条注释。\n";

class DraftWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    profile_ = profile::load("xx-2014");
    std::string dir = testkit::temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    model_ = markdown::read(kDraft, "draft.md", dir);
    write_docx(model_, profile_, WriteOptions{"2026-12-01T00:00:00Z", nullptr}, dir + "/out.docx");
    parts_ = testkit::read_zip(dir + "/out.docx");
  }
  pugi::xml_document part(const std::string& name) {
    pugi::xml_document doc;
    EXPECT_TRUE(parts_.count(name)) << name;
    if (parts_.count(name)) {
      EXPECT_TRUE(doc.load_string(parts_.at(name).c_str())) << name;
    }
    return doc;
  }
  profile::Profile profile_;
  model::Document model_;
  std::map<std::string, std::string> parts_;
};

TEST_F(DraftWriterTest, EveryPartValidatesFootnotesIncluded) {
  ASSERT_TRUE(parts_.count("word/footnotes.xml"));
  for (const auto& [name, xml] : parts_) EXPECT_EQ(testkit::validate_part(name, xml), "") << name;
}

TEST_F(DraftWriterTest, FootnotesAreWordFootnotesNumberedThrough) {
  pugi::xml_document notes = part("word/footnotes.xml");
  EXPECT_TRUE(notes.select_node("//w:footnote[@w:type='separator' and @w:id='-1']"));
  EXPECT_TRUE(notes.select_node("//w:footnote[@w:type='continuationSeparator' and @w:id='0']"));
  pugi::xml_node first = notes.select_node("//w:footnote[@w:id='1']").node();
  ASSERT_TRUE(first);
  EXPECT_TRUE(first.select_node(".//w:footnoteRef"));
  EXPECT_STREQ(first.select_node(".//w:pStyle").node().attribute("w:val").value(), "FootnoteText");
  std::string text;
  for (const auto& t : first.select_nodes(".//w:t")) text += t.node().text().get();
  EXPECT_EQ(text, "第一条注释。");  // (pugixml drops the whitespace-only run after the number)
  EXPECT_TRUE(notes.select_node("//w:footnote[@w:id='2']"));
  pugi::xml_document doc = part("word/document.xml");
  auto refs = doc.select_nodes("//w:footnoteReference");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].node().attribute("w:id").as_int(), 1);
  EXPECT_EQ(refs[1].node().attribute("w:id").as_int(), 2);
  EXPECT_NE(parts_.at("word/_rels/document.xml.rels").find("footnotes.xml"), std::string::npos);
  EXPECT_NE(parts_.at("[Content_Types].xml").find("/word/footnotes.xml"), std::string::npos);
  EXPECT_TRUE(part("word/settings.xml").select_node("//w:footnotePr/w:footnote[@w:id='-1']"));
  // The note's size is the profile's (小五 = 9 pt = 18 half-points).
  EXPECT_TRUE(part("word/styles.xml").select_node("//w:style[@w:styleId='FootnoteText']//w:sz[@w:val='18']"));
}

TEST_F(DraftWriterTest, NoFootnotesNoPart) {
  model::Document d = markdown::read("# 甲\n\n正文。\n", "t.md", ".");
  std::string dir = testkit::temp_dir("no-notes");
  write_docx(d, profile_, WriteOptions{"2026-12-01T00:00:00Z", nullptr}, dir + "/o.docx");
  auto parts = testkit::read_zip(dir + "/o.docx");
  EXPECT_FALSE(parts.count("word/footnotes.xml"));
  EXPECT_EQ(parts.at("word/settings.xml").find("footnotePr"), std::string::npos);
}

TEST_F(DraftWriterTest, MergedCellsAndHeaderRows) {
  pugi::xml_document doc = part("word/document.xml");
  auto rows = doc.select_nodes("//w:tbl/w:tr");
  ASSERT_EQ(rows.size(), 3u);
  // Both header rows repeat and are bold; the body row does not repeat.
  EXPECT_TRUE(rows[0].node().select_node("w:trPr/w:tblHeader"));
  EXPECT_TRUE(rows[1].node().select_node("w:trPr/w:tblHeader"));
  EXPECT_FALSE(rows[2].node().select_node("w:trPr/w:tblHeader"));
  EXPECT_TRUE(rows[1].node().select_node(".//w:r/w:rPr/w:b"));
  // Row 1: 序号 restarts a vertical merge, 指标 spans two grid columns.
  auto tc0 = rows[0].node().select_nodes("w:tc");
  ASSERT_EQ(tc0.size(), 2u);
  EXPECT_STREQ(tc0[0].node().select_node("w:tcPr/w:vMerge").node().attribute("w:val").value(), "restart");
  EXPECT_EQ(tc0[1].node().select_node("w:tcPr/w:gridSpan").node().attribute("w:val").as_int(), 2);
  auto tc1 = rows[1].node().select_nodes("w:tc");
  ASSERT_EQ(tc1.size(), 3u);
  EXPECT_TRUE(tc1[0].node().select_node("w:tcPr/w:vMerge"));
  EXPECT_FALSE(tc1[0].node().select_node("w:tcPr/w:vMerge/@w:val"));
  EXPECT_EQ(rows[2].node().select_nodes("w:tc").size(), 2u);
  // The typed caption 「表1 指标表」 is the caption, numbered by bidfmt.
  EXPECT_TRUE(doc.select_node("//w:p[w:pPr/w:pStyle/@w:val='TableCaption' and w:r/w:t='表1-1 指标表']"));
}

TEST_F(DraftWriterTest, RunFormatting) {
  pugi::xml_document doc = part("word/document.xml");
  EXPECT_TRUE(doc.select_node("//w:r[w:rPr/w:vertAlign/@w:val='superscript' and w:t='2']"));
  EXPECT_TRUE(doc.select_node("//w:r[w:rPr/w:vertAlign/@w:val='subscript' and w:t='2']"));
  EXPECT_TRUE(doc.select_node("//w:r[w:rPr/w:strike and w:t='作废']"));
  EXPECT_TRUE(doc.select_node("//w:r[w:rPr/w:u/@w:val='single' and w:t='下划线']"));
}

TEST_F(DraftWriterTest, UnnumberedHeadingKeepsOutlineAndTocEntry) {
  pugi::xml_document doc = part("word/document.xml");
  pugi::xml_node h = doc.select_node("//w:p[w:pPr/w:pStyle/@w:val='Heading1' and .//w:t='附件']").node();
  ASSERT_TRUE(h);
  EXPECT_EQ(h.select_node("w:pPr/w:numPr/w:numId").node().attribute("w:val").as_int(), 0);
  // The outline level comes from the style (navigation pane, TOC \o).
  EXPECT_TRUE(part("word/styles.xml").select_node("//w:style[@w:styleId='Heading1']/w:pPr/w:outlineLvl[@w:val='0']"));
  bool in_toc = false;
  for (const auto& p : doc.select_nodes("//w:p[w:pPr/w:pStyle/@w:val='TOC1']")) {
    std::string text;
    for (const auto& t : p.node().select_nodes(".//w:hyperlink/w:r[1]/w:t")) text += t.node().text().get();
    if (text == "附件") in_toc = true;
  }
  EXPECT_TRUE(in_toc) << "TOC entry 「附件」 without a number";
}

TEST_F(DraftWriterTest, CodeLinesTaskBoxesAndBulletsPerLevel) {
  pugi::xml_document doc = part("word/document.xml");
  EXPECT_TRUE(doc.select_node("//w:p[w:pPr/w:pStyle/@w:val='HTMLPreformatted' and w:r/w:t='code line']"));
  pugi::xml_document styles = part("word/styles.xml");
  pugi::xml_node code = styles.select_node("//w:style[@w:styleId='HTMLPreformatted']").node();
  EXPECT_STREQ(code.select_node("w:rPr/w:rFonts").node().attribute("w:ascii").value(), "Courier New");
  EXPECT_EQ(code.select_node("w:pPr/w:ind").node().attribute("w:firstLine").as_int(), 0);
  pugi::xml_document numbering = part("word/numbering.xml");
  // Bullets: ● ○ ■ by level, each level indented 2 characters more.
  pugi::xml_node bullets = numbering.select_node("//w:abstractNum[@w:abstractNumId='2']").node();
  EXPECT_STREQ(bullets.select_node("w:lvl[@w:ilvl='0']/w:lvlText").node().attribute("w:val").value(), "●");
  EXPECT_STREQ(bullets.select_node("w:lvl[@w:ilvl='1']/w:lvlText").node().attribute("w:val").value(), "○");
  EXPECT_STREQ(bullets.select_node("w:lvl[@w:ilvl='2']/w:lvlText").node().attribute("w:val").value(), "■");
  EXPECT_STREQ(bullets.select_node("w:lvl[@w:ilvl='5']/w:lvlText").node().attribute("w:val").value(), "■");
  EXPECT_EQ(bullets.select_node("w:lvl[@w:ilvl='2']/w:pPr/w:ind").node().attribute("w:leftChars").as_int(), 400);
  // Task items: a box for the bullet.
  EXPECT_STREQ(
      numbering.select_node("//w:abstractNum[@w:abstractNumId='4']/w:lvl[@w:ilvl='0']/w:lvlText").node().attribute("w:val").value(), "☐");
  EXPECT_STREQ(
      numbering.select_node("//w:abstractNum[@w:abstractNumId='5']/w:lvl[@w:ilvl='0']/w:lvlText").node().attribute("w:val").value(), "☑");
  pugi::xml_node todo = doc.select_node("//w:p[w:r/w:t='待办']").node();
  ASSERT_TRUE(todo);
  int num = todo.select_node("w:pPr/w:numPr/w:numId").node().attribute("w:val").as_int();
  std::string q = "//w:num[@w:numId='" + std::to_string(num) + "']/w:abstractNumId";
  EXPECT_EQ(numbering.select_node(q.c_str()).node().attribute("w:val").as_int(), 4);
}

}  // namespace
}  // namespace bidfmt::writer
