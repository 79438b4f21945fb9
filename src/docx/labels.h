// Number labels: matching a typed or computed label (「一、」「1.1」「(3)」) against a profile numbering level.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "profile/profile.h"

namespace bidfmt::docx {

struct LabelMatch {
  size_t length = 0;         // bytes of `text` the label takes
  std::vector<int> numbers;  // the numbers read, one per %N in the level text
};

// Matches, at the start of `text`, a label shaped like levels[index] (its lvlText with each %N
// read in the number format of level N, or in decimal when the level is legal, isLgl).
std::optional<LabelMatch> match_label(std::string_view text, const std::vector<profile::NumberLevel>& levels, size_t index);

// The label levels[index] shows for `numbers` (numbers[k] is the counter of level k): "二、", "2.1".
std::string format_label(const std::vector<profile::NumberLevel>& levels, size_t index, const std::vector<int>& numbers);

// How many leading profile heading levels are titles with their own rule (heading.l1 …): 3 for
// Standard A, 4 for Standard B. Deeper levels belong to heading.depth.
int title_levels(const profile::Profile& p);

// The levels (0-based) a level text refers to, in order: "%2.%3  " → {1, 2}.
std::vector<size_t> referenced_levels(std::string_view level_text);

// The number a numeral in `format` stands for (「十二」 → 12, 「③」 → 3, "C" → 3); -1 when not one.
int parse_numeral(std::string_view s, std::string_view format);

}  // namespace bidfmt::docx
