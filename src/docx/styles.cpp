// StyleSheet: parses w:docDefaults and w:style elements and resolves each basedOn chain once.
#include "docx/styles.h"

#include "core/text.h"
#include "docx/theme.h"
#include "docx/xml.h"

namespace bidfmt::docx {
namespace {

// "heading 3" → 3 (Word's built-in names, case-insensitive), else 0.
int heading_level_of_name(std::string_view name) {
  std::string n = core::ascii_lower(name);
  if (n.size() == 9 && n.compare(0, 8, "heading ") == 0 && n[8] >= '1' && n[8] <= '9') return n[8] - '0';
  return 0;
}

}  // namespace

StyleSheet::StyleSheet(const pugi::xml_document* doc, const Theme& theme) {
  if (!doc) return;
  pugi::xml_node root = doc->document_element();
  pugi::xml_node dd = root.child("w:docDefaults");
  Origin od{Source::doc_defaults, nullptr, 0, 0};
  apply_ppr(defaults_ppr_, dd.child("w:pPrDefault").child("w:pPr"), od);
  apply_rpr(defaults_rpr_, dd.child("w:rPrDefault").child("w:rPr"), od, theme);

  for (pugi::xml_node n : root.children("w:style")) {
    std::string_view id = attr(n, "w:styleId");
    if (id.empty() || styles_.count(id)) continue;  // the first definition wins, as in Word
    Style& s = styles_[id];
    s.id = id;
    s.type = attr(n, "w:type");
    if (s.type.empty()) s.type = "paragraph";
    s.name = attr(n.child("w:name"), "w:val");
    s.based_on = attr(n.child("w:basedOn"), "w:val");
    s.is_default = on_off_value(attr(n, "w:default")) && has_attr(n, "w:default");
    s.node = n;
    s.heading_by_name = heading_level_of_name(s.name);
    if (s.is_default && s.type == "paragraph" && !default_paragraph_) default_paragraph_ = &s;
    if (s.is_default && s.type == "table" && !default_table_) default_table_ = &s;
  }
  for (auto& [id, s] : styles_) resolve(s, theme, 0);
}

void StyleSheet::resolve(Style& s, const Theme& theme, int depth) {
  int& st = state_[s.id];
  if (st != 0) return;  // done, or a basedOn cycle: stop here
  st = 1;
  if (!s.based_on.empty() && s.based_on != s.id && depth < 64) {
    auto it = styles_.find(s.based_on);
    if (it != styles_.end() && it->second.type == s.type) {
      resolve(it->second, theme, depth + 1);
      if (state_[it->second.id] == 2) {
        const Style& base = it->second;
        s.chain_ppr = base.chain_ppr;
        s.chain_rpr = base.chain_rpr;
        s.chain_tbl = base.chain_tbl;
        s.chain_first_row_ppr = base.chain_first_row_ppr;
        s.chain_first_row_rpr = base.chain_first_row_rpr;
        s.has_first_row = base.has_first_row;
      }
    }
  }
  Source src = s.type == "character" ? Source::character_style : s.type == "table" ? Source::table_style : Source::paragraph_style;
  Origin o{src, &s, 0, 0};
  apply_ppr(s.chain_ppr, s.node.child("w:pPr"), o);
  apply_rpr(s.chain_rpr, s.node.child("w:rPr"), o, theme);
  apply_tblpr(s.chain_tbl, s.node.child("w:tblPr"), o);
  for (pugi::xml_node c : s.node.children("w:tblStylePr")) {
    if (attr(c, "w:type") != "firstRow") continue;
    s.has_first_row = true;
    apply_ppr(s.chain_first_row_ppr, c.child("w:pPr"), o);
    apply_rpr(s.chain_first_row_rpr, c.child("w:rPr"), o, theme);
  }
  st = 2;
}

const Style* StyleSheet::find(std::string_view id) const {
  auto it = styles_.find(id);
  return it == styles_.end() ? nullptr : &it->second;
}

bool StyleSheet::derives_from(const Style* s, std::string_view ancestor_name) const {
  for (int i = 0; s && i < 64; ++i) {
    if (core::equal_ascii_folded(s->name, ancestor_name)) return true;
    if (s->based_on.empty()) return false;
    s = find(s->based_on);
  }
  return false;
}

std::string display_name(const Style& s, Lang lang) {
  std::string name = s.name.empty() ? std::string(s.id) : std::string(s.name);
  if (lang == Lang::en) return name;
  std::string n = core::ascii_lower(name);
  if (n == "normal") return "正文";
  if (int h = heading_level_of_name(n)) return "标题 " + std::to_string(h);
  if (n.size() == 5 && n.compare(0, 4, "toc ") == 0) return "目录 " + n.substr(4);
  static const std::pair<const char*, const char*> kNames[] = {{"title", "标题"},
                                                               {"subtitle", "副标题"},
                                                               {"header", "页眉"},
                                                               {"footer", "页脚"},
                                                               {"caption", "题注"},
                                                               {"toc heading", "TOC 标题"},
                                                               {"list paragraph", "列表段落"},
                                                               {"table grid", "网格型"},
                                                               {"normal table", "普通表格"},
                                                               {"default paragraph font", "默认段落字体"},
                                                               {"quote", "引用"},
                                                               {"body text", "正文文本"},
                                                               {"hyperlink", "超链接"},
                                                               {"strong", "要点"},
                                                               {"emphasis", "强调"}};
  for (const auto& [en, zh] : kNames)
    if (n == en) return zh;
  return name;
}

}  // namespace bidfmt::docx
