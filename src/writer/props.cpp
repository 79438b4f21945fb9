// Emission of w:pPr / w:rPr children in schema order.
#include "writer/props.h"

#include "writer/xml.h"

namespace bidfmt::writer {

void RunProps::emit(pugi::xml_node parent, bool always) const {
  if (empty() && !always) return;
  pugi::xml_node r = xml::add(parent, "w:rPr");
  if (!style.empty()) xml::add(r, "w:rStyle", "w:val", style);
  if (fonts) {
    pugi::xml_node f = xml::add(r, "w:rFonts");
    xml::set(f, "w:ascii", fonts->latin);
    xml::set(f, "w:hAnsi", fonts->latin);
    xml::set(f, "w:eastAsia", fonts->east_asia);
    xml::set(f, "w:cs", fonts->latin);
    xml::set(f, "w:hint", "eastAsia");
  }
  if (bold) {
    xml::add(r, "w:b", "w:val", *bold ? "1" : "0");
    xml::add(r, "w:bCs", "w:val", *bold ? "1" : "0");
  }
  if (italic) {
    xml::add(r, "w:i", "w:val", *italic ? "1" : "0");
    xml::add(r, "w:iCs", "w:val", *italic ? "1" : "0");
  }
  if (strike) xml::add(r, "w:strike");
  if (character_spacing) xml::add(r, "w:spacing", "w:val", *character_spacing);
  if (size) {
    xml::add(r, "w:sz", "w:val", size->v);
    xml::add(r, "w:szCs", "w:val", size->v);
  }
  if (underline) xml::add(r, "w:u", "w:val", "single");
  if (!vert_align.empty()) xml::add(r, "w:vertAlign", "w:val", vert_align);
  if (lang) {
    pugi::xml_node l = xml::add(r, "w:lang", "w:val", "en-US");
    xml::set(l, "w:eastAsia", "zh-CN");
    xml::set(l, "w:bidi", "ar-SA");
  }
}

void ParaProps::emit(pugi::xml_node parent, bool always) const {
  pugi::xml_node p = xml::add(parent, "w:pPr");
  if (!style.empty()) xml::add(p, "w:pStyle", "w:val", style);
  if (keep_next) xml::add(p, "w:keepNext");
  if (page_break_before) xml::add(p, "w:pageBreakBefore");
  if (num_id) {
    pugi::xml_node n = xml::add(p, "w:numPr");
    xml::add(n, "w:ilvl", "w:val", num_level.value_or(0));
    xml::add(n, "w:numId", "w:val", *num_id);
  }
  if (border_bottom) {
    pugi::xml_node b = xml::add(p, "w:pBdr");
    pugi::xml_node bottom = xml::add(b, "w:bottom", "w:val", border_bottom->style);
    xml::set(bottom, "w:sz", border_bottom->width.v);
    xml::set(bottom, "w:space", border_bottom_space);
    xml::set(bottom, "w:color", border_bottom_color);
  }
  if (right_tab || right_tab_dots) {
    pugi::xml_node tabs = xml::add(p, "w:tabs");
    pugi::xml_node t = xml::add(tabs, "w:tab", "w:val", "right");
    if (right_tab_dots) xml::set(t, "w:leader", "dot");
    xml::set(t, "w:pos", right_tab ? *right_tab : *right_tab_dots);
  }
  if (space_before || space_after || line) {
    pugi::xml_node s = xml::add(p, "w:spacing");
    if (space_before) {
      xml::set(s, "w:before", *space_before);
      xml::set(s, "w:beforeLines", 0);
    }
    if (space_after) {
      xml::set(s, "w:after", *space_after);
      xml::set(s, "w:afterLines", 0);
    }
    if (line) {
      xml::set(s, "w:line", *line);
      xml::set(s, "w:lineRule", "auto");
    }
  }
  if (ind_left || ind_left_chars || ind_right || first_line || first_line_chars) {
    pugi::xml_node i = xml::add(p, "w:ind");
    if (ind_left_chars) xml::set(i, "w:leftChars", *ind_left_chars);
    if (ind_left) xml::set(i, "w:left", *ind_left);
    if (ind_right) xml::set(i, "w:right", *ind_right);
    if (first_line_chars) xml::set(i, "w:firstLineChars", *first_line_chars);
    if (first_line) xml::set(i, "w:firstLine", *first_line);
  }
  if (align) xml::add(p, "w:jc", "w:val", *align);
  if (outline_level) xml::add(p, "w:outlineLvl", "w:val", *outline_level);
  run.emit(p);
  if (!always && !p.first_child()) parent.remove_child(p);
}

ParaProps para_props_of(const profile::TextFormat& f) {
  ParaProps p;
  p.space_before = f.space_before.v;
  p.space_after = f.space_after.v;
  p.line = f.line.v;
  p.ind_left = f.indent_left.v;
  p.ind_right = f.indent_right.v;
  p.first_line_chars = f.first_line.chars100;
  p.first_line = f.first_line.twips_at(f.size).v;
  p.align = f.align;
  return p;
}

RunProps run_props_of(const profile::TextFormat& f) {
  RunProps r;
  r.fonts = f.fonts;
  r.bold = f.bold;
  r.size = f.size;
  return r;
}

}  // namespace bidfmt::writer
