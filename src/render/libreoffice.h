// LibreOffice as bidfmt's layout engine: one headless pass that reports page numbers (TOC
// entries, body page count) and can export a PDF. bidfmt never ships a LibreOffice-saved DOCX.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace bidfmt::render {

struct LayoutResult {
  std::vector<std::pair<std::string, int>> toc;  // TOC entry text (as LibreOffice renders it) → page
  int body_pages = 0;                            // LibreOffice's value of PAGEREF _BodyEnd
  int pages = 0;                                 // all laid-out pages
};

struct LayoutOptions {
  bool update_toc = true;  // regenerate the TOC index before reading it
  std::string pdf;         // export a PDF here when not empty
  std::string doc;         // export a Word 97–2003 .doc here when not empty
  int timeout_seconds = 600;
};

// True when soffice and a python3 with the uno module are installed.
bool available();

// Lays out `docx` in a private headless LibreOffice. Throws Error (naming `docx`) when LibreOffice
// is missing, fails or times out.
LayoutResult layout(const std::string& docx, const LayoutOptions& options);

}  // namespace bidfmt::render
