// The words Standard B's wording rules (text.units, text.punctuation) find in a paragraph's text,
// with their place, so that check reports and fix rewrites exactly the same characters. What each
// word should be is the profile's (text.unit_words, text.marks).
#pragma once
#include <string>
#include <vector>

#include "profile/profile.h"

namespace bidfmt::rules {

// One word the profile writes another way: bytes [begin, begin + size) of the text.
struct Word {
  size_t begin = 0, size = 0;
  std::string form;      // as written: 「米」, ","
  std::string expected;  // what the profile asks for: 「m」, 「，」 (for an English unit: itself)
  std::string unit;      // units: which unit, the NFKC form of its English abbreviation (m2 for m², 平米, 平方米)
  bool chinese = false;  // units: a Chinese unit word (one the profile rewrites)
};

// ASCII marks of text.marks standing beside Chinese text. Never the dot (1.1, 表1.1-1), nor a mark
// between digits (10,000, 1:500, 10:30), in Latin text (「Note: see」), or inside a web address.
std::vector<Word> marks_in_chinese(const std::string& text, const profile::TextRules& rules);

// Units written after a number (「1.5m」「300平米」), Chinese words of text.unit_words and their
// English abbreviations; 「玉米」「C30」「25mm」「3D」 are not units here. Full-width digits and
// letters count (NFKC), ² and ³ are kept as they are.
std::vector<Word> units_in(const std::string& text, const profile::TextRules& rules);

}  // namespace bidfmt::rules
