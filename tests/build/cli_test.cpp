// bidfmt build from the command line: bad input gives one line, exit 2, and no output file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <pugixml.hpp>

#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

struct Case {
  std::string dir, md, out;
};

Case prepare(const std::string& name, const std::string& markdown) {
  Case c;
  c.dir = testkit::temp_dir("cli-" + name);
  c.md = c.dir + "/in.md";
  c.out = c.dir + "/out.docx";
  std::ofstream(c.md, std::ios::binary) << markdown;
  return c;
}

// One line on stderr, naming `needle` (file, line …), exit status 2, no output file left.
void expect_clean_failure(const testkit::RunResult& r, const Case& c, const std::string& needle) {
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(c.out));
  for (const auto& e : fs::directory_iterator(c.dir)) EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
}

const char* kGood = "---\nproject: 测试工程\n---\n\n# 工程概况\n\n正文。\n";

// Standard B asks for one Word file per chapter (output.per-chapter): a build of several chapters
// into one file says how to write them as the standard asks; one file per chapter says nothing.
TEST(BuildCli, SeveralChaptersInOneFileUnderStandardBAreWarnedOf) {
  std::string dir = testkit::temp_dir("build-per-chapter");
  std::ofstream(dir + "/two.md") << "---\nproject: 测试项目工程\n---\n\n# 工程概况\n\n正文。\n\n# 施工方案\n\n正文。\n";
  testkit::RunResult one = testkit::run_cli({"build", dir + "/two.md", "--profile", "chapter-heiti", "-o", dir + "/all.docx"});
  EXPECT_EQ(one.status, 0) << one.err;
  EXPECT_NE(one.err.find("--split-chapters"), std::string::npos) << one.err;
  testkit::RunResult split =
      testkit::run_cli({"build", dir + "/two.md", "--profile", "chapter-heiti", "--split-chapters", "-o", dir + "/chapters"});
  EXPECT_EQ(split.status, 0) << split.err;
  EXPECT_EQ(split.err.find("--split-chapters"), std::string::npos) << split.err;
  testkit::RunResult a = testkit::run_cli({"build", dir + "/two.md", "-o", dir + "/a.docx"});  // Standard A: one file
  EXPECT_EQ(a.err.find("--split-chapters"), std::string::npos) << a.err;
}

TEST(BuildCli, BuildsAndPrintsNothingOnSuccess) {
  Case c = prepare("ok", kGood);
  testkit::RunResult r = testkit::run_cli({"build", c.md, "-o", c.out});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(c.out));
  EXPECT_EQ(r.err, "");
}

TEST(BuildCli, MissingInput) {
  Case c = prepare("missing", kGood);
  expect_clean_failure(testkit::run_cli({"build", c.dir + "/nope.md", "-o", c.out}), c, "nope.md");
}

TEST(BuildCli, InvalidUtf8NamesTheLine) {
  Case c = prepare("utf8", "---\nproject: x\n---\n\n正文\n\xff\xfe 坏字节\n");
  expect_clean_failure(testkit::run_cli({"build", c.md, "-o", c.out}), c, "in.md:6");
}

TEST(BuildCli, UnknownFrontMatterKeyNamesKeyAndLine) {
  Case c = prepare("key", "---\nproject: x\nauthor: y\n---\n\n正文\n");
  testkit::RunResult r = testkit::run_cli({"build", c.md, "-o", c.out});
  expect_clean_failure(r, c, "in.md:3");
  EXPECT_NE(r.err.find("author"), std::string::npos) << r.err;
}

TEST(BuildCli, UnknownProfile) {
  Case c = prepare("profile", kGood);
  expect_clean_failure(testkit::run_cli({"build", c.md, "-o", c.out, "--profile", "no-such"}), c, "no-such");
}

TEST(BuildCli, MalformedProfileYamlNamesLine) {
  Case c = prepare("badyaml", kGood);
  std::ofstream(c.dir + "/p.yaml") << "id: x\nname: [oops\n";
  expect_clean_failure(testkit::run_cli({"build", c.md, "-o", c.out, "--profile", c.dir + "/p.yaml"}), c, "p.yaml:");
}

TEST(BuildCli, UnwritableOutput) {
  Case c = prepare("unwritable", kGood);
  c.out = c.dir + "/missing-dir/out.docx";
  expect_clean_failure(testkit::run_cli({"build", c.md, "-o", c.out}), c, "out.docx");
}

TEST(BuildCli, FailedBuildKeepsAnExistingOutputIntact) {
  Case c = prepare("keep", "---\nbad: 1\n---\n");
  std::ofstream(c.out) << "previous";
  testkit::RunResult r = testkit::run_cli({"build", c.md, "-o", c.out});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(testkit::read_text(c.out), "previous");
}

TEST(BuildCli, TypedHeadingNumberIsRemovedWithAWarning) {
  Case c = prepare("typed", "# 一、工程概况\n\n正文。\n");
  testkit::RunResult r = testkit::run_cli({"build", c.md, "-o", c.out});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("in.md:1"), std::string::npos) << r.err;
  pugi::xml_document doc;
  doc.load_string(testkit::read_zip(c.out).at("word/document.xml").c_str());
  pugi::xml_node h = doc.select_node("//w:p[w:pPr/w:pStyle/@w:val='Heading1']").node();
  std::string text;
  for (const pugi::xpath_node& t : h.select_nodes(".//w:t")) text += t.node().text().get();
  EXPECT_EQ(text, "工程概况");
}

TEST(BuildCli, EnglishMessagesWithLangEn) {
  Case c = prepare("en", kGood);
  testkit::RunResult r = testkit::run_cli({"build", c.dir + "/nope.md", "-o", c.out, "--lang", "en"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("cannot read"), std::string::npos) << r.err;
}

TEST(BuildCli, HelpAndVersion) {
  EXPECT_EQ(testkit::run_cli({"--version"}).status, 0);
  testkit::RunResult h = testkit::run_cli({"--help"});
  EXPECT_EQ(h.status, 0);
  EXPECT_NE(h.out.find("bidfmt build"), std::string::npos);
}

}  // namespace
}  // namespace bidfmt

namespace bidfmt {
namespace {

TEST(BuildCli, PaginateWithoutLibreOfficeSaysSoAndExits2) {
  Case c = prepare("no-lo", kGood);
  testkit::RunResult r = testkit::run({testkit::binary(), "build", c.md, "-o", c.out, "--paginate"}, {"PATH=/nonexistent"});
  expect_clean_failure(r, c, "LibreOffice");
}

TEST(BuildCli, OutputEqualToInputIsRefused) {
  Case c = prepare("same", kGood);
  testkit::RunResult r = testkit::run_cli({"build", c.md, "-o", c.md});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(testkit::read_text(c.md), kGood);
}

}  // namespace
}  // namespace bidfmt
