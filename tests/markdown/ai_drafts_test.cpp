// What chat-model drafts write: footnotes, raw HTML, typed captions, headings starting at ##,
// nested and task lists, strikethrough, {-} headings, code — each read into the model.
#include <gtest/gtest.h>

#include "helpers.h"
#include "markdown/captions.h"

namespace bidfmt::markdown {
namespace {
using namespace test;

// Two chapters first, so that no level shift or title rule applies to what follows.
const std::string kChapters = "# 甲\n\n# 乙\n\n";

std::string notes_of(const model::Document& d) {
  std::string out;
  for (size_t i = 0; i < d.footnotes.size(); ++i) {
    out += std::to_string(i + 1) + ":";
    for (const auto& p : d.footnotes[i].paragraphs) out += " " + dump(p);
    out += "\n";
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Footnotes
// ---------------------------------------------------------------------------------------------

TEST(MarkdownFootnotes, ReferencesBecomeMarksNumberedInOrder) {
  model::Document d = parse("正文[^b]，又一处[^a]。\n\n[^a]: 注释甲。\n[^b]: 注释**乙**。\n");
  EXPECT_EQ(dump_blocks(d), "P [正文][^1][，又一处][^2][。]\n");
  EXPECT_EQ(notes_of(d), "1: [注释][b:乙][。]\n2: [注释甲。]\n");
  EXPECT_EQ(dump_warnings(d), "");
}

TEST(MarkdownFootnotes, IndentedLinesContinueTheNote) {
  model::Document d = parse("甲[^1]\n\n[^1]: 第一段\n    接续。\n\n    第二段。\n\n乙\n");
  EXPECT_EQ(dump_blocks(d), "P [甲][^1]\nP [乙]\n");
  EXPECT_EQ(notes_of(d), "1: [第一段接续。] [第二段。]\n");
}

TEST(MarkdownFootnotes, InHeadingsListsAndTableCells) {
  model::Document d = parse(kChapters + "## 标题[^n]\n\n- 项[^n]\n\n| 甲 | 乙 |\n|---|---|\n| 丙[^n] | 丁 |\n\n[^n]: 注。\n");
  EXPECT_EQ(d.footnotes.size(), 3u);  // one note per reference, as Word numbers them
  EXPECT_TRUE(contains(dump_blocks(d), "H2@5 [标题][^1]")) << dump_blocks(d);
  EXPECT_TRUE(contains(dump_blocks(d), "ul [项][^2]")) << dump_blocks(d);
  EXPECT_TRUE(contains(dump_blocks(d), "R: [丙][^3] |")) << dump_blocks(d);
}

TEST(MarkdownFootnotes, UnknownLabelStaysTextAndUnusedNoteIsKept) {
  model::Document d = parse("甲[^x]。\n\n[^y]: 无人引用的注释。\n");
  EXPECT_EQ(dump_blocks(d), "P [甲[^x]。]\nP [无人引用的注释。]\n");
  EXPECT_EQ(dump_warnings(d), "W@3 脚注「y」没有被引用，其文字作为正文段落放在文末\n");
  EXPECT_TRUE(d.footnotes.empty());
}

TEST(MarkdownFootnotes, DefinitionInCodeIsCode) {
  model::Document d = parse("```\n[^1]: 代码\n```\n");
  EXPECT_EQ(dump_blocks(d), "C [[^1]: 代码]\n");
}

// ---------------------------------------------------------------------------------------------
// Raw HTML
// ---------------------------------------------------------------------------------------------

TEST(MarkdownHtml, TableWithMergedHeaderCells) {
  model::Document d = parse(
      "<table>\n<thead>\n<tr><th rowspan=\"2\">序号</th><th colspan=\"2\">指标</th></tr>\n"
      "<tr><th>白天</th><th>夜间</th></tr>\n</thead>\n<tbody>\n"
      "<tr><td align=\"center\">1</td><td>甲<br>乙</td><td align=\"right\">丙</td></tr>\n"
      "<tr><td>2</td><td colspan=\"2\">跨两列</td></tr>\n</tbody>\n</table>\n");
  EXPECT_EQ(dump_blocks(d),
            "TABLE@1 \"\" c,-,r head=2 merge(0,0)=2x1 merge(0,1)=1x2 merge(3,1)=1x2\n"
            "  H: [序号] | [指标] | ∅ |\n"
            "  R: ∅ | [白天] | [夜间] |\n"
            "  R: [1] | [甲][br][乙] | [丙] |\n"
            "  R: [2] | [跨两列] | ∅ |\n");
  EXPECT_EQ(dump_warnings(d), "");
}

TEST(MarkdownHtml, TableWithoutHeadUsesThRowsOrTheFirstRow) {
  EXPECT_TRUE(contains(blocks_of("<table><tr><th>甲</th></tr><tr><td>乙</td></tr></table>\n"), "H: [甲] |\n  R: [乙] |"));
  EXPECT_TRUE(contains(blocks_of("<table><tr><td>甲</td></tr><tr><td>乙</td></tr></table>\n"), "H: [甲] |\n  R: [乙] |"));
}

TEST(MarkdownHtml, TableCaptionElementIsTheCaption) {
  EXPECT_TRUE(contains(blocks_of("<table><caption>设备表</caption><tr><th>甲</th></tr></table>\n"), "TABLE@1 \"设备表\""));
}

TEST(MarkdownHtml, InlineFormatsAreRunFormatting) {
  EXPECT_EQ(blocks_of("面积 m<sup>2</sup>，CO<sub>2</sub>，<u>下划线</u>，<s>删</s>，<b>粗</b>，甲<br>乙\n"),
            "P [面积 m][^:2][，CO][_:2][，][u:下划线][，][s:删][，][b:粗][，甲][br][乙]\n");
}

TEST(MarkdownHtml, BlockParagraphsListsAndHeadings) {
  EXPECT_EQ(blocks_of(kChapters + "<h2>三、概况</h2>\n<p>段落<b>粗</b></p>\n<ul><li>项一<ul><li>子项</li></ul></li><li>项二</li></ul>\n"),
            "H1@1 [甲]\nH1@3 [乙]\nH2@5 [概况]\nP [段落][b:粗]\nLI#1 d0 ul [项一]\nLI#2 d1 ul [子项]\nLI#1 d0 ul [项二]\n");
}

TEST(MarkdownHtml, ImagesKeepTheirAltText) {
  model::Document d = parse("<img src=\"x.png\" alt=\"示意图\">\n");
  EXPECT_EQ(dump_blocks(d), "P [示意图]\n");
  EXPECT_EQ(dump_warnings(d), "W@1 HTML 标记 <img> 没有对应的格式，已忽略，其中的文字保留\n");
}

// ---------------------------------------------------------------------------------------------
// Captions
// ---------------------------------------------------------------------------------------------

TEST(MarkdownCaptions, TypedCaptionPatterns) {
  struct Case {
    const char* text;
    bool table;
    const char* number;
    const char* name;
  };
  for (const Case& c : {Case{"表1-1 服务指标表", true, "表1-1", "服务指标表"}, Case{"表 2.3-1：名称", true, "表2.3-1", "名称"},
                        Case{"图1 系统架构图", false, "图1", "系统架构图"}, Case{"表３　设备", true, "表３", "设备"},
                        Case{"图2.1-3: 总平面", false, "图2.1-3", "总平面"}}) {
    SCOPED_TRACE(c.text);
    auto got = typed_caption(c.text);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->table, c.table);
    EXPECT_EQ(got->number, c.number);
    EXPECT_EQ(got->name, c.name);
  }
  for (const char* no : {"表明本方案可行", "图纸会审", "表1列出了全部设备。", "表1-1", "表格说明"}) EXPECT_FALSE(typed_caption(no)) << no;
}

TEST(MarkdownCaptions, TypedCaptionAfterOrBeforeATable) {
  const std::string table = "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n";
  model::Document after = parse(table + "\n表1-1 服务指标表\n");
  EXPECT_TRUE(contains(dump_blocks(after), "TABLE@1 \"服务指标表\"")) << dump_blocks(after);
  EXPECT_EQ(dump_warnings(after), "W@5 题注中手写的编号「表1-1」已删除，编号由 bidfmt 自动生成\n");
  model::Document before = parse("表 2.3-1：养护道路一览表\n\n" + table);
  EXPECT_TRUE(contains(dump_blocks(before), "TABLE@3 \"养护道路一览表\"")) << dump_blocks(before);
  EXPECT_EQ(before.blocks.size(), 1u);
  model::Document pandoc = parse(table + "\nTable: 表1 设备表\n");
  EXPECT_TRUE(contains(dump_blocks(pandoc), "\"设备表\"")) << dump_blocks(pandoc);
}

TEST(MarkdownCaptions, TypedCaptionTouchingTheTable) {
  model::Document below = parse("| 甲 |\n|---|\n| 1 |\n表1-1 紧贴的题注\n");
  EXPECT_EQ(dump_blocks(below), "TABLE@1 \"紧贴的题注\" -\n  H: [甲] |\n  R: [1] |\n");
  model::Document above = parse("表1-1 紧贴的题注\n| 甲 |\n|---|\n| 1 |\n");
  EXPECT_EQ(dump_blocks(above), "TABLE@2 \"紧贴的题注\" -\n  H: [甲] |\n  R: [1] |\n");
}

TEST(MarkdownCaptions, TypedCaptionWithNoTableStaysAParagraph) {
  EXPECT_EQ(blocks_of("表1-1 服务指标表\n\n正文。\n"), "P [表1-1 服务指标表]\nP [正文。]\n");
  EXPECT_EQ(blocks_of("正文。\n\n图1 示意\n"), "P [正文。]\nP [图1 示意]\n");
}

// ---------------------------------------------------------------------------------------------
// Headings
// ---------------------------------------------------------------------------------------------

TEST(MarkdownOutline, DraftStartingAtLevel2MovesUp) {
  model::Document d = parse("## 一、概况\n\n### （一）范围\n\n#### 1. 细目\n");
  EXPECT_EQ(dump_blocks(d), "H1@1 [概况]\nH2@3 [范围]\nH3@5 [细目]\n");
  EXPECT_TRUE(contains(dump_warnings(d), "W@1 最高一级标题为「##」，所有标题已上移 1 级")) << dump_warnings(d);
}

TEST(MarkdownOutline, LoneTitleOverNumberedChaptersIsTheCoverTitle) {
  model::Document d = parse("# 智慧路灯技术方案\n\n## 一、概况\n\n## 二、方案\n");
  EXPECT_EQ(d.meta.title, "智慧路灯技术方案");
  EXPECT_EQ(dump_blocks(d), "H1@3 [概况]\nH1@5 [方案]\n");
  EXPECT_TRUE(contains(dump_warnings(d), "W@1 唯一的一级标题「智慧路灯技术方案」在二级标题之前，已作为封面标题"));
}

TEST(MarkdownOutline, LoneChapterOverUnnumberedSectionsStays) { EXPECT_EQ(blocks_of("# 总则\n\n## 范围\n"), "H1@1 [总则]\nH2@3 [范围]\n"); }

TEST(MarkdownOutline, TitleWithoutCoverStaysAsParagraph) {
  model::Document d = parse("---\ncover: false\n---\n# 技术方案\n\n## 一、概况\n");
  EXPECT_EQ(dump_blocks(d), "P [技术方案]\nH1@6 [概况]\n");
}

TEST(MarkdownHeadings, UnnumberedMarks) {
  EXPECT_EQ(blocks_of(kChapters + "# 附件 {-}\n\n# 附表 {.unnumbered}\n\n# 附图 {- #fig}\n\n# 集合{x}\n\n# 概述 {#intro}\n"),
            "H1@1 [甲]\nH1@3 [乙]\nH1@5 {-} [附件]\nH1@7 {-} [附表]\nH1@9 {-} [附图]\nH1@11 [集合{x}]\nH1@13 [概述]\n");
}

// ---------------------------------------------------------------------------------------------
// Lists, strikethrough, code
// ---------------------------------------------------------------------------------------------

TEST(MarkdownLists, NestedDepthsAndMixedKinds) {
  EXPECT_EQ(blocks_of("- 甲\n  - 乙\n    - 丙\n  1. 丁\n- 戊\n"),
            "LI#1 d0 ul [甲]\nLI#2 d1 ul [乙]\nLI#3 d2 ul [丙]\nLI#4 d1 ol1 [丁]\nLI#1 d0 ul [戊]\n");
  EXPECT_EQ(blocks_of("1. 甲\n   - 乙\n2. 丙\n"), "LI#1 d0 ol1 [甲]\nLI#2 d1 ul [乙]\nLI#1 d0 ol1 [丙]\n");
}

TEST(MarkdownLists, TaskItems) { EXPECT_EQ(blocks_of("- [x] 完成\n- [ ] 未完成\n"), "LI#1 d0 ul [x] [完成]\nLI#1 d0 ul [ ] [未完成]\n"); }

TEST(MarkdownInline, Strikethrough) { EXPECT_EQ(blocks_of("原定~~夜间~~方案\n"), "P [原定][s:夜间][方案]\n"); }

}  // namespace
}  // namespace bidfmt::markdown
