// Headers and footers: body sections show the profile's header (project name ⇥ 技术标) and footer
// (第{PAGE}页，共{PAGEREF _BodyEnd}页) — new parts written by the writer, the old ones left in the
// package untouched; cover and TOC sections show none; page numbers restart at the body.
#include <map>

#include "core/error.h"
#include "docx/script.h"
#include "docx/xml.h"
#include "fix/fixes.h"
#include "fix/xml_edit.h"
#include "rules/kinds.h"
#include "writer/parts.h"
#include "writer/xml.h"

namespace bidfmt::fix {
namespace {

bool in_set(const std::set<std::string>& s, const std::string& v) { return s.count(v) > 0; }

// Every reference a section makes to a header or footer part.
bool remove_references(pugi::xml_node sect_pr, bool headers, bool footers) {
  bool any = false;
  if (headers) any |= xml::remove_children(sect_pr, "w:headerReference");
  if (footers) any |= xml::remove_children(sect_pr, "w:footerReference");
  return any;
}

// The kinds of header/footer a section's pages show (default; first with w:titlePg; even with
// w:evenAndOddHeaders), as rules::shown_parts counts them.
std::vector<std::string> shown_kinds(const docx::Document& doc, const docx::Section& s) {
  std::vector<std::string> k = {"default"};
  if (s.title_pg) k.push_back("first");
  if (doc.even_and_odd_headers()) k.push_back("even");
  return k;
}

void refer(pugi::xml_node sect_pr, const char* element, const std::vector<std::string>& kinds, const std::string& rel_id) {
  for (const std::string& kind : kinds) {
    pugi::xml_node ref = xml::insert(sect_pr, element, xml::sect_order());
    ref.append_attribute("w:type") = kind.c_str();
    ref.append_attribute("r:id") = rel_id.c_str();
  }
}

// A header or footer part with one empty paragraph.
std::string empty_part(const char* root) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><") + root + " xmlns:w=\"" + writer::xml::kW +
         "\" xmlns:r=\"" + writer::xml::kR + "\"><w:p/></" + root + ">";
}

// The TOC shares its section with the body: end a section right after the TOC, with the body's
// page setup and no header or footer.
void split_after_toc(Workspace& ws, const docx::Section& s) {
  const docx::Document& doc = ws.doc();
  const auto& ps = doc.body().paragraphs;
  int last = -1;
  for (int i = s.first_paragraph; i <= s.last_paragraph && i < static_cast<int>(ps.size()); ++i)
    if (ps[static_cast<size_t>(i)].role == docx::Role::toc) last = i;
  if (last < 0) return;
  pugi::xml_node root = ws.edit(doc.body().part);
  pugi::xml_node body = root.child("w:body");
  pugi::xml_node top = ps[static_cast<size_t>(last)].node;
  while (top && top.parent() != body) top = top.parent();
  if (!top) return;
  // The TOC field ends in the paragraph after its last entry when that one holds only the end.
  pugi::xml_node next = top.next_sibling();
  if (next && std::string_view(next.name()) == "w:p" && !next.child("w:pPr").child("w:sectPr")) {
    std::string text;
    for (pugi::xpath_node t : next.select_nodes(".//w:t")) text += t.node().text().get();
    if (docx::blank(text) && next.select_node(".//w:fldChar[@w:fldCharType='end']")) top = next;
  }
  pugi::xml_node p = body.insert_child_after("w:p", top);
  pugi::xml_node sp = p.append_child("w:pPr").append_child("w:sectPr");
  if (s.sect_pr) {
    for (pugi::xml_node c : s.sect_pr.children()) {
      std::string_view name = c.name();
      if (name == "w:headerReference" || name == "w:footerReference" || name == "w:pgNumType" || name == "w:titlePg") continue;
      sp.append_copy(c);
    }
  } else {
    const profile::Page& pg = ws.profile().page;
    pugi::xml_node sz = sp.append_child("w:pgSz");
    sz.append_attribute("w:w") = pg.width.v;
    sz.append_attribute("w:h") = pg.height.v;
    pugi::xml_node mar = sp.append_child("w:pgMar");
    for (auto [a, v] : {std::pair{"w:top", pg.margin_top.v},
                        {"w:right", pg.margin_right.v},
                        {"w:bottom", pg.margin_bottom.v},
                        {"w:left", pg.margin_left.v},
                        {"w:header", pg.header_distance.v},
                        {"w:footer", pg.footer_distance.v},
                        {"w:gutter", pg.gutter.v}})
      mar.append_attribute(a) = v;
  }
  ws.change(ws.at(ps[static_cast<size_t>(last)]), "header.none-on-toc", "section_break",
            Text{"目录后插入分节符:目录单独成节,不设页眉页脚",
                 "section break after the TOC: the TOC gets its own section without header or footer"});
}

// The _BodyEnd bookmark (PAGEREF target of the footer's total) in the last body paragraph.
void place_body_end(Workspace& ws) {
  const docx::Document& doc = ws.doc();
  const auto& ps = doc.body().paragraphs;
  int last = -1;
  for (const docx::Paragraph& p : ps)
    if (p.role != docx::Role::empty) last = p.index;
  // Nothing but paragraphs without text (a comment reference, an empty line): the last of them
  // ends the body as well as any.
  if (last < 0 && !ps.empty()) last = ps.back().index;
  // Already there: in the last paragraph with text, or in an empty one after it.
  if (last >= 0)
    for (size_t i = static_cast<size_t>(last); i < ps.size(); ++i)
      for (const std::string& b : ps[i].bookmarks)
        if (b == "_BodyEnd") return;
  pugi::xml_node root = ws.edit(doc.body().part);
  int max_id = 0;
  std::vector<std::string> ids;
  for (pugi::xpath_node x : root.select_nodes("//w:bookmarkStart")) {
    max_id = std::max(max_id, docx::int_attr(x.node(), "w:id").value_or(0));
    if (docx::attr(x.node(), "w:name") == "_BodyEnd") {
      ids.emplace_back(docx::attr(x.node(), "w:id"));
      x.node().parent().remove_child(x.node());
    }
  }
  for (const std::string& id : ids)
    for (pugi::xpath_node x : root.select_nodes("//w:bookmarkEnd"))
      if (docx::attr(x.node(), "w:id") == id) x.node().parent().remove_child(x.node());
  std::string id = std::to_string(max_id + 1);
  pugi::xml_node para;
  // In a content control the bookmark would become part of the control's content, which
  // LibreOffice cannot open (a plain-text control holding a bookmark ends its import): an empty
  // paragraph after the control's block holds it instead.
  pugi::xml_node control;
  if (last >= 0)
    for (pugi::xml_node a = ps[static_cast<size_t>(last)].node.parent(); a; a = a.parent())
      if (std::string_view(a.name()) == "w:sdt") control = a;
  if (control) {
    pugi::xml_node block = control;
    while (block.parent() && std::string_view(block.parent().name()) != "w:body") block = block.parent();
    para = block.parent().insert_child_after("w:p", block);
  } else if (last >= 0) {
    para = ps[static_cast<size_t>(last)].node;
  } else {  // a body without a paragraph: one empty paragraph, before the body's own w:sectPr
    pugi::xml_node body = root.child("w:body");
    pugi::xml_node sp = body.child("w:sectPr");
    para = sp ? body.insert_child_before("w:p", sp) : body.append_child("w:p");
  }
  pugi::xml_node bs = para.append_child("w:bookmarkStart");
  bs.append_attribute("w:id") = id.c_str();
  bs.append_attribute("w:name") = "_BodyEnd";
  para.append_child("w:bookmarkEnd").append_attribute("w:id") = id.c_str();
  ws.change(last >= 0 ? ws.at(ps[static_cast<size_t>(last)]) : ws.at_section(static_cast<int>(doc.sections().size())), "footer.page-number",
            "total_pages",
            Text{"在正文末段放置书签 _BodyEnd(页脚总页数)", "bookmark _BodyEnd placed in the last body paragraph (footer page total)"});
}

// Cover and TOC pages: no header, no footer. References carry over from section to section, so
// every front section that must show none loses its own; one that would still inherit some (from
// a cover the profile lets keep its header) gets empty ones.
void clear_front_sections(Workspace& ws) {
  const docx::Document& doc = ws.doc();
  const profile::HeaderFooter& hf = ws.profile().header_footer;
  const std::string main = doc.body().part;
  bool front = false;
  for (const rules::Finding* f : ws.findings_of("header.none-on-toc")) {
    if (f->where().section < 1 || static_cast<size_t>(f->where().section) > doc.sections().size()) continue;
    const docx::Section& s = doc.sections()[static_cast<size_t>(f->where().section) - 1];
    if (s.role == docx::SectionRole::body) {
      split_after_toc(ws, s);
      break;
    }
    front = true;
  }
  if (front) {
    std::string empty_header, empty_footer;
    bool inherited = false;  // a front section before keeps references
    for (const docx::Section& s : doc.sections()) {
      if (s.role == docx::SectionRole::body || !s.sect_pr) break;
      bool keep = s.role == docx::SectionRole::cover ? hf.header_on_cover : hf.header_on_toc;
      if (keep) {
        inherited |= static_cast<bool>(s.sect_pr.child("w:headerReference") || s.sect_pr.child("w:footerReference"));
        continue;
      }
      ws.edit(main);
      bool changed = remove_references(s.sect_pr, true, true);
      if (inherited) {
        if (empty_header.empty()) {
          empty_header = ws.add_part(ws.free_name("word/header", ".xml"), empty_part("w:hdr"), part_type::kHeader, "header");
          empty_footer = ws.add_part(ws.free_name("word/footer", ".xml"), empty_part("w:ftr"), part_type::kFooter, "footer");
        }
        refer(s.sect_pr, "w:headerReference", {"default", "first", "even"}, empty_header);
        refer(s.sect_pr, "w:footerReference", {"default", "first", "even"}, empty_footer);
        changed = true;
      }
      if (changed)
        ws.change(ws.at_section(s.number), "header.none-on-toc", "",
                  Text{"去除封面/目录节的页眉页脚", "header and footer removed from the cover/TOC section"});
    }
  }
}

// Body headers and footers that are missing or wrong get the profile's. True when a footer was
// written.
bool rewrite_body_parts(Workspace& ws) {
  const docx::Document& doc = ws.doc();
  const profile::Profile& pf = ws.profile();
  const profile::HeaderFooter& hf = pf.header_footer;
  const std::string main = doc.body().part;
  std::set<std::string> bad_headers, bad_footers;
  std::set<int> no_header, no_footer;
  for (const rules::Finding* f : ws.findings_of("header.text")) {
    if (f->kind() == rules::kind::kMissing) no_header.insert(f->where().section);
    else bad_headers.insert(f->where().part());
  }
  for (const rules::Finding* f : ws.findings_of("footer.page-number")) {
    if (f->kind() == rules::kind::kRestart || f->kind() == rules::kind::kNumberFormat) continue;
    if (f->kind() == rules::kind::kMissing) no_footer.insert(f->where().section);
    else if (f->where().part() != main) bad_footers.insert(f->where().part());
  }
  std::map<int, std::string> header_rels;  // page width → rel id of the header made for it
  std::string footer_rel;
  bool footers_made = false;
  for (const docx::Section& s : doc.sections()) {
    if (s.role != docx::SectionRole::body) continue;
    std::vector<std::string> kinds = shown_kinds(doc, s);
    // Only what check reported: a section without a header or footer is written one when check
    // said it lacks it (under Standard B both are left open, and a chapter without a header is
    // not wrong). A part fix wrote itself is not written again (were it still wrong, writing more
    // would not help).
    bool header = no_header.count(s.number) > 0, footer = no_footer.count(s.number) > 0;
    const std::set<std::string>& made = ws.journal().made;
    for (const std::string& k : kinds) {
      auto h = s.headers.find(k);
      auto f = s.footers.find(k);
      header |= h != s.headers.end() && in_set(bad_headers, h->second) && !made.count(h->second);
      footer |= f != s.footers.end() && in_set(bad_footers, f->second) && !made.count(f->second);
    }
    if (!header && !footer) continue;
    pugi::xml_node sp = ws.section_properties(s);
    std::vector<std::string> zh, en;
    if (header) {
      if (ws.project().empty() && hf.header_left.find("{project}") != std::string::npos)
        throw Error(ws.journal().input, 0, "页眉左侧需要项目名称,文档中没有可沿用的页眉:请用 --project 指定",
                    "the header needs the project name and the document has no header to take it from: give it with --project");
      int width = page_target(s, pf).width;
      auto it = header_rels.find(width);
      if (it == header_rels.end()) {
        model::Meta meta;
        meta.project = ws.project();
        writer::Geometry g;
        g.width = Twips{width};
        std::string part = ws.free_name("word/header", ".xml");
        std::string id = ws.add_part(part, writer::header_xml(pf, meta, g), part_type::kHeader, "header");
        ws.journal().made.insert(part);
        ws.whole_styles.insert("Header");
        it = header_rels.emplace(width, id).first;
      }
      remove_references(sp, true, false);
      refer(sp, "w:headerReference", kinds, it->second);
      zh.push_back("页眉");
      en.push_back("header");
    }
    if (footer) {
      if (footer_rel.empty()) {
        std::string part = ws.free_name("word/footer", ".xml");
        footer_rel = ws.add_part(part, writer::footer_xml(pf, writer::Plan{}), part_type::kFooter, "footer");
        ws.journal().made.insert(part);
        ws.whole_styles.insert("Footer");
      }
      remove_references(sp, false, true);
      refer(sp, "w:footerReference", kinds, footer_rel);
      footers_made = true;
      zh.push_back("页脚");
      en.push_back("footer");
    }
    std::string z = zh.size() == 2 ? zh[0] + "和" + zh[1] : zh[0], e = en.size() == 2 ? en[0] + " and " + en[1] : en[0];
    ws.change(
        ws.at_section(s.number), header ? "header.text" : "footer.page-number", "",
        Text{"正文" + z + "按规范重写(原有部件保留未改)", "body " + e + " written per the profile (the old parts kept as they were)"});
  }
  return footers_made;
}

// Page numbers: from 1 at the first body section, continuing after it, in arabic digits.
void fix_page_numbers(Workspace& ws) {
  const docx::Document& doc = ws.doc();
  int first_body = doc.first_body_section();
  for (const rules::Finding* f : ws.findings_of("footer.page-number")) {
    if ((f->kind() != rules::kind::kRestart && f->kind() != rules::kind::kNumberFormat) || f->where().section < 1 ||
        static_cast<size_t>(f->where().section) > doc.sections().size())
      continue;
    const docx::Section& s = doc.sections()[static_cast<size_t>(f->where().section) - 1];
    pugi::xml_node sp = ws.section_properties(s);
    if (f->kind() == rules::kind::kNumberFormat) {
      sp.child("w:pgNumType").remove_attribute("w:fmt");
      xml::remove_if_empty(sp.child("w:pgNumType"));
      ws.change(ws.at_section(s.number), "footer.page-number", "number_format", Text{"页码格式", "page number format"}, f->actual(),
                f->expected());
    } else if (s.number == first_body) {
      xml::set(xml::ensure(sp, "w:pgNumType", xml::sect_order()), "w:start", "1");
      ws.change(ws.at_section(s.number), "footer.page-number", "restart", Text{"正文页码从 1 开始", "body page numbers start at 1"});
    } else {
      sp.child("w:pgNumType").remove_attribute("w:start");
      xml::remove_if_empty(sp.child("w:pgNumType"));
      ws.change(ws.at_section(s.number), "footer.page-number", "restart",
                Text{"页码接续前节", "page numbers continue from the previous section"});
    }
  }
}

}  // namespace

std::string project_from_header(const docx::Document& doc, const profile::Profile& pf) {
  int first = doc.first_body_section();
  if (!first) return "";
  const docx::Section& s = doc.sections()[static_cast<size_t>(first) - 1];
  auto it = s.headers.find("default");
  const docx::Story* st = it == s.headers.end() ? nullptr : doc.story(it->second);
  if (!st) return "";
  std::string left;
  for (const docx::Table& t : st->tables) {
    if (t.depth != 0 || t.rows.empty() || t.rows.front().cells.size() < 2) continue;
    for (int i : t.rows.front().cells.front().paragraphs) left += st->paragraphs[static_cast<size_t>(i)].text;
    break;
  }
  if (left.empty())
    for (const docx::Paragraph& p : st->paragraphs) {
      if (p.table || docx::blank(p.text)) continue;
      left = p.text.substr(0, p.text.find('\t'));
      break;
    }
  left = docx::trim(left);
  const std::string& right = pf.header_footer.header_right;
  if (!right.empty() && left.size() > right.size() && left.compare(left.size() - right.size(), right.size(), right) == 0)
    left = docx::trim(left.substr(0, left.size() - right.size()));
  return left == right ? "" : left;
}

void fix_header_footer(Workspace& ws) {
  clear_front_sections(ws);
  const bool footers_made = rewrite_body_parts(ws);
  fix_page_numbers(ws);
  bool totals = ws.profile().header_footer.footer_text.find("{pages}") != std::string::npos;
  if (totals && (footers_made || !ws.findings_of("footer.page-number", rules::kind::kTotalPages).empty())) place_body_end(ws);
}

}  // namespace bidfmt::fix
