// Cross-references end to end: Markdown and JSON, across several input files, the errors (unknown
// or twice-defined id: file and line, exit 2, no output), `parse` keeping refs and ids, per-chapter
// files, and check(build(x)) clean.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

std::string write(const std::string& dir, const std::string& name, const std::string& text) {
  const std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// The cached result of the REF field right after `instr_prefix`'s bookmark in document.xml.
std::string cached_after(const std::string& doc, size_t from) {
  const size_t sep = doc.find("w:fldCharType=\"separate\"", from);
  const size_t t = doc.find("<w:t", sep);
  const size_t start = doc.find('>', t) + 1;
  return doc.substr(start, doc.find("</w:t>", start) - start);
}

const char* kA =
    "---\ntitle: 技术标\nproject: 某工程\n---\n\n# 概况 {#sec:intro}\n\n## 人员\n\n"
    "| 岗位 | 人数 |\n|---|---|\n| 项目经理 | 1 |\n\nTable: 人员配置表 {#tbl:staff}\n\n"
    "![现场平面图](images/site-plan.png){#fig:site}\n";
const char* kB = "# 方案\n\n## 组织\n\n人员见@tbl:staff，现场见@fig:site，概况见@sec:intro。\n";

TEST(Crossref, ReferenceIntoAnotherFileShowsItsNumberAndChecksClean) {
  const std::string dir = testkit::temp_dir("xref-multi");
  fs::create_directories(dir + "/images");
  fs::copy_file(testkit::source_dir() + "/samples/images/site-plan.png", dir + "/images/site-plan.png");
  const std::string a = write(dir, "a.md", kA), b = write(dir, "b.md", kB);
  testkit::RunResult r = testkit::run_cli({"build", a, b, "-o", dir + "/out.docx"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto parts = testkit::read_zip(dir + "/out.docx");
  const std::string& doc = parts["word/document.xml"];
  for (const auto& [name, xml] : parts)
    if (name.rfind("word/media/", 0) != 0) {
      EXPECT_EQ(testkit::validate_part(name, xml), "") << name;
    }
  const size_t para = doc.find("人员见");
  ASSERT_NE(para, std::string::npos);
  const size_t t = doc.find(" REF _Ref", para), f = doc.find(" REF _Ref", t + 1), s = doc.find(" REF _Ref", f + 1);
  ASSERT_NE(s, std::string::npos);
  EXPECT_EQ(cached_after(doc, t), "表1.1-1");
  EXPECT_EQ(cached_after(doc, f), "图1.1-1");
  EXPECT_EQ(cached_after(doc, s), "一、");
  // The bookmark the first field names is in the table's caption, around 「表1.1-1」.
  const std::string name = doc.substr(t + 5, doc.find(' ', t + 5) - t - 5);
  const size_t mark = doc.find("w:name=\"" + name + "\"");
  ASSERT_NE(mark, std::string::npos);
  EXPECT_LT(mark, para);
  EXPECT_EQ(doc.substr(doc.find("<w:t>", mark) + 5, std::string("表1.1-1").size()), "表1.1-1");

  testkit::RunResult check = testkit::run_cli({"check", dir + "/out.docx"});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
}

TEST(Crossref, UnknownIdNamesFileAndLineAndWritesNothing) {
  const std::string dir = testkit::temp_dir("xref-unknown");
  const std::string a = write(dir, "a.md", "# 概况\n\n正文。\n"), b = write(dir, "b.md", "# 方案\n\n\n见@tbl:nothing。\n");
  testkit::RunResult r = testkit::run_cli({"build", a, b, "-o", dir + "/out.docx"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("b.md:4"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("tbl:nothing"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/out.docx"));
}

TEST(Crossref, IdDefinedTwiceNamesBothFiles) {
  const std::string dir = testkit::temp_dir("xref-twice");
  const std::string a = write(dir, "a.md", "# 概况 {#sec:x}\n\n正文。\n"), b = write(dir, "b.md", "# 方案\n\n## 组织 {#sec:x}\n");
  testkit::RunResult r = testkit::run_cli({"build", a, b, "-o", dir + "/out.docx", "--lang", "en"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("b.md:3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("a.md:1"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/out.docx"));
}

TEST(Crossref, JsonRefRunsBuildAndParseWritesThem) {
  const std::string dir = testkit::temp_dir("xref-json");
  const std::string json = write(dir, "c.json", R"({"bidfmt": "content/1", "meta": {"title": "技术标"}, "blocks": [
    {"type": "heading", "level": 1, "text": [{"text": "概况"}], "id": "sec:intro"},
    {"type": "heading", "level": 2, "text": [{"text": "人员"}]},
    {"type": "paragraph", "text": [{"text": "见"}, {"ref": "tbl:staff"}, {"text": "与"}, {"ref": "sec:intro"}]},
    {"type": "table", "caption": "人员配置表", "id": "tbl:staff", "rows": [
      {"cells": [{"text": [{"text": "岗位"}]}]}, {"cells": [{"text": [{"text": "项目经理"}]}]}]}]})");
  testkit::RunResult r = testkit::run_cli({"build", json, "-o", dir + "/out.docx"});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string doc = testkit::read_zip(dir + "/out.docx")["word/document.xml"];
  const size_t t = doc.find(" REF _Ref");
  ASSERT_NE(t, std::string::npos);
  EXPECT_EQ(cached_after(doc, t), "表1.1-1");
  EXPECT_EQ(cached_after(doc, doc.find(" REF _Ref", t + 1)), "一、");

  // parse keeps ids and refs; build(parse(x)) writes the same document.xml as build(x).
  const std::string md = write(dir, "d.md",
                               "# 概况 {#sec:intro}\n\n## 人员\n\n见@tbl:staff与@sec:intro。\n\n"
                               "| 岗位 |\n|---|\n| 项目经理 |\n\nTable: 人员配置表 {#tbl:staff}\n");
  const std::vector<std::string> env{"SOURCE_DATE_EPOCH=1767225600"};
  testkit::RunResult p = testkit::run({testkit::binary(), "parse", md, "-o", dir + "/d.json"}, env);
  ASSERT_EQ(p.status, 0) << p.err;
  const std::string text = testkit::read_text(dir + "/d.json");
  EXPECT_NE(text.find("\"ref\": \"tbl:staff\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"id\": \"sec:intro\""), std::string::npos) << text;
  ASSERT_EQ(testkit::run({testkit::binary(), "build", md, "-o", dir + "/md.docx"}, env).status, 0);
  ASSERT_EQ(testkit::run({testkit::binary(), "build", dir + "/d.json", "-o", dir + "/json.docx"}, env).status, 0);
  EXPECT_TRUE(testkit::read_zip(dir + "/md.docx")["word/document.xml"] == testkit::read_zip(dir + "/json.docx")["word/document.xml"]);
}

// --split-chapters: a reference into another chapter's file is its number as text (a REF field
// cannot point into another file); one into its own file stays a field. Every file checks clean.
TEST(Crossref, SplitChaptersWriteReferencesIntoOtherFilesAsText) {
  const std::string dir = testkit::temp_dir("xref-split");
  const std::string md = write(dir, "a.md",
                               "# 概况\n\n## 人员\n\n| 岗位 |\n|---|\n| 项目经理 |\n\nTable: 人员配置表 {#tbl:staff}\n\n"
                               "同章见@tbl:staff。\n\n# 方案\n\n## 组织\n\n前章见@tbl:staff。\n");
  testkit::RunResult r = testkit::run_cli({"build", md, "--profile", "chapter-heiti", "--split-chapters", "-o", dir + "/out"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::string first, second;
  for (const auto& e : fs::directory_iterator(dir + "/out")) {
    const std::string doc = testkit::read_zip(e.path().string())["word/document.xml"];
    if (doc.find("同章见") != std::string::npos) first = doc;
    if (doc.find("前章见") != std::string::npos) second = doc;
  }
  ASSERT_FALSE(first.empty());
  ASSERT_FALSE(second.empty());
  // 第一章 / 第一节 with no 条 yet: chapter-heiti's caption number without the level (表1-1).
  EXPECT_EQ(cached_after(first, first.find(" REF _Ref")), "表1-1");
  EXPECT_NE(first.find("<w:t>表1-1</w:t></w:r><w:bookmarkEnd"), std::string::npos);  // the caption's label
  EXPECT_EQ(second.find(" REF "), std::string::npos);
  EXPECT_NE(second.find("前章见</w:t></w:r><w:r><w:t>表1-1</w:t>"), std::string::npos) << second;
  testkit::RunResult check = testkit::run_cli({"check", dir + "/out", "--profile", "chapter-heiti"});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
}

}  // namespace
}  // namespace bidfmt
