// fix changes only what check reports, on a bid bidfmt did not write: tests/data/foreign/
// python-docx-bid.docx is a compliant Standard A bid made by python-docx on Word's own default
// template (theme fonts, Word's heading and header styles, typed heading numbers 「一、」「1.1」, a
// TOC field, a body section with SECTIONPAGES). One wrong value in it is one change in the log:
// fix used to turn every typed heading number into automatic numbering when one heading style was
// not bold, and to add eight styles and a numbering definition nobody used.
#include <gtest/gtest.h>

#include "fix/fix_support.h"

namespace bidfmt::testfix {
namespace {

const char* kBidProject = "某某道路改造工程";

std::string python_docx_bid() { return testkit::source_dir() + "/tests/data/foreign/python-docx-bid.docx"; }

std::string dump_changes(const std::vector<fix::Change>& changes) {
  std::string s;
  for (const fix::Change& c : changes)
    s += "[" + c.rule + "/" + c.kind + "] " + c.what.zh + " " + c.before.zh + " → " + c.after.zh + (c.applied ? "" : " (left)") + "\n";
  return s;
}

TEST(FixNothingUnasked, ForeignCompliantBidChecksCleanAndFixesToNothing) {
  report::FileReport r = check(python_docx_bid(), kBidProject);
  ASSERT_TRUE(r.checked) << r.error.en;
  EXPECT_TRUE(r.findings.empty()) << dump(r);
  Fixed f = fix_path(python_docx_bid(), "python-docx-clean", kBidProject);
  EXPECT_FALSE(f.result.changed) << dump_changes(f.result.changes);
}

TEST(FixNothingUnasked, AHeadingStyleNotBoldIsOneChangeAndTypedNumbersStay) {
  Parts p = testkit::read_zip(python_docx_bid());
  edit(p, "word/styles.xml", [](pugi::xml_document& d) {
    pugi::xml_node rpr = first(d, "//w:style[@w:styleId='Heading2']/w:rPr");
    set_child(rpr, "w:b", {{"w:val", "0"}});
  });
  std::string in = write(p, "python-docx-h2");
  report::FileReport before = check(in, kBidProject);
  ASSERT_FALSE(before.findings.empty());
  for (const rules::Finding& x : before.findings) EXPECT_EQ(x.rule() + "/" + x.kind(), "heading.l2/bold") << dump(before);

  Fixed f = fix_path(in, "python-docx-h2", kBidProject);
  expect_fixed(f, "python-docx-h2", kBidProject);
  ASSERT_EQ(f.result.changes.size(), 1u) << dump_changes(f.result.changes);
  EXPECT_EQ(f.result.changes.front().what.zh, "按规范设置样式:标题 2") << dump_changes(f.result.changes);
  // The numbering and the typed numbers are as they were.
  Parts out = testkit::read_zip(f.output);
  EXPECT_EQ(out.count("word/numbering.xml"), p.count("word/numbering.xml"));
  if (p.count("word/numbering.xml")) {
    EXPECT_EQ(out.at("word/numbering.xml"), p.at("word/numbering.xml"));
  }
  EXPECT_EQ(out.at("word/document.xml"), p.at("word/document.xml"));
  for (const char* typed : {"一、工程概况", "1.1 工程简介", "1.1.1 建设内容"})
    EXPECT_NE(out.at("word/document.xml").find(typed), std::string::npos) << typed;
}

// A footer counting the whole file (NUMPAGES instead of the body section's pages): the footer is
// rewritten; no style it does not use is added, no heading numbering.
TEST(FixNothingUnasked, AWrongFooterAddsNoStyleOrNumberingItDoesNotUse) {
  Parts p = testkit::read_zip(python_docx_bid());
  bool replaced = false;
  for (auto& [name, xml] : p)
    if (name.rfind("word/footer", 0) == 0)
      if (size_t at = xml.find("SECTIONPAGES"); at != std::string::npos) {
        xml.replace(at, 12, "NUMPAGES");
        replaced = true;
      }
  ASSERT_TRUE(replaced);
  std::string in = write(p, "python-docx-numpages");
  report::FileReport before = check(in, kBidProject);
  ASSERT_EQ(rule_ids(before), std::set<std::string>{"footer.page-number"}) << dump(before);

  Fixed f = fix_path(in, "python-docx-numpages", kBidProject);
  expect_fixed(f, "python-docx-numpages", kBidProject);
  for (const fix::Change& c : f.result.changes) {
    EXPECT_EQ(c.what.zh.find("标题自动编号"), std::string::npos) << dump_changes(f.result.changes);
    if (c.what.zh.rfind("按规范设置样式", 0) == 0) {
      EXPECT_EQ(c.what.zh, "按规范设置样式:页脚") << dump_changes(f.result.changes);
    }
  }
  Parts out = testkit::read_zip(f.output);
  EXPECT_EQ(out.count("word/numbering.xml"), p.count("word/numbering.xml"));
}

}  // namespace
}  // namespace bidfmt::testfix
