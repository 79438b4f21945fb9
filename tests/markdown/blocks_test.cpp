// Blocks: lists, quotes, tables and captions, code, HTML, page and thematic breaks.
#include <gtest/gtest.h>

#include "helpers.h"

namespace bidfmt::markdown {
namespace {
using namespace test;

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

TEST(MarkdownLists, NestedOrderedWithStart) {
  EXPECT_EQ(blocks_of("3. 第一项\n"
                      "4. 第二项\n"
                      "   - 子项甲\n"
                      "   - 子项乙\n"
                      "     1. 孙项\n"
                      "5. 第三项\n"
                      "\n"
                      "- 另一个列表\n"),
            "LI#1 d0 ol3 [第一项]\n"
            "LI#1 d0 ol3 [第二项]\n"
            "LI#2 d1 ul [子项甲]\n"
            "LI#2 d1 ul [子项乙]\n"
            "LI#3 d2 ol1 [孙项]\n"
            "LI#1 d0 ol3 [第三项]\n"
            "LI#4 d0 ul [另一个列表]\n");
}

TEST(MarkdownLists, LooseItemsWithContinuationParagraphs) {
  EXPECT_EQ(blocks_of("1. 第一段\n"
                      "\n"
                      "   第二段\n"
                      "\n"
                      "   - 子项\n"
                      "\n"
                      "   第三段\n"
                      "2. **下一项**\n"),
            "LI#1 d0 ol1 [第一段]\n"
            "LI#1 d0 ol1 + [第二段]\n"
            "LI#2 d1 ul [子项]\n"
            "LI#1 d0 ol1 + [第三段]\n"
            "LI#1 d0 ol1 [b:下一项]\n");
}

TEST(MarkdownLists, TightItemTextJoinsCjkLines) {
  EXPECT_EQ(blocks_of("- 第一行\n  第二行\n- Item\n  two\n"),
            "LI#1 d0 ul [第一行第二行]\n"
            "LI#1 d0 ul [Item two]\n");
}

TEST(MarkdownLists, EmptyItemKeepsItsNumber) { EXPECT_EQ(blocks_of("1.\n2. 二\n"), "LI#1 d0 ol1 ∅\nLI#1 d0 ol1 [二]\n"); }

TEST(MarkdownLists, ListsAfterOtherBlocksGetNewIds) {
  EXPECT_EQ(blocks_of("- 甲\n\n正文\n\n- 乙\n"), "LI#1 d0 ul [甲]\nP [正文]\nLI#2 d0 ul [乙]\n");
}

// ---------------------------------------------------------------------------------------------
// Block quotes
// ---------------------------------------------------------------------------------------------

TEST(MarkdownQuotes, ParagraphsWithDepth) {
  EXPECT_EQ(blocks_of("> 引文第一段\n"
                      ">\n"
                      "> 第二段\n"
                      "> > 内层引文\n"
                      "\n"
                      "正文\n"),
            "Q1 [引文第一段]\n"
            "Q1 [第二段]\n"
            "Q2 [内层引文]\n"
            "P [正文]\n");
}

TEST(MarkdownQuotes, ListInsideQuote) { EXPECT_EQ(blocks_of("> - 甲\n> - 乙\n"), "LI#1 d0 ul [甲]\nLI#1 d0 ul [乙]\n"); }

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

const char* const kTable =
    "| 项目 | 数量 | 备注 |\n"
    "|:---|---:|:---:|\n"
    "| 挖掘机 | 2 | **新购** |\n"
    "| 压路机 |\n"
    "| 摊铺机 | 1 | 进场 | 多余 |\n";
const char* const kTableDump =
    " l,r,c\n"
    "  H: [项目] | [数量] | [备注] |\n"
    "  R: [挖掘机] | [2] | [b:新购] |\n"
    "  R: [压路机] | ∅ | ∅ |\n"
    "  R: [摊铺机] | [1] | [进场] |\n";

TEST(MarkdownTables, AlignmentPaddingAndNoCaption) {
  EXPECT_EQ(blocks_of(std::string("正文\n\n") + kTable), std::string("P [正文]\nTABLE@3 \"\"") + kTableDump);
}

TEST(MarkdownTables, CaptionBefore) {
  EXPECT_EQ(blocks_of(std::string("Table: 主要机械设备表\n\n") + kTable), std::string("TABLE@3 \"主要机械设备表\"") + kTableDump);
}

TEST(MarkdownTables, CaptionAfter) {
  EXPECT_EQ(blocks_of(std::string(kTable) + "\n:  主要机械设备表 \n\n正文\n"),
            std::string("TABLE@1 \"主要机械设备表\"") + kTableDump + "P [正文]\n");
}

TEST(MarkdownTables, CaptionWithoutBlankLine) {
  EXPECT_EQ(blocks_of("Table: 表一\n| a |\n|---|\n| 1 |\nTable: 表二\n"), "TABLE@2 \"表一\" -\n  H: [a] |\n  R: [1] |\nP [Table: 表二]\n");
  EXPECT_EQ(blocks_of("| a |\n|---|\n| 1 |\n: 表尾\n"), "TABLE@1 \"表尾\" -\n  H: [a] |\n  R: [1] |\n");
}

TEST(MarkdownTables, ConsecutiveTablesEachTakeTheCaptionBeforeThem) {
  EXPECT_EQ(blocks_of("Table: 甲\n\n| a |\n|---|\n\nTable: 乙\n\n| b |\n|---|\n"),
            "TABLE@3 \"甲\" -\n  H: [a] |\nTABLE@8 \"乙\" -\n  H: [b] |\n");
}

TEST(MarkdownTables, CaptionAwayFromATableIsAParagraph) {
  EXPECT_EQ(blocks_of("Table: 无表\n\n正文\n\n: 也无表\n"), "P [Table: 无表]\nP [正文]\nP [: 也无表]\n");
  // Only 「Table:」 and 「: 」 are captions.
  EXPECT_EQ(blocks_of("表: 名称\n\n| a |\n|---|\n"), "P [表: 名称]\nTABLE@3 \"\" -\n  H: [a] |\n");
}

TEST(MarkdownTables, CellsHoldInlinesAndBr) {
  EXPECT_EQ(blocks_of("| a | b |\n|---|---|\n| *斜* [链](http://x) | 甲<br>乙 |\n"),
            "TABLE@1 \"\" -,-\n  H: [a] | [b] |\n  R: [i:斜][ ][->http://x:链] | [甲][br][乙] |\n");
}

// ---------------------------------------------------------------------------------------------
// Code, HTML, breaks
// ---------------------------------------------------------------------------------------------

TEST(MarkdownCode, FencedAndIndentedCodeIsOneParagraphPerLine) {
  EXPECT_EQ(blocks_of("```yaml\ntitle: *x*\n\n  key: 1\n```\n\n    缩进代码\n    第二行\n"),
            "C [title: *x*]\nC ∅\nC [  key: 1]\nC [缩进代码]\nC [第二行]\n");
}

TEST(MarkdownCode, CodeInQuoteIsQuoted) { EXPECT_EQ(blocks_of("> ```\n> 代码\n> ```\n"), "C1 [代码]\n"); }

// Nothing typed is lost: blocks of <div>/<p> are paragraphs, other tags keep their text and are
// named with their line.
TEST(MarkdownHtml, OtherTagsKeepTheirTextWithAWarning) {
  model::Document d = parse("<div align=\"center\">\n块\n</div>\n\n正文<span style=\"x\">红</span>字\n\n<p>再一次</p>\n");
  EXPECT_EQ(dump_blocks(d), "P [块]\nP [正文红字]\nP [再一次]\n");
  EXPECT_EQ(dump_warnings(d), "W@5 HTML 标记 <span> 没有对应的格式，已忽略，其中的文字保留\n");
}

TEST(MarkdownHtml, CommentsAreSilent) {
  model::Document d = parse("<!-- 备注 -->\n\n正文<!-- 行内 -->。\n");
  EXPECT_EQ(dump_blocks(d), "P [正文。]\n");
  EXPECT_EQ(dump_warnings(d), "");
}

TEST(MarkdownHtml, InlineHtmlWarningHasItsLine) {
  EXPECT_EQ(dump_warnings(parse("甲\n\n乙<font color=red>丙</font>\n\n丁<font>戊</font>\n")),
            "W@3 HTML 标记 <font> 没有对应的格式，已忽略，其中的文字保留\n"
            "W@5 HTML 标记 <font> 没有对应的格式，已忽略，其中的文字保留\n");
}

TEST(MarkdownBreaks, NewpageAndThematicBreak) {
  EXPECT_EQ(blocks_of("前文\n\n\\newpage\n\n后文\n\n---\n\n***\n"), "P [前文]\nPAGEBREAK\nP [后文]\nHR\nHR\n");
}

TEST(MarkdownBreaks, NewpageLineInsideAParagraphSplitsIt) {
  EXPECT_EQ(blocks_of("前文\n  \\newpage  \n后文\n"), "P [前文]\nPAGEBREAK\nP [后文]\n");
}

TEST(MarkdownBreaks, NewpageInCodeOrWithTextStaysText) {
  EXPECT_EQ(blocks_of("```\n\\newpage\n```\n\n\\newpage 之后\n"), "C [\\newpage]\nP [\\newpage 之后]\n");
  EXPECT_EQ(blocks_of("> \\newpage\n"), "PAGEBREAK\n");
}

}  // namespace
}  // namespace bidfmt::markdown
