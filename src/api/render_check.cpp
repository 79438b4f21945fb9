// check --render: bookmarks on the paragraphs that matter, one LibreOffice pass without updating
// anything, the PDF read back with poppler, layout pages mapped to PDF pages.
#include "api/render_check.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "annotate/annotate.h"
#include "core/error.h"
#include "render/libreoffice.h"
#include "render/pdf.h"
#include "render/process.h"

namespace bidfmt::detail {
namespace {

constexpr const char* kPrefix = "_bidfmt_";
constexpr size_t kMaxFindingMarks = 400;  // each bookmark costs LibreOffice round trips
constexpr int kThumbnailWidth = 220;

// The paragraphs to locate: each section's first, headings, TOC entries, each chapter's last,
// the first cell of every table (a "t" mark: its width and extent too), and findings' places.
std::vector<annotate::Mark> marks_for(const docx::Document& doc, const rules::Findings& findings) {
  const auto& ps = doc.body().paragraphs;
  std::set<int> paragraphs;
  for (const docx::Section& s : doc.sections())
    if (s.first_paragraph <= s.last_paragraph) paragraphs.insert(s.first_paragraph);
  int last_content = -1;
  for (const docx::Paragraph& p : ps) {
    if (p.role == docx::Role::heading || p.role == docx::Role::toc) paragraphs.insert(p.index);
    if (p.role == docx::Role::heading && p.heading_level == 1 && last_content >= 0) paragraphs.insert(last_content);
    if (p.role != docx::Role::empty) last_content = p.index;
  }
  if (last_content >= 0) paragraphs.insert(last_content);
  size_t from_findings = 0;
  for (const rules::Finding& f : findings) {
    if (from_findings >= kMaxFindingMarks) break;
    int at = annotate::anchor_paragraph(doc, f.where());
    if (at >= 0 && paragraphs.insert(at).second) ++from_findings;
  }
  std::vector<annotate::Mark> marks;
  std::set<int> table_cells;
  for (const docx::Table& t : doc.body().tables) {
    for (const docx::Row& r : t.rows) {
      auto cell = std::find_if(r.cells.begin(), r.cells.end(), [](const docx::Cell& c) { return !c.paragraphs.empty(); });
      if (cell == r.cells.end()) continue;
      int at = cell->paragraphs.front();
      marks.push_back({at, std::string(kPrefix) + "t" + std::to_string(t.number) + "_" + std::to_string(at)});
      table_cells.insert(at);
      break;
    }
  }
  for (int p : paragraphs)
    if (!table_cells.count(p)) marks.push_back({p, std::string(kPrefix) + "p" + std::to_string(p)});
  return marks;
}

}  // namespace

RenderedCheck render_document(const docx::Document& doc, const profile::Profile& profile, const rules::Findings& findings, bool images) {
  if (!render::available())
    throw Error(doc.path(), 0, "--render 需要 LibreOffice(soffice)和 python3-uno;请先安装",
                "--render needs LibreOffice (soffice) and python3-uno; install them first");
  if (!render::poppler_available())
    throw Error(doc.path(), 0, "--render 需要 poppler-utils(pdftotext、pdftoppm);请先安装",
                "--render needs poppler-utils (pdftotext, pdftoppm); install them first");
  render::TempDir tmp("render-check");
  // The marked copy keeps the input's file name: what LibreOffice (and its log) sees is the reviewer's name.
  std::string marked = (tmp.path / std::filesystem::path(doc.path()).filename()).replace_extension(".docx").string();
  std::string pdf = (tmp.path / "rendered.pdf").string();
  std::vector<annotate::Mark> marks = marks_for(doc, findings);
  annotate::write_marked_copy(doc, marks, marked);
  render::LayoutOptions lo;
  lo.update_toc = false;  // the reviewer's document as it is
  lo.pdf = pdf;
  lo.anchors = kPrefix;
  render::LayoutResult layout;
  try {
    layout = render::layout(marked, lo);
  } catch (const Error& e) {
    throw Error(doc.path(), 0, e.message(Lang::zh), e.message(Lang::en));  // name the input, not the temp copy
  }
  RenderedCheck out;
  for (render::PdfPage& p : render::read_pdf(pdf)) {
    rules::RenderedPage rp;
    rp.width_pt = p.width_pt;
    rp.height_pt = p.height_pt;
    rp.text = std::move(p.text);
    for (const render::TextLine& l : p.lines) rp.lines.push_back({l.y_min, l.y_max, l.text});
    out.rendered.pages.push_back(std::move(rp));
  }
  // Layout pages → PDF pages (automatic blank pages are not exported).
  std::vector<int> to_pdf = render::pdf_pages(layout);
  auto pdf_page = [&](int layout_page) {
    if (layout_page < 1) return 0;
    if (static_cast<size_t>(layout_page) <= to_pdf.size()) return to_pdf[static_cast<size_t>(layout_page) - 1];
    return layout_page;
  };
  const auto& ps = doc.body().paragraphs;
  for (const annotate::Mark& m : marks) {
    auto it = layout.anchors.find(m.name);
    if (it == layout.anchors.end()) continue;
    const render::Anchor& a = it->second;
    rules::Placement pl;
    pl.page = pdf_page(a.page);
    if (pl.page <= 0) continue;
    // Y from where the page's text starts (its top margin), in points.
    if (static_cast<size_t>(a.page) <= layout.page_starts.size()) {
      const docx::Paragraph& p = ps[static_cast<size_t>(m.paragraph)];
      int top_twips = profile.page.margin_top.v;
      if (p.section >= 1 && static_cast<size_t>(p.section) <= doc.sections().size())
        top_twips = doc.sections()[static_cast<size_t>(p.section) - 1].margin_top.value_or(top_twips);
      double from_start_mm = (a.y - layout.page_starts[static_cast<size_t>(a.page) - 1].second) / 100.0;
      pl.y_pt = top_twips / 20.0 + from_start_mm * 72.0 / 25.4;
    }
    out.rendered.paragraphs[m.paragraph] = pl;
    if (m.name.compare(std::string(kPrefix).size(), 1, "t") == 0 && a.table_width > 0) {
      int number = std::atoi(m.name.c_str() + std::string(kPrefix).size() + 1);
      rules::RenderedTable t;
      t.first_page = pl.page;
      t.last_page = std::max(pl.page, pdf_page(a.table_last_page));
      t.width_mm = a.table_width / 100.0;
      out.rendered.tables[number] = t;
    }
  }
  if (images) {
    std::vector<std::string> pngs = render::page_images(pdf, kThumbnailWidth);
    for (size_t i = 0; i < out.rendered.pages.size(); ++i)
      out.pages.push_back(
          report::PageView{out.rendered.pages[i].width_pt, out.rendered.pages[i].height_pt, i < pngs.size() ? pngs[i] : ""});
  }
  return out;
}

std::vector<double> finding_heights(const RenderedCheck& r, const docx::Document& doc, const rules::Findings& findings) {
  std::vector<double> out;
  for (const rules::Finding& f : findings) {
    double y = -1;
    bool body = doc.is_body_part(f.where().part());
    if (f.where().page > 0 && body && (f.where().paragraph > 0 || f.where().table > 0)) {
      int at = annotate::anchor_paragraph(doc, f.where());
      auto it = r.rendered.paragraphs.find(at);
      if (it != r.rendered.paragraphs.end() && it->second.page == f.where().page && it->second.y_pt >= 0 &&
          static_cast<size_t>(f.where().page) <= r.rendered.pages.size()) {
        double h = r.rendered.pages[static_cast<size_t>(f.where().page) - 1].height_pt;
        if (h > 0) y = std::clamp(it->second.y_pt / h, 0.0, 1.0);
      }
    }
    out.push_back(y);
  }
  return out;
}

}  // namespace bidfmt::detail
