// What the heading rules (heading.l1 … heading.l4) share: number shape and sequence, fonts, size, bold, indent.
#pragma once
#include <string>
#include <vector>

#include "rules/rule.h"

namespace bidfmt::rules {

// Checks every heading whose profile level names `rule` (profile headings[].rule).
void check_heading_rule(const Context& ctx, Reporter& out, const std::string& rule);

// The number labels of the profile's heading levels, in order.
std::vector<profile::NumberLevel> heading_numbers(const profile::Profile& p);

// Label, separator and text as the heading shows them.
std::string heading_shown(const docx::Paragraph& p);

// 「三级」 / "level-3".
Text level_name(int level);

}  // namespace bidfmt::rules
