// Rule heading.l3: level-3 headings — number shape and sequence, fonts, size, bold, no first-line indent.
#include "rules/heading_common.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "heading.l3",
    {"三级标题编号与格式", "level-3 heading number and format"},
    "4.3三级标题 采用“1.1.1”、“1.1.2”形式,文字字体宋体,数字字体Calibri,小四号字。首行不缩进",
    Severity::error,
    true,
};

void check(const Context& ctx, Reporter& out) { check_heading_rule(ctx, out, kInfo.id); }

}  // namespace

const Rule& heading_l3_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
