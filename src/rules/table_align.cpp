// Rule table.align: tables are centered on the page.
#include "rules/describe.h"
#include "rules/rule.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "table.align", {"表格对齐", "table alignment"}, {"table.align"}, Severity::error, true,
};

void check(const Context& ctx, Reporter& out) {
  const profile::Align& want = ctx.profile.table.align;
  for (const docx::Table& t : ctx.doc.body().tables) {
    if (t.depth != 0 || !ctx.in_body(t.section)) continue;
    std::string_view actual = t.props.jc.value_or("left");
    if (actual == want) continue;
    Text msg = wrong_value(Text{"表格对齐方式", "table alignment"}, t.props.jc, std::string_view("left"), align_text, align_text(want));
    const size_t m = out.mark();
    out.add("alignment", ctx.at_table(t), align_text(want), align_text(actual), msg);
    out.about(m, ctx.cls("table.align"));
  }
}

}  // namespace

const Rule& table_align_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
