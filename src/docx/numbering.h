// Numbering: numbering.xml definitions (§17.9) and the counter that computes the number a paragraph shows.
#pragma once
#include <pugixml.hpp>

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "docx/properties.h"

namespace bidfmt::docx {

class StyleSheet;

// One w:lvl, after any w:lvlOverride.
struct Level {
  int ilvl = 0;
  int start = 1;
  std::string_view format = "decimal";  // w:numFmt
  std::string_view text;                // w:lvlText, e.g. "%1.%2"
  std::string_view suffix = "tab";      // w:suff
  std::string_view pstyle;              // w:pStyle: the paragraph style linked to this level
  bool legal = false;                   // w:isLgl
  int restart = -1;                     // w:lvlRestart (-1 = default)
  pugi::xml_node ppr, rpr;              // the level's pPr and rPr (may be empty; read while the document is)
};

// The strings of the definitions are copies (strings_): numbering.xml's text can be freed once the
// document is read (pandoc writes an abstractNum per list: half a megabyte for a long bid).
class Numbering {
 public:
  Numbering() = default;
  Numbering(const pugi::xml_document* numbering, const StyleSheet& styles);
  Numbering(const Numbering&) = delete;  // the levels' strings point into strings_
  Numbering& operator=(const Numbering&) = delete;

  // Drops the levels' pPr and rPr nodes (the resolver reads them while the document is read), so
  // that numbering.xml's tree and text can be freed (Document::MainXml::release).
  void forget_properties();

  // The level ilvl of w:num numId (following numStyleLink and lvlOverride), or null.
  const Level* level(int num_id, int ilvl) const;
  // The abstractNumId behind a num, "" when the num does not exist.
  std::string_view abstract_of(int num_id) const;
  // The level of `num_id` whose w:pStyle is `style_id`, or -1.
  int level_for_style(int num_id, std::string_view style_id) const;
  // The startOverride of a num's level, or -1.
  int start_override(int num_id, int ilvl) const;

 private:
  struct Abstract {
    std::array<Level, 9> levels;
    std::array<bool, 9> has{};
    std::string_view num_style_link;
  };
  // A w:num: most are an abstractNumId and a start override or none (pandoc writes one per
  // list), so a level it overrides is kept in overrides_, not nine Levels in every num.
  struct Num {
    std::string_view abstract_id;
    std::array<int, 9> start_override;
    std::array<int, 9> override_level;  // index into overrides_, -1 when the level is not overridden
  };
  const Abstract* abstract_for(int num_id, int depth = 0) const;
  // Hashed: pandoc writes a num (and an abstractNum) per list, thousands in a long bid, and a
  // numbered paragraph looks up a dozen levels.
  std::unordered_map<std::string_view, Abstract> abstracts_;
  std::unordered_map<int, Num> nums_;
  std::vector<Level> overrides_;
  const StyleSheet* styles_ = nullptr;
  StringPool strings_;
};

// Computes, in document order, the label each numbered paragraph shows ("一、", "1.2", "(3)").
// Counters are kept per abstract numbering, as Word does for nums that share one.
class NumberingCounter {
 public:
  explicit NumberingCounter(const Numbering& n) : numbering_(&n) {}
  // Advances the counter for (num_id, ilvl) and returns the label; "" when not numbered.
  std::string next(int num_id, int ilvl);

 private:
  struct State {
    std::array<int, 9> value{};
    std::array<bool, 9> started{};
  };
  const Numbering* numbering_;
  std::unordered_map<std::string_view, State> states_;
  std::unordered_map<int, bool> seen_nums_;
};

// One number in a numbering format (§17.18.59): 3 → "三" (chineseCounting), "③", "C", "iii", …
std::string format_number(int n, std::string_view format);

}  // namespace bidfmt::docx
