// Reader input: BOM, CRLF, NUL bytes, invalid UTF-8, front matter.
#include <gtest/gtest.h>

#include <fstream>

#include "helpers.h"
#include "markdown/reader.h"
#include "support/testkit.h"

namespace bidfmt::markdown {
namespace {
using namespace test;

// ---------------------------------------------------------------------------------------------
// Bytes
// ---------------------------------------------------------------------------------------------

TEST(MarkdownInput, BomIsSkippedAndCrlfNormalised) {
  model::Document d = parse("\xEF\xBB\xBF# 概况\r\n\r\n第一行\r\n第二行\r\n\r\n## 范围\rtext\r\n");
  EXPECT_EQ(dump_blocks(d),
            "H1@1 [概况]\n"
            "P [第一行第二行]\n"
            "H2@6 [范围]\n"
            "P [text]\n");
}

TEST(MarkdownInput, InvalidUtf8NamesItsLine) {
  Error e = error_of([] { parse("# 标题\n\n正文\n\xC3\x28 乱码\n"); });
  EXPECT_EQ(e.file(), "t.md");
  EXPECT_EQ(e.line(), 4);
  EXPECT_TRUE(contains(e.what(), "第4行不是有效的 UTF-8 编码")) << e.what();
  EXPECT_TRUE(contains(e.message(Lang::en), "invalid UTF-8")) << e.message(Lang::en);
}

TEST(MarkdownInput, GbkTextIsInvalidUtf8OnItsLine) {
  // 「工程」 in GBK, after CRLF lines: line numbers survive normalisation.
  Error e = error_of([] { parse("a\r\nb\r\n\xB9\xA4\xB3\xCC\r\n"); });
  EXPECT_EQ(e.line(), 3);
}

TEST(MarkdownInput, SurrogateAndOverlongAreInvalid) {
  EXPECT_EQ(error_of([] { parse("x\n\xED\xA0\x80\n"); }).line(), 2);  // U+D800
  EXPECT_EQ(error_of([] { parse("\xC0\xAF"); }).line(), 1);           // overlong '/'
}

TEST(MarkdownInput, NulByteNamesItsLine) {
  Error e = error_of([] { parse(std::string("a\nb\nc\0d\n", 8)); });
  EXPECT_EQ(e.line(), 3);
  EXPECT_TRUE(contains(e.what(), "NUL")) << e.what();
}

TEST(MarkdownInput, EmptyInputIsAnEmptyDocument) {
  model::Document d = parse("");
  EXPECT_TRUE(d.blocks.empty());
  EXPECT_EQ(d.source, "t.md");
  EXPECT_TRUE(d.meta.cover);
}

// ---------------------------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------------------------

TEST(MarkdownFrontMatter, AllKeys) {
  model::Document d = parse(
      "---\n"
      "project: 高桥村公路工程\n"
      "title: 施工组织设计\n"
      "bidder: 某某建设集团有限公司\n"
      "date: 2026-11-01\n"
      "profile: xx-2014\n"
      "cover: false\n"
      "---\n"
      "\n"
      "# 工程概况\n");
  EXPECT_EQ(d.meta.project, "高桥村公路工程");
  EXPECT_EQ(d.meta.title, "施工组织设计");
  EXPECT_EQ(d.meta.bidder, "某某建设集团有限公司");
  EXPECT_EQ(d.meta.date, "2026-11-01");
  EXPECT_EQ(d.meta.profile, "xx-2014");
  EXPECT_FALSE(d.meta.cover);
  EXPECT_TRUE(d.meta.toc);
  // Lines count from the file's first line, front matter included.
  EXPECT_EQ(dump_blocks(d), "H1@10 [工程概况]\n");
}

TEST(MarkdownFrontMatter, NoFrontMatterMeansDefaults) {
  model::Document d = parse("# 工程概况\n\ntitle: 不是元数据\n");
  EXPECT_EQ(d.meta.title, "");
  EXPECT_EQ(d.meta.project, "");
  EXPECT_EQ(d.meta.profile, "");
  EXPECT_TRUE(d.meta.cover);
  EXPECT_TRUE(d.meta.toc);
  EXPECT_EQ(dump_blocks(d), "H1@1 [工程概况]\nP [title: 不是元数据]\n");
}

TEST(MarkdownFrontMatter, EmptyBlockAndTocOff) {
  EXPECT_TRUE(parse("---\n---\ntext\n").meta.toc);
  model::Document d = parse("---\ntoc: no\ntitle:\n---\n");
  EXPECT_FALSE(d.meta.toc);
  EXPECT_EQ(d.meta.title, "");
  EXPECT_TRUE(d.blocks.empty());
}

TEST(MarkdownFrontMatter, UnknownKeyNamesKeyAndLine) {
  Error e = error_of([] { parse("---\ntitle: 施工组织设计\n\nauthor: 张三\n---\n正文\n"); });
  EXPECT_EQ(e.file(), "t.md");
  EXPECT_EQ(e.line(), 4);
  EXPECT_TRUE(contains(e.what(), "「author」")) << e.what();
  EXPECT_TRUE(contains(e.message(Lang::en), "\"author\"")) << e.message(Lang::en);
}

TEST(MarkdownFrontMatter, RepeatedKeyIsAnError) {
  Error e = error_of([] { parse("---\ntitle: a\ntitle: b\n---\n"); });
  EXPECT_EQ(e.line(), 3);
  EXPECT_TRUE(contains(e.what(), "title")) << e.what();
}

TEST(MarkdownFrontMatter, MalformedYamlNamesItsLine) {
  Error e = error_of([] { parse("---\ntitle: 施工组织设计\nproject: 高桥: 公路\n---\n"); });
  EXPECT_EQ(e.file(), "t.md");
  EXPECT_EQ(e.line(), 3);
  EXPECT_TRUE(contains(e.what(), "YAML")) << e.what();
  EXPECT_EQ(error_of([] { parse("---\ntitle: a\n\tproject: b\n---\n"); }).line(), 3);
  // An unclosed flow list is noticed at the end: the last line of the block.
  EXPECT_EQ(error_of([] { parse("---\ntitle: a\nproject: [b\n---\n"); }).line(), 3);
}

TEST(MarkdownFrontMatter, WrongValueTypesNameTheirLine) {
  Error e = error_of([] { parse("---\ntitle: a\ntoc: 也许\n---\n"); });
  EXPECT_EQ(e.line(), 3);
  EXPECT_TRUE(contains(e.what(), "toc")) << e.what();
  Error e2 = error_of([] { parse("---\nbidder:\n  - a\n  - b\n---\n"); });
  EXPECT_EQ(e2.line(), 2);
  Error e3 = error_of([] { parse("---\n- a\n---\n"); });
  EXPECT_EQ(e3.line(), 2);
}

TEST(MarkdownFrontMatter, UnclosedBlockIsAnError) {
  Error e = error_of([] { parse("---\ntitle: a\n\n# 标题\n"); });
  EXPECT_EQ(e.line(), 1);
}

TEST(MarkdownFrontMatter, DashesThenBlankLineAreAThematicBreak) { EXPECT_EQ(blocks_of("---\n\n正文\n"), "HR\nP [正文]\n"); }

TEST(MarkdownFrontMatter, BomBeforeFrontMatter) { EXPECT_EQ(parse("\xEF\xBB\xBF---\r\ntitle: 标题\r\n---\r\n").meta.title, "标题"); }

TEST(MarkdownFrontMatter, InvalidUtf8InFrontMatterCountsFromLineOne) {
  EXPECT_EQ(error_of([] { parse("---\ntitle: \xFF\n---\n"); }).line(), 2);
}

// ---------------------------------------------------------------------------------------------
// read_file
// ---------------------------------------------------------------------------------------------

TEST(MarkdownReadFile, ReadsFileWithImagesBesideIt) {
  const std::string dir = testkit::temp_dir("markdown-read-file");
  std::ofstream(dir + "/p.png", std::ios::binary) << "\x89PNG\r\n\x1a\n";
  std::ofstream(dir + "/bid.md", std::ios::binary) << "# 概况\n\n![总平面图](p.png)\n";
  model::Document d = read_file(dir + "/bid.md");
  EXPECT_EQ(d.source, dir + "/bid.md");
  EXPECT_EQ(dump_blocks(d), "H1@1 [概况]\nFIG@3 " + dir + "/p.png \"总平面图\"\n");
}

TEST(MarkdownReadFile, MissingFileIsAnErrorNamingIt) {
  const std::string path = testkit::temp_dir("markdown-missing") + "/nope.md";
  Error e = error_of([&] { read_file(path); });
  EXPECT_EQ(e.file(), path);
}

}  // namespace
}  // namespace bidfmt::markdown
