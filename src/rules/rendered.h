// Rendered: what a layout engine (LibreOffice, read back from its PDF) showed of a document —
// its pages, and where paragraphs and tables landed. Filled by `check --render`; the render-only
// rules (toc.page-numbers, layout.short-last-page, table.same-width, the rendered side of
// footer.page-number) read it.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace bidfmt::rules {

struct RenderedLine {
  double y_min = 0, y_max = 0;  // points from the top of the page
  std::string text;
};

struct RenderedPage {
  double width_pt = 0, height_pt = 0;
  std::string text;  // the page's text: rows of line boxes top to bottom, each left to right
  std::vector<RenderedLine> lines;
};

// Where a body paragraph was laid out.
struct Placement {
  int page = 0;      // PDF page, 1-based
  double y_pt = -1;  // top of its first line, points from the top of the page; -1 unknown
};

struct RenderedTable {
  int first_page = 0, last_page = 0;  // PDF pages
  double width_mm = 0;                // rendered width
};

struct Rendered {
  std::vector<RenderedPage> pages;      // the PDF's pages in order
  std::map<int, Placement> paragraphs;  // body paragraph index → where (only the paragraphs asked for)
  std::map<int, RenderedTable> tables;  // body table number → where
};

}  // namespace bidfmt::rules
