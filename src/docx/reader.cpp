// Reader: walks document.xml and header/footer parts into stories, sections and resolved paragraphs.
#include "docx/reader.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "core/heap.h"
#include "docx/table_borders.h"
#include "docx/xml.h"

namespace bidfmt::docx {
namespace {

std::string upper_keyword(const std::string& instr) {
  size_t b = instr.find_first_not_of(" \t{");
  if (b == std::string::npos) return "";
  size_t e = instr.find_first_of(" \t\\{}", b);
  std::string k = instr.substr(b, e == std::string::npos ? std::string::npos : e - b);
  for (char& c : k) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return k;
}

bool is_toc_gallery(pugi::xml_node sdt) {
  pugi::xml_node pr = sdt.child("w:sdtPr");
  pugi::xml_node gallery = pr.child("w:docPartObj").child("w:docPartGallery");
  return attr(gallery, "w:val") == "Table of Contents";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Document
// ---------------------------------------------------------------------------------------------

std::unique_ptr<Document> Document::read(const std::string& path, const profile::Profile& profile, MainXml main_xml) {
  std::unique_ptr<Document> d(new Document());
  d->package_ = std::make_unique<Package>(path);
  d->theme_ = Theme(d->package_->theme(), d->package_->settings());
  d->styles_ = std::make_unique<StyleSheet>(d->package_->styles(), d->theme_);
  d->numbering_ = std::make_unique<Numbering>(d->package_->numbering(), *d->styles_);
  d->resolver_ = std::make_unique<Resolver>(*d->styles_, d->theme_, d->strings_);
  if (const pugi::xml_document* s = d->package_->settings()) {
    pugi::xml_node root = s->document_element();
    d->even_and_odd_ = on_off(root.child("w:evenAndOddHeaders"));
    d->gutter_at_top_ = on_off(root.child("w:gutterAtTop"));
  }
  Reader reader(*d, profile);
  reader.release_blocks(main_xml == MainXml::release);
  reader.read();
  if (main_xml == MainXml::release) d->release_main_xml();
  return d;
}

const Story* Document::story(const std::string& part) const {
  auto it = parts_.find(part);
  return it == parts_.end() ? nullptr : &it->second;
}

int Document::first_body_section() const {
  for (const Section& s : sections_)
    if (s.role == SectionRole::body) return s.number;
  return 0;
}

bool Document::has_front_matter() const {
  return std::any_of(sections_.begin(), sections_.end(), [](const Section& s) { return s.role != SectionRole::body; });
}

void Document::release_main_xml() {
  for (Paragraph& p : body_.paragraphs) p.node = {};
  for (Table& t : body_.tables) t.node = {};
  for (Section& s : sections_) s.sect_pr = {};
  package_->release_document();
  numbering_->forget_properties();
  package_->release_numbering();
  core::give_back_freed_memory();
}

// ---------------------------------------------------------------------------------------------
// Reader: stories and blocks
// ---------------------------------------------------------------------------------------------

Reader::Reader(Document& doc, const profile::Profile& profile)
    : doc_(doc), profile_(profile), resolver_(*doc.resolver_), counter_(*doc.numbering_) {}

void Reader::read() {
  // The tree is parsed: the model grows from here while the tree is freed (core/heap.h).
  core::small_pages_from_here();
  pugi::xml_node body = doc_.package_->document().document_element().child("w:body");
  doc_.body_.part = doc_.package_->main_part();
  reading_body_ = true;
  read_story(doc_.body_, body, true);
  reading_body_ = false;
  // The last section's properties are w:body/w:sectPr (§17.6.17).
  int last = static_cast<int>(doc_.body_.paragraphs.size()) - 1;
  pugi::xml_node final_sect = body.child("w:sectPr");
  if (final_sect || last >= section_first_ || pending_.empty()) close_section(final_sect, last);
  doc_.sections_ = std::move(pending_);
  for (Section& s : doc_.sections_) read_section_properties(s);
  read_headers_footers();
  classify();
}

namespace {
// Paragraphs (w:p elements) below `container`: a story's paragraphs are allocated at once, since
// a Paragraph is large and growth by doubling would copy them all. The walk does not enter a
// paragraph (runs, text, properties are most of the tree; the reader takes no paragraph from
// inside one, e.g. a text box's).
size_t count_paragraphs(pugi::xml_node container) {
  size_t n = 0;
  pugi::xml_node cur = container.first_child();
  while (cur) {
    const bool paragraph = cur.type() == pugi::node_element && std::strcmp(cur.name(), "w:p") == 0;
    n += paragraph;
    if (pugi::xml_node c = paragraph ? pugi::xml_node() : cur.first_child()) {
      cur = c;
      continue;
    }
    while (cur && cur != container && !cur.next_sibling()) cur = cur.parent();
    cur = cur && cur != container ? cur.next_sibling() : pugi::xml_node();
  }
  return n;
}
}  // namespace

void Reader::read_story(Story& story, pugi::xml_node container, bool body) {
  fields_.clear();
  story.paragraphs.reserve(story.paragraphs.size() + count_paragraphs(container));
  Context ctx;
  ctx.counted = body;
  read_blocks(story, container, ctx);
  story.has_content = std::any_of(story.paragraphs.begin(), story.paragraphs.end(), [](const Paragraph& p) {
    return p.has_drawing ||
           std::any_of(p.text.begin(), p.text.end(), [](char c) { return !(c == ' ' || c == '\t' || c == '\n' || c == '\r'); });
  });
}

void Reader::read_blocks(Story& story, pugi::xml_node container, const Context& ctx) {
  // Nesting is bounded by the input only: stop descending where no real document goes.
  if (ctx.depth > kMaxDepth || ++nesting_ > kMaxDepth * 4) {
    --nesting_;
    return;
  }
  for (pugi::xml_node n = container.first_child(), next; n; n = next) {
    next = n.next_sibling();
    std::string_view name = n.name();
    const size_t paragraphs = story.paragraphs.size(), tables = story.tables.size();
    bool wrapper = false;  // blocks inside: read (and freed) at their own level
    if (name == "w:p") {
      read_paragraph(story, n, ctx);
    } else if (name == "w:tbl") {
      read_table(story, n, ctx);
    } else if (name == "w:sdt") {
      wrapper = true;
      Context inner = ctx;
      if (is_toc_gallery(n)) inner.toc = true;
      read_blocks(story, n.child("w:sdtContent"), inner);
    } else if (name == "w:customXml" || name == "w:ins" || name == "w:moveTo") {
      wrapper = true;
      read_blocks(story, n, ctx);
    } else if (name == "mc:AlternateContent") {
      wrapper = true;
      pugi::xml_node choice = n.child("mc:Choice");
      read_blocks(story, choice ? choice : n.child("mc:Fallback"), ctx);
    }
    // Freed once read (see Document::MainXml): its nodes' memory goes to the model being built.
    // The markers between blocks go too (pandoc writes a w:bookmarkStart before each heading,
    // Word and WPS their _GoBack and proofing marks): the tree is freed a page at a time, and a
    // page that still holds one marker is not freed at all. Its text stays until the whole part is
    // read (release_main_xml). Kept: the body's w:sectPr and a paragraph that ends a section (read
    // after the body), and wrappers, whose blocks were freed inside them.
    if (release_blocks_ && reading_body_ && ctx.depth == 0 && !wrapper && name != "w:sectPr" && !n.child("w:pPr").child("w:sectPr")) {
      for (size_t i = paragraphs; i < story.paragraphs.size(); ++i) story.paragraphs[i].node = {};
      for (size_t i = tables; i < story.tables.size(); ++i) story.tables[i].node = {};
      container.remove_child(n);
      // The freed nodes go back to the system now and then: the model grows into fresh pages
      // (the paragraph array is allocated at once), so kept pages would count twice at the peak.
      if (++released_ % kBlocksPerTrim == 0) core::give_back_freed_memory();
    }
  }
  --nesting_;
}

void Reader::read_table(Story& story, pugi::xml_node tn, const Context& ctx) {
  size_t ti = story.tables.size();
  story.tables.emplace_back();
  {
    Table& t = story.tables[ti];
    t.number = static_cast<int>(ti) + 1;
    t.node = tn;
    t.section = reading_body_ ? section_ : 0;
    t.depth = ctx.depth;
    pugi::xml_node tblpr = tn.child("w:tblPr");
    std::string_view sid = attr(tblpr.child("w:tblStyle"), "w:val");
    t.style = sid.empty() ? nullptr : doc_.styles_->find(sid);
    if (!t.style) t.style = doc_.styles_->default_table();
    if (t.style) t.props = t.style->chain_tbl;
    TableProps direct;
    apply_tblpr(direct, tblpr, Origin{Source::direct, nullptr, 0, 0});
    t.props.over(direct);
    keep_strings(t.props, doc_.strings_);
    t.look_first_row = read_table_look(tblpr).first_row;
  }
  int first_paragraph = static_cast<int>(story.paragraphs.size());
  const Style* style = story.tables[ti].style;
  bool look_first_row = story.tables[ti].look_first_row;
  std::vector<Row> rows;
  std::vector<pugi::xml_node> trs;
  std::vector<std::vector<pugi::xml_node>> all_tcs;
  // Rows may be wrapped in content controls or custom XML.
  std::vector<pugi::xml_node> stack;
  for (pugi::xml_node n = tn.last_child(); n; n = n.previous_sibling()) stack.push_back(n);
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    std::string_view name = n.name();
    if (name == "w:tr") trs.push_back(n);
    else if (name == "w:sdt" || name == "w:customXml") {
      pugi::xml_node c = name == "w:sdt" ? n.child("w:sdtContent") : n;
      for (pugi::xml_node k = c.last_child(); k; k = k.previous_sibling()) stack.push_back(k);
    }
  }
  for (size_t ri = 0; ri < trs.size(); ++ri) {
    Row row;
    row.header = on_off(trs[ri].child("w:trPr").child("w:tblHeader"));
    std::vector<pugi::xml_node> tcs;
    for (pugi::xml_node n = trs[ri].first_child(); n; n = n.next_sibling()) {
      std::string_view name = n.name();
      if (name == "w:tc") tcs.push_back(n);
      else if (name == "w:sdt")
        for (pugi::xml_node k : n.child("w:sdtContent").children("w:tc")) tcs.push_back(k);
    }
    for (size_t ci = 0; ci < tcs.size(); ++ci) {
      Cell cell;
      if (pugi::xml_node tcb = tcs[ci].child("w:tcPr").child("w:tcBorders")) {
        cell.borders = std::make_unique<CellBorders>();
        apply_borders(cell.borders->side, tcb, Origin{Source::direct, nullptr, 0, 0});
        keep_strings(cell.borders->side, doc_.strings_);
      }
      Context cc = ctx;
      cc.table = static_cast<int>(ti) + 1;
      cc.row = static_cast<int>(ri);
      cc.col = static_cast<int>(ci);
      cc.depth = ctx.depth + 1;
      cc.table_style = TableContext{style, ri == 0 && look_first_row};
      size_t before = story.paragraphs.size();
      read_blocks(story, tcs[ci], cc);
      for (size_t i = before; i < story.paragraphs.size(); ++i)
        if (story.paragraphs[i].table == cc.table) cell.paragraphs.push_back(static_cast<int>(i));
      row.cells.push_back(std::move(cell));
    }
    rows.push_back(std::move(row));
    all_tcs.push_back(std::move(tcs));
  }
  Table& t = story.tables[ti];
  t.rows = std::move(rows);
  resolve_table_borders(t, trs, all_tcs, *doc_.styles_);
  for (std::vector<DrawnEdge>& side : t.edges)
    for (DrawnEdge& e : side) e.spec.style = doc_.strings_.keep(e.spec.style);
  if (ctx.depth == 0) {
    for (Table& other : story.tables)  // a table right before this one is followed by a table
      if (other.block_after == -2) other.block_after = -1;
    if (first_paragraph > 0 && story.paragraphs[static_cast<size_t>(first_paragraph) - 1].table == 0) t.block_before = first_paragraph - 1;
    t.block_after = -2;  // set by the next paragraph read at this level
  }
}

void Reader::read_paragraph(Story& story, pugi::xml_node pn, const Context& ctx) {
  Paragraph p;
  p.index = static_cast<int>(story.paragraphs.size());
  p.number = p.index + 1;
  p.node = pn;
  p.section = reading_body_ ? section_ : 0;
  p.table = ctx.table;
  p.row = ctx.row;
  p.col = ctx.col;
  p.table_depth = ctx.depth;
  pugi::xml_node ppr = pn.child("w:pPr");
  std::string_view sid = attr(ppr.child("w:pStyle"), "w:val");
  const StyleSheet& styles = *doc_.styles_;
  p.style = sid.empty() ? nullptr : styles.find(sid);
  if (p.style && p.style->type != "paragraph") p.style = nullptr;
  if (!p.style) p.style = styles.default_paragraph();

  // Numbering: numPr from the style chain or direct formatting; numId 0 switches it off.
  const ParaProps& base = resolver_.paragraph_base(p.style, ctx.table_style);
  // The direct layer, applied once: for numPr here and for the paragraph's properties below.
  const bool has_direct = has_direct_formatting(ppr);
  ParaProps direct;
  if (has_direct) apply_ppr(direct, ppr, Origin{Source::direct_paragraph, nullptr, 0, 0});
  Value<int> num_id = base.num_id, ilvl = base.ilvl;
  num_id.over(direct.num_id);
  ilvl.over(direct.ilvl);
  p.numbering_off = direct.num_id.set() && direct.num_id.value == 0 && base.num_id.set() && base.num_id.value > 0;
  if (num_id.set() && num_id.value > 0) {
    p.num_id = num_id.value;
    p.ilvl = ilvl.set() ? ilvl.value : -1;
    if (p.ilvl < 0 && p.style) p.ilvl = doc_.numbering_->level_for_style(p.num_id, p.style->id);
    if (p.ilvl < 0) p.ilvl = 0;
    p.level = doc_.numbering_->level(p.num_id, p.ilvl);
  }
  p.props = resolver_.paragraph(p.style, ctx.table_style, has_direct ? &direct : nullptr, p.level, p.num_id);
  p.mark = resolver_.run(p.style, ctx.table_style, nullptr, ppr.child("w:rPr"));
  if (p.level) p.label_props = resolver_.label(p.mark, p.level, p.num_id);

  p.in_toc = ctx.toc || in_toc_field();
  read_inline(p, pn, ctx);
  // A field instruction cannot span a paragraph mark: drop fields left without a separator or
  // end (a damaged file), or they would hide the rest of the story.
  while (!fields_.empty() && !fields_.back().result) fields_.pop_back();
  if (p.level && ctx.counted) {
    bool deleted = static_cast<bool>(ppr.child("w:rPr").child("w:del"));
    if (!deleted) p.label = counter_.next(p.num_id, p.ilvl);
  }
  // The top-level table read last gets this paragraph as the block after it.
  if (ctx.depth == 0)
    for (auto it = story.tables.rbegin(); it != story.tables.rend(); ++it) {
      if (it->block_after == -2) it->block_after = p.index;
      else if (it->depth == 0) break;
    }
  bool ends_section = reading_body_ && ctx.depth == 0 && ppr.child("w:sectPr");
  // Text and runs grew by doubling while read; kept for the whole check, they keep only what they hold.
  p.text.shrink_to_fit();
  p.runs.shrink_to_fit();
  story.paragraphs.push_back(std::move(p));
  if (ends_section) close_section(ppr.child("w:sectPr"), static_cast<int>(story.paragraphs.size()) - 1);
}

bool Reader::displayed() const {
  return std::all_of(fields_.begin(), fields_.end(), [](const OpenField& f) { return f.result; });
}

bool Reader::in_toc_field() const {
  return std::any_of(fields_.begin(), fields_.end(), [](const OpenField& f) { return upper_keyword(f.instr) == "TOC"; });
}

void Reader::read_inline(Paragraph& p, pugi::xml_node parent, const Context& ctx) {
  if (++nesting_ > kMaxDepth * 4) {
    --nesting_;
    return;
  }
  for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
    std::string_view name = n.name();
    if (name == "w:r") {
      read_run(p, n, ctx);
    } else if (name == "w:hyperlink" || name == "w:smartTag" || name == "w:customXml" || name == "w:ins" || name == "w:moveTo" ||
               name == "w:dir" || name == "w:bdo") {
      read_inline(p, n, ctx);
    } else if (name == "w:sdt") {
      read_inline(p, n.child("w:sdtContent"), ctx);
    } else if (name == "w:fldSimple") {
      std::string instr(attr(n, "w:instr"));
      if (fields_.empty()) {
        if (!reading_body_) p.tokens.push_back(Token{true, instr});
      } else if (!fields_.back().result) fields_.back().instr += "{" + instr + "}";
      fields_.push_back(OpenField{instr, true});
      if (upper_keyword(instr) == "TOC") p.in_toc = true;
      read_inline(p, n, ctx);
      fields_.pop_back();
    } else if (name == "w:bookmarkStart") {
      p.bookmarks.emplace_back(attr(n, "w:name"));
    } else if (name == "mc:AlternateContent") {
      pugi::xml_node choice = n.child("mc:Choice");
      read_inline(p, choice ? choice : n.child("mc:Fallback"), ctx);
    }
  }
  --nesting_;
}

void Reader::add_text(Paragraph& p, std::string_view s) {
  if (s.empty() || !displayed()) return;
  p.text += s;  // the run being read ends the paragraph's text (read_run)
  if (fields_.empty() && !reading_body_) {
    if (p.tokens.empty() || p.tokens.back().field) p.tokens.push_back(Token{false, ""});
    p.tokens.back().text += s;
  }
}

void Reader::read_run(Paragraph& p, pugi::xml_node r, const Context& ctx) {
  pugi::xml_node rpr = r.child("w:rPr");
  const size_t begin = p.text.size();
  for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
    std::string_view name = c.name();
    if (name == "w:t") {
      add_text(p, c.text().get());
    } else if (name == "w:tab" || name == "w:ptab") {
      if (name == "w:ptab" && attr(c, "w:alignment") == "right") p.right_ptab = true;
      add_text(p, "\t");
    } else if (name == "w:br" || name == "w:cr") {
      add_text(p, "\n");
    } else if (name == "w:noBreakHyphen") {
      add_text(p, "-");
    } else if (name == "w:fldChar") {
      std::string_view type = attr(c, "w:fldCharType");
      if (type == "begin") {
        fields_.push_back(OpenField{});
      } else if (type == "separate") {
        if (!fields_.empty()) fields_.back().result = true;
      } else if (type == "end" && !fields_.empty()) {
        OpenField f = std::move(fields_.back());
        fields_.pop_back();
        if (fields_.empty()) {
          if (!reading_body_) p.tokens.push_back(Token{true, f.instr});
        } else if (!fields_.back().result) fields_.back().instr += "{" + f.instr + "}";
      }
    } else if (name == "w:instrText") {
      if (!fields_.empty() && !fields_.back().result) {
        fields_.back().instr += c.text().get();
        if (upper_keyword(fields_.back().instr) == "TOC") p.in_toc = true;
      }
    } else if (name == "w:drawing" || name == "w:pict" || name == "w:object" || name == "mc:AlternateContent") {
      if (displayed()) p.has_drawing = true;
    }
  }
  if (p.text.size() == begin) return;
  Run run;
  run.begin = static_cast<uint32_t>(begin);
  run.size = static_cast<uint32_t>(p.text.size() - begin);
  std::string_view rsid = attr(rpr.child("w:rStyle"), "w:val");
  run.style = rsid.empty() ? nullptr : doc_.styles_->find(rsid);
  if (run.style && run.style->type != "character") run.style = nullptr;
  run.props = resolver_.run(p.style, ctx.table_style, run.style, rpr);
  if (run.props->vanish.value) {  // hidden text is not shown
    p.text.resize(begin);
    return;
  }
  p.runs.push_back(run);
}

// ---------------------------------------------------------------------------------------------
// Sections and header/footer parts
// ---------------------------------------------------------------------------------------------

void Reader::close_section(pugi::xml_node sect_pr, int last_paragraph) {
  Section s;
  s.number = section_;
  s.first_paragraph = section_first_;
  s.last_paragraph = last_paragraph;
  s.sect_pr = sect_pr;
  pending_.push_back(std::move(s));
  ++section_;
  section_first_ = last_paragraph + 1;
}

void Reader::read_section_properties(Section& s) {
  pugi::xml_node sp = s.sect_pr;
  if (pugi::xml_node sz = sp.child("w:pgSz")) {
    if (auto v = twips_attr(sz, "w:w")) s.width = *v;
    if (auto v = twips_attr(sz, "w:h")) s.height = *v;
    s.orient = doc_.strings_.keep(attr(sz, "w:orient"));
  }
  if (pugi::xml_node m = sp.child("w:pgMar")) {
    if (auto v = twips_attr(m, "w:top")) s.margin_top = std::abs(*v);
    if (auto v = twips_attr(m, "w:bottom")) s.margin_bottom = std::abs(*v);
    if (auto v = twips_attr(m, "w:left")) s.margin_left = *v;
    if (auto v = twips_attr(m, "w:right")) s.margin_right = *v;
    if (auto v = twips_attr(m, "w:gutter")) s.gutter = *v;
  }
  s.rtl_gutter = on_off(sp.child("w:rtlGutter"));
  s.title_pg = on_off(sp.child("w:titlePg"));
  if (pugi::xml_node pn = sp.child("w:pgNumType")) {
    if (auto v = int_attr(pn, "w:start")) s.page_start = *v;
    s.page_format = doc_.strings_.keep(attr(pn, "w:fmt"));
  }
}

void Reader::read_headers_footers() {
  std::map<std::string, std::string> headers, footers;  // inherited from the previous section
  for (Section& s : doc_.sections_) {
    for (pugi::xml_node ref : s.sect_pr.children()) {
      std::string_view name = ref.name();
      bool header = name == "w:headerReference";
      if (!header && name != "w:footerReference") continue;
      std::string type(attr(ref, "w:type"));
      if (type.empty()) type = "default";
      std::string target = doc_.package_->target(std::string(attr(ref, "r:id")));
      (header ? headers : footers)[type] = target;  // "" = a reference to a missing part
    }
    s.headers = headers;
    s.footers = footers;
  }
  for (const Section& s : doc_.sections_) {
    for (const auto* m : {&s.headers, &s.footers})
      for (const auto& [kind, part] : *m) {
        if (part.empty() || doc_.parts_.count(part)) continue;
        const pugi::xml_document* x = doc_.package_->part(part);
        if (!x) continue;
        Story& st = doc_.parts_[part];
        st.part = part;
        read_story(st, x->document_element(), false);
        for (Paragraph& p : st.paragraphs) p.role = Role::header_footer;
      }
  }
}

}  // namespace bidfmt::docx
