// Figures (local PNG/JPEG checks with lines) and `:::` landscape / A3 sections.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "helpers.h"
#include "support/testkit.h"

namespace bidfmt::markdown {
namespace {
using namespace test;

void write(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// A temp folder with images/plan.png, images/photo.jpg, images/notes.png (text) and empty.png.
std::string image_dir(const std::string& name) {
  const std::string dir = testkit::temp_dir(name);
  write(dir + "/images/plan.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  write(dir + "/images/photo.jpg", "\xFF\xD8\xFF\xE0\0\x10JFIF");
  write(dir + "/images/notes.png", "not an image");
  write(dir + "/images/empty.png", "");
  write(dir + "/images/总平面 图.png", "\x89PNG\r\n");
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

TEST(MarkdownFigures, ImageAloneIsAFigure) {
  const std::string dir = image_dir("markdown-figures-ok");
  model::Document d = parse("正文\n\n![施工总平面布置图](images/plan.png)\n\n  ![现场照片](./images/../images/photo.jpg)  \n", dir);
  EXPECT_EQ(dump_blocks(d),
            "P [正文]\n"
            "FIG@3 " +
                dir +
                "/images/plan.png \"施工总平面布置图\"\n"
                "FIG@5 " +
                dir + "/images/photo.jpg \"现场照片\"\n");
}

TEST(MarkdownFigures, PercentEncodedAndAngleBracketPaths) {
  const std::string dir = image_dir("markdown-figures-names");
  EXPECT_EQ(dump_blocks(parse("![甲](<images/总平面 图.png>)\n\n![乙](images/%E6%80%BB%E5%B9%B3%E9%9D%A2%20%E5%9B%BE.png)\n", dir)),
            "FIG@1 " + dir +
                "/images/总平面 图.png \"甲\"\n"
                "FIG@3 " +
                dir + "/images/总平面 图.png \"乙\"\n");
}

TEST(MarkdownFigures, EmptyAltMakesAnEmptyCaption) {
  const std::string dir = image_dir("markdown-figures-noalt");
  EXPECT_EQ(dump_blocks(parse("正文\n\n![](images/plan.png)\n", dir)), "P [正文]\nFIG@3 " + dir + "/images/plan.png \"\"\n");
}

TEST(MarkdownFigures, MissingImageIsAnErrorWithLine) {
  const std::string dir = image_dir("markdown-figures-missing");
  Error e = error_of([&] { parse("# 附图\n\n![平面图](images/nope.png)\n", dir); });
  EXPECT_EQ(e.file(), "t.md");
  EXPECT_EQ(e.line(), 3);
  EXPECT_TRUE(contains(e.what(), "images/nope.png")) << e.what();
  EXPECT_TRUE(contains(e.message(Lang::en), "images/nope.png")) << e.message(Lang::en);
}

TEST(MarkdownFigures, NonImageFileIsAnError) {
  const std::string dir = image_dir("markdown-figures-text");
  Error e = error_of([&] { parse("正文\n\n![说明](images/notes.png)\n", dir); });
  EXPECT_EQ(e.line(), 3);
  EXPECT_TRUE(contains(e.what(), "images/notes.png")) << e.what();
  EXPECT_TRUE(contains(e.what(), "PNG")) << e.what();
  EXPECT_EQ(error_of([&] { parse("![空](images/empty.png)\n", dir); }).line(), 1);
  EXPECT_EQ(error_of([&] { parse("\n![目录](images)\n", dir); }).line(), 2);
}

TEST(MarkdownFigures, UrlIsAnError) {
  Error e = error_of([] { parse("# 图\n![网图](http://example.cn/a.png)\n"); });
  EXPECT_EQ(e.line(), 2);
  EXPECT_TRUE(contains(e.what(), "http://example.cn/a.png")) << e.what();
}

TEST(MarkdownFigures, ImageWithTextIsNotAFigure) { EXPECT_EQ(blocks_of("![甲](a.png) 和 ![乙](b.png)\n"), "P [甲 和 乙]\n"); }

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

TEST(MarkdownSections, LandscapeAndA3) {
  EXPECT_EQ(blocks_of("正文\n"
                      "::: landscape\n"
                      "Table: 横向表\n"
                      "\n"
                      "| a | b |\n"
                      "|---|---|\n"
                      ":::\n"
                      "\n"
                      "::: {.a3}\n"
                      "# 进度计划\n"
                      "::::\n"
                      "::: {.landscape}\n"
                      "横向\n"
                      ":::\n"),
            "P [正文]\n"
            "SECTION landscape\n"
            "TABLE@5 \"横向表\" -,-\n  H: [a] | [b] |\n"
            "END\n"
            "SECTION a3\n"
            "H1@10 [进度计划]\n"
            "END\n"
            "SECTION landscape\n"
            "P [横向]\n"
            "END\n");
}

TEST(MarkdownSections, FencesInsideCodeAreCode) { EXPECT_EQ(blocks_of("~~~\n::: landscape\n~~~\n"), "C [::: landscape]\n"); }

TEST(MarkdownSections, UnclosedFenceNamesItsLine) {
  Error e = error_of([] { parse("正文\n\n::: landscape\n| a |\n|---|\n"); });
  EXPECT_EQ(e.line(), 3);
  EXPECT_TRUE(contains(e.what(), "::: landscape")) << e.what();
}

TEST(MarkdownSections, NestedFenceIsAnError) {
  Error e = error_of([] { parse("::: a3\n正文\n::: landscape\n:::\n:::\n"); });
  EXPECT_EQ(e.line(), 3);
  EXPECT_TRUE(contains(e.what(), "第1行")) << e.what();
}

TEST(MarkdownSections, StrayCloseIsAnError) {
  EXPECT_EQ(error_of([] { parse("正文\n:::\n"); }).line(), 2);
}

TEST(MarkdownSections, UnknownSectionIsAnError) {
  Error e = error_of([] { parse("---\ntitle: x\n---\n::: portrait\n:::\n"); });
  EXPECT_EQ(e.line(), 4);
  EXPECT_TRUE(contains(e.what(), "::: portrait")) << e.what();
}

TEST(MarkdownSections, ListIdsStayUniqueAcrossSections) {
  EXPECT_EQ(blocks_of("- 甲\n::: landscape\n- 乙\n:::\n"), "LI#1 d0 ul [甲]\nSECTION landscape\nLI#2 d0 ul [乙]\nEND\n");
}

}  // namespace
}  // namespace bidfmt::markdown
