// Numbering: the profile's heading list (as bidfmt build writes it) found or added with fresh ids,
// and list definitions whose labels or indents break the profile rewritten to its sequence.
#include <algorithm>
#include <set>

#include "docx/xml.h"
#include "fix/fixes.h"
#include "fix/xml_edit.h"
#include "rules/kinds.h"
#include "writer/plan.h"

namespace bidfmt::fix {
namespace {

pugi::xml_node abstract_by_id(pugi::xml_node root, std::string_view id) {
  for (pugi::xml_node a : root.children("w:abstractNum"))
    if (docx::attr(a, "w:abstractNumId") == id) return a;
  return {};
}

pugi::xml_node generated_abstract(const Workspace& ws, int id) {
  return abstract_by_id(ws.generated().numbering.document_element(), std::to_string(id));
}

std::string levels_text(pugi::xml_node abstract) {
  std::string s;
  for (pugi::xml_node l : abstract.children("w:lvl")) s += xml::to_string(l);
  return s;
}

// The heading list as it belongs in this document: the generated one, each level's linked
// paragraph style under the id the style has here.
void heading_abstract(const Workspace& ws, pugi::xml_document& out) {
  out.reset();
  pugi::xml_node a = out.append_copy(generated_abstract(ws, writer::kHeadingAbstract));
  for (pugi::xml_node l : a.children("w:lvl"))
    if (pugi::xml_node ps = l.child("w:pStyle")) ps.attribute("w:val").set_value(ws.style_id(ps.attribute("w:val").value()).c_str());
}

int max_attr(pugi::xml_node root, const char* element, const char* attr) {
  int m = 0;
  for (pugi::xml_node n : root.children(element)) m = std::max(m, docx::int_attr(n, attr).value_or(0));
  return m;
}

std::string numbering_part(Workspace& ws) {
  std::string part = ws.part_of_type("numbering");
  if (!part.empty()) return part;
  part = ws.has_part("word/numbering.xml") ? ws.free_name("word/numbering", ".xml") : "word/numbering.xml";
  ws.create(part, "w:numbering", part_type::kNumbering, "numbering");
  return part;
}

}  // namespace

void plan_numbering(Workspace& ws) {
  pugi::xml_document want;
  heading_abstract(ws, want);
  std::string want_levels = levels_text(want.document_element());
  const pugi::xml_document* numbering = ws.doc().package().numbering();
  pugi::xml_node root = numbering ? numbering->document_element() : pugi::xml_node();
  ws.heading_abstract_id = -1;
  // The chapter the headings count from: 1 for a whole bid, the file's own for a Standard B
  // chapter (「第二章」: its headings, 节 and 条 numbers and captions go on from 2).
  const int start = ws.doc().first_chapter();
  // A list instance of the same definition starting there: one without overrides first, then one
  // that only restarts levels (a per-chapter file continuing the chapter number).
  for (bool restarts : {false, true})
    for (pugi::xml_node num : root.children("w:num")) {
      bool overrides = static_cast<bool>(num.child("w:lvlOverride"));
      if (overrides != restarts || num.select_node("w:lvlOverride/w:lvl")) continue;
      pugi::xml_node first = num.find_child_by_attribute("w:lvlOverride", "w:ilvl", "0");
      if (docx::int_attr(first.child("w:startOverride"), "w:val").value_or(1) != start) continue;
      pugi::xml_node a = abstract_by_id(root, docx::attr(num.child("w:abstractNumId"), "w:val"));
      if (a && levels_text(a) == want_levels) {
        ws.heading_num_id = docx::int_attr(num, "w:numId").value_or(0);
        return;
      }
    }
  ws.heading_num_id = max_attr(root, "w:num", "w:numId") + 1;
  ws.heading_abstract_id = max_attr(root, "w:abstractNum", "w:abstractNumId") + 1;
  if (!root.child("w:abstractNum")) ws.heading_abstract_id = 0;
}

void install_numbering(Workspace& ws) {
  // Added only when something this pass wrote refers to it (a heading style or paragraph).
  if (ws.heading_abstract_id < 0 || !ws.refers_to_numbering(ws.heading_num_id)) return;
  std::string part = numbering_part(ws);
  pugi::xml_node root = ws.edit(part);
  pugi::xml_document add;
  heading_abstract(ws, add);
  add.document_element().attribute("w:abstractNumId").set_value(ws.heading_abstract_id);
  xml::insert_copy(root, add.document_element(), xml::numbering_order());
  add.reset();
  pugi::xml_node num = add.append_child("w:num");
  num.append_attribute("w:numId") = ws.heading_num_id;
  num.append_child("w:abstractNumId").append_attribute("w:val") = ws.heading_abstract_id;
  if (const int start = ws.doc().first_chapter(); start > 1) {  // a chapter file goes on from its own chapter number
    pugi::xml_node ov = num.append_child("w:lvlOverride");
    ov.append_attribute("w:ilvl") = 0;
    ov.append_child("w:startOverride").append_attribute("w:val") = start;
  }
  xml::insert_copy(root, num, xml::numbering_order());
  std::string id = std::to_string(ws.heading_num_id);
  ws.change(rules::in_part(part),
            Text{"添加规范的标题自动编号(w:numId " + id + ")", "added the profile's heading numbering (w:numId " + id + ")"});
}

void fix_lists(Workspace& ws) {
  const docx::Document& doc = ws.doc();
  const auto& ps = doc.body().paragraphs;
  // Lists whose labels break the sequence, or whose indents come wrong from the definition.
  std::set<std::string> abstracts;
  auto list_paragraph = [&](const rules::Finding* f) -> const docx::Paragraph* {
    if (f->where().part() != doc.body().part || f->where().paragraph < 1) return nullptr;
    const docx::Paragraph& p = ps[static_cast<size_t>(f->where().paragraph) - 1];
    return p.role == docx::Role::list_item && p.num_id > 0 ? &p : nullptr;
  };
  for (const rules::Finding* f : ws.findings_of("heading.depth", rules::kind::kListNumber))
    if (const docx::Paragraph* p = list_paragraph(f)) abstracts.emplace(doc.numbering().abstract_of(p->num_id));
  for (const rules::Finding* f : ws.findings_of("para.indent")) {
    const docx::Paragraph* p = list_paragraph(f);
    if (!p) continue;
    for (const docx::Value<int>* v : {&p->props->first_line, &p->props->first_line_chars, &p->props->ind_left, &p->props->left_chars,
                                      &p->props->ind_right, &p->props->right_chars})
      if (v->origin.source == docx::Source::numbering) abstracts.emplace(doc.numbering().abstract_of(p->num_id));
  }
  // A list in a table cell whose label takes its font or size from the list definition.
  for (const rules::Finding* f : ws.findings_of("table.font")) {
    if (f->where().part() != doc.body().part || f->where().paragraph < 1) continue;
    const docx::Paragraph& p = ps[static_cast<size_t>(f->where().paragraph) - 1];
    if (p.num_id <= 0 || p.label.empty()) continue;
    const docx::RunProps& l = *p.label_props;
    if (l.ascii.origin.source == docx::Source::numbering || l.h_ansi.origin.source == docx::Source::numbering ||
        l.east_asia.origin.source == docx::Source::numbering || l.size.origin.source == docx::Source::numbering)
      abstracts.emplace(doc.numbering().abstract_of(p.num_id));
  }
  // A definition headings use too is left to the heading fix.
  for (const docx::Paragraph& p : ps)
    if (p.role == docx::Role::heading && p.num_id > 0) abstracts.erase(std::string(doc.numbering().abstract_of(p.num_id)));
  abstracts.erase("");
  if (abstracts.empty()) return;

  std::string part = ws.part_of_type("numbering");
  pugi::xml_node root = part.empty() ? pugi::xml_node() : ws.edit(part);
  if (!root) return;
  pugi::xml_node ordered = generated_abstract(ws, writer::kOrderedAbstract);
  pugi::xml_node bullets = generated_abstract(ws, writer::kBulletAbstract);
  for (const std::string& id : abstracts) {
    pugi::xml_node a = abstract_by_id(root, id);
    if (!a) continue;
    bool changed = false;
    std::vector<pugi::xml_node> levels;
    for (pugi::xml_node l : a.children("w:lvl")) levels.push_back(l);
    for (pugi::xml_node l : levels) {
      std::string ilvl(docx::attr(l, "w:ilvl"));
      bool bullet = docx::attr(l.child("w:numFmt"), "w:val") == "bullet";
      pugi::xml_node g;
      for (pugi::xml_node c : (bullet ? bullets : ordered).children("w:lvl"))
        if (docx::attr(c, "w:ilvl") == ilvl) g = c;
      if (!g) continue;
      pugi::xml_node n = a.insert_copy_before(g, l);
      if (pugi::xml_node start = l.child("w:start")) n.child("w:start").attribute("w:val").set_value(start.attribute("w:val").value());
      if (xml::to_string(n) == xml::to_string(l)) {
        a.remove_child(n);
        continue;
      }
      a.remove_child(l);
      changed = true;
    }
    // Level definitions repeated in a list instance (w:lvlOverride/w:lvl) would win over these.
    for (pugi::xml_node num : root.children("w:num")) {
      if (docx::attr(num.child("w:abstractNumId"), "w:val") != id) continue;
      for (pugi::xml_node ov : num.children("w:lvlOverride")) changed |= xml::remove_children(ov, "w:lvl");
    }
    if (!changed) continue;
    ws.change(rules::in_part(part), Text{"列表编号定义 " + id + " 改为规范的编号顺序与缩进",
                                         "list definition " + id + " set to the profile's number sequence and indents"});
  }
}

}  // namespace bidfmt::fix
