// `bidfmt parse`: on every sample and every AI draft the Markdown tests use, build(parse(x)) writes
// the same document.xml, footnotes.xml and numbering.xml as build(x) (SOURCE_DATE_EPOCH set, so the
// dates agree), and the JSON parse writes follows the schema.
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "content/schema.h"
#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

std::vector<std::string> markdown_inputs() {
  std::vector<std::string> out;
  for (const char* dir : {"/samples", "/tests/markdown/drafts"})
    for (const auto& e : fs::directory_iterator(testkit::source_dir() + dir))
      if (e.path().extension() == ".md") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

class ParseRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(ParseRoundTrip, BuildOfParseWritesTheSameDocument) {
  const std::string name = fs::path(GetParam()).stem().string();
  const std::string dir = testkit::temp_dir("parse-" + name);
  const std::string json = dir + "/sub/content.json";  // another folder: image paths must follow
  fs::create_directories(dir + "/sub");
  const std::vector<std::string> env{"SOURCE_DATE_EPOCH=1767225600"};
  testkit::RunResult p = testkit::run({testkit::binary(), "parse", GetParam(), "-o", json}, env);
  ASSERT_EQ(p.status, 0) << p.err;
  testkit::RunResult a = testkit::run({testkit::binary(), "build", GetParam(), "-o", dir + "/md.docx"}, env);
  ASSERT_EQ(a.status, 0) << a.err;
  testkit::RunResult b = testkit::run({testkit::binary(), "build", json, "-o", dir + "/json.docx"}, env);
  ASSERT_EQ(b.status, 0) << b.err;
  auto md = testkit::read_zip(dir + "/md.docx");
  auto js = testkit::read_zip(dir + "/json.docx");
  for (const char* part : {"word/document.xml", "word/footnotes.xml", "word/numbering.xml"}) {
    EXPECT_EQ(md.count(part), js.count(part)) << part;
    EXPECT_TRUE(md[part] == js[part]) << part << " differs";
  }
  ASSERT_FALSE(md["word/document.xml"].empty());

  const std::string text = testkit::read_text(json);
  rapidjson::Document d;
  d.Parse(text.c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_NO_THROW(content::validate(d, json));
}

INSTANTIATE_TEST_SUITE_P(Inputs, ParseRoundTrip, ::testing::ValuesIn(markdown_inputs()),
                         [](const ::testing::TestParamInfo<std::string>& i) {
                           std::string n = fs::path(i.param).stem().string();
                           for (char& c : n)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

TEST(ParseCli, WritesToStandardOutputWithoutOutput) {
  const std::string dir = testkit::temp_dir("parse-stdout");
  const std::string md = dir + "/a.md";
  { std::ofstream(md) << "# 章\n\n正文。\n"; }
  testkit::RunResult r = testkit::run_cli({"parse", md});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("{\n  \"bidfmt\": \"content/1\"", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\"text\": \"正文。\""), std::string::npos) << r.out;
}

TEST(ParseCli, RefusesToOverwriteItsInput) {
  const std::string dir = testkit::temp_dir("parse-self");
  const std::string md = dir + "/a.md";
  { std::ofstream(md) << "# 章\n"; }
  testkit::RunResult r = testkit::run_cli({"parse", md, "-o", md});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(testkit::read_text(md), "# 章\n");
}

TEST(BuildJson, InvalidContentExitsTwoWritingNothing) {
  const std::string dir = testkit::temp_dir("build-json-invalid");
  const std::string json = dir + "/bad.json";
  {
    std::ofstream(json) << R"({"bidfmt": "content/1", "blocks": [{"type": "heading", "level": 1, "text": [{"text": "甲"}]},
      {"type": "table", "rows": [{"cells": [{"text": []}, {"text": [], "rowspan": 0}]}]}]})";
  }
  testkit::RunResult r = testkit::run_cli({"build", json, "-o", dir + "/out.docx", "--lang", "en"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "bidfmt: " + json +
                       ": content does not follow docs/content.schema.json: /blocks/1/rows/0/cells/1/rowspan: must be at least 1\n");
  EXPECT_FALSE(fs::exists(dir + "/out.docx"));
}

}  // namespace
}  // namespace bidfmt
