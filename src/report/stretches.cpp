#include "report/stretches.h"

namespace bidfmt::report {

std::map<std::string_view, Stretches> stretches_by_rule(const rules::Findings& all) {
  std::map<std::string_view, Stretches> by_rule;
  for (size_t i = 0, end; i < all.size(); i = end) {
    const std::string& rule = all[i].rule();
    for (end = i + 1; end < all.size() && all[end].rule() == rule;) ++end;
    by_rule[rule].emplace_back(i, end);
  }
  return by_rule;
}

}  // namespace bidfmt::report
