// bidfmt's public API: build a DOCX from Markdown, check a DOCX, fix a DOCX — all from one profile.
#pragma once
#include <string>
#include <vector>

#include "core/error.h"
#include "core/lang.h"
#include "model/document.h"

namespace bidfmt {

// ---- build ------------------------------------------------------------------------------

struct BuildOptions {
  std::string input;          // Markdown file
  std::string output;         // .docx to write (atomically)
  std::string profile;        // bundled name or path; "" = front matter's, else "xx-2014"
  bool paginate = false;      // run a LibreOffice layout pass to fill TOC and footer page numbers
  std::string pdf;            // also export this PDF (implies paginate); "" = none
};

struct BuildResult {
  std::vector<model::Warning> warnings;  // e.g. typed heading numbers removed
  int body_pages = 0;                    // known after a layout pass, else 0
};

// Markdown → DOCX. Throws Error (file, line, message) when it cannot; writes nothing then.
BuildResult build(const BuildOptions& options);

}  // namespace bidfmt
