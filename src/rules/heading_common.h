// What the heading rules (heading.l1 … heading.l4) share: number shape and sequence, fonts, size, bold, indent.
#pragma once
#include <string>
#include <vector>

#include "rules/rule.h"

namespace bidfmt::rules {

// The profile keys of a heading rule (RuleInfo::keys), the same for every level.
std::vector<std::string> heading_keys();

// Checks every heading whose profile level names `rule` (profile headings[].rule).
void check_heading_rule(const Context& ctx, Reporter& out, const std::string& rule);

// The number labels of the profile's heading levels, in order.
std::vector<profile::NumberLevel> heading_numbers(const profile::Profile& p);

// Label, separator and text as the heading shows them.
std::string heading_shown(const docx::Paragraph& p);

// 「三级」 / "level-3".
Text level_name(int level);

// The profile key of a font a paragraph kind may set itself (`own`, e.g. "headings.1.font_latin")
// when the profile classifies it, else the body's (`fallback`, e.g. "fonts.latin").
std::string font_key(const profile::Profile& profile, const std::string& own, const char* fallback);

// Sorts the findings check_fonts made since `m` by the classes of the fonts they were compared
// with (`prefix` + font_east_asia / font_latin, else fonts.*).
void fonts_about(const Context& ctx, Reporter& out, size_t m, const std::string& prefix);

}  // namespace bidfmt::rules
