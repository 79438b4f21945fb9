// Inline text: emphasis, links, code, breaks between CJK and Latin text, entities, span merging.
#include <gtest/gtest.h>

#include "helpers.h"
#include "markdown/inline_text.h"

namespace bidfmt::markdown {
namespace {
using namespace test;

TEST(MarkdownInline, BoldItalicNested) {
  EXPECT_EQ(blocks_of("普通**粗体*粗斜*粗体**与*斜体*和，__粗__。\n"), "P [普通][b:粗体][bi:粗斜][b:粗体][与][i:斜体][和，][b:粗][。]\n");
}

TEST(MarkdownInline, LinksCarryTheirUrl) {
  EXPECT_EQ(blocks_of("见[规范**全文**](https://example.cn/a?b=1&amp;c=2)与<http://x.cn>。\n"),
            "P [见][->https://example.cn/a?b=1&c=2:规范][b->https://example.cn/a?b=1&c=2:全文][与]"
            "[->http://x.cn:http://x.cn][。]\n");
}

TEST(MarkdownInline, CodeIsPlainText) {
  EXPECT_EQ(blocks_of("运行 `bidfmt build` 即可，*斜体中的 `代码`*。\n"), "P [运行 bidfmt build 即可，][i:斜体中的 代码][。]\n");
}

TEST(MarkdownInline, AdjacentSpansWithTheSameAttributesMerge) {
  model::Document d = parse("前&amp;后**粗**`码`尾\n");
  EXPECT_EQ(dump_blocks(d), "P [前&后][b:粗][码尾]\n");
  ASSERT_EQ(std::get<model::Paragraph>(d.blocks[0]).text.size(), 3u);
}

TEST(MarkdownInline, SoftBreakBetweenCjkJoinsWithoutSpace) {
  EXPECT_EQ(blocks_of("第一行中文\n第二行中文\n"), "P [第一行中文第二行中文]\n");
  EXPECT_EQ(blocks_of("全角标点，\n下一行。\n"), "P [全角标点，下一行。]\n");
  EXPECT_EQ(blocks_of("中文\n**粗体**\n"), "P [中文][b:粗体]\n");
}

TEST(MarkdownInline, SoftBreakNextToLatinIsASpace) {
  EXPECT_EQ(blocks_of("English\nwords\n"), "P [English words]\n");
  EXPECT_EQ(blocks_of("中文\nC30混凝土\n"), "P [中文 C30混凝土]\n");
  EXPECT_EQ(blocks_of("强度25\n兆帕\n"), "P [强度25 兆帕]\n");
  EXPECT_EQ(blocks_of("word\n**bold**\n"), "P [word ][b:bold]\n");
}

TEST(MarkdownInline, HardBreaks) { EXPECT_EQ(blocks_of("第一行  \n第二行\\\n第三行\n"), "P [第一行][br][第二行][br][第三行]\n"); }

TEST(MarkdownInline, ImageInRunningTextIsItsAltText) {
  // Not a figure: no file is needed.
  EXPECT_EQ(blocks_of("详见![平面图](missing.png)所示。\n"), "P [详见平面图所示。]\n");
  EXPECT_EQ(blocks_of("[![图标](missing.png)](http://x.cn)\n"), "P [->http://x.cn:图标]\n");
}

TEST(MarkdownInline, Entities) {
  EXPECT_EQ(blocks_of("&lt;a&gt; &#x4E00;&#20108; &copy; &plusmn;5mm &unknown;\n"), "P [<a> 一二 © ±5mm &unknown;]\n");
}

TEST(MarkdownInlineText, CjkClasses) {
  EXPECT_TRUE(is_cjk(U'中'));
  EXPECT_TRUE(is_cjk(U'，'));
  EXPECT_TRUE(is_cjk(U'か'));
  EXPECT_TRUE(is_cjk(U'한'));
  EXPECT_TRUE(is_cjk(U'\u3000'));
  EXPECT_FALSE(is_cjk(U'a'));
  EXPECT_FALSE(is_cjk(U'5'));
  EXPECT_FALSE(is_cjk(U'é'));
  EXPECT_FALSE(is_cjk(U'—'));
}

TEST(MarkdownInlineText, DecodeEntity) {
  EXPECT_EQ(decode_entity("&amp;"), "&");
  EXPECT_EQ(decode_entity("&Alpha;"), "Α");
  EXPECT_EQ(decode_entity("&yen;"), "¥");
  EXPECT_EQ(decode_entity("&deg;"), "°");
  EXPECT_EQ(decode_entity("&#X4e00;"), "一");
  EXPECT_EQ(decode_entity("&#0;"), "\xEF\xBF\xBD");
  EXPECT_EQ(decode_entity("&nosuch;"), "&nosuch;");
}

}  // namespace
}  // namespace bidfmt::markdown
