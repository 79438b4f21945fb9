// StyleSheet: styles.xml read once — docDefaults, each style's own layer and its basedOn chain resolved (§17.7).
#pragma once
#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <unordered_map>

#include "core/lang.h"
#include "docx/properties.h"

namespace bidfmt::docx {

class Theme;

// One w:style. `own_*` holds what the style itself says; `chain_*` adds what it inherits
// through w:basedOn (each value keeps the origin of the style that set it).
struct Style {
  std::string_view id, name, type;  // type: paragraph, character, table, numbering
  std::string_view based_on;
  bool is_default = false;
  pugi::xml_node node;
  ParaProps chain_ppr;
  RunProps chain_rpr;
  TableProps chain_tbl;
  // Table styles: the conditional first-row part (w:tblStylePr w:type="firstRow"), chained.
  ParaProps chain_first_row_ppr;
  RunProps chain_first_row_rpr;
  bool has_first_row = false;
  // 1..9 when the style is a built-in heading by name ("heading 1") — key on w:name, never the id.
  int heading_by_name = 0;
};

class StyleSheet {
 public:
  StyleSheet() = default;
  StyleSheet(const pugi::xml_document* styles, const Theme& theme);
  StyleSheet(const StyleSheet&) = delete;
  StyleSheet& operator=(const StyleSheet&) = delete;

  // The style with this w:styleId, or null.
  const Style* find(std::string_view id) const;
  // The default paragraph / table style (w:default="1"), or null.
  const Style* default_paragraph() const { return default_paragraph_; }
  const Style* default_table() const { return default_table_; }
  // w:docDefaults, with origin doc_defaults.
  const ParaProps& defaults_ppr() const { return defaults_ppr_; }
  const RunProps& defaults_rpr() const { return defaults_rpr_; }
  // True when `s` is `ancestor` or based on it.
  bool derives_from(const Style* s, std::string_view ancestor_name) const;

 private:
  void resolve(Style& s, const Theme& theme, int depth);
  std::unordered_map<std::string_view, Style> styles_;
  std::unordered_map<std::string_view, int> state_;  // 0 unresolved, 1 resolving, 2 done
  const Style* default_paragraph_ = nullptr;
  const Style* default_table_ = nullptr;
  ParaProps defaults_ppr_;
  RunProps defaults_rpr_;
};

// The name Word shows for a style: built-in names in Chinese for zh (Normal → 正文,
// heading 2 → 标题 2), else w:name, else the id.
std::string display_name(const Style& s, Lang lang);

}  // namespace bidfmt::docx
