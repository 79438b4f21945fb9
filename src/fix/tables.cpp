// Tables: alignment (w:jc), the profile's borders (w:tblBorders, cell borders that contradict them
// removed), and the header row — bold, repeated on every page.
#include <set>

#include "docx/script.h"
#include "docx/xml.h"
#include "fix/fixes.h"
#include "fix/targets.h"
#include "fix/text_edit.h"
#include "fix/xml_edit.h"

namespace bidfmt::fix {
namespace {

const xml::Order& tbl_order() {
  static const xml::Order o = {"tblPr", "tblGrid"};
  return o;
}

// The table's rows in order (rows may sit in content controls or custom XML).
std::vector<pugi::xml_node> rows_of(pugi::xml_node tbl) {
  std::vector<pugi::xml_node> out, stack;
  for (pugi::xml_node n = tbl.last_child(); n; n = n.previous_sibling()) stack.push_back(n);
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    std::string_view name = n.name();
    if (name == "w:tr") out.push_back(n);
    else if (name == "w:sdt" || name == "w:customXml" || name == "w:sdtContent")
      for (pugi::xml_node k = n.last_child(); k; k = k.previous_sibling()) stack.push_back(k);
  }
  return out;
}

std::vector<pugi::xml_node> cells_of(pugi::xml_node tr) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node n = tr.first_child(); n; n = n.next_sibling()) {
    std::string_view name = n.name();
    if (name == "w:tc") out.push_back(n);
    else if (name == "w:sdt")
      for (pugi::xml_node k : n.child("w:sdtContent").children("w:tc")) out.push_back(k);
  }
  return out;
}

bool same_border(pugi::xml_node e, const profile::Border& want) {
  std::string_view style = docx::attr(e, "w:val");
  bool none = style.empty() || style == "nil" || style == "none";
  if (none || want.style == "none") return none == (want.style == "none");
  return style == want.style && docx::int_attr(e, "w:sz").value_or(0) == want.width.v;
}

bool same_drawn(const docx::BorderSpec& b, const profile::Border& want) {
  bool none = b.style.empty() || b.style == "none";
  if (none || want.style == "none") return none == (want.style == "none");
  return b.style == want.style && b.size == want.width.v;
}

void write_border(pugi::xml_node borders, const char* name, const profile::Border& b) {
  pugi::xml_node e = borders.append_child(name);
  if (b.style == "none") {
    e.append_attribute("w:val") = "nil";
    return;
  }
  e.append_attribute("w:val") = b.style.c_str();
  e.append_attribute("w:sz") = b.width.v;
  e.append_attribute("w:space") = 0;
  e.append_attribute("w:color") = "000000";
}

void set_borders(pugi::xml_node tbl, const profile::Table& pt, std::vector<std::string>& zh, std::vector<std::string>& en) {
  pugi::xml_node pr = xml::ensure(tbl, "w:tblPr", tbl_order());
  pugi::xml_document scratch;
  pugi::xml_node want = scratch.append_child("w:tblBorders");
  write_border(want, "w:top", pt.top);
  write_border(want, "w:left", pt.left);
  write_border(want, "w:bottom", pt.bottom);
  write_border(want, "w:right", pt.right);
  write_border(want, "w:insideH", pt.inside_h);
  write_border(want, "w:insideV", pt.inside_v);
  pugi::xml_node now = pr.child("w:tblBorders");
  if (!now || xml::to_string(now) != xml::to_string(want)) {
    if (now) pr.remove_child(now);
    xml::insert_copy(pr, want, xml::tblpr_order());
    zh.push_back("边框按规范设置");
    en.push_back("borders set to the profile");
  }
  // Cell borders win over the table's at their place: remove those that contradict it.
  std::vector<pugi::xml_node> rows = rows_of(tbl);
  bool cells = false;
  for (size_t ri = 0; ri < rows.size(); ++ri) {
    std::vector<pugi::xml_node> cs = cells_of(rows[ri]);
    for (size_t ci = 0; ci < cs.size(); ++ci) {
      pugi::xml_node tcb = cs[ci].child("w:tcPr").child("w:tcBorders");
      if (!tcb) continue;
      struct Side {
        const char* names[2];
        const profile::Border* want;
      };
      const Side sides[] = {{{"w:top", nullptr}, ri == 0 ? &pt.top : &pt.inside_h},
                            {{"w:bottom", nullptr}, ri + 1 == rows.size() ? &pt.bottom : &pt.inside_h},
                            {{"w:left", "w:start"}, ci == 0 ? &pt.left : &pt.inside_v},
                            {{"w:right", "w:end"}, ci + 1 == cs.size() ? &pt.right : &pt.inside_v}};
      for (const Side& s : sides)
        for (const char* name : s.names)
          if (name)
            if (pugi::xml_node e = tcb.child(name); e && !same_border(e, *s.want)) {
              tcb.remove_child(e);
              cells = true;
            }
      xml::remove_if_empty(tcb);
    }
  }
  if (cells) {
    zh.push_back("删除与规范冲突的单元格边框");
    en.push_back("cell borders that contradict the profile removed");
  }
}

// Borders drawn from a table style's conditional part (a solid rule under the header row), from a
// row's exceptions or from cells: the table's borders do not reach them, so each wrong edge gets
// the profile's border on both cells that share it (a cell border beats the others, and two
// equal cell borders draw that border). Rows' border exceptions are removed.
void set_drawn_edges(const docx::Table& t, const profile::Table& pt, std::vector<std::string>& zh, std::vector<std::string>& en) {
  const profile::Border* want[docx::kBorderSides] = {&pt.top, &pt.left, &pt.bottom, &pt.right, &pt.inside_h, &pt.inside_v};
  static const char* const kSide[4] = {"w:top", "w:left", "w:bottom", "w:right"};
  static const char* const kAlias[4] = {nullptr, "w:start", nullptr, "w:end"};
  std::vector<pugi::xml_node> rows = rows_of(t.node);
  bool any = false;
  auto put = [&](int row, int cell, int side, const profile::Border& b) {
    if (row < 0 || static_cast<size_t>(row) >= rows.size()) return;
    std::vector<pugi::xml_node> cs = cells_of(rows[static_cast<size_t>(row)]);
    if (cell < 0 || static_cast<size_t>(cell) >= cs.size()) return;
    pugi::xml_node tcb = xml::ensure(xml::ensure(cs[static_cast<size_t>(cell)], "w:tcPr", {"tcPr"}), "w:tcBorders", xml::tcpr_order());
    tcb.remove_child(kSide[side]);
    if (kAlias[side]) tcb.remove_child(kAlias[side]);
    pugi::xml_document scratch;
    pugi::xml_node holder = scratch.append_child("x");
    write_border(holder, kSide[side], b);
    xml::insert_copy(tcb, holder.first_child(), xml::borders_order());
    any = true;
  };
  for (int kind = 0; kind < docx::kBorderSides; ++kind)
    for (const docx::DrawnEdge& e : t.edges[kind]) {
      if (e.source == docx::EdgeSource::table || e.source == docx::EdgeSource::none) continue;
      if (same_drawn(e.spec, *want[kind])) continue;
      put(e.row, e.cell, e.side, *want[kind]);
      if (e.other_row >= 0) put(e.other_row, e.other_cell, (e.side + 2) % 4, *want[kind]);
    }
  for (pugi::xml_node r : rows)
    if (pugi::xml_node ex = r.child("w:tblPrEx"); ex && ex.child("w:tblBorders")) {
      ex.remove_child("w:tblBorders");
      xml::remove_if_empty(ex);
      any = true;
    }
  if (any) {
    zh.push_back("单元格边框按规范设置");
    en.push_back("cell borders set to the profile");
  }
}

void set_header_bold(const docx::Document& doc, const docx::Table& t, std::vector<std::string>& zh, std::vector<std::string>& en) {
  if (t.rows.empty()) return;
  bool any = false;
  for (const docx::Cell& c : t.rows.front().cells)
    for (int i : c.paragraphs) {
      const docx::Paragraph& p = doc.body().paragraphs[static_cast<size_t>(i)];
      if (p.table != t.number) continue;
      bool bold = true;
      for (const docx::Run& r : p.runs)
        if (!docx::blank(p.text_of(r)) && !r.props->bold.value) bold = false;
      if (!p.label.empty() && !p.label_props->bold.value) bold = false;
      if (bold) continue;
      auto make_bold = [](pugi::xml_node rpr) {
        for (const char* name : {"w:b", "w:bCs"}) {
          pugi::xml_node b = xml::ensure(rpr, name, xml::rpr_order());
          b.remove_attribute("w:val");
        }
      };
      for (pugi::xml_node r : runs_of(p.node))
        if (r.child("w:t")) make_bold(xml::ensure(r, "w:rPr", xml::r_order()));
      if (!p.label.empty()) make_bold(xml::ensure(xml::ensure(p.node, "w:pPr", xml::p_order()), "w:rPr", xml::ppr_order()));
      any = true;
    }
  if (any) {
    zh.push_back("标题栏加粗");
    en.push_back("header row bold");
  }
}

void set_header_repeat(pugi::xml_node tbl, std::vector<std::string>& zh, std::vector<std::string>& en) {
  std::vector<pugi::xml_node> rows = rows_of(tbl);
  if (rows.empty()) return;
  static const xml::Order trpr = {"cnfStyle",  "divId",          "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
                                  "tblHeader", "tblCellSpacing", "jc",         "hidden",    "ins",     "del",    "trPrChange"};
  pugi::xml_node pr = xml::ensure(rows.front(), "w:trPr", xml::tr_order());
  pugi::xml_node h = xml::ensure(pr, "w:tblHeader", trpr);
  h.remove_attribute("w:val");
  zh.push_back("标题栏跨页重复");
  en.push_back("header row repeats on every page");
}

}  // namespace

void fix_tables(Workspace& ws) {
  const docx::Document& doc = ws.doc();
  const profile::Table& pt = ws.profile().table;
  std::map<int, std::set<std::string>> todo;                  // table number → rule:kind
  std::map<int, std::vector<const rules::Finding*>> answers;  // … and the findings, for the log
  for (const char* rule : {"table.align", "table.borders", "table.header-row"})
    for (const rules::Finding* f : ws.findings_of(rule))
      if (f->where().part() == doc.body().part && f->where().table > 0) {
        todo[f->where().table].insert(std::string(rule) + ":" + f->kind());
        answers[f->where().table].push_back(f);
      }
  for (const auto& [number, kinds] : todo) {
    if (static_cast<size_t>(number) > doc.body().tables.size()) continue;
    const docx::Table& t = doc.body().tables[static_cast<size_t>(number) - 1];
    std::vector<std::string> zh, en;
    bool borders = false;
    for (const std::string& k : kinds) {
      if (k.rfind("table.align:", 0) == 0) {
        pugi::xml_node pr = xml::ensure(t.node, "w:tblPr", tbl_order());
        if (xml::set(xml::ensure(pr, "w:jc", xml::tblpr_order()), "w:val", pt.align)) {
          zh.push_back("表格对齐改为 " + pt.align);
          en.push_back("alignment " + pt.align);
        }
      } else if (k.rfind("table.borders:", 0) == 0) {
        borders = true;
      } else if (k == "table.header-row:bold") {
        set_header_bold(doc, t, zh, en);
      } else if (k == "table.header-row:repeat") {
        set_header_repeat(t.node, zh, en);
      }
    }
    if (borders) {
      set_borders(t.node, pt, zh, en);
      set_drawn_edges(t, pt, zh, en);
    }
    if (zh.empty()) continue;
    for (const rules::Finding* f : answers[number]) ws.answered(*f);
  }
}

}  // namespace bidfmt::fix
