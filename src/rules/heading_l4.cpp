// Rule heading.l4: level-4 headings (Standard B) — number shape and sequence, fonts, size, bold, no first-line indent.
#include "rules/heading_common.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "heading.l4", {"四级标题编号与格式", "level-4 heading number and format"}, heading_keys(), Severity::error, true,
};

// Idle unless a level of the profile names this rule (Standard B's fourth title level).
bool applies(const Context& ctx) {
  for (const profile::HeadingLevel& h : ctx.profile.headings)
    if (h.rule == kInfo.id) return true;
  return false;
}

void check(const Context& ctx, Reporter& out) { check_heading_rule(ctx, out, kInfo.id); }

}  // namespace

const Rule& heading_l4_rule() {
  static const Rule r{kInfo, check, applies};
  return r;
}

}  // namespace bidfmt::rules
