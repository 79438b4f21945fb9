// Resolver: the effective formatting of a paragraph, a run and a number label, layer by layer (§17.7.2).
#pragma once
#include <deque>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>

#include "docx/numbering.h"
#include "docx/properties.h"
#include "docx/styles.h"
#include "docx/theme.h"

namespace bidfmt::docx {

// The table a paragraph sits in, for table-style formatting.
struct TableContext {
  const Style* style = nullptr;  // the table's style (or the default table style)
  bool first_row = false;        // the row takes the style's firstRow part (tblLook permitting)
};

// Layers, lowest first: docDefaults → table style (whole, then firstRow) → paragraph style
// chain → numbering level → direct paragraph formatting; runs add the character style chain
// and direct run formatting. When the paragraph uses the default paragraph style, the table
// style is laid over it (Word lets a table style override 「正文」). Toggle properties (bold,
// italic, hidden) are exclusive-or'ed across the style layers and set absolutely by direct
// formatting (§17.7.3). Style layers are resolved once per combination and cached.
class Resolver {
 public:
  // The strings of the property sets it hands out are kept in `strings` (not in the parts' XML).
  Resolver(const StyleSheet& styles, const Theme& theme, StringPool& strings) : styles_(styles), theme_(theme), strings_(strings) {}

  // The paragraph's properties from its styles only (no numbering, no direct formatting).
  const ParaProps& paragraph_base(const Style* pstyle, const TableContext& table);
  // The results below are shared: paragraphs and runs formatted alike point to one property set,
  // owned by the Resolver (a 1,000-page bid has some 30,000 paragraphs but a few hundred distinct
  // sets). Pointers stay valid as long as the Resolver. Formatting from styles alone is the
  // cached style layer itself.
  //
  // Full paragraph properties: base, then the numbering level's pPr, then the direct layer
  // (w:pPr applied with apply_ppr; null when has_direct_formatting says there is none).
  const ParaProps* paragraph(const Style* pstyle, const TableContext& table, const ParaProps* direct, const Level* level, int num_id);
  // A run's properties: style layers, character style chain, then direct rPr.
  const RunProps* run(const Style* pstyle, const TableContext& table, const Style* rstyle, pugi::xml_node rpr);
  // The number label's properties: paragraph mark formatting, then the level's rPr.
  const RunProps* label(const RunProps* mark, const Level* level, int num_id);

 private:
  // Resolved sets by the layers that made them: the cached style layer (an address), the
  // numbering level and the fingerprint of the direct formatting (deque: addresses never move).
  template <typename T>
  class Store {
   public:
    const T* find(const std::string& key) const {
      auto it = index_.find(key);
      return it == index_.end() ? nullptr : it->second;
    }
    const T* add(const std::string& key, T&& value, StringPool& strings) {
      keep_strings(value, strings);
      const T* stored = &items_.emplace_back(std::move(value));
      index_.emplace(key, stored);
      return stored;
    }

   private:
    std::deque<T> items_;
    std::unordered_map<std::string, const T*> index_;
  };

  using Key = std::tuple<const Style*, const Style*, bool, const Style*>;
  const RunProps& run_base(const Style* pstyle, const TableContext& table, const Style* rstyle);
  const StyleSheet& styles_;
  const Theme& theme_;
  StringPool& strings_;
  std::map<Key, ParaProps> para_cache_;
  std::map<Key, RunProps> run_cache_;
  Store<ParaProps> paragraphs_;
  Store<RunProps> runs_, labels_;
  std::string key_;  // scratch
};

}  // namespace bidfmt::docx
