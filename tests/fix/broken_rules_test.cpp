// Fix over the check tests' broken documents: each breaks one rule of the clean built document by
// editing its XML; fixed, it checks with nothing fixable left, its words unchanged, idempotently.
#include <gtest/gtest.h>

#include <functional>

#include "fix/fix_support.h"
#include "rules/broken_cases.h"

namespace bidfmt::testfix {
namespace {

using Case = BrokenCase;

// Cases whose findings fix may not repair (they remain, marked unfixable): nothing to change.
bool unfixable_only(const Case& c) {
  std::string n = c.name;
  return n == "heading_too_deep";
}

class BrokenRule : public ::testing::TestWithParam<Case> {};

TEST_P(BrokenRule, FixedWithNothingFixableLeftAndTheWordsKept) {
  const Case& c = GetParam();
  Parts p = clean_parts();
  c.breaks(p);
  std::string dir = testkit::temp_dir(std::string("fix-case-") + c.name);
  std::string path = dir + "/" + c.name + ".docx";
  testkit::write_zip(path, p);
  report::FileReport before = check_file(path, xx2014(), c.project);
  ASSERT_TRUE(before.checked) << before.error.en;
  EXPECT_EQ(rule_ids(before), c.broken) << "the fixture no longer breaks what it should:\n" << dump(before);
  Fixed f = fix_path(path, c.name, c.project);
  EXPECT_EQ(f.result.changed, !unfixable_only(c));
  EXPECT_EQ(f.result.changes.empty(), unfixable_only(c));
  expect_fixed(f, c.name, c.project);
}

INSTANTIATE_TEST_SUITE_P(Fix, BrokenRule, ::testing::ValuesIn(broken_cases()),
                         [](const ::testing::TestParamInfo<Case>& i) { return std::string(i.param.name); });

// What stays after fix is what fix may not repair: a level-7 heading, marked unfixable. (A caption
// on the wrong side is moved: FixLog.CaptionMovedToTheProfilesSide.)
TEST(FixBrokenRule, UnfixableFindingsRemainAsSuch) {
  for (const char* name : {"heading_too_deep"}) {
    for (const Case& c : broken_cases()) {
      if (std::string(c.name) != name) continue;
      Parts p = clean_parts();
      c.breaks(p);
      Fixed f = fix_parts(p, std::string("unfixable-") + name);
      EXPECT_FALSE(f.result.remaining.empty()) << name;
      for (const rules::Finding& x : f.result.remaining) EXPECT_FALSE(x.fixable) << name << ": " << x.rule() << " " << x.kind();
    }
  }
}

TEST(FixBrokenRule, UntouchedPartsAreCopiedByteForByte) {
  // Wrong margins are a change to document.xml alone: every other part keeps its bytes.
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) { sect(d, 2).child("w:pgMar").attribute("w:left") = "1134"; });
  Fixed f = fix_parts(p, "untouched-parts");
  auto before = testkit::read_zip(f.input), after = testkit::read_zip(f.output);
  ASSERT_EQ(before.size(), after.size());
  for (const auto& [part, bytes] : before) {
    ASSERT_TRUE(after.count(part)) << part;
    if (part == "word/document.xml") EXPECT_NE(after.at(part), bytes);
    else EXPECT_EQ(after.at(part), bytes) << part;
  }
}

TEST(FixBrokenRule, CleanDocumentIsCopiedAsItIs) {
  Fixed f = fix_path(clean_docx(), "clean");
  EXPECT_FALSE(f.result.changed);
  EXPECT_TRUE(f.result.changes.empty());
  EXPECT_EQ(file_bytes(f.output), file_bytes(clean_docx()));
}

}  // namespace
}  // namespace bidfmt::testfix
