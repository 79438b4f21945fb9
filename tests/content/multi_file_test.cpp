// Several inputs: Markdown and JSON joined in order into one DOCX; the front matter from the first
// file or --meta, a disagreeing one refused naming both files; messages name the file they are about.
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

const char* kFirst = "---\ntitle: 技术标\nproject: 某工程\n---\n\n# 概况\n\n正文甲[^a]。\n\n1. 甲一\n2. 甲二\n\n[^a]: 注甲。\n";
const char* kSecondJson = R"({"bidfmt": "content/1", "meta": {"title": "技术标"}, "blocks": [
  {"type": "heading", "level": 1, "text": [{"text": "施工方案"}]},
  {"type": "paragraph", "text": [{"text": "正文乙"}, {"footnote": {"paragraphs": [[{"text": "注乙。"}]]}}]},
  {"type": "list", "ordered": true, "items": [{"content": [{"type": "paragraph", "text": [{"text": "乙一"}]}]}]}]})";

TEST(MultiFile, JoinedInOrderWithFootnotesAndListsOfTheirOwn) {
  const std::string dir = testkit::temp_dir("multi-order");
  const std::string a = write(dir, "01-概况.md", kFirst), b = write(dir, "02-施工方案.json", kSecondJson);
  testkit::RunResult r = testkit::run_cli({"build", a, b, "-o", dir + "/out.docx"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto parts = testkit::read_zip(dir + "/out.docx");
  const std::string& doc = parts["word/document.xml"];
  const size_t first = doc.find("概况</w:t>"), second = doc.find("施工方案</w:t>");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_LT(doc.find("甲二"), doc.find("乙一"));
  // Both notes, each its own: the second file's mark points at the second note.
  const std::string& notes = parts["word/footnotes.xml"];
  EXPECT_NE(notes.find("注甲。"), std::string::npos);
  EXPECT_NE(notes.find("注乙。"), std::string::npos);
  EXPECT_NE(doc.find("w:footnoteReference w:id=\"1\""), std::string::npos);
  EXPECT_NE(doc.find("w:footnoteReference w:id=\"2\""), std::string::npos);
  // The second file's list is a list of its own (it starts at 1 again): two ordered numIds.
  auto num_of = [&](const std::string& word) {
    const size_t at = doc.rfind("<w:numId w:val=\"", doc.find(word));
    return doc.substr(at, doc.find('"', at + 16) - at);
  };
  EXPECT_NE(num_of("甲一"), num_of("乙一"));
  EXPECT_EQ(num_of("甲一"), num_of("甲二"));
  EXPECT_NE(parts["docProps/core.xml"].find("技术标"), std::string::npos);

  testkit::RunResult check = testkit::run_cli({"check", dir + "/out.docx"});
  EXPECT_EQ(check.status, 0) << check.out;
}

TEST(MultiFile, DisagreeingFrontMatterNamesBothFiles) {
  const std::string dir = testkit::temp_dir("multi-conflict");
  const std::string a = write(dir, "a.md", kFirst);
  const std::string b = write(dir, "b.md", "---\ntitle: 另一个标题\n---\n\n# 乙\n\n正文。\n");
  testkit::RunResult r = testkit::run_cli({"build", a, b, "-o", dir + "/out.docx", "--lang", "en"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "bidfmt: " + b + ": front matter disagrees with '" + a +
                       "': title 「技术标」≠「另一个标题」 (write it once, in the first file or in --meta)\n");
  EXPECT_FALSE(fs::exists(dir + "/out.docx"));
}

TEST(MultiFile, MetaFileGivesTheFrontMatterAndIsCheckedAgainst) {
  const std::string dir = testkit::temp_dir("multi-meta");
  const std::string meta = write(dir, "bid.yaml", "title: 总标题\nbidder: 某公司\n");
  const std::string a = write(dir, "a.md", "# 甲\n\n正文。\n");
  const std::string b = write(dir, "b.md", "---\ntitle: 总标题\n---\n\n# 乙\n\n正文。\n");
  testkit::RunResult ok = testkit::run_cli({"build", a, b, "--meta", meta, "-o", dir + "/out.docx"});
  ASSERT_EQ(ok.status, 0) << ok.err;
  EXPECT_NE(testkit::read_zip(dir + "/out.docx")["docProps/core.xml"].find("总标题"), std::string::npos);

  const std::string c = write(dir, "c.md", "---\nbidder: 别的公司\n---\n\n# 丙\n");
  testkit::RunResult bad = testkit::run_cli({"build", a, c, "--meta", meta, "-o", dir + "/bad.docx"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find(c + ": 前置元数据与「" + meta + "」的不一致:bidder"), std::string::npos) << bad.err;

  const std::string broken = write(dir, "broken.yaml", "title: x\ntitle: y\n");
  testkit::RunResult twice = testkit::run_cli({"build", a, "--meta", broken, "-o", dir + "/bad.docx"});
  EXPECT_EQ(twice.status, 2);
  EXPECT_NE(twice.err.find(broken + ":2: "), std::string::npos) << twice.err;
}

TEST(MultiFile, MessagesNameTheFileTheyCameFrom) {
  const std::string dir = testkit::temp_dir("multi-messages");
  const std::string a = write(dir, "a.md", "# 甲\n\n正文。\n");
  // A typed heading number is removed with a warning: the warning names b.md and its line.
  const std::string b = write(dir, "b.md", "# 乙\n\n# 丙\n\n## 1.1 范围\n\n正文。\n");
  testkit::RunResult r = testkit::run_cli({"build", a, b, "-o", dir + "/out.docx"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find(b + ":5: 警告"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(a + ":"), std::string::npos) << r.err;

  // An error in the second file names it (and the line of the JSON syntax error).
  const std::string c = write(dir, "c.json", "{\n  \"bidfmt\": \"content/1\",\n  \"blocks\": [,]\n}\n");
  testkit::RunResult bad = testkit::run_cli({"build", a, c, "-o", dir + "/bad.docx"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.err.rfind("bidfmt: " + c + ":3: JSON 语法错误", 0), 0u) << bad.err;
  const std::string d = write(dir, "d.md", "# 丁\n\n![图](missing.png)\n");
  testkit::RunResult missing = testkit::run_cli({"build", a, d, "-o", dir + "/bad.docx"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_EQ(missing.err.rfind("bidfmt: " + d + ":3: ", 0), 0u) << missing.err;
}

// The outline rules run on the joined document: chapter files that each open with one `#` heading
// and typed `##` numbers are chapters of one bid (read alone, each `#` would be taken as the cover
// title, and the second would disagree with the first's).
TEST(MultiFile, ChapterFilesEachWithOneHashHeadingAreChapters) {
  const std::string dir = testkit::temp_dir("multi-outline");
  const std::string a = write(dir, "01-工程概况.md", "---\nproject: 某工程\n---\n\n# 工程概况\n\n## 一、工程简介\n\n正文甲。\n");
  const std::string b = write(dir, "02-施工方案.md", "# 施工方案\n\n## 一、施工方法\n\n正文乙。\n");
  testkit::RunResult r = testkit::run_cli({"build", a, b, "-o", dir + "/out.docx"});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string doc = testkit::read_zip(dir + "/out.docx")["word/document.xml"];
  auto style_of = [&](const std::string& word) {
    const size_t at = doc.rfind(word + "</w:t>");  // the body's paragraph (the TOC lists it first)
    if (at == std::string::npos) return std::string("(missing)");
    const size_t s = doc.rfind("<w:pStyle w:val=\"", at);
    return doc.substr(s + 17, doc.find('"', s + 17) - s - 17);
  };
  EXPECT_EQ(style_of("工程概况"), "Heading1");
  EXPECT_EQ(style_of("施工方案"), "Heading1");
  EXPECT_EQ(style_of("施工方法"), "Heading2");
  EXPECT_EQ(testkit::run_cli({"check", dir + "/out.docx"}).status, 0);

  // A first file holding only the title, then files of `##` chapters: the title and its chapters.
  const std::string t = write(dir, "00-封面.md", "---\nproject: 某工程\n---\n\n# 售后服务方案\n");
  const std::string c = write(dir, "01.md", "## 一、服务承诺\n\n正文丙。\n");
  const std::string d = write(dir, "02.md", "## 二、服务团队\n\n正文丁。\n");
  testkit::RunResult r2 = testkit::run_cli({"build", t, c, d, "-o", dir + "/out2.docx"});
  ASSERT_EQ(r2.status, 0) << r2.err;
  auto parts = testkit::read_zip(dir + "/out2.docx");
  EXPECT_NE(parts["docProps/core.xml"].find("售后服务方案"), std::string::npos);
  const std::string doc2 = parts["word/document.xml"];
  for (const char* chapter : {"服务承诺", "服务团队"}) {
    const size_t at = doc2.rfind(std::string(chapter) + "</w:t>");
    ASSERT_NE(at, std::string::npos) << chapter;
    const size_t s = doc2.rfind("<w:pStyle w:val=\"", at);
    EXPECT_EQ(doc2.substr(s + 17, 8), "Heading1") << chapter;
  }
}

}  // namespace
}  // namespace bidfmt
