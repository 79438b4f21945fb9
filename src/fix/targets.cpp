// Targets by role: the same profile values the rules compare (para.*, body.font, heading.*, table.font, captions).
#include "fix/targets.h"

#include <algorithm>
#include <set>

#include "core/text.h"

namespace bidfmt::fix {

bool is_formatting_finding(const rules::Finding& f) {
  static const std::set<std::string> rules = {"para.align", "para.indent",   "para.spacing",  "body.font",
                                              "table.font", "heading.l1",    "heading.l2",    "heading.l3",
                                              "heading.l4", "heading.depth", "table.caption", "figure.caption"};
  static const std::set<std::string> kinds = {
      "alignment",    "first_line_indent", "indent_left", "indent_right", "space_before",      "space_after",
      "line_spacing", "east_asia_font",    "latin_font",  "size",         "character_spacing", "bold"};
  return rules.count(f.rule()) && kinds.count(f.kind());
}

std::string heading_style(int level) { return "Heading" + std::to_string(level); }
std::string toc_style(int level) { return "TOC" + std::to_string(level); }

Text style_label(const std::string& id) {
  if (id == "Normal") return {"正文", "Normal"};
  if (id.rfind("Heading", 0) == 0) return {"标题 " + id.substr(7), "heading " + id.substr(7)};
  if (id.rfind("TOC", 0) == 0 && id.size() > 3 && id[3] >= '1' && id[3] <= '9') return {"目录 " + id.substr(3), "toc " + id.substr(3)};
  static const std::pair<const char*, Text> kNames[] = {{"ListParagraph", {"列表段落", "List Paragraph"}},
                                                        {"Quote", {"引用", "Quote"}},
                                                        {"TableText", {"表格文字", "Table Text"}},
                                                        {"TableCaption", {"表格题注", "Table Caption"}},
                                                        {"FigureCaption", {"图题注", "Figure Caption"}},
                                                        {"Figure", {"图", "Figure"}},
                                                        {"TOCHeading", {"目录标题", "TOC Heading"}},
                                                        {"Header", {"页眉", "header"}},
                                                        {"Footer", {"页脚", "footer"}}};
  for (const auto& [k, t] : kNames)
    if (id == k) return t;
  return {id, id};
}

Text style_name_label(const docx::Style* s) {
  if (!s) return style_label("Normal");
  std::string n = core::ascii_lower(std::string(s->name));
  if (n == "normal") return style_label("Normal");
  if (n.rfind("heading ", 0) == 0) return style_label("Heading" + n.substr(8));
  if (n.rfind("toc ", 0) == 0) return style_label("TOC" + n.substr(4));
  return {std::string(s->name), std::string(s->name)};
}

Text aspect_label(const std::string& kind) {
  static const std::pair<const char*, Text> kNames[] = {{"alignment", {"对齐方式", "alignment"}},
                                                        {"punctuation", {"标点", "punctuation"}},
                                                        {"units", {"单位", "units"}},
                                                        {"first_line_indent", {"首行缩进", "first-line indent"}},
                                                        {"indent_left", {"左缩进", "left indent"}},
                                                        {"indent_right", {"右缩进", "right indent"}},
                                                        {"space_before", {"段前间距", "space before"}},
                                                        {"space_after", {"段后间距", "space after"}},
                                                        {"line_spacing", {"行距", "line spacing"}},
                                                        {"east_asia_font", {"中文字体", "Chinese font"}},
                                                        {"latin_font", {"西文字体", "Latin font"}},
                                                        {"size", {"字号", "font size"}},
                                                        {"character_spacing", {"字符间距", "character spacing"}},
                                                        {"bold", {"加粗", "bold"}},
                                                        {"number_format", {"编号格式", "number format"}},
                                                        {"number_sequence", {"编号顺序", "number sequence"}},
                                                        {"paper", {"纸张", "paper"}},
                                                        {"size_paper", {"纸张", "paper"}},
                                                        {"margin_top", {"上边距", "top margin"}},
                                                        {"margin_bottom", {"下边距", "bottom margin"}},
                                                        {"margin_left", {"左边距", "left margin"}},
                                                        {"margin_right", {"右边距", "right margin"}},
                                                        {"gutter", {"装订线", "gutter"}},
                                                        {"gutter_position", {"装订线位置", "gutter position"}},
                                                        {"total_pages", {"总页数", "page total"}},
                                                        {"restart", {"页码起始", "page number start"}},
                                                        {"missing", {"缺少", "missing"}},
                                                        {"promote", {"设为标题", "made a heading"}},
                                                        {"renumber", {"编号", "number"}},
                                                        {"style", {"样式", "style"}},
                                                        {"punctuation", {"标点", "punctuation"}},
                                                        {"units", {"单位", "unit"}},
                                                        {"position", {"位置", "position"}}};
  for (const auto& [k, t] : kNames)
    if (kind == k) return t;
  return {kind, kind};
}

std::optional<Target> heading_target(int level, const profile::Profile& pf) {
  const profile::HeadingLevel* h = pf.heading(level);
  if (!h) return std::nullopt;
  Target t;
  t.style = heading_style(level);
  t.format = h->format;
  t.first_line = h->format.first_line;
  t.left.length = h->format.indent_left;
  t.bold_checked = true;
  t.label_checked = true;
  return t;
}

std::optional<Target> target_for(const docx::Paragraph& p, const profile::Profile& pf) {
  Target t;
  t.format = pf.body;
  t.first_line = pf.body.first_line;
  t.left.length = pf.body.indent_left;
  switch (p.role) {
    case docx::Role::body: t.style = "Normal"; return t;
    case docx::Role::list_item:
      t.style = "ListParagraph";
      t.first_line = pf.lists.first_line;
      if (p.ilvl > 0) t.left = pf.lists.left_at(p.ilvl);
      return t;
    case docx::Role::quote:
      t.style = "Quote";
      t.left = pf.quote_indent;
      return t;
    case docx::Role::heading:
      if (std::optional<Target> h = heading_target(p.heading_level, pf)) return h;
      // Deeper than the profile's levels (an outline level 7): check holds it to the body's
      // values (para.spacing), so fix does; it keeps its own style — its level is the writer's.
      t.style.clear();
      return t;
    case docx::Role::table_text:
      t.style = "TableText";
      t.format = pf.table.text;
      t.first_line = pf.table.text.first_line;
      t.label_checked = true;
      return t;
    case docx::Role::table_caption:
    case docx::Role::figure_caption: {
      bool table = p.role == docx::Role::table_caption;
      t.style = table ? "TableCaption" : "FigureCaption";
      t.format = (table ? pf.table_caption : pf.figure_caption).format;
      t.first_line = t.format.first_line;
      t.bold_checked = true;
      t.label_checked = true;
      return t;
    }
    case docx::Role::toc: {
      // Keep the entry's TOC level ("toc 2" → TOC2); entries of no TOC style go to level 1.
      int level = 1;
      if (p.style && p.style->name.size() == 5) {
        std::string n = core::ascii_lower(p.style->name);
        if (n.compare(0, 4, "toc ") == 0 && n[4] >= '1' && n[4] <= '9') level = n[4] - '0';
      }
      t.style = toc_style(std::clamp(level, 1, std::max(1, pf.toc.levels)));
      t.format.line = pf.toc.line;
      return t;
    }
    default: return std::nullopt;
  }
}

}  // namespace bidfmt::fix
