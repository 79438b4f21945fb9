// Poppler as bidfmt's PDF reader: pdftotext -bbox-layout, pdftoppm.
#include "render/pdf.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/error.h"
#include "core/file_io.h"
#include "render/process.h"

namespace bidfmt::render {
namespace fs = std::filesystem;
namespace {

constexpr int kTimeout = 300;

// Runs a poppler tool; its stdout+stderr go to `out`. Throws Error naming `pdf` on failure.
void poppler(const std::string& pdf, const std::string& tool, std::vector<std::string> args, const std::string& out) {
  std::string exe = on_path(tool);
  if (exe.empty())
    throw Error(pdf, 0, "需要 poppler-utils(" + tool + ")才能读取 PDF;请先安装",
                "reading a PDF needs poppler-utils (" + tool + "); install it first");
  args.insert(args.begin(), exe);
  int rc = run_program(args, {}, out, kTimeout);
  if (rc != 0) {
    std::string msg = rc == -2 ? std::string("timed out") : core::read_file(out).substr(0, 200);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    throw Error(pdf, 0, tool + " 无法读取 PDF:" + msg, tool + " cannot read the PDF: " + msg);
  }
}

// The page's text as a reader reads it: lines whose boxes share a height are one row (a footer's
// 「第 1 页」 and 「共 10 页」, two boxes apart), rows top to bottom, boxes left to right.
std::string page_text(std::vector<const TextLine*> lines) {
  std::sort(lines.begin(), lines.end(),
            [](const TextLine* a, const TextLine* b) { return a->y_min != b->y_min ? a->y_min < b->y_min : a->x_min < b->x_min; });
  std::string text;
  for (size_t i = 0; i < lines.size();) {
    // A row: every box whose middle lies within the first box's height.
    size_t end = i + 1;
    while (end < lines.size() && (lines[end]->y_min + lines[end]->y_max) / 2 < lines[i]->y_max) ++end;
    std::sort(lines.begin() + static_cast<long>(i), lines.begin() + static_cast<long>(end),
              [](const TextLine* a, const TextLine* b) { return a->x_min < b->x_min; });
    for (size_t k = i; k < end; ++k) text += (k > i ? " " : "") + lines[k]->text;
    text += '\n';
    i = end;
  }
  return text;
}

}  // namespace

bool poppler_available() { return !on_path("pdftotext").empty() && !on_path("pdftoppm").empty(); }

std::vector<PdfPage> read_pdf(const std::string& pdf) {
  TempDir tmp("pdf");
  std::string bbox_file = (tmp.path / "bbox.html").string(), log = (tmp.path / "log.txt").string();
  // One reading of the PDF (poppler parses it and its fonts once): every page with its size and
  // its text line boxes, <page width height><flow><block><line xMin yMin xMax yMax><word>…
  poppler(pdf, "pdftotext", {"-bbox-layout", "-enc", "UTF-8", pdf, bbox_file}, log);
  std::vector<PdfPage> pages;
  pugi::xml_document x;
  std::string bbox = core::read_file(bbox_file);
  if (!x.load_buffer(bbox.data(), bbox.size())) throw Error(pdf, 0, "pdftotext 的输出无法读取", "pdftotext's output cannot be read");
  for (pugi::xpath_node pn : x.select_nodes("//*[local-name()='page']")) {
    PdfPage& page = pages.emplace_back();
    page.width_pt = pn.node().attribute("width").as_double();
    page.height_pt = pn.node().attribute("height").as_double();
    for (pugi::xpath_node ln : pn.node().select_nodes(".//*[local-name()='line']")) {
      TextLine l;
      l.x_min = ln.node().attribute("xMin").as_double();
      l.y_min = ln.node().attribute("yMin").as_double();
      l.x_max = ln.node().attribute("xMax").as_double();
      l.y_max = ln.node().attribute("yMax").as_double();
      for (pugi::xml_node w = ln.node().first_child(); w; w = w.next_sibling()) {
        if (!l.text.empty()) l.text += ' ';
        l.text += w.text().get();
      }
      page.lines.push_back(std::move(l));
    }
    std::vector<const TextLine*> order;
    for (const TextLine& l : page.lines) order.push_back(&l);
    page.text = page_text(std::move(order));
  }
  return pages;
}

std::vector<std::string> page_images(const std::string& pdf, int width_px) {
  TempDir tmp("thumbs");
  std::string log = (tmp.path / "log.txt").string();
  poppler(pdf, "pdftoppm", {"-png", "-scale-to-x", std::to_string(width_px), "-scale-to-y", "-1", pdf, (tmp.path / "p").string()}, log);
  std::vector<std::pair<int, std::string>> found;  // p-01.png, p-02.png … (width of the number varies)
  for (const auto& e : fs::directory_iterator(tmp.path)) {
    std::string name = e.path().filename().string();
    if (name.size() > 6 && name.rfind("p-", 0) == 0 && e.path().extension() == ".png")
      found.emplace_back(std::atoi(name.c_str() + 2), e.path().string());
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (const auto& [n, path] : found) out.push_back(core::read_file(path));
  return out;
}

}  // namespace bidfmt::render
