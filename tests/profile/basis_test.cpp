// basis: every profile value has a class — required, interpreted or default — validated with
// file and line; tender overrides make their values required; the bundled profiles classified.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "api/bidfmt.h"
#include "core/error.h"
#include "core/resources.h"
#include "profile/profile.h"
#include "support/testkit.h"

namespace bidfmt::profile {
namespace {

std::string write(const std::string& dir, const std::string& name, const std::string& text) { return testkit::write_text(dir, name, text); }

std::string bundled_text(const std::string& id) { return std::string(*core::resource("styles/" + id + ".yaml")); }

// The 1-based line of `needle` in `text`.
int line_of(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

TEST(ProfileBasis, StandardAClassifiesWhatItSaysAndWhatItLeavesOpen) {
  Profile p = load("xx-2014");
  EXPECT_EQ(p.class_of("page.margin_top"), ValueClass::required);
  EXPECT_NE(p.basis_of("page.margin_top")->text.find("页边距为上下25mm"), std::string::npos);
  EXPECT_EQ(p.class_of("body.align"), ValueClass::required);
  EXPECT_EQ(p.class_of("body.character_spacing"), ValueClass::interpreted);
  // The two examples: neither is in the standard.
  EXPECT_EQ(p.class_of("headings.1.align"), ValueClass::default_value);
  EXPECT_EQ(p.class_of("headings.3.align"), ValueClass::default_value);
  EXPECT_EQ(p.class_of("captions.table.size"), ValueClass::default_value);
  EXPECT_EQ(p.class_of("captions.table.bold"), ValueClass::required);
  EXPECT_EQ(p.class_of("captions.figure.position"), ValueClass::default_value);  // the text is cut off
  EXPECT_EQ(p.class_of("footer.size"), ValueClass::default_value);
  EXPECT_EQ(p.class_of("header.size"), ValueClass::required);
}

TEST(ProfileBasis, StandardBLeavesMarginsSpacingHeaderFooterAndLatinFontOpen) {
  Profile p = load("chapter-heiti");
  for (const char* key : {"page.margin_top", "page.margin_left", "body.line_spacing", "header.left", "header.size", "footer.text",
                          "footer.align", "fonts.latin", "table.border_top"})
    EXPECT_EQ(p.class_of(key), ValueClass::default_value) << key;
  for (const char* key : {"page.width", "fonts.east_asia", "body.size", "headings.1.font_east_asia", "headings.1.size", "headings.1.align",
                          "captions.table.size", "text.units"})
    EXPECT_EQ(p.class_of(key), ValueClass::required) << key;
  EXPECT_EQ(p.class_of("headings.3.number"), ValueClass::interpreted);
}

TEST(ProfileBasis, AValueWithoutAClassNamesItsFileAndLine) {
  std::string text = bundled_text("xx-2014");
  const std::string entry = "  page.header_distance:";
  size_t at = text.find(entry);
  ASSERT_NE(at, std::string::npos);
  text.erase(at, text.find('\n', at) - at + 1);
  std::string dir = testkit::temp_dir("basis-missing");
  std::string path = write(dir, "p.yaml", text);
  try {
    load(path);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), path);
    EXPECT_EQ(e.line(), line_of(text, "  header_distance: 15mm"));
    EXPECT_NE(e.message(Lang::en).find("page.header_distance"), std::string::npos) << e.message(Lang::en);
    EXPECT_NE(e.message(Lang::en).find("no class"), std::string::npos) << e.message(Lang::en);
  }
  testkit::RunResult r = testkit::run_cli({"profiles", "validate", path});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(path + ":" + std::to_string(line_of(text, "  header_distance: 15mm"))), std::string::npos) << r.err;
}

TEST(ProfileBasis, BadEntriesNameTheirLine) {
  const std::string base = bundled_text("xx-2014");
  std::string dir = testkit::temp_dir("basis-bad");
  struct Case {
    const char* entry;
    const char* says;
  } cases[] = {
      {"  page.margn_top: {required: 页边距}\n", "not a value"},
      {"  page.margin_top: {assumed: 页边距}\n", "unknown class"},
      {"  page.margin_top: {required: \"\"}\n", "needs its text"},
      {"  page.margin_top: 页边距\n", "must be"},
  };
  for (const Case& c : cases) {
    std::string text = base + c.entry;
    std::string path = write(dir, "p.yaml", text);
    try {
      load(path);
      ADD_FAILURE() << "no error for " << c.entry;
    } catch (const Error& e) {
      EXPECT_EQ(e.file(), path) << c.entry;
      EXPECT_EQ(e.line(), line_of(text, c.entry)) << c.entry;
      EXPECT_NE(e.message(Lang::en).find(c.says), std::string::npos) << e.message(Lang::en);
    }
  }
  // The free-text list is gone: it says where the classes went.
  std::string path = write(dir, "old.yaml", "extends: xx-2014\nassumptions:\n  page.tolerance: x\n");
  try {
    load(path);
    ADD_FAILURE() << "assumptions: accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(e.message(Lang::en).find("basis"), std::string::npos);
  }
}

TEST(ProfileBasis, TenderOverrideValuesAreRequired) {
  std::string dir = testkit::temp_dir("basis-tender");
  std::string tender = write(dir, "tender.yaml", "captions:\n  table:\n    size: 五号\n");
  Profile p = load("xx-2014", {tender});
  EXPECT_EQ(p.class_of("captions.table.size"), ValueClass::required);
  EXPECT_EQ(p.basis_of("captions.table.size")->file, tender);
  EXPECT_NE(p.basis_of("captions.table.size")->text.find("招标文件"), std::string::npos);
  EXPECT_EQ(p.class_of("captions.table.align"), ValueClass::required);  // untouched values keep theirs
  EXPECT_EQ(p.class_of("headings.1.align"), ValueClass::default_value);
  // A tender may quote itself, but what it says is a requirement.
  std::string quoted = write(dir, "quoted.yaml",
                             "captions:\n  table:\n    size: 五号\nbasis:\n  captions.table.size: {required: 招标文件第三章:题注五号}\n");
  Profile q = load("xx-2014", {quoted});
  EXPECT_EQ(q.class_of("captions.table.size"), ValueClass::required);
  EXPECT_EQ(q.basis_of("captions.table.size")->text, "招标文件第三章:题注五号");
  std::string soft = write(dir, "soft.yaml", "body:\n  line_spacing: 2\nbasis:\n  body.line_spacing: {default: 随意}\n");
  EXPECT_THROW(load("xx-2014", {soft}), Error);
  // profiles show prints the class next to the file.
  testkit::RunResult show = testkit::run_cli({"profiles", "show", "xx-2014", "--override", tender});
  EXPECT_EQ(show.status, 0) << show.err;
  EXPECT_NE(show.out.find("size: 五号  # " + tender + " · required"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("header_distance: 15mm  # styles/xx-2014.yaml · default"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("character_spacing: 0pt  # styles/xx-2014.yaml · interpreted"), std::string::npos) << show.out;
}

// quotes: each standard's sentence per rule, with no class (it names, it does not format); a
// layer (extends, the tender) adds or restates sentences rule by rule; each needs its text.
TEST(ProfileBasis, QuotesAreTheStandardsSentencesPerRule) {
  const Profile a = load("xx-2014"), b = load("chapter-heiti");
  EXPECT_EQ(a.quotes.at("page.margins"), "页边距为上下25mm,左右22mm");
  EXPECT_EQ(b.quotes.count("page.margins"), 0u);  // Standard B sets no margins
  EXPECT_NE(b.quotes.at("page.size").find("A4复印纸"), std::string::npos);
  EXPECT_EQ(a.quotes.count("text.units"), 0u);  // Standard B's rule; Standard A has no such sentence
  std::string dir = testkit::temp_dir("basis-quotes");
  std::string tender = write(dir, "tender.yaml", "quotes:\n  page.margins: 招标文件第五章:页边距均为20mm\n");
  const Profile t = load("xx-2014", {tender});
  EXPECT_EQ(t.quotes.at("page.margins"), "招标文件第五章:页边距均为20mm");
  EXPECT_EQ(t.quotes.at("page.size"), a.quotes.at("page.size"));
  std::string empty = write(dir, "empty.yaml", "quotes:\n  page.margins: \"\"\n");
  EXPECT_THROW(load("xx-2014", {empty}), Error);
}

// A quotes: key that is no rule ID (a typo, a renamed rule) would never be quoted: it is an error
// like any other in a profile — one line naming the file and the entry's line, exit 2. The rule
// registry sits above the profile layer, so bidfmt::load_profile tells, wherever a profile is
// loaded for check, build, fix or explain.
TEST(ProfileBasis, QuoteOfNoRuleNamesFileAndLine) {
  std::string dir = testkit::temp_dir("basis-quote-rule");
  std::string docx = dir + "/bid.docx";
  testkit::RunResult built = testkit::run_cli({"build", "-q", write(dir, "bid.md", "# 总体方案\n\n正文。\n"), "-o", docx});
  ASSERT_EQ(built.status, 0) << built.err;
  std::string path = write(dir, "p.yaml", "extends: xx-2014\nquotes: {no.such.rule: 某句}\n");
  testkit::RunResult r = testkit::run_cli({"check", docx, "--profile", path});
  EXPECT_EQ(r.status, 2) << r.out << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(r.err.rfind("bidfmt: " + path + ":2: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("no.such.rule"), std::string::npos) << r.err;
  // A tender's quote is checked at its own file and line; the rules' IDs pass.
  std::string tender = write(dir, "tender.yaml", "quotes:\n  page.margins: 招标文件:页边距20mm\n  page.margin: 招标文件:页边距20mm\n");
  try {
    bidfmt::load_profile("xx-2014", {tender});
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), tender);
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(e.message(Lang::en).find("'page.margin'"), std::string::npos) << e.message(Lang::en);
  }
  std::string good = write(dir, "good.yaml", "extends: xx-2014\nquotes: {page.margins: 某句}\n");
  EXPECT_EQ(bidfmt::load_profile(good).quotes.at("page.margins"), "某句");
  testkit::RunResult ok = testkit::run_cli({"check", docx, "--profile", good});
  EXPECT_NE(ok.status, 2) << ok.err;
}

TEST(ProfileBasis, ExtendsChildClassifiesWhatItAdds) {
  std::string dir = testkit::temp_dir("basis-extends");
  // A value the parent classifies keeps its class; one new to the profile needs its own.
  Profile kept = load(write(dir, "kept.yaml", "extends: xx-2014\nid: kept\npage:\n  margin_left: 30mm\n"));
  EXPECT_EQ(kept.class_of("page.margin_left"), ValueClass::required);
  std::string added = write(dir, "added.yaml", "extends: xx-2014\nid: added\ntext:\n  units: true\n  punctuation: false\n");
  try {
    load(added);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), added);
    EXPECT_EQ(e.line(), 4);
  }
  Profile restated = load(write(dir, "restated.yaml",
                                "extends: xx-2014\nid: restated\ntext:\n  units: true\n  punctuation: false\n"
                                "basis:\n  text: {required: 单位表述统一}\n  headings.1.align: {required: 公司补充规定:标题左对齐}\n"));
  EXPECT_EQ(restated.class_of("text.units"), ValueClass::required);
  EXPECT_EQ(restated.class_of("headings.1.align"), ValueClass::required);
}

}  // namespace
}  // namespace bidfmt::profile
