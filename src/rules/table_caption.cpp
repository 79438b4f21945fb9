// Rule table.caption: a 「表1.1-1 表名」 caption above each table, centered and bold.
#include "rules/caption_common.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "table.caption", {"表格题注", "table captions"}, caption_keys(), Severity::error, true,
};

void check(const Context& ctx, Reporter& out) {
  const docx::Story& body = ctx.doc.body();
  std::vector<CaptionTarget> targets;
  for (const docx::Table& t : body.tables) {
    if (t.depth != 0 || !ctx.in_body(t.section)) continue;
    const int before = t.block_before >= 0 ? nearest_paragraph(body, t.block_before, -1) : -1;
    const int after = t.block_after >= 0 ? nearest_paragraph(body, t.block_after, +1) : -1;
    targets.push_back({before, after, t.counts, ctx.at_table(t)});
  }
  check_captions(ctx, out, ctx.profile.table_caption, docx::Role::table_caption, targets, "captions.table", Text{"表格", "table"});
}

}  // namespace

const Rule& table_caption_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
