// Standard B's wording rules: text.units (m vs 米 …) and text.punctuation (full-width marks).
#include "rules/check_fixture.h"

namespace bidfmt {
namespace {
using namespace testfix;

// Builds `body` (Markdown) with Standard B and checks it; returns the findings of `rule`.
std::vector<rules::Finding> findings_of(const std::string& body, const std::string& rule, const std::string& profile = "chapter-heiti") {
  static int n = 0;  // tests run as separate processes: the test's name keeps their folders apart
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string dir =
      testkit::temp_dir(std::string("text-rules-") + info->test_suite_name() + "-" + info->name() + "-" + std::to_string(++n));
  write_file(dir + "/bid.md", "---\nproject: 测试项目工程\n---\n\n# 工程概况\n\n" + body + "\n");
  testkit::RunResult b = testkit::run_cli({"build", dir + "/bid.md", "--profile", profile, "-o", dir + "/b.docx"});
  EXPECT_EQ(b.status, 0) << b.err;
  report::FileReport r = check_file(dir + "/b.docx", profile::load(profile), kProject);
  std::vector<rules::Finding> out;
  for (const rules::Finding& f : r.findings)
    if (f.rule() == rule) out.push_back(f);
  return out;
}

TEST(TextUnits, MixedMetreAndMiIsAFinding) {
  auto f = findings_of("路面宽 6.5m，边沟长 300米。", "text.units");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].actual().zh, "米");
  EXPECT_EQ(f[0].expected().zh, "m");
  EXPECT_TRUE(f[0].fixable);  // fix writes the English abbreviation (tests/fix/words_test.cpp)
}

TEST(TextUnits, AreaVolumeAndTonnes) {
  EXPECT_EQ(findings_of("面积 1200m2，另有 300平米 绿化。", "text.units").size(), 1u);
  EXPECT_EQ(findings_of("混凝土 35m³，土方 800立方米。", "text.units").size(), 1u);
  EXPECT_EQ(findings_of("钢筋 12t，水泥 30吨。", "text.units").size(), 1u);
  EXPECT_EQ(findings_of("全角数字 １５ｍ 与 ３米 混用。", "text.units").size(), 1u);
}

TEST(TextUnits, NotUnits) {
  // 「玉米」 has no number before it; 「C30」 is a grade; 25mm and 10MPa are other units.
  EXPECT_TRUE(findings_of("沿线种植玉米，采用 C30 混凝土，路宽 1.5m，钢筋间距 25mm，强度 10MPa。", "text.units").empty());
  // One way throughout is fine: only m.
  EXPECT_TRUE(findings_of("长 1.5m，宽 6m，面积 300m2。", "text.units").empty());
}

TEST(TextUnits, OffInStandardA) { EXPECT_TRUE(findings_of("路面宽 6.5m，边沟长 300米。", "text.units", "xx-2014").empty()); }

TEST(TextPunctuation, AsciiMarksInChineseText) {
  auto f = findings_of("本工程位于某市,全长约3km;工期(日历天)为120天:详见下表?", "text.punctuation");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].actual().zh, ",;():?");
  EXPECT_EQ(f[0].expected().zh, "，；（）：？");
}

TEST(TextPunctuation, DotsNumbersAndLatinAreFine) {
  EXPECT_TRUE(findings_of("见表1.1-1 与 1.2 节，数量 10,000 个，规范 GB 50204-2015，Note: see A, B.", "text.punctuation").empty());
  EXPECT_TRUE(findings_of("全角标点：，；（）？！都正确。", "text.punctuation").empty());
}

TEST(TextRules, SamplesAreCleanWithStandardB) {
  for (const char* s : {"road-bid", "service-proposal"}) {
    std::string dir = testkit::temp_dir(std::string("text-rules-sample-") + s);
    testkit::RunResult b =
        testkit::run_cli({"build", testkit::source_dir() + "/samples/" + s + ".md", "--profile", "chapter-heiti", "-o", dir + "/b.docx"});
    ASSERT_EQ(b.status, 0) << b.err;
    report::FileReport r = check_file(dir + "/b.docx", profile::load("chapter-heiti"), "");
    // The whole bid in one file: only 「各章单独做一个word文档」 is broken (one finding per
    // chapter after the first); the split build's files check clean (standard_b_test.cpp).
    EXPECT_FALSE(r.findings.empty()) << s;
    for (const rules::Finding& f : r.findings) EXPECT_EQ(f.rule() + "/" + f.kind(), "output.per-chapter/chapters") << s << "\n" << dump(r);
  }
}

}  // namespace
}  // namespace bidfmt
