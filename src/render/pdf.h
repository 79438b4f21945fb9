// Reading a rendered PDF back with poppler: page sizes, text line boxes and the text they make
// (pdftotext -bbox-layout) and small page images (pdftoppm).
#pragma once
#include <string>
#include <vector>

namespace bidfmt::render {

// One line of text as poppler found it, in points from the page's top-left corner.
struct TextLine {
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  std::string text;  // words joined by single spaces
};

struct PdfPage {
  double width_pt = 0, height_pt = 0;
  std::string text;  // this page only: rows of line boxes top to bottom, each row left to right
  std::vector<TextLine> lines;
};

// True when pdftotext and pdftoppm (poppler-utils) are installed.
bool poppler_available();

// Every page of `pdf`. Throws Error naming the file when poppler cannot read it.
std::vector<PdfPage> read_pdf(const std::string& pdf);

// A PNG of every page, `width_px` wide (pdftoppm -scale-to-x), in page order.
std::vector<std::string> page_images(const std::string& pdf, int width_px);

}  // namespace bidfmt::render
