// Styles: the profile's paragraph styles in the document's styles.xml — a style the document lacks as
// bidfmt build writes it, a style it has given only the values check reported (fix changes only
// what check reports: a value the standard leaves open stays the document's unless --strict).
#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "core/text.h"
#include "docx/script.h"
#include "docx/xml.h"
#include "fix/fixes.h"
#include "fix/targets.h"
#include "fix/xml_edit.h"

namespace bidfmt::fix {
namespace {

// The generated styles fix installs: every paragraph style but the cover's (a document that has
// a cover keeps its own), which covers body, headings, lists, quotes, table text, captions,
// figures, TOC levels, header and footer.
bool installs(pugi::xml_node s) { return docx::attr(s, "w:type") == "paragraph" && docx::attr(s, "w:styleId").rfind("Cover", 0) != 0; }

std::string_view type_of(pugi::xml_node s) {
  std::string_view t = docx::attr(s, "w:type");
  return t.empty() ? std::string_view("paragraph") : t;
}

// The document's style of this type and name (names compare case-insensitively, as Word's
// built-in names do), or null.
pugi::xml_node find_by_name(pugi::xml_node root, std::string_view type, std::string_view name) {
  std::string want = core::ascii_lower(name);
  for (pugi::xml_node s : root.children("w:style"))
    if (type_of(s) == type && core::ascii_lower(docx::attr(s.child("w:name"), "w:val")) == want) return s;
  return {};
}

// 「正文、标题 1 … 等 20 个」 for the log.
Text names_of(const std::vector<Text>& names) {
  Text out;
  for (size_t i = 0; i < names.size() && i < 6; ++i) {
    out.zh += (i ? "、" : "") + names[i].zh;
    out.en += (i ? ", " : "") + names[i].en;
  }
  if (names.size() > 6) {
    out.zh += " 等 " + std::to_string(names.size()) + " 个";
    out.en += " and " + std::to_string(names.size() - 6) + " more";
  }
  return out;
}

// What check reported of the paragraphs that belong in one profile style (fix changes only
// that): the aspects (finding kinds), the values they are compared with, and whether the
// headings of that style are to be numbered automatically.
struct Asked {
  Target target;
  std::set<std::string> kinds;
  bool numbering = false;
};

// True when the value of `kind` that paragraph `p` (or its number label) shows comes from its list definition.
bool from_numbering(const docx::Paragraph& p, const std::string& kind) {
  auto numbering = [](const auto& v) { return v.origin.source == docx::Source::numbering; };
  const docx::ParaProps& pp = *p.props;
  const docx::RunProps& l = *p.label_props;
  if (kind == "first_line_indent") return numbering(pp.first_line) || numbering(pp.first_line_chars);
  if (kind == "indent_left") return numbering(pp.ind_left) || numbering(pp.left_chars);
  if (kind == "size") return numbering(l.size);
  if (kind == "bold") return numbering(l.bold);
  if (kind == "east_asia_font") return numbering(l.east_asia);
  if (kind == "latin_font") return numbering(l.ascii) || numbering(l.h_ansi);
  return false;
}

std::map<std::string, Asked> asked_per_style(const Workspace& ws) {
  std::map<std::string, Asked> out;
  const docx::Document& doc = ws.doc();
  const auto& ps = doc.body().paragraphs;
  for (const rules::Finding& f : ws.findings()) {
    if (!f.fixable || f.where().part() != doc.body().part || f.where().paragraph < 1) continue;
    if (!is_formatting_finding(f)) continue;
    if (static_cast<size_t>(f.where().paragraph) > ps.size()) continue;
    const docx::Paragraph& p = ps[static_cast<size_t>(f.where().paragraph) - 1];
    std::optional<Target> t = target_for(p, ws.profile());
    if (!t) continue;
    // A list item's indents are its list level's (numbering.xml), not its style's.
    if (p.role == docx::Role::list_item && (f.kind() == "indent_left" || f.kind() == "first_line_indent")) continue;
    auto [it, fresh] = out.try_emplace(t->style);
    if (fresh) it->second.target = *t;
    it->second.kinds.insert(f.kind());
    // A heading numbered by its style whose number label takes a wrong size, font or indent from
    // the document's own list definition: the style gets the profile's heading numbering.
    if (p.role == docx::Role::heading && p.num_id > 0 && p.props->num_id.origin.source == docx::Source::paragraph_style &&
        from_numbering(p, f.kind()))
      it->second.numbering = true;
  }
  // The heading levels are one list: when one level's style takes the profile's heading
  // numbering, every level's does (or the levels would count in two lists).
  bool numbering = !ws.numbered_styles.empty();
  for (const auto& [id, a] : out) numbering |= a.numbering;
  if (!numbering) return out;
  for (const profile::HeadingLevel& h : ws.profile().headings) {
    std::optional<Target> t = heading_target(h.level, ws.profile());
    if (!t) continue;
    auto [it, fresh] = out.try_emplace(t->style);
    if (fresh) it->second.target = *t;
    it->second.numbering = true;
  }
  return out;
}

// What a style inherits from the document: the docDefaults under the chain of the style it is
// based on (itself left out).
docx::ParaProps inherited_ppr(const Workspace& ws, pugi::xml_node style) {
  docx::ParaProps pp = ws.doc().styles().defaults_ppr();
  if (const docx::Style* base = ws.doc().styles().find(docx::attr(style.child("w:basedOn"), "w:val"))) pp.over(base->chain_ppr);
  return pp;
}

// Automatic spacing (w:beforeAutospacing / w:afterAutospacing, `side` "before" or "after") wins over
// the space a style sets: switched off in the style's w:spacing when it sets its own space on that
// side and inherits automatic spacing on.
void switch_off_autospacing(pugi::xml_node spacing, const std::string& side, bool inherited_on) {
  const std::string own = "w:" + side, automatic = own + "Autospacing";
  if (inherited_on && spacing.attribute(own.c_str()) && !spacing.attribute(automatic.c_str())) xml::set(spacing, automatic.c_str(), "0");
}

// A style fix writes from the profile stands as written, whatever it inherits:
// - tab stops add up along w:basedOn, so a Normal with a left stop at 1.8 cm would send the
//   header's 技术标 there instead of to the right margin: each inherited stop the style does not
//   set itself is cleared in it;
// - automatic spacing (w:beforeAutospacing, HTML-style documents set it in docDefaults) wins over
//   w:before, so a style that sets its space before or after switches it off when it inherits it on.
void stand_as_written(const Workspace& ws, pugi::xml_node style) {
  const docx::ParaProps in = inherited_ppr(ws, style);
  std::set<int> own;
  for (pugi::xml_node t : style.child("w:pPr").child("w:tabs").children("w:tab")) own.insert(docx::int_attr(t, "w:pos").value_or(0));
  std::vector<int> clear;
  for (const docx::TabStop& t : in.tabs)
    if (t.kind != "clear" && !own.count(t.pos)) clear.push_back(t.pos);
  if (!clear.empty()) {
    pugi::xml_node tabs = xml::ensure(xml::ensure(style, "w:pPr", xml::style_order()), "w:tabs", xml::ppr_order());
    for (int pos : clear) {
      pugi::xml_node t = tabs.append_child("w:tab");
      t.append_attribute("w:val") = "clear";
      t.append_attribute("w:pos") = pos;
    }
  }
  pugi::xml_node sp = style.child("w:pPr").child("w:spacing");
  switch_off_autospacing(sp, "before", in.before_auto.value_or(false));
  switch_off_autospacing(sp, "after", in.after_auto.value_or(false));
}

// The document's style `s` given the values of `a` that check reported; its other properties,
// its name, links and inheritance stay as they are. `r` is the style as read (what it resolves
// to with its basedOn chain and the docDefaults): a value it already resolves to is not written.
// True when the style changed.
bool patch(const Workspace& ws, pugi::xml_node s, const docx::Style* r, const std::string& gid, const Asked& a) {
  const std::string before = xml::to_string(s);
  const Target& t = a.target;
  const profile::TextFormat& f = t.format;
  docx::ParaProps pp = ws.doc().styles().defaults_ppr();
  docx::RunProps rp = ws.doc().styles().defaults_rpr();
  if (r) {
    pp.over(r->chain_ppr);
    rp.over(r->chain_rpr);
  }
  auto has = [&](const char* k) { return a.kinds.count(k) > 0; };
  auto ppr = [&]() { return xml::ensure(s, "w:pPr", xml::style_order()); };
  auto rpr = [&]() { return xml::ensure(s, "w:rPr", xml::style_order()); };
  auto ind = [&]() { return xml::ensure(ppr(), "w:ind", xml::ppr_order()); };
  auto spacing = [&]() { return xml::ensure(ppr(), "w:spacing", xml::ppr_order()); };
  const int size = f.size.v;
  if (has("alignment") && pp.jc.value_or("left") != f.align) xml::set(xml::ensure(ppr(), "w:jc", xml::ppr_order()), "w:val", f.align);
  if (has("first_line_indent")) {
    pugi::xml_node n = ind();
    xml::remove_attrs(n, {"w:hanging", "w:hangingChars"});
    xml::set(n, "w:firstLineChars", std::to_string(t.first_line.chars100));
    xml::set(n, "w:firstLine", std::to_string(t.first_line.twips_at(f.size).v));
  }
  if (has("indent_left")) {
    pugi::xml_node n = ind();
    xml::remove_attrs(n, {"w:start", "w:startChars"});
    xml::set(n, "w:leftChars", std::to_string(t.left.chars100));
    xml::set(n, "w:left", std::to_string(t.left.twips_at(f.size).v));
  }
  if (has("indent_right")) {
    pugi::xml_node n = ind();
    xml::remove_attrs(n, {"w:end", "w:endChars"});
    xml::set(n, "w:rightChars", "0");
    xml::set(n, "w:right", std::to_string(f.indent_right.v));
  }
  if (has("space_before")) {
    pugi::xml_node n = spacing();
    xml::remove_attrs(n, {"w:beforeAutospacing"});
    xml::set(n, "w:before", std::to_string(f.space_before.v));
    xml::set(n, "w:beforeLines", "0");
    switch_off_autospacing(n, "before", inherited_ppr(ws, s).before_auto.value_or(false));
  }
  if (has("space_after")) {
    pugi::xml_node n = spacing();
    xml::remove_attrs(n, {"w:afterAutospacing"});
    xml::set(n, "w:after", std::to_string(f.space_after.v));
    xml::set(n, "w:afterLines", "0");
    switch_off_autospacing(n, "after", inherited_ppr(ws, s).after_auto.value_or(false));
  }
  if (has("line_spacing") && !(pp.line_rule.value_or("auto") == "auto" && pp.line.value_or(240) == f.line.v)) {
    pugi::xml_node n = spacing();
    xml::set(n, "w:line", std::to_string(f.line.v));
    xml::set(n, "w:lineRule", "auto");
  }
  const bool east_asia = has("east_asia_font") && !docx::same_font(rp.east_asia.value.name, f.fonts.east_asia);
  const bool latin =
      has("latin_font") && (!docx::same_font(rp.ascii.value.name, f.fonts.latin) || !docx::same_font(rp.h_ansi.value.name, f.fonts.latin));
  if (east_asia || latin) {
    pugi::xml_node n = xml::ensure(rpr(), "w:rFonts", xml::rpr_order());
    if (east_asia) {
      n.remove_attribute("w:eastAsiaTheme");
      xml::set(n, "w:eastAsia", f.fonts.east_asia);
    }
    if (latin) {
      xml::remove_attrs(n, {"w:asciiTheme", "w:hAnsiTheme"});
      xml::set(n, "w:ascii", f.fonts.latin);
      xml::set(n, "w:hAnsi", f.fonts.latin);
    }
  }
  if (has("size") && rp.size.value_or(20) != size) {
    xml::set(xml::ensure(rpr(), "w:sz", xml::rpr_order()), "w:val", std::to_string(size));
    xml::set(xml::ensure(rpr(), "w:szCs", xml::rpr_order()), "w:val", std::to_string(size));
  }
  if (has("character_spacing") && rp.spacing.value_or(0) != f.character_spacing.v)
    xml::set(xml::ensure(rpr(), "w:spacing", xml::rpr_order()), "w:val", std::to_string(f.character_spacing.v));
  if (has("bold") && t.bold_checked && rp.bold.value_or(false) != f.bold) {
    xml::set(xml::ensure(rpr(), "w:b", xml::rpr_order()), "w:val", f.bold ? "1" : "0");
    xml::set(xml::ensure(rpr(), "w:bCs", xml::rpr_order()), "w:val", f.bold ? "1" : "0");
  }
  // Headings numbered automatically take the profile's heading numbering from their style.
  if (a.numbering) {
    pugi::xml_node np = xml::ensure(ppr(), "w:numPr", xml::ppr_order());
    xml::set(xml::ensure(np, "w:ilvl", {"ilvl", "numId"}), "w:val", std::to_string(std::atoi(gid.c_str() + 7) - 1));
    xml::set(xml::ensure(np, "w:numId", {"ilvl", "numId"}), "w:val", std::to_string(ws.heading_num_id));
  }
  return xml::to_string(s) != before;
}

// The profile styles (generated ids) a pass needs in the document: those check's findings ask
// for, those of parts written whole, heading styles that take the heading numbering, those named by
// what the pass wrote — and the styles these are based on or linked to. Nothing else is added: a
// style nobody uses would only be one more line in the change log for the reviewer to read.
std::set<std::string> needed_styles(Workspace& ws, const std::map<std::string, Asked>& asked) {
  std::set<std::string> out(ws.whole_styles.begin(), ws.whole_styles.end());
  out.insert(ws.numbered_styles.begin(), ws.numbered_styles.end());
  for (const auto& [gid, a] : asked) out.insert(gid);
  std::map<std::string, std::string> profile_id;  // this document's id → the profile's
  for (const auto& [gid, id] : ws.style_ids) profile_id[id] = gid;
  for (const std::string& id : ws.added_style_references()) {
    auto it = profile_id.find(id);
    out.insert(it == profile_id.end() ? id : it->second);
  }
  pugi::xml_node gen_root = ws.generated().styles.document_element();
  for (std::vector<std::string> todo(out.begin(), out.end()); !todo.empty();) {
    std::string gid = todo.back();
    todo.pop_back();
    pugi::xml_node g = gen_root.find_child_by_attribute("w:style", "w:styleId", gid.c_str());
    for (const char* ref : {"w:basedOn", "w:link", "w:next"})
      if (std::string to(docx::attr(g.child(ref), "w:val")); !to.empty() && out.insert(to).second) todo.push_back(to);
  }
  return out;
}

}  // namespace

void plan_styles(Workspace& ws) {
  ws.style_ids.clear();
  const pugi::xml_document* styles = ws.doc().package().styles();
  pugi::xml_node root = styles ? styles->document_element() : pugi::xml_node();
  std::set<std::string> taken;
  for (pugi::xml_node s : root.children("w:style")) taken.emplace(docx::attr(s, "w:styleId"));
  for (pugi::xml_node g : ws.generated().styles.document_element().children("w:style")) {
    if (!installs(g)) continue;
    std::string gid(docx::attr(g, "w:styleId"));
    pugi::xml_node existing = find_by_name(root, type_of(g), docx::attr(g.child("w:name"), "w:val"));
    std::string id = existing ? std::string(docx::attr(existing, "w:styleId")) : gid;
    for (int n = 1; !existing && taken.count(id); ++n) id = gid + std::to_string(n);
    taken.insert(id);
    ws.style_ids[gid] = id;
  }
}

void install_styles(Workspace& ws) {
  std::string part = ws.part_of_type("styles");
  pugi::xml_node root = part.empty() ? pugi::xml_node() : ws.edit(part);
  if (!root) {
    part = ws.has_part("word/styles.xml") ? ws.free_name("word/styles", ".xml") : "word/styles.xml";
    root = ws.create(part, "w:styles", part_type::kStyles, "styles");
  }
  pugi::xml_node gen_root = ws.generated().styles.document_element();
  std::vector<Text> changed;

  // docDefaults only where the document has none (a new styles part): the document's own are
  // what its styles build on, and findings are answered in the styles themselves.
  if (!root.child("w:docDefaults")) {
    xml::insert_copy(root, gen_root.child("w:docDefaults"), xml::styles_order());
    changed.push_back(Text{"文档默认格式", "document defaults"});
  }

  const std::map<std::string, Asked> asked = asked_per_style(ws);
  const std::set<std::string> needed = needed_styles(ws, asked);
  pugi::xml_document scratch;
  for (pugi::xml_node g : gen_root.children("w:style")) {
    if (!installs(g)) continue;
    const std::string gid(docx::attr(g, "w:styleId"));
    std::string name(docx::attr(g.child("w:name"), "w:val"));
    pugi::xml_node existing = find_by_name(root, "paragraph", name);
    if (!existing && !needed.count(gid)) continue;
    const bool whole = ws.whole_styles.count(gid) > 0;
    if (existing && !whole) {
      // The document's own style: only what check reported of it.
      auto it = asked.find(gid);
      if (it == asked.end()) continue;
      const docx::Style* resolved = ws.doc().styles().find(docx::attr(existing, "w:styleId"));
      if (patch(ws, existing, resolved, gid, it->second)) changed.push_back(style_label(gid));
      continue;
    }
    // A style the document lacks, or the style of a part fix wrote whole: the profile's.
    scratch.reset();
    pugi::xml_node s = scratch.append_copy(g);
    s.attribute("w:styleId").set_value(ws.style_id(gid).c_str());
    for (const char* ref : {"w:basedOn", "w:next", "w:link"})
      if (pugi::xml_node r = s.child(ref)) {
        auto it = ws.style_ids.find(r.attribute("w:val").value());
        if (it != ws.style_ids.end()) r.attribute("w:val").set_value(it->second.c_str());
      }
    if (pugi::xml_node num = s.child("w:pPr").child("w:numPr").child("w:numId")) num.attribute("w:val").set_value(ws.heading_num_id);
    stand_as_written(ws, s);
    if (!existing) {
      xml::insert_copy(root, s, xml::styles_order());
    } else if (xml::to_string(existing) != xml::to_string(s)) {
      root.insert_copy_before(s, existing);
      root.remove_child(existing);
    } else {
      continue;
    }
    changed.push_back(style_label(gid));
  }
  // One default paragraph style: the profile's body style.
  std::string normal = ws.style_id("Normal");
  for (pugi::xml_node s : root.children("w:style"))
    if (type_of(s) == "paragraph" && docx::attr(s, "w:styleId") != normal && s.attribute("w:default")) s.remove_attribute("w:default");

  if (!changed.empty()) {
    Text names = names_of(changed);
    ws.change(rules::in_part(part), Text{"按规范设置样式:" + names.zh, "styles set to the profile: " + names.en});
  }
}

}  // namespace bidfmt::fix
