// Registry: the explicit list of every rule bidfmt checks, in the order of the standard.
#pragma once
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace bidfmt::rules {

// Every rule, in the standard's order (page, paragraph, header/footer, headings, body, tables, figures).
const std::vector<const Rule*>& all_rules();
// The rule with this ID, or null.
const Rule* find_rule(std::string_view id);

}  // namespace bidfmt::rules
