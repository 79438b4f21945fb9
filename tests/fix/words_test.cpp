// fix rewrites the words of text.punctuation and text.units (Standard B): full-width marks beside
// Chinese text, English unit abbreviations — inside the runs, formatting kept, each edit in the
// log — and nothing it should not: decimals, web addresses, Latin text, code, 「3D」; --keep-text
// leaves the words and logs them as not fixed.
#include <gtest/gtest.h>

#include "fix/fix_support.h"

namespace bidfmt::testfix {
namespace {

const profile::Profile& heiti() {
  static const profile::Profile p = profile::load("chapter-heiti");
  return p;
}

// A test's own name, for its folders (tests run as parallel processes).
std::string test_name() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return std::string(info->test_suite_name()) + "-" + info->name();
}

// `body` (Markdown) built with Standard B into one chapter.
std::string built(const std::string& body) {
  std::string dir = testkit::temp_dir("fix-words-" + test_name());
  write_file(dir + "/bid.md", "---\nproject: 测试项目工程\n---\n\n# 工程概况\n\n" + body + "\n");
  testkit::RunResult b = testkit::run_cli({"build", dir + "/bid.md", "--profile", "chapter-heiti", "-o", dir + "/b.docx"});
  EXPECT_EQ(b.status, 0) << b.err;
  return dir + "/b.docx";
}

Fixed fix_heiti(const std::string& input, bool keep_text = false) {
  Fixed f;
  f.input = input;
  static int n = 0;  // a test may fix several times (the second fix reads the first one's output)
  f.output = testkit::temp_dir("fix-words-out-" + test_name() + "-" + std::to_string(++n)) + "/fixed.docx";
  FixOptions o;
  o.input = input;
  o.output = f.output;
  o.project = kProject;
  o.profile = "chapter-heiti";
  o.keep_text = keep_text;
  f.result = fix_docx(o);
  return f;
}

// The findings of text.punctuation and text.units in `path`.
rules::Findings word_findings(const std::string& path) {
  report::FileReport r = check_file(path, heiti(), kProject);
  EXPECT_TRUE(r.checked) << r.error.en;
  rules::Findings out;
  for (const rules::Finding& f : r.findings)
    if (f.rule() == "text.punctuation" || f.rule() == "text.units") out.push_back(f);
  return out;
}

std::vector<std::string> texts(const std::string& docx) { return paragraph_texts(testkit::read_zip(docx).at("word/document.xml")); }

bool has_text(const std::string& docx, const std::string& text) {
  std::vector<std::string> t = texts(docx);
  return std::find(t.begin(), t.end(), text) != t.end();
}

std::vector<fix::Change> text_changes(const FixResult& r) {
  std::vector<fix::Change> out;
  for (const fix::Change& c : r.changes)
    if (c.rule == "text.punctuation" || c.rule == "text.units") out.push_back(c);
  return out;
}

// The fixed document: nothing fixable left, the words changed only by the logged edits, valid
// parts, and a second fix changes nothing.
void expect_fixed_heiti(const Fixed& f) {
  report::FileReport r = check_file(f.output, heiti(), kProject);
  ASSERT_TRUE(r.checked) << r.error.en;
  for (const rules::Finding& x : r.findings) EXPECT_FALSE(x.fixable) << dump(r);
  expect_same_words(f.input, f.output, f.result.changes);
  expect_valid_parts(f.input, f.output);
  Fixed again = fix_heiti(f.output);
  EXPECT_FALSE(again.result.changed);
}

TEST(FixWords, AsciiMarksBesideChineseBecomeFullWidth) {
  std::string in = built("本工程位于某市,全长约3km;工期(日历天)为120天:详见下表?");
  ASSERT_EQ(word_findings(in).size(), 1u);
  Fixed f = fix_heiti(in);
  EXPECT_TRUE(has_text(f.output, "本工程位于某市，全长约3km；工期（日历天）为120天：详见下表？"))
      << ::testing::PrintToString(texts(f.output));
  EXPECT_TRUE(word_findings(f.output).empty());
  std::vector<fix::Change> c = text_changes(f.result);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].rule, "text.punctuation");
  EXPECT_EQ(c[0].kind, "punctuation");
  EXPECT_TRUE(c[0].applied);
  EXPECT_EQ(c[0].before.zh, "本工程位于某市,全长约3km;工期(日历天)为120天:详见下表?");
  EXPECT_EQ(c[0].after.zh, "本工程位于某市，全长约3km；工期（日历天）为120天：详见下表？");
  EXPECT_GT(c[0].where.paragraph, 0);
  expect_fixed_heiti(f);
}

TEST(FixWords, ChineseUnitWordsBecomeTheEnglishAbbreviation) {
  // Each unit is also written in English somewhere (「同时出现」): m, m2, m³, t.
  std::string in = built("路面宽 6.5m，边沟长 300米，绿化 1200平米（另 50m2），土方 35.5立方米（另 3m³），钢筋 12t，水泥 30吨。");
  Fixed f = fix_heiti(in);
  EXPECT_TRUE(has_text(f.output, "路面宽 6.5m，边沟长 300m，绿化 1200m²（另 50m2），土方 35.5m³（另 3m³），钢筋 12t，水泥 30t。"))
      << ::testing::PrintToString(texts(f.output));
  EXPECT_TRUE(word_findings(f.output).empty());
  std::vector<fix::Change> c = text_changes(f.result);
  ASSERT_EQ(c.size(), 1u);  // one entry for the paragraph, every unit of it
  EXPECT_EQ(c[0].rule, "text.units");
  EXPECT_NE(c[0].before.zh.find("300米"), std::string::npos) << c[0].before.zh;
  EXPECT_NE(c[0].after.zh.find("300m"), std::string::npos) << c[0].after.zh;
  expect_fixed_heiti(f);
}

TEST(FixWords, LongParagraphsShowOnlyTheStretchAroundTheEdits) {
  std::string in = built("本段落前面有很多很多很多很多的文字而且还要更多,后面也有很多很多很多很多很多的文字。");
  Fixed f = fix_heiti(in);
  std::vector<fix::Change> c = text_changes(f.result);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].before.zh, "…文字而且还要更多,后面也有很多很多…");
  EXPECT_EQ(c[0].after.zh, "…文字而且还要更多，后面也有很多很多…");
  expect_fixed_heiti(f);
}

// What is not Chinese punctuation or a Chinese unit stays as typed: the document has nothing to
// fix, so fix changes nothing.
TEST(FixWords, NoFalseEdits) {
  const char* cases[] = {
      "见表1.1-1 与 1.2 节，共 10,000 个，比例 1:500，时间 10:30 开始，长 1.5m。",  // decimals, thousands, ratios
      "详见网站 https://www.example.cn/路径?页=1&类=2,所有内容以网站为准。",        // a web address
      "The beam is 5 m long, see (Note 1): it weighs 3 t!",                         // Latin only
      "采用3D建模与5G网络，模型精度达到 0.5m。",                                    // 「3D」「5G」
      "沿线种植玉米，采用 C30 混凝土，钢筋间距 25mm，强度 10MPa。",                 // not units
  };
  for (const char* body : cases) {
    SCOPED_TRACE(body);
    std::string in = built(body);
    EXPECT_TRUE(word_findings(in).empty()) << dump_findings(word_findings(in));
    Fixed f = fix_heiti(in);
    EXPECT_TRUE(text_changes(f.result).empty());
    EXPECT_TRUE(has_text(f.output.empty() || !f.result.changed ? in : f.output, body));
  }
}

TEST(FixWords, CodeBlocksAreNotText) {
  std::string in = built("正文说明。\n\n```\n// 注释:见(下文),长3米\nint a = f(b, c);\n```\n\n长度 6m。");
  EXPECT_TRUE(word_findings(in).empty()) << dump_findings(word_findings(in));
}

TEST(FixWords, UnitsInsideEnglishSentencesStay) {
  // The document mixes m and 米 (the Chinese paragraph is fixed); the English sentence's units
  // are already English, its marks Latin punctuation.
  std::string in = built("边沟长 300米。\n\nThe ditch is 300 m long, and the road (6.5 m) is paved.");
  Fixed f = fix_heiti(in);
  EXPECT_TRUE(has_text(f.output, "边沟长 300m。"));
  EXPECT_TRUE(has_text(f.output, "The ditch is 300 m long, and the road (6.5 m) is paved."));
  expect_fixed_heiti(f);
}

TEST(FixWords, BracketsArePairedAsOne) {
  // 「(1)」 before Chinese: only 「)」 stands beside a Chinese character, the pair changes together.
  std::string in = built("施工准备包括以下内容 (1)施工测量。");
  Fixed f = fix_heiti(in);
  EXPECT_TRUE(has_text(f.output, "施工准备包括以下内容 （1）施工测量。")) << ::testing::PrintToString(texts(f.output));
  expect_fixed_heiti(f);
}

// Replaces the runs of the paragraph reading `now` with runs of these texts; bold where asked.
void into_runs(Parts& parts, const std::string& now, const std::vector<std::pair<std::string, bool>>& runs) {
  edit(parts, "word/document.xml", [&](pugi::xml_document& d) {
    pugi::xml_node p = paragraph_with_text(d, now);
    ASSERT_TRUE(p);
    // build splits runs where the script changes: start again from the first one's copy
    pugi::xml_node model = p.child("w:r");
    for (const auto& [text, bold] : runs) {
      pugi::xml_node r = p.insert_copy_before(model, model);
      r.remove_child("w:rPr");
      if (pugi::xml_node rpr = model.child("w:rPr")) r.prepend_copy(rpr);
      pugi::xml_node t = r.child("w:t");
      t.text() = text.c_str();
      t.remove_attribute("xml:space");
      t.append_attribute("xml:space") = "preserve";
      if (bold) {
        pugi::xml_node rpr = r.child("w:rPr") ? r.child("w:rPr") : r.prepend_child("w:rPr");
        rpr.prepend_child("w:b");
      }
    }
    while (pugi::xml_node r = model.next_sibling("w:r")) p.remove_child(r);
    p.remove_child(model);  // the original runs, now after the copies
  });
}

// The runs' text of the paragraph holding `needle`, each marked B when bold.
std::vector<std::string> runs_with(const std::string& docx, const std::string& needle) {
  pugi::xml_document d;
  d.load_string(testkit::read_zip(docx).at("word/document.xml").c_str());
  for (pugi::xpath_node x : d.select_nodes("//w:body/w:p")) {
    std::vector<std::string> runs;
    std::string all;
    for (pugi::xpath_node r : x.node().select_nodes("w:r[w:t]")) {
      std::string t = r.node().child("w:t").text().get();
      all += t;
      runs.push_back((r.node().child("w:rPr").child("w:b") ? "B:" : "") + t);
    }
    if (all.find(needle) != std::string::npos) return runs;
  }
  return {};
}

TEST(FixWords, EditsStayInTheirRunsAndKeepTheirFormatting) {
  Parts parts = testkit::read_zip(built("边沟全长约300米,宽2m。"));
  into_runs(parts, "边沟全长约300米,宽2m。", {{"边沟全长约", false}, {"300米", true}, {",宽2m。", false}});
  std::string in = write(parts, "runs");
  Fixed f = fix_heiti(in);
  EXPECT_EQ(runs_with(f.output, "边沟"), (std::vector<std::string>{"边沟全长约", "B:300m", "，宽2m。"}));
  expect_fixed_heiti(f);
}

TEST(FixWords, AWordAcrossRunsOfOneFormattingIsRewritten) {
  Parts parts = testkit::read_zip(built("绿化面积1200平方米，路面50m²。"));
  into_runs(parts, "绿化面积1200平方米，路面50m²。", {{"绿化面积1200平方", false}, {"米，路面50m²。", false}});
  std::string in = write(parts, "same-runs");
  Fixed f = fix_heiti(in);
  EXPECT_TRUE(has_text(f.output, "绿化面积1200m²，路面50m²。")) << ::testing::PrintToString(texts(f.output));
  expect_fixed_heiti(f);
}

TEST(FixWords, AWordAcrossRunsOfDifferentFormattingIsReportedAndLeft) {
  Parts parts = testkit::read_zip(built("绿化面积1200平方米，路面50m²。"));
  into_runs(parts, "绿化面积1200平方米，路面50m²。", {{"绿化面积1200平方", true}, {"米，路面50m²。", false}});
  std::string in = write(parts, "split-runs");
  Fixed f = fix_heiti(in);
  EXPECT_TRUE(has_text(f.output.empty() || !f.result.changed ? in : f.output, "绿化面积1200平方米，路面50m²。"));
  std::vector<fix::Change> c = text_changes(f.result);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_FALSE(c[0].applied);
  EXPECT_NE(c[0].what.en.find("runs formatted differently"), std::string::npos) << c[0].what.en;
  EXPECT_EQ(c[0].after.zh, "绿化面积1200m²，路面50m²。");
}

TEST(FixWords, KeepTextLeavesTheWordsAndReportsThem) {
  std::string in = built("边沟长 300米,宽 2m。");
  Fixed f = fix_heiti(in, true);
  std::string out = f.result.changed ? f.output : in;
  EXPECT_TRUE(has_text(out, "边沟长 300米,宽 2m。"));
  std::vector<fix::Change> c = text_changes(f.result);
  ASSERT_EQ(c.size(), 2u);
  for (const fix::Change& x : c) {
    EXPECT_FALSE(x.applied) << x.rule;
    EXPECT_NE(x.what.en.find("--keep-text"), std::string::npos);
  }
  EXPECT_EQ(word_findings(out).size(), 2u);  // still reported
}

TEST(FixWords, KeepTextOnTheCommandLineAndInTheJsonLog) {
  std::string in = built("边沟长 300米,宽 2m。");
  std::string dir = testkit::temp_dir("fix-words-cli-" + test_name());
  testkit::RunResult r = testkit::run_cli({"fix", in, "--profile", "chapter-heiti", "--dry-run", "--log", dir + "/log.json"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("300米"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("300m"), std::string::npos) << r.out;
  std::string log = testkit::read_text(dir + "/log.json");
  EXPECT_NE(log.find("\"text.units\""), std::string::npos) << log;
  EXPECT_NE(log.find("\"text.punctuation\""), std::string::npos) << log;
  testkit::RunResult k = testkit::run_cli({"fix", in, "--profile", "chapter-heiti", "--keep-text", "-o", dir + "/k.docx", "--lang", "en"});
  ASSERT_EQ(k.status, 0) << k.err;
  EXPECT_NE(k.out.find("--keep-text"), std::string::npos) << k.out;
}

}  // namespace
}  // namespace bidfmt::testfix
