// Poppler as bidfmt's PDF reader: pdftotext -layout and -bbox-layout, pdfinfo, pdftoppm.
#include "render/pdf.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>

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

}  // namespace

bool poppler_available() { return !on_path("pdftotext").empty() && !on_path("pdfinfo").empty() && !on_path("pdftoppm").empty(); }

std::vector<PdfPage> read_pdf(const std::string& pdf) {
  TempDir tmp("pdf");
  std::string text_file = (tmp.path / "text.txt").string(), log = (tmp.path / "log.txt").string();
  std::string info_file = (tmp.path / "info.txt").string(), bbox_file = (tmp.path / "bbox.html").string();
  // -layout text: pages end with a form feed.
  poppler(pdf, "pdftotext", {"-layout", "-enc", "UTF-8", pdf, text_file}, log);
  std::string text = core::read_file(text_file);
  std::vector<PdfPage> pages;
  for (size_t start = 0; start < text.size();) {
    size_t ff = text.find('\f', start);
    if (ff == std::string::npos) {
      if (text.find_first_not_of(" \n", start) != std::string::npos) pages.push_back(PdfPage{0, 0, text.substr(start), {}});
      break;
    }
    pages.push_back(PdfPage{0, 0, text.substr(start, ff - start), {}});
    start = ff + 1;
  }
  // Sizes of every page.
  poppler(pdf, "pdfinfo", {"-f", "1", "-l", "100000", pdf}, info_file);
  std::string info = core::read_file(info_file);
  std::regex size_re(R"(Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+))");
  for (std::sregex_iterator it(info.begin(), info.end(), size_re), end; it != end; ++it) {
    size_t n = std::stoul((*it)[1]);
    if (n == 0) continue;
    if (n > pages.size()) pages.resize(n);  // a page without any text
    pages[n - 1].width_pt = std::stod((*it)[2]);
    pages[n - 1].height_pt = std::stod((*it)[3]);
  }
  // Line boxes: <page><flow><block><line xMin yMin xMax yMax><word>…</word></line>…
  poppler(pdf, "pdftotext", {"-bbox-layout", "-enc", "UTF-8", pdf, bbox_file}, log);
  pugi::xml_document x;
  std::string bbox = core::read_file(bbox_file);
  if (x.load_buffer(bbox.data(), bbox.size())) {
    size_t n = 0;
    for (pugi::xpath_node pn : x.select_nodes("//*[local-name()='page']")) {
      if (n >= pages.size()) pages.resize(n + 1);
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
        pages[n].lines.push_back(std::move(l));
      }
      ++n;
    }
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
