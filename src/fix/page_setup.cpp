// Page setup: every section's paper (A4, or the profile's A3 where a section is on A3), margins and
// gutter as the profile gives them; the gutter on the profile's side.
#include <cstdlib>
#include <set>

#include "docx/xml.h"
#include "fix/fixes.h"
#include "fix/xml_edit.h"
#include "rules/describe.h"

namespace bidfmt::fix {

PageTarget page_target(const docx::Section& s, const profile::Profile& pf) {
  const profile::Page& pg = pf.page;
  PageTarget t;
  t.landscape = s.width && s.height && *s.width > *s.height;
  int w = pg.width.v, h = pg.height.v;
  if (s.width && s.height) {
    auto near = [&](int a, int b) { return std::abs(a - b) <= pg.tolerance.v; };
    int lo = std::min(*s.width, *s.height), hi = std::max(*s.width, *s.height);
    int a3_lo = std::min(pg.a3_width.v, pg.a3_height.v), a3_hi = std::max(pg.a3_width.v, pg.a3_height.v);
    if (near(lo, a3_lo) && near(hi, a3_hi)) w = a3_lo, h = a3_hi;
  }
  int lo = std::min(w, h), hi = std::max(w, h);
  t.width = t.landscape ? hi : lo;
  t.height = t.landscape ? lo : hi;
  if (s.width && s.height && std::abs(*s.width - t.width) <= pg.tolerance.v && std::abs(*s.height - t.height) <= pg.tolerance.v) {
    t.width = *s.width;  // within tolerance: as it is
    t.height = *s.height;
  }
  return t;
}

void fix_page_setup(Workspace& ws) {
  const docx::Document& doc = ws.doc();
  const profile::Page& pg = ws.profile().page;
  std::set<int> paper, margins, gutter;
  for (const rules::Finding* f : ws.findings_of("page.size")) paper.insert(f->where().section);
  for (const rules::Finding* f : ws.findings_of("page.margins")) margins.insert(f->where().section);
  for (const rules::Finding* f : ws.findings_of("page.gutter")) gutter.insert(f->where().section);
  for (const docx::Section& s : doc.sections()) {
    bool p = paper.count(s.number), m = margins.count(s.number), g = gutter.count(s.number);
    if (!p && !m && !g) continue;
    pugi::xml_node sp = ws.section_properties(s);
    PageTarget t = page_target(s, ws.profile());
    std::vector<std::string> zh, en;
    if (p) {
      pugi::xml_node sz = xml::ensure(sp, "w:pgSz", xml::sect_order());
      xml::set(sz, "w:w", std::to_string(t.width));
      xml::set(sz, "w:h", std::to_string(t.height));
      if (t.landscape) xml::set(sz, "w:orient", "landscape");
      else sz.remove_attribute("w:orient");
      Text a = rules::mm_text(t.width), b = rules::mm_text(t.height);
      zh.push_back("纸张设为 " + a.zh + "×" + b.zh);
      en.push_back("paper " + a.en + " × " + b.en);
    }
    if (m || g) {
      pugi::xml_node mar = xml::ensure(sp, "w:pgMar", xml::sect_order());
      // All seven attributes are required (CT_PageMar); distances the section lacks come from the profile.
      if (!mar.attribute("w:header")) xml::set(mar, "w:header", std::to_string(pg.header_distance.v));
      if (!mar.attribute("w:footer")) xml::set(mar, "w:footer", std::to_string(pg.footer_distance.v));
      if (m) {
        xml::set(mar, "w:top", std::to_string(pg.margin_top.v));
        xml::set(mar, "w:right", std::to_string(pg.margin_right.v));
        xml::set(mar, "w:bottom", std::to_string(pg.margin_bottom.v));
        xml::set(mar, "w:left", std::to_string(pg.margin_left.v));
        zh.push_back("页边距设为上下 " + rules::mm_text(pg.margin_top.v).zh + "、左右 " + rules::mm_text(pg.margin_left.v).zh);
        en.push_back("margins " + rules::mm_text(pg.margin_top.v).en + " / " + rules::mm_text(pg.margin_left.v).en);
      } else {
        for (const char* a : {"w:top", "w:right", "w:bottom", "w:left"})
          if (!mar.attribute(a)) xml::set(mar, a, "0");
      }
      if (g || !mar.attribute("w:gutter")) xml::set(mar, "w:gutter", std::to_string(pg.gutter.v));
      // Keep the attribute order Word writes.
      pugi::xml_document scratch;
      pugi::xml_node sorted = scratch.append_child("w:pgMar");
      for (const char* a : {"w:top", "w:right", "w:bottom", "w:left", "w:header", "w:footer", "w:gutter"})
        sorted.append_attribute(a) = mar.attribute(a).value();
      for (pugi::xml_attribute a : mar.attributes())
        if (!sorted.attribute(a.name())) sorted.append_attribute(a.name()) = a.value();
      if (xml::to_string(sorted) != xml::to_string(mar)) {
        sp.insert_copy_before(sorted, mar);
        sp.remove_child(mar);
      }
    }
    if (g) {
      sp.remove_child("w:rtlGutter");  // no profile puts the gutter on the right
      bool top = pg.gutter_position == profile::GutterPosition::top;
      zh.push_back("装订线 " + rules::mm_text(pg.gutter.v).zh + "、" + (top ? "上" : "左"));
      en.push_back("gutter " + rules::mm_text(pg.gutter.v).en + ", " + (top ? "top" : "left"));
    }
    for (const char* rule : {"page.size", "page.margins", "page.gutter"})
      for (const rules::Finding* f : ws.findings_of(rule))
        if (f->where().section == s.number) ws.answered(*f);
  }
  // The gutter at the top is a document setting (w:gutterAtTop).
  if (doc.gutter_at_top() && pg.gutter_position != profile::GutterPosition::top && gutter.count(0)) {
    std::string settings = ws.part_of_type("settings");
    if (pugi::xml_node root = settings.empty() ? pugi::xml_node() : ws.edit(settings)) {
      root.remove_child("w:gutterAtTop");
      ws.change(rules::in_part(settings), "page.gutter", "gutter_position", Text{"装订线位置", "gutter position"}, Text{"上侧", "top"},
                Text{"左侧", "left"});
    }
  }
}

}  // namespace bidfmt::fix
