// Reading pPr / rPr / tblPr elements into property layers, and laying one layer over another.
#include "docx/properties.h"

#include <algorithm>

#include "docx/theme.h"
#include "docx/xml.h"

namespace bidfmt::docx {
namespace {

void set_int(Value<int>& v, pugi::xml_node n, const char* name, const Origin& o) {
  if (auto x = int_attr(n, name)) v.assign(*x, o);
}
void set_twips(Value<int>& v, pugi::xml_node n, const char* name, const Origin& o) {
  if (auto x = twips_attr(n, name)) v.assign(*x, o);
}
void set_toggle(Value<bool>& v, pugi::xml_node n, const Origin& o) {
  if (n) v.assign(on_off(n), o);
}

void merge_tabs(std::vector<TabStop>& tabs, const std::vector<TabStop>& upper) {
  for (const TabStop& t : upper) {
    tabs.erase(std::remove_if(tabs.begin(), tabs.end(), [&](const TabStop& x) { return x.pos == t.pos; }), tabs.end());
    tabs.push_back(t);  // a clear stays as a marker: the layer it is in must still clear the stop below
  }
}

void set_font(Value<FontRef>& v, pugi::xml_node fonts, const char* name, const char* theme_name, const Origin& o, const Theme& theme) {
  std::string_view slot = attr(fonts, theme_name);
  if (!slot.empty()) {
    v.assign(FontRef{theme.font(slot), slot}, o);
    return;
  }
  if (has_attr(fonts, name)) v.assign(FontRef{attr(fonts, name), {}}, o);
}

}  // namespace

void ParaProps::over(const ParaProps& u) {
  jc.over(u.jc);
  ind_left.over(u.ind_left);
  ind_right.over(u.ind_right);
  first_line.over(u.first_line);
  first_line_chars.over(u.first_line_chars);
  left_chars.over(u.left_chars);
  right_chars.over(u.right_chars);
  before.over(u.before);
  after.over(u.after);
  before_lines.over(u.before_lines);
  after_lines.over(u.after_lines);
  before_auto.over(u.before_auto);
  after_auto.over(u.after_auto);
  line.over(u.line);
  line_rule.over(u.line_rule);
  outline_lvl.over(u.outline_lvl);
  num_id.over(u.num_id);
  ilvl.over(u.ilvl);
  merge_tabs(tabs, u.tabs);
}

void RunProps::over(const RunProps& u) {
  ascii.over(u.ascii);
  h_ansi.over(u.h_ansi);
  east_asia.over(u.east_asia);
  cs.over(u.cs);
  hint.over(u.hint);
  size.over(u.size);
  size_cs.over(u.size_cs);
  bold.over(u.bold);
  bold_cs.over(u.bold_cs);
  italic.over(u.italic);
  vanish.over(u.vanish);
  spacing.over(u.spacing);
  scale.over(u.scale);
}

namespace {
void put(std::string& k, int v) { k.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put(std::string& k, bool v) { k.push_back(v ? '1' : '0'); }
void put(std::string& k, std::string_view v) {
  put(k, static_cast<int>(v.size()));
  k.append(v);
}
void put(std::string& k, const FontRef& f) {
  put(k, f.name);
  put(k, f.theme);
}
void put(std::string& k, const Origin& o) {
  k.append(reinterpret_cast<const char*>(&o.style), sizeof o.style);
  put(k, o.num_id);
  put(k, static_cast<int>(o.ilvl));
  k.push_back(static_cast<char>(o.source));
}
template <typename T>
void put(std::string& k, const Value<T>& v) {
  // A tag byte first, so the encoding stays unambiguous field by field.
  if (!v.set()) {  // an unset value has nothing below it either
    k.push_back('-');
    return;
  }
  k.push_back('+');
  put(k, v.origin);
  put(k, v.value);
  put(k, v.below_origin);
  if (v.below_origin.source != Source::none) put(k, v.below);
}
}  // namespace

void fingerprint(const ParaProps& p, std::string& k) {
  // Every member of ParaProps, in declaration order (keep in step with ParaProps::over).
  for (const Value<std::string_view>* v : {&p.jc, &p.line_rule}) put(k, *v);
  for (const Value<int>* v : {&p.ind_left, &p.ind_right, &p.first_line, &p.first_line_chars, &p.left_chars, &p.right_chars, &p.before,
                              &p.after, &p.before_lines, &p.after_lines, &p.line, &p.outline_lvl, &p.num_id, &p.ilvl})
    put(k, *v);
  for (const Value<bool>* v : {&p.before_auto, &p.after_auto}) put(k, *v);
  put(k, static_cast<int>(p.tabs.size()));
  for (const TabStop& t : p.tabs) {
    put(k, t.kind);
    put(k, t.pos);
  }
}

void fingerprint(const RunProps& r, std::string& k) {
  // Every member of RunProps (keep in step with RunProps::over).
  for (const Value<FontRef>* v : {&r.ascii, &r.h_ansi, &r.east_asia, &r.cs}) put(k, *v);
  put(k, r.hint);
  for (const Value<int>* v : {&r.size, &r.size_cs, &r.spacing, &r.scale}) put(k, *v);
  for (const Value<bool>* v : {&r.bold, &r.bold_cs, &r.italic, &r.vanish}) put(k, *v);
}

void TableProps::over(const TableProps& u) {
  jc.over(u.jc);
  indent.over(u.indent);
  for (int i = 0; i < kBorderSides; ++i) borders[i].over(u.borders[i]);
}

std::string_view StringPool::keep(std::string_view s) {
  if (s.empty()) return {};
  auto it = strings_.find(s);
  if (it == strings_.end()) it = strings_.emplace(s).first;
  return *it;
}

namespace {
void keep(std::string_view& s, StringPool& pool) { s = pool.keep(s); }
void keep(FontRef& f, StringPool& pool) {
  keep(f.name, pool);
  keep(f.theme, pool);
}
void keep(BorderSpec& b, StringPool& pool) { keep(b.style, pool); }
template <typename T>
void keep(Value<T>& v, StringPool& pool) {
  keep(v.value, pool);
  keep(v.below, pool);
}
}  // namespace

// The string members of each set (keep in step with fingerprint and the structs).
void keep_strings(ParaProps& p, StringPool& pool) {
  keep(p.jc, pool);
  keep(p.line_rule, pool);
  for (TabStop& t : p.tabs) keep(t.kind, pool);
}

void keep_strings(RunProps& r, StringPool& pool) {
  for (Value<FontRef>* v : {&r.ascii, &r.h_ansi, &r.east_asia, &r.cs}) keep(*v, pool);
  keep(r.hint, pool);
}

void keep_strings(Value<BorderSpec> (&borders)[kBorderSides], StringPool& pool) {
  for (Value<BorderSpec>& b : borders) keep(b, pool);
}

void keep_strings(TableProps& t, StringPool& pool) {
  keep(t.jc, pool);
  keep_strings(t.borders, pool);
}

bool has_direct_formatting(pugi::xml_node ppr) {
  for (pugi::xml_node c = ppr.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view n = c.name();
    if (n != "w:pStyle" && n != "w:rPr" && n != "w:sectPr" && n != "w:pPrChange") return true;
  }
  return false;
}

void apply_ppr(ParaProps& p, pugi::xml_node ppr, const Origin& o) {
  if (!ppr) return;
  if (pugi::xml_node jc = ppr.child("w:jc")) {
    std::string_view v = attr(jc, "w:val");
    if (v == "start") v = "left";
    if (v == "end") v = "right";
    if (!v.empty()) p.jc.assign(v, o);
  }
  if (pugi::xml_node ind = ppr.child("w:ind")) {
    set_twips(p.ind_left, ind, has_attr(ind, "w:start") ? "w:start" : "w:left", o);
    set_twips(p.ind_right, ind, has_attr(ind, "w:end") ? "w:end" : "w:right", o);
    set_int(p.left_chars, ind, has_attr(ind, "w:startChars") ? "w:startChars" : "w:leftChars", o);
    set_int(p.right_chars, ind, has_attr(ind, "w:endChars") ? "w:endChars" : "w:rightChars", o);
    // firstLine and hanging are one property with two signs (§17.3.1.12).
    if (auto h = twips_attr(ind, "w:hanging")) p.first_line.assign(-*h, o);
    else set_twips(p.first_line, ind, "w:firstLine", o);
    if (auto hc = int_attr(ind, "w:hangingChars"); hc && *hc != 0) p.first_line_chars.assign(-*hc, o);
    else set_int(p.first_line_chars, ind, "w:firstLineChars", o);
  }
  if (pugi::xml_node sp = ppr.child("w:spacing")) {
    set_twips(p.before, sp, "w:before", o);
    set_twips(p.after, sp, "w:after", o);
    set_int(p.before_lines, sp, "w:beforeLines", o);
    set_int(p.after_lines, sp, "w:afterLines", o);
    if (has_attr(sp, "w:beforeAutospacing")) p.before_auto.assign(on_off_value(attr(sp, "w:beforeAutospacing")), o);
    if (has_attr(sp, "w:afterAutospacing")) p.after_auto.assign(on_off_value(attr(sp, "w:afterAutospacing")), o);
    set_twips(p.line, sp, "w:line", o);
    if (has_attr(sp, "w:lineRule")) p.line_rule.assign(attr(sp, "w:lineRule"), o);
  }
  if (pugi::xml_node ol = ppr.child("w:outlineLvl")) set_int(p.outline_lvl, ol, "w:val", o);
  if (pugi::xml_node np = ppr.child("w:numPr")) {
    set_int(p.num_id, np.child("w:numId"), "w:val", o);
    set_int(p.ilvl, np.child("w:ilvl"), "w:val", o);
  }
  if (pugi::xml_node tabs = ppr.child("w:tabs")) {
    std::vector<TabStop> upper;
    for (pugi::xml_node t : tabs.children("w:tab")) upper.push_back(TabStop{attr(t, "w:val"), twips_attr(t, "w:pos").value_or(0)});
    merge_tabs(p.tabs, upper);
  }
}

void apply_rpr(RunProps& r, pugi::xml_node rpr, const Origin& o, const Theme& theme) {
  if (!rpr) return;
  if (pugi::xml_node f = rpr.child("w:rFonts")) {
    set_font(r.ascii, f, "w:ascii", "w:asciiTheme", o, theme);
    set_font(r.h_ansi, f, "w:hAnsi", "w:hAnsiTheme", o, theme);
    set_font(r.east_asia, f, "w:eastAsia", "w:eastAsiaTheme", o, theme);
    set_font(r.cs, f, "w:cs", "w:cstheme", o, theme);
    if (has_attr(f, "w:hint")) r.hint.assign(attr(f, "w:hint"), o);
  }
  if (auto v = half_points_attr(rpr.child("w:sz"), "w:val")) r.size.assign(*v, o);
  if (auto v = half_points_attr(rpr.child("w:szCs"), "w:val")) r.size_cs.assign(*v, o);
  set_toggle(r.bold, rpr.child("w:b"), o);
  set_toggle(r.bold_cs, rpr.child("w:bCs"), o);
  set_toggle(r.italic, rpr.child("w:i"), o);
  set_toggle(r.vanish, rpr.child("w:vanish"), o);
  set_twips(r.spacing, rpr.child("w:spacing"), "w:val", o);
  if (pugi::xml_node w = rpr.child("w:w")) {
    // ST_TextScale: a percentage, optionally written with "%".
    if (auto v = int_attr(w, "w:val")) r.scale.assign(*v, o);
  }
}

pugi::xml_node border_element(pugi::xml_node borders, int side) {
  static const char* const names[kBorderSides][2] = {{"w:top", nullptr},   {"w:left", "w:start"},  {"w:bottom", nullptr},
                                                     {"w:right", "w:end"}, {"w:insideH", nullptr}, {"w:insideV", nullptr}};
  pugi::xml_node b = borders.child(names[side][0]);
  if (!b && names[side][1]) b = borders.child(names[side][1]);
  return b;
}

void apply_borders(Value<BorderSpec> (&borders)[kBorderSides], pugi::xml_node el, const Origin& o) {
  if (!el) return;
  for (int i = 0; i < kBorderSides; ++i) {
    pugi::xml_node b = border_element(el, i);
    if (!b) continue;
    BorderSpec spec;
    spec.style = attr(b, "w:val");
    if (spec.style == "nil" || spec.style.empty()) spec.style = "none";
    spec.size = spec.style == "none" ? 0 : int_attr(b, "w:sz").value_or(0);
    borders[i].assign(spec, o);
  }
}

void apply_tblpr(TableProps& t, pugi::xml_node tblpr, const Origin& o) {
  if (!tblpr) return;
  if (pugi::xml_node jc = tblpr.child("w:jc")) {
    std::string_view v = attr(jc, "w:val");
    if (v == "start") v = "left";
    if (v == "end") v = "right";
    if (!v.empty()) t.jc.assign(v, o);
  }
  if (pugi::xml_node ind = tblpr.child("w:tblInd")) set_twips(t.indent, ind, "w:w", o);
  apply_borders(t.borders, tblpr.child("w:tblBorders"), o);
}

}  // namespace bidfmt::docx
