// LibreOffice as bidfmt's layout engine: one headless pass that reports page numbers (TOC
// entries, body page count, where bookmarks are laid out) and can export a PDF. bidfmt never
// ships a LibreOffice-saved DOCX.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace bidfmt::render {

// Where LibreOffice laid out a bookmark (LayoutOptions::anchors).
struct Anchor {
  int page = 0;             // layout page, 1-based, automatic blank pages included
  int y = 0;                // Y of its line in the layout, 1/100 mm (compare with page_starts)
  int table_width = -1;     // in a table cell: the table's rendered width, 1/100 mm; else -1
  int table_last_page = 0;  // in a table cell: the layout page of the table's last cell
};

struct LayoutResult {
  std::vector<std::pair<std::string, int>> toc;  // TOC entry text (as LibreOffice renders it) → page
  int body_pages = 0;                            // LibreOffice's value of PAGEREF _BodyEnd
  int pages = 0;                                 // all laid-out pages
  // With anchors: per layout page, the page the view cursor reached on jumping there (another
  // number = an automatic blank page, which the PDF omits) and the Y where its text starts.
  std::vector<std::pair<int, int>> page_starts;
  std::map<std::string, Anchor> anchors;  // bookmark name → where it is
};

struct LayoutOptions {
  bool update_toc = true;  // regenerate the TOC index before reading the numbers
  // Or (update_toc false): the document is bidfmt's layout draft, its TOC the plain lines inside
  // this bookmark (writer::kLayoutTocMark); their numbers are read after the one layout.
  std::string toc_mark;
  std::string pdf;      // export a PDF here when not empty
  std::string doc;      // export a Word 97–2003 .doc here when not empty
  std::string docx;     // save as DOCX here when not empty (convert_to_docx only)
  std::string anchors;  // report every bookmark whose name starts with this ("" = none)
  int timeout_seconds = 600;
};

// True when soffice and a python3 with the uno module are installed.
bool available();

// Lays out `docx` in a private headless LibreOffice. Throws Error (naming `docx`) when LibreOffice
// is missing, fails or times out.
LayoutResult layout(const std::string& docx, const LayoutOptions& options);

// What to tell a user who has no LibreOffice: the Debian command that installs it.
extern const char* const kInstallHint;

// Converts a file LibreOffice reads (.doc, .wps, .rtf, .odt) into `docx` (LibreOffice's own DOCX
// export; fields are not refreshed). Throws Error naming `input` when LibreOffice fails or times
// out; callers ask available() first, to say how to install it (kInstallHint).
void convert_to_docx(const std::string& input, const std::string& docx);

// PDF pages (1-based) of layout pages: automatic blank pages are not exported, so later pages
// move up; a blank page itself maps to 0.
std::vector<int> pdf_pages(const LayoutResult& r);

}  // namespace bidfmt::render
