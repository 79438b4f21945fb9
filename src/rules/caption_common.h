// What table.caption and figure.caption share: position, 「表1.1-1 名称」 numbering, and caption formatting.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "rules/rule.h"

namespace bidfmt::rules {

// A table or figure that needs a caption.
struct CaptionTarget {
  int before = -1, after = -1;  // nearest non-empty paragraph before/after it (-1: none, or a table)
  std::array<int, 6> counts{};  // ordinals of the enclosing headings, levels 1–6
  Location where;
};

// Checks each target's caption against `caption` (profile captions.table or captions.figure).
// `key` is the profile key ("captions.table"): findings on its default values are reported only
// with check --strict (Reporter::about).
// The profile keys of a caption rule (RuleInfo::keys): 「{c}.」 is the rule's captions.table / captions.figure.
std::vector<std::string> caption_keys();

void check_captions(const Context& ctx, Reporter& out, const profile::Caption& caption, docx::Role role,
                    const std::vector<CaptionTarget>& targets, const std::string& key, const Text& what);

// The nearest non-empty body paragraph from `start` going by `step` (±1), stopping at tables.
int nearest_paragraph(const docx::Story& body, int start, int step);

}  // namespace bidfmt::rules
