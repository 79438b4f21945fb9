// word/document.xml: cover, TOC and body sections, streamed block by block into the zip entry.
#include <algorithm>
#include <cmath>

#include "writer/docx_writer.h"
#include "writer/parts.h"
#include "writer/props.h"
#include "writer/runs.h"
#include "writer/xml.h"

namespace bidfmt::writer {
namespace {

void field(pugi::xml_node p, const std::string& instr, const std::string& cached, const RunProps& rp = {}) {
  pugi::xml_node r = xml::add(p, "w:r");
  rp.emit(r);
  xml::add(r, "w:fldChar", "w:fldCharType", "begin");
  r = xml::add(p, "w:r");
  rp.emit(r);
  xml::set(xml::add(r, "w:instrText"), "xml:space", "preserve").text().set((" " + instr + " ").c_str());
  r = xml::add(p, "w:r");
  rp.emit(r);
  xml::add(r, "w:fldChar", "w:fldCharType", "separate");
  text_run(p, cached, rp);
  r = xml::add(p, "w:r");
  rp.emit(r);
  xml::add(r, "w:fldChar", "w:fldCharType", "end");
}

// Word's default spacing between text columns (twips), written with the single column.
constexpr int kWordColumnSpace = 425;

class DocumentWriter {
 public:
  DocumentWriter(const model::Document& doc, const profile::Profile& p, const Plan& plan, package::ZipWriter& zip)
      : doc_(doc), p_(p), plan_(plan), zip_(zip) {
    last_content_ = doc.blocks.size();
    for (size_t i = doc.blocks.size(); i-- > 0;) {
      const model::Block& b = doc.blocks[i];
      if (!std::holds_alternative<model::SectionStart>(b) && !std::holds_alternative<model::SectionEnd>(b) &&
          !std::holds_alternative<model::PageBreak>(b)) {
        last_content_ = i;
        break;
      }
    }
  }

  void write() {
    buffer_ = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    buffer_ += std::string("<w:document xmlns:w=\"") + xml::kW + "\" xmlns:r=\"" + xml::kR + "\" xmlns:wp=\"" + xml::kWp + "\" xmlns:a=\"" +
               xml::kA + "\" xmlns:pic=\"" + xml::kPic + "\"><w:body>";
    if (doc_.meta.cover) cover();
    if (doc_.meta.toc) toc();
    body();
    buffer_ += "</w:body></w:document>";
    zip_.write(buffer_);
  }

 private:
  // ---- fragment plumbing -----------------------------------------------------------------
  pugi::xml_node frag_root() { return frag_; }
  // Each block's XML goes to the zip as it is printed: ZipWriter gathers the pieces it deflates.
  void flush_fragment() {
    xml::StringSink sink(buffer_);
    for (pugi::xml_node n : frag_.children()) n.print(sink, "", pugi::format_raw);
    frag_.reset();
    zip_.write(buffer_);
    buffer_.clear();
  }

  // ---- section properties ----------------------------------------------------------------
  void sect_pr(pugi::xml_node parent, const Geometry& g, bool furniture, bool restart) {
    pugi::xml_node s = xml::add(parent, "w:sectPr");
    if (furniture) {
      xml::set(xml::add(s, "w:headerReference", "w:type", "default"), "r:id", g.header_rel);
      xml::set(xml::add(s, "w:footerReference", "w:type", "default"), "r:id", g.footer_rel);
    }
    pugi::xml_node sz = xml::add(s, "w:pgSz", "w:w", g.width.v);
    xml::set(sz, "w:h", g.height.v);
    if (g.shape != model::PageShape::portrait) xml::set(sz, "w:orient", "landscape");
    const profile::Page& pg = p_.page;
    pugi::xml_node m = xml::add(s, "w:pgMar", "w:top", pg.margin_top.v);
    xml::set(m, "w:right", pg.margin_right.v);
    xml::set(m, "w:bottom", pg.margin_bottom.v);
    xml::set(m, "w:left", pg.margin_left.v);
    xml::set(m, "w:header", pg.header_distance.v);
    xml::set(m, "w:footer", pg.footer_distance.v);
    xml::set(m, "w:gutter", pg.gutter.v);
    if (restart) xml::add(s, "w:pgNumType", "w:start", 1);
    // One column (w:num absent): the spacing between columns then has nothing to space. 425 twips
    // (0.75cm) is what Word writes there; kept so the section reads as Word's own.
    xml::add(s, "w:cols", "w:space", kWordColumnSpace);
  }

  // A paragraph that ends a section (cover, TOC, or a body section before a shape change).
  void section_break(const Geometry& g, bool furniture, bool restart) {
    pugi::xml_node p = xml::add(frag_root(), "w:p");
    pugi::xml_node ppr = xml::add(p, "w:pPr");
    sect_pr(ppr, g, furniture, restart);
    flush_fragment();
  }

  // ---- cover and TOC ---------------------------------------------------------------------
  void cover() {
    const model::Meta& m = doc_.meta;
    auto para = [&](const char* style, const std::string& text, std::optional<int> before = {}) {
      pugi::xml_node p = xml::add(frag_root(), "w:p");
      ParaProps pp;
      pp.style = style;
      pp.space_before = before;
      pp.emit(p);
      if (!text.empty()) text_run(p, text);
    };
    para("CoverProject", m.project, p_.cover.top_space.v);
    para("CoverTitle", p_.cover.label, p_.cover.label_space.v);
    if (!m.title.empty()) para("CoverText", m.title);
    para("CoverText", m.bidder, p_.cover.top_space.v);
    para("CoverText", m.date);
    flush_fragment();
    section_break(plan_.geometries[0], p_.header_footer.header_on_cover, false);
  }

  void toc() {
    pugi::xml_node title = xml::add(frag_root(), "w:p");
    ParaProps tp;
    tp.style = "TOCHeading";
    tp.emit(title);
    text_run(title, p_.toc.title);
    std::string instr = "TOC \\o \"1-" + std::to_string(p_.toc.levels) + "\" \\h \\z \\u";
    bool first = true;
    // A layout draft's TOC: the same lines inside a bookmark instead of a TOC field.
    const int mark = plan_.layout_draft ? next_bookmark_++ : 0;
    auto open_toc = [&](pugi::xml_node p) {  // in the first TOC paragraph
      if (plan_.layout_draft) {
        xml::set(xml::add(p, "w:bookmarkStart", "w:id", mark), "w:name", kLayoutTocMark);
        return;
      }
      pugi::xml_node r = xml::add(p, "w:r");
      xml::add(r, "w:fldChar", "w:fldCharType", "begin");
      r = xml::add(p, "w:r");
      xml::set(xml::add(r, "w:instrText"), "xml:space", "preserve").text().set((" " + instr + " ").c_str());
      r = xml::add(p, "w:r");
      xml::add(r, "w:fldChar", "w:fldCharType", "separate");
    };
    for (const TocEntry& e : plan_.toc) {
      pugi::xml_node p = xml::add(frag_root(), "w:p");
      ParaProps pp;
      pp.style = "TOC" + std::to_string(e.level);
      pp.emit(p);
      if (first) open_toc(p), first = false;
      pugi::xml_node h = xml::add(p, "w:hyperlink", "w:anchor", e.bookmark);
      xml::set(h, "w:history", "1");
      text_run(h, e.number + e.suffix + e.title);
      xml::add(xml::add(h, "w:r"), "w:tab");
      field(h, "PAGEREF " + e.bookmark + " \\h", std::to_string(std::max(1, e.page)));
      flush_fragment();
    }
    pugi::xml_node end = xml::add(frag_root(), "w:p");
    ParaProps ep;
    ep.style = "TOC1";
    ep.emit(end);
    if (first) open_toc(end);
    if (plan_.layout_draft) xml::add(end, "w:bookmarkEnd", "w:id", mark);
    else xml::add(xml::add(end, "w:r"), "w:fldChar", "w:fldCharType", "end");
    flush_fragment();
    section_break(plan_.geometries[0], p_.header_footer.header_on_toc, false);
  }

  // ---- body ------------------------------------------------------------------------------
  const Geometry& geometry(model::PageShape shape) const {
    for (const Geometry& g : plan_.geometries)
      if (g.shape == shape) return g;
    return plan_.geometries[0];
  }

  void body() {
    const Geometry* current = &plan_.geometries[0];
    bool content_in_section = false;
    bool restart_pending = p_.header_footer.restart_at_body;
    auto close_section = [&]() {
      if (!content_in_section) return;
      section_break(*current, true, restart_pending);
      restart_pending = false;
      content_in_section = false;
    };
    for (size_t i = 0; i < doc_.blocks.size(); ++i) {
      const model::Block& b = doc_.blocks[i];
      if (auto* s = std::get_if<model::SectionStart>(&b)) {
        close_section();
        current = &geometry(s->shape);
        continue;
      }
      if (std::holds_alternative<model::SectionEnd>(b)) {
        close_section();
        current = &plan_.geometries[0];
        continue;
      }
      text_width_ = Twips{current->width.v - p_.page.margin_left.v - p_.page.margin_right.v - p_.page.gutter.v};
      text_height_ = Twips{current->height.v - p_.page.margin_top.v - p_.page.margin_bottom.v};
      block(i, b);
      if (i == last_content_) mark_body_end();
      flush_fragment();
      content_in_section = true;
    }
    if (last_content_ == doc_.blocks.size()) {  // empty body: still one paragraph for the bookmark
      xml::add(frag_root(), "w:p");
      mark_body_end();
      flush_fragment();
    }
    // The last section's properties belong to w:body.
    pugi::xml_node holder = frag_root();
    sect_pr(holder, *current, true, restart_pending);
    flush_fragment();
  }

  // The last w:p in document order below `n` (a table's last cell paragraph, say).
  static pugi::xml_node last_paragraph(pugi::xml_node n) {
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) {
      if (std::string(c.name()) == "w:p") return c;
      if (pugi::xml_node inner = last_paragraph(c)) return inner;
    }
    return {};
  }

  // Puts the _BodyEnd bookmark (footer total: PAGEREF _BodyEnd) into the last paragraph written.
  void mark_body_end() {
    pugi::xml_node last = last_paragraph(frag_);
    if (!last) last = xml::add(frag_root(), "w:p");
    int id = next_bookmark_++;
    pugi::xml_node bs = xml::add(last, "w:bookmarkStart", "w:id", id);
    xml::set(bs, "w:name", "_BodyEnd");
    xml::add(last, "w:bookmarkEnd", "w:id", id);
  }

  void inlines(pugi::xml_node p, const model::Inlines& spans, RunProps base = {}) {
    for (const model::Span& s : spans) {
      RunProps rp = span_props(s, base);
      pugi::xml_node parent = p;
      if (!s.link.empty()) {
        if (s.link[0] == '#') {
          parent = xml::add(p, "w:hyperlink", "w:anchor", s.link.substr(1));
        } else {
          parent = xml::add(p, "w:hyperlink", "r:id", "rIdLink" + std::to_string(plan_.link_number.at(s.link)));
        }
        xml::set(parent, "w:history", "1");
        rp.style = "Hyperlink";
      }
      if (!s.ref.empty()) {
        // make_plan refused unknown ids; one in another file of the build is its text.
        if (auto t = plan_.refs.find(s.ref); t != plan_.refs.end())
          ref_field(parent, t->second.bookmark, t->second.number, t->second.text, rp);
        else text_run(parent, plan_.outside_refs.at(s.ref), rp);
        continue;
      }
      span_run(parent, s, rp);
    }
  }

  void block(size_t i, const model::Block& b) {
    if (auto* h = std::get_if<model::Heading>(&b)) return heading(i, *h);
    if (auto* p = std::get_if<model::Paragraph>(&b)) return paragraph(*p);
    if (auto* li = std::get_if<model::ListItem>(&b)) return list_item(*li);
    if (auto* t = std::get_if<model::Table>(&b)) return table(i, *t);
    if (auto* f = std::get_if<model::Figure>(&b)) return figure(i, *f);
    if (std::holds_alternative<model::PageBreak>(b)) {
      pugi::xml_node p = xml::add(frag_root(), "w:p");
      xml::add(xml::add(p, "w:r"), "w:br", "w:type", "page");
      return;
    }
    if (std::holds_alternative<model::ThematicBreak>(b)) xml::add(frag_root(), "w:p");
  }

  void heading(size_t i, const model::Heading& h) {
    pugi::xml_node p = xml::add(frag_root(), "w:p");
    ParaProps pp;
    pp.style = "Heading" + std::to_string(std::clamp(h.level, 1, static_cast<int>(p_.headings.size())));
    if (h.unnumbered) {
      // numId 0 switches the style's numbering off; the style keeps the outline level (TOC,
      // navigation pane).
      pp.num_id = 0;
    } else if (auto deep = plan_.deep_num.find(i); deep != plan_.deep_num.end()) {
      pp.num_id = deep->second;
      pp.num_level = h.level - plan_.first_deep_level;
    }
    pp.emit(p);
    // A cross-reference target: its _Ref bookmark around the paragraph's text (REF \w reads
    // the number of the paragraph the bookmark is in).
    auto ref = plan_.ref_bookmark.find(i);
    const int ref_id = ref != plan_.ref_bookmark.end() ? bookmark_start(p, ref->second) : 0;
    auto it = plan_.heading_toc.find(i);
    if (it == plan_.heading_toc.end()) {
      inlines(p, h.text);
    } else {
      int id = bookmark_start(p, plan_.toc[static_cast<size_t>(it->second)].bookmark);
      inlines(p, h.text);
      xml::add(p, "w:bookmarkEnd", "w:id", id);
    }
    if (ref_id) xml::add(p, "w:bookmarkEnd", "w:id", ref_id);
  }

  int bookmark_start(pugi::xml_node p, const std::string& name) {
    int id = next_bookmark_++;
    xml::set(xml::add(p, "w:bookmarkStart", "w:id", id), "w:name", name);
    return id;
  }

  void paragraph(const model::Paragraph& para) {
    pugi::xml_node p = xml::add(frag_root(), "w:p");
    if (para.kind != model::ParagraphKind::body) {
      ParaProps pp;
      pp.style = para.kind == model::ParagraphKind::quote ? "Quote" : "HTMLPreformatted";
      pp.emit(p);
    }
    inlines(p, para.text);
  }

  void list_item(const model::ListItem& li) {
    pugi::xml_node p = xml::add(frag_root(), "w:p");
    ParaProps pp;
    pp.style = "ListParagraph";
    if (!li.continuation) {
      // A task item shows its box where the bullet would be (a bullet list of its own).
      pp.num_id = li.task ? plan_.task_num[li.task - 1] : plan_.list_num.at(li.list_id);
      pp.num_level = std::min(li.depth, 8);
    }
    pp.emit(p);
    inlines(p, li.text);
  }

  // Block i's caption. A cross-reference target has its _Ref bookmark around the label and
  // number 「表1.1-1」 (what a reference to it shows), the name after it.
  void caption(const std::string& style, size_t i) {
    const std::string& text = plan_.caption.at(i);
    pugi::xml_node p = xml::add(frag_root(), "w:p");
    ParaProps pp;
    pp.style = style;
    pp.emit(p);
    auto ref = plan_.ref_bookmark.find(i);
    const std::string& label = plan_.caption_label.at(i);
    if (ref == plan_.ref_bookmark.end() || text.compare(0, label.size(), label) != 0) {
      text_run(p, text);
      return;
    }
    int id = bookmark_start(p, ref->second);
    text_run(p, label);
    xml::add(p, "w:bookmarkEnd", "w:id", id);
    if (text.size() > label.size()) text_run(p, text.substr(label.size()));
  }

  // Column widths: the text width shared in proportion to the longest text of each column
  // (counted up to table.column_width_cap characters), no column under table.column_width_floor
  // of the average.
  std::vector<int> column_widths(const model::Table& t, size_t ncols) const {
    const profile::Table& tp = p_.table;
    std::vector<double> want(ncols, 1.0);
    auto measure = [&](const std::vector<model::Inlines>& row) {
      for (size_t c = 0; c < ncols && c < row.size(); ++c) {
        double len = 0;
        for (const model::Span& s : row[c]) len += static_cast<double>(s.text.size());
        want[c] = std::max(want[c], std::min(len, static_cast<double>(tp.column_width_cap)));
      }
    };
    measure(t.header);
    for (const auto& r : t.rows) measure(r);
    double sum = 0;
    for (double w : want) sum += w;
    double avg = sum / static_cast<double>(ncols);
    for (double& w : want) w = std::max(w, avg * tp.column_width_floor);
    sum = 0;
    for (double w : want) sum += w;
    std::vector<int> widths(ncols);
    int total = text_width_.v, used = 0;
    for (size_t c = 0; c < ncols; ++c) {
      widths[c] = c + 1 == ncols ? total - used : static_cast<int>(std::floor(total * want[c] / sum));
      used += widths[c];
    }
    return widths;
  }

  void table(size_t i, const model::Table& t) {
    const profile::Table& tp = p_.table;
    if (p_.table_caption.position == "above") caption("TableCaption", i);
    size_t ncols = std::max<size_t>(1, t.header.size());
    const std::vector<int> widths = column_widths(t, ncols);
    const int total = text_width_.v;

    pugi::xml_node tbl = xml::add(frag_root(), "w:tbl");
    pugi::xml_node pr = xml::add(tbl, "w:tblPr");
    xml::set(xml::add(pr, "w:tblW", "w:w", total), "w:type", "dxa");
    xml::add(pr, "w:jc", "w:val", tp.align);
    pugi::xml_node borders = xml::add(pr, "w:tblBorders");
    auto border = [&](const char* name, const profile::Border& bd) {
      if (bd.style == "none") {
        xml::add(borders, name, "w:val", "nil");
        return;
      }
      pugi::xml_node n = xml::add(borders, name, "w:val", bd.style);
      xml::set(n, "w:sz", bd.width.v);
      xml::set(n, "w:space", 0);
      xml::set(n, "w:color", tp.border_color);
    };
    border("w:top", tp.top);
    border("w:left", tp.left);
    border("w:bottom", tp.bottom);
    border("w:right", tp.right);
    border("w:insideH", tp.inside_h);
    border("w:insideV", tp.inside_v);
    xml::add(pr, "w:tblLayout", "w:type", "fixed");
    pugi::xml_node look = xml::add(pr, "w:tblLook", "w:val", "04A0");
    xml::set(look, "w:firstRow", "1");
    xml::set(look, "w:lastRow", "0");
    xml::set(look, "w:firstColumn", "0");
    xml::set(look, "w:lastColumn", "0");
    xml::set(look, "w:noHBand", "1");
    xml::set(look, "w:noVBand", "1");
    pugi::xml_node grid = xml::add(tbl, "w:tblGrid");
    for (int w : widths) xml::add(grid, "w:gridCol", "w:w", w);

    // Merged cells: the merge that starts at or covers each grid cell (rows counted from the header).
    const size_t nrows = t.rows.size() + 1;
    std::vector<std::vector<const model::Table::Merge*>> merged(nrows, std::vector<const model::Table::Merge*>(ncols, nullptr));
    for (const model::Table::Merge& m : t.merges)
      for (size_t r = m.row; r < std::min(nrows, m.row + static_cast<size_t>(m.rows)); ++r)
        for (size_t c = m.col; c < std::min(ncols, m.col + static_cast<size_t>(m.cols)); ++c) merged[r][c] = &m;

    auto row = [&](size_t r, const std::vector<model::Inlines>& cells, bool header) {
      pugi::xml_node tr = xml::add(tbl, "w:tr");
      if (header && tp.header_repeat) {
        pugi::xml_node trpr = xml::add(tr, "w:trPr");
        xml::add(trpr, "w:tblHeader");
      }
      for (size_t c = 0; c < ncols;) {
        const model::Table::Merge* m = merged[r][c];
        size_t span = 1;
        if (m && m->col == c) span = std::min(ncols - c, static_cast<size_t>(m->cols));
        int width = 0;
        for (size_t k = c; k < c + span; ++k) width += widths[k];
        pugi::xml_node tc = xml::add(tr, "w:tc");
        pugi::xml_node tcpr = xml::add(tc, "w:tcPr");
        xml::set(xml::add(tcpr, "w:tcW", "w:w", width), "w:type", "dxa");
        if (span > 1) xml::add(tcpr, "w:gridSpan", "w:val", static_cast<int>(span));
        if (m && m->rows > 1) {
          if (m->row == r) xml::add(tcpr, "w:vMerge", "w:val", "restart");
          else xml::add(tcpr, "w:vMerge");
        }
        xml::add(tcpr, "w:vAlign", "w:val", tp.cell_valign);
        pugi::xml_node p = xml::add(tc, "w:p");
        ParaProps pp;
        pp.style = "TableText";
        model::CellAlign a = c < t.align.size() ? t.align[c] : model::CellAlign::none;
        if (header) pp.align = tp.header_align;
        else if (a == model::CellAlign::center) pp.align = "center";
        else if (a == model::CellAlign::right) pp.align = "right";
        else if (a == model::CellAlign::left) pp.align = "left";
        pp.emit(p);
        RunProps base;
        if (header && tp.header_bold) base.bold = true;
        // A cell a merge covers (below its first row) stays empty.
        if (c < cells.size() && (!m || m->row == r)) inlines(p, cells[c], base);
        c += span;
      }
    };
    const size_t head = static_cast<size_t>(std::max(1, t.header_rows));
    row(0, t.header, true);
    for (size_t r = 0; r < t.rows.size(); ++r) row(r + 1, t.rows[r], r + 1 < head);
    if (p_.table_caption.position == "below") caption("TableCaption", i);
  }

  void figure(size_t i, const model::Figure& f) {
    const Image& img = plan_.images.at(static_cast<size_t>(plan_.image_of.at(i)));
    if (p_.figure_caption.position == "above") caption("FigureCaption", i);
    // Natural size at the image's DPI (the profile's when the file states none), scaled down to
    // fit the profile's shares of the text width and height.
    const profile::Figures& fig = p_.figures;
    double w_in = static_cast<double>(img.width_px) / (img.dpi_x > 0 ? img.dpi_x : fig.dpi);
    double h_in = static_cast<double>(img.height_px) / (img.dpi_y > 0 ? img.dpi_y : fig.dpi);
    double max_w = text_width_.v / 1440.0 * fig.max_width, max_h = text_height_.v / 1440.0 * fig.max_height;
    double scale = std::min({1.0, max_w / w_in, max_h / h_in});
    long long cx = std::llround(w_in * scale * 914400), cy = std::llround(h_in * scale * 914400);
    int id = next_drawing_++;

    pugi::xml_node p = xml::add(frag_root(), "w:p");
    ParaProps pp;
    pp.style = "Figure";
    pp.emit(p);
    pugi::xml_node inl = xml::add(xml::add(xml::add(p, "w:r"), "w:drawing"), "wp:inline");
    for (const char* d : {"distT", "distB", "distL", "distR"}) xml::set(inl, d, 0);
    pugi::xml_node ext = xml::add(inl, "wp:extent");
    xml::set(ext, "cx", cx);
    xml::set(ext, "cy", cy);
    pugi::xml_node docpr = xml::add(inl, "wp:docPr", "id", id);
    xml::set(docpr, "name", "图片 " + std::to_string(id));
    xml::set(docpr, "descr", xml_safe(f.alt.empty() ? f.caption : f.alt));
    xml::set(xml::add(xml::add(inl, "wp:cNvGraphicFramePr"), "a:graphicFrameLocks"), "noChangeAspect", 1);
    pugi::xml_node gd = xml::add(xml::add(inl, "a:graphic"), "a:graphicData", "uri", xml::kPic);
    pugi::xml_node pic = xml::add(gd, "pic:pic");
    pugi::xml_node nv = xml::add(pic, "pic:nvPicPr");
    pugi::xml_node cnv = xml::add(nv, "pic:cNvPr", "id", id);
    xml::set(cnv, "name", img.part.substr(img.part.rfind('/') + 1));
    xml::add(nv, "pic:cNvPicPr");
    pugi::xml_node fill = xml::add(pic, "pic:blipFill");
    xml::add(fill, "a:blip", "r:embed", img.rel_id);
    xml::add(xml::add(fill, "a:stretch"), "a:fillRect");
    pugi::xml_node sp = xml::add(pic, "pic:spPr");
    pugi::xml_node xf = xml::add(sp, "a:xfrm");
    pugi::xml_node off = xml::add(xf, "a:off", "x", 0);
    xml::set(off, "y", 0);
    pugi::xml_node aext = xml::add(xf, "a:ext", "cx", cx);
    xml::set(aext, "cy", cy);
    xml::add(xml::add(sp, "a:prstGeom", "prst", "rect"), "a:avLst");
    if (p_.figure_caption.position == "below") caption("FigureCaption", i);
  }

  const model::Document& doc_;
  const profile::Profile& p_;
  const Plan& plan_;
  package::ZipWriter& zip_;
  pugi::xml_document frag_;
  std::string buffer_;
  size_t last_content_ = 0;
  int next_bookmark_ = 1;
  int next_drawing_ = 1;
  Twips text_width_, text_height_;
};

}  // namespace

void write_document_xml(const model::Document& doc, const profile::Profile& p, const Plan& plan, package::ZipWriter& zip) {
  zip.begin("word/document.xml");
  DocumentWriter(doc, p, plan, zip).write();
}

}  // namespace bidfmt::writer
