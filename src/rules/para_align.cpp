// Rule para.align: body paragraphs (and list items, quotes) are justified.
#include "rules/checks.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "para.align", {"正文对齐方式", "body text alignment"}, {"body.align"}, Severity::error, true,
};

void check(const Context& ctx, Reporter& out) {
  const size_t m = out.mark();
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs) {
    if (p.role != docx::Role::body && p.role != docx::Role::list_item && p.role != docx::Role::quote) continue;
    check_align(ctx, out, p, ctx.profile.body.align, ctx.at(p));
  }
  out.about(m, ctx.cls("body.align"));
}

}  // namespace

const Rule& para_align_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
