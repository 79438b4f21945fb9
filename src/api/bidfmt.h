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
  std::string output;         // .docx to write (atomically); a folder with split_chapters
  std::string profile;        // bundled name or path; "" = front matter's, else "xx-2014"
  std::vector<std::string> overrides;  // tender override files layered on the profile
  bool paginate = false;      // run a LibreOffice layout pass to fill TOC and footer page numbers
  std::string pdf;            // also export this PDF (implies paginate); "" = none
  bool doc = false;           // also write a Word 97–2003 .doc next to each .docx (LibreOffice)
  bool split_chapters = false;  // one DOCX per level-1 heading, named after it (output.per-chapter)
};

struct BuildResult {
  std::vector<model::Warning> warnings;  // e.g. typed heading numbers removed
  int body_pages = 0;                    // known after a layout pass, else 0
  std::vector<std::string> written;      // every file written
};

// Markdown → DOCX. Throws Error (file, line, message) when it cannot; writes nothing then.
BuildResult build(const BuildOptions& options);

// A Word template (.dotx) with every style, the numbering, header and footer of a profile, for
// writers who stay in Word or WPS.
void write_template(const std::string& profile, const std::string& output);

// `bidfmt profiles show`: the fully resolved profile as YAML, each value with the file it came from.
std::string describe_profile(const std::string& profile, const std::vector<std::string>& overrides);

}  // namespace bidfmt
