// Annotate: a DOCX written back with markup added and nothing else changed — Word comments (批注)
// on the paragraphs of findings, or bookmarks that let the layout engine say where paragraphs are.
#pragma once
#include <string>
#include <vector>

#include "core/lang.h"
#include "docx/document.h"
#include "rules/finding.h"

namespace bidfmt::annotate {

// The body paragraph (index into doc.body().paragraphs) a finding is anchored on: its paragraph
// when it names one of the body; a table's first cell paragraph; else the first paragraph of its
// section (or of the first body section, or of the document). -1 when the body has no paragraph.
int anchor_paragraph(const docx::Document& doc, const rules::Location& where);

// Writes a copy of `doc`'s file to `output` (atomically; never over the input) with one comment
// per finding, author "bidfmt", anchored by anchor_paragraph and saying the finding's message with
// expected and actual values in `lang`. Comments the document already has are kept. Returns the
// number of comments added. Throws Error naming the file on failure.
int write_comments(const docx::Document& doc, const rules::Findings& findings, const std::string& output, Lang lang);

// A bookmark to add for the layout engine: `name` on body paragraph `paragraph`.
struct Mark {
  int paragraph = 0;  // index into doc.body().paragraphs
  std::string name;
};

// Writes a copy of `doc`'s file to `output` with zero-width bookmarks added and its comment
// anchors taken out (neither changes the printed layout).
void write_marked_copy(const docx::Document& doc, const std::vector<Mark>& marks, const std::string& output);

}  // namespace bidfmt::annotate
