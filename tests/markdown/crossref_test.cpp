// Cross-references in pandoc-crossref's syntax: ids after captions and on headings, @references
// in text as reference spans (with the line they were typed on).
#include <gtest/gtest.h>

#include "helpers.h"
#include "support/testkit.h"

namespace bidfmt::markdown {
namespace {
using namespace test;

// The reference spans of a paragraph: 「ref@line」 each, text spans as [text].
std::string refs_of(const model::Inlines& text) {
  std::string out;
  for (const model::Span& s : text) out += s.ref.empty() ? "[" + s.text + "]" : "<" + s.ref + "@" + std::to_string(s.ref_line) + ">";
  return out;
}

TEST(MarkdownCrossref, ReferencesInTextBecomeReferenceSpans) {
  // Chinese text right after a reference ends its id (ids are ASCII).
  model::Document d = parse("# 概况\n\n如@tbl:staff所示，见 @fig:site 与@sec:intro。\n第二行@tbl:b-2.\n");
  const auto& p = std::get<model::Paragraph>(d.blocks.at(1));
  EXPECT_EQ(refs_of(p.text), "[如]<tbl:staff@3>[所示，见 ]<fig:site@3>[ 与]<sec:intro@3>[。第二行]<tbl:b-2@4>[.]");
}

TEST(MarkdownCrossref, WhatIsNoReferenceStaysText) {
  // An e-mail address, another prefix, inline code, and a bare 「@tbl:」 are text as typed.
  model::Document d = parse("联系 a@tbl:x 或 @eq:one，代码 `@tbl:code`，还有 @tbl: 结束。\n");
  const auto& p = std::get<model::Paragraph>(d.blocks.at(0));
  for (const model::Span& s : p.text) EXPECT_TRUE(s.ref.empty()) << s.ref;
  EXPECT_EQ(dump(p.text), "[联系 a@tbl:x 或 @eq:one，代码 @tbl:code，还有 @tbl: 结束。]");
}

TEST(MarkdownCrossref, HeadingIdFromItsAttributes) {
  model::Document d = parse("# 概况 {#sec:intro}\n\n## 附录 {- #sec:annex}\n\n## 其他 {#plain}\n");
  const auto& a = std::get<model::Heading>(d.blocks.at(0));
  EXPECT_EQ(a.id, "sec:intro");
  EXPECT_EQ(dump(a.text), "[概况]");
  EXPECT_FALSE(a.unnumbered);
  const auto& b = std::get<model::Heading>(d.blocks.at(1));
  EXPECT_EQ(b.id, "sec:annex");
  EXPECT_TRUE(b.unnumbered);
  // An id of no cross-reference kind is removed as before, and is no target.
  EXPECT_EQ(std::get<model::Heading>(d.blocks.at(2)).id, "");
}

TEST(MarkdownCrossref, TableIdAfterItsCaption) {
  model::Document d = parse(
      "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\nTable: 人员配置表 {#tbl:staff}\n\n"
      ": 第二表 {#tbl:two}\n\n| 丙 |\n|---|\n| 3 |\n");
  const auto& t = std::get<model::Table>(d.blocks.at(0));
  EXPECT_EQ(t.caption, "人员配置表");
  EXPECT_EQ(t.id, "tbl:staff");
  const auto& u = std::get<model::Table>(d.blocks.at(1));
  EXPECT_EQ(u.caption, "第二表");
  EXPECT_EQ(u.id, "tbl:two");
}

TEST(MarkdownCrossref, FigureIdAfterTheImageOrInItsAltText) {
  const std::string dir = testkit::source_dir() + "/samples";
  model::Document d = parse("![现场平面图](images/site-plan.png){#fig:site}\n\n![流程图 {#fig:flow}](images/service-flow.png)\n", dir);
  ASSERT_EQ(d.blocks.size(), 2u);
  const auto& a = std::get<model::Figure>(d.blocks.at(0));
  EXPECT_EQ(a.caption, "现场平面图");
  EXPECT_EQ(a.id, "fig:site");
  const auto& b = std::get<model::Figure>(d.blocks.at(1));
  EXPECT_EQ(b.caption, "流程图");
  EXPECT_EQ(b.id, "fig:flow");
}

}  // namespace
}  // namespace bidfmt::markdown
