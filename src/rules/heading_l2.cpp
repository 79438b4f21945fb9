// Rule heading.l2: level-2 headings — number shape and sequence, fonts, size, bold, no first-line indent.
#include "rules/heading_common.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "heading.l2", {"二级标题编号与格式", "level-2 heading number and format"}, heading_keys(), Severity::error, true,
};

void check(const Context& ctx, Reporter& out) { check_heading_rule(ctx, out, kInfo.id); }

}  // namespace

const Rule& heading_l2_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
