// Profiles as data from the command line: Standard B builds, per-chapter output, overrides,
// profiles list/show/validate, and the Word templates kept in templates/.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <filesystem>
#include <fstream>

#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

std::string road_bid() { return testkit::source_dir() + "/samples/road-bid.md"; }

TEST(ProfilesCli, StandardBBuildsValidDocxWithHeitiChapters) {
  std::string dir = testkit::temp_dir("profiles-b");
  testkit::RunResult r = testkit::run_cli({"build", road_bid(), "-o", dir + "/b.docx", "--profile", "chapter-heiti"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto parts = testkit::read_zip(dir + "/b.docx");
  for (const auto& [name, xml] : parts) {
    if (name.rfind("word/media/", 0) != 0) {
      EXPECT_EQ(testkit::validate_part(name, xml), "") << name;
    }
  }
  pugi::xml_document st;
  st.load_string(parts.at("word/styles.xml").c_str());
  pugi::xml_node h1 = st.select_node("//w:style[@w:styleId='Heading1']").node();
  EXPECT_STREQ(h1.child("w:rPr").child("w:rFonts").attribute("w:eastAsia").value(), "黑体");
  EXPECT_EQ(h1.child("w:rPr").child("w:sz").attribute("w:val").as_int(), 32);
  EXPECT_STREQ(h1.child("w:pPr").child("w:jc").attribute("w:val").value(), "center");
  EXPECT_NE(parts.at("word/numbering.xml").find("第%1章"), std::string::npos);
  EXPECT_NE(parts.at("word/document.xml").find(">表1-2.4-1  主要工程数量表<"), std::string::npos);
}

TEST(ProfilesCli, SplitChaptersWritesOneCompleteFilePerChapter) {
  std::string dir = testkit::temp_dir("profiles-split");
  testkit::RunResult r = testkit::run_cli({"build", road_bid(), "--profile", "chapter-heiti", "--split-chapters", "-o", dir + "/out"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir + "/out")) files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 10u);
  EXPECT_TRUE(fs::exists(dir + "/out/第二章 主要施工方法.docx"));
  auto parts = testkit::read_zip(dir + "/out/第二章 主要施工方法.docx");
  for (const char* part : {"word/styles.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml"})
    EXPECT_TRUE(parts.count(part)) << part;
  pugi::xml_document num;
  num.load_string(parts.at("word/numbering.xml").c_str());
  // The chapter number continues: chapter 2 starts its level-1 numbering at 2.
  EXPECT_EQ(num.select_node("//w:num[@w:numId='1']/w:lvlOverride[@w:ilvl='0']/w:startOverride").node().attribute("w:val").as_int(), 2);
  pugi::xml_document doc;
  doc.load_string(parts.at("word/document.xml").c_str());
  EXPECT_EQ(doc.select_nodes("//w:p[w:pPr/w:pStyle/@w:val='Heading1']").size(), 1u);
  EXPECT_NE(parts.at("word/document.xml").find(">表2-"), std::string::npos);
}

TEST(ProfilesCli, OverrideChangesWhatBuildWrites) {
  std::string dir = testkit::temp_dir("profiles-override");
  std::ofstream(dir + "/tender.yaml") << "page:\n  margin_left: 30mm\n";
  testkit::RunResult r = testkit::run_cli({"build", road_bid(), "-o", dir + "/o.docx", "--override", dir + "/tender.yaml"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::string doc = testkit::read_zip(dir + "/o.docx").at("word/document.xml");
  EXPECT_NE(doc.find("w:left=\"1701\""), std::string::npos);  // 30 mm
  EXPECT_EQ(doc.find("w:left=\"1247\""), std::string::npos);
}

TEST(ProfilesCli, ListShowValidate) {
  testkit::RunResult list = testkit::run_cli({"profiles", "list"});
  EXPECT_EQ(list.status, 0);
  EXPECT_NE(list.out.find("xx-2014"), std::string::npos);
  EXPECT_NE(list.out.find("chapter-heiti"), std::string::npos);
  std::string dir = testkit::temp_dir("profiles-show");
  std::ofstream(dir + "/tender.yaml") << "body:\n  line_spacing: 2\n";
  testkit::RunResult show = testkit::run_cli({"profiles", "show", "xx-2014", "--override", dir + "/tender.yaml"});
  EXPECT_EQ(show.status, 0) << show.err;
  EXPECT_NE(show.out.find("line_spacing: 2  # " + dir + "/tender.yaml"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("size: 小四  # styles/xx-2014.yaml"), std::string::npos) << show.out;
  std::ofstream(dir + "/bad.yaml") << "extends: xx-2014\nbody:\n  size: 十二号\n";
  testkit::RunResult bad = testkit::run_cli({"profiles", "validate", dir + "/bad.yaml"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("bad.yaml:3"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("body.size"), std::string::npos) << bad.err;
  testkit::RunResult good = testkit::run_cli({"profiles", "validate", testkit::source_dir() + "/styles/chapter-heiti.yaml"});
  EXPECT_EQ(good.status, 0) << good.err;
}

// templates/*.dotx are generated; CI regenerates them and they must not drift.
TEST(ProfilesCli, CommittedTemplatesAreCurrent) {
  std::string dir = testkit::temp_dir("profiles-template");
  for (const char* name : {"xx-2014", "chapter-heiti"}) {
    std::string fresh = dir + "/" + name + ".dotx";
    testkit::RunResult r = testkit::run_cli({"template", "--profile", name, "-o", fresh});
    ASSERT_EQ(r.status, 0) << r.err;
    auto want = testkit::read_zip(testkit::source_dir() + "/templates/" + name + ".dotx");
    auto got = testkit::read_zip(fresh);
    ASSERT_EQ(want.size(), got.size()) << name;
    for (const auto& [part, xml] : got) {
      EXPECT_EQ(want[part], xml) << name << " " << part << " (regenerate: bidfmt template --profile " << name << ")";
      if (part.rfind("word/media/", 0) != 0) {
        EXPECT_EQ(testkit::validate_part(part, xml), "") << part;
      }
    }
    EXPECT_NE(got.at("[Content_Types].xml").find("template.main+xml"), std::string::npos);
  }
}

// The committed templates meet their own profiles (CI checks them as a reviewer would).
TEST(ProfilesCli, CommittedTemplatesCheckClean) {
  for (const char* name : {"xx-2014", "chapter-heiti"}) {
    testkit::RunResult r = testkit::run_cli({"check", testkit::source_dir() + "/templates/" + name + ".dotx", "--profile", name});
    EXPECT_EQ(r.status, 0) << name << "\n" << r.out << r.err;
    EXPECT_NE(r.out.find("未发现格式问题"), std::string::npos) << r.out;
  }
}

}  // namespace
}  // namespace bidfmt
