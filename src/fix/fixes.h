// The fixes, one file each, in the order a pass runs them (fixer.cpp). Each reads the pass's
// document and findings and edits the parts through the Workspace; none writes a format value
// of its own — every value comes from the profile or from the parts bidfmt build writes for it.
#pragma once
#include <string>
#include <vector>

#include "core/lang.h"
#include "docx/document.h"
#include "fix/workspace.h"

namespace bidfmt::fix {

// styles.cpp — the profile's paragraph styles merged into styles.xml (same w:name replaced, the
// document's other styles kept), and the ids they have here.
void plan_styles(Workspace& ws);
void install_styles(Workspace& ws);

// numbering.cpp — the profile's heading numbering (reused when the document has it, else added
// with fresh ids), and list definitions brought to the profile's 1、 (1) ① … sequence.
void plan_numbering(Workspace& ws);
void fix_lists(Workspace& ws);
void install_numbering(Workspace& ws);

// headings.cpp — headings in the profile's heading styles with automatic numbering; paragraphs
// that only look like headings (「一、」「1.1」「第一章」, bold short lines) become headings; typed
// numbers are removed.
void fix_headings(Workspace& ws);
// The renumbering of the headings fix_headings changed, old label → new, read from the fixed
// document `doc`, into the journal's changes.
void log_renumbering(const docx::Document& doc, Journal& journal);

// captions.cpp — table and figure captions restyled and renumbered to the profile's pattern.
void fix_captions(Workspace& ws);
// 「表 3 …」「Figure 2: …」: a caption's label and number at the start of `text`.
bool looks_like_caption(const std::string& text, const profile::Profile& profile);

// words.cpp — text.punctuation and text.units: the marks and unit words check reports rewritten
// as the profile's text.marks and text.unit_words say, inside the runs (each paragraph's edit
// logged before → after); with --keep-text logged as left alone.
void fix_words(Workspace& ws);

// tables.cpp — table alignment, borders and header row.
void fix_tables(Workspace& ws);

// paragraphs.cpp — paragraphs with formatting findings: the style of their role, and direct
// formatting that contradicts it removed (emphasis in body text kept).
void fix_paragraphs(Workspace& ws);

// header_footer.cpp — body headers and footers per the profile, none on cover and TOC pages,
// page numbers restarting at the body, the _BodyEnd bookmark.
void fix_header_footer(Workspace& ws);
// The project name an existing body header shows on its left, "" when none.
std::string project_from_header(const docx::Document& doc, const profile::Profile& profile);

// page_setup.cpp — paper size, margins and gutter of every section.
void fix_page_setup(Workspace& ws);
struct PageTarget {
  int width = 0, height = 0;  // twips
  bool landscape = false;
};
// The paper a section gets: A4 (or the profile's A3 for a section already on A3), in its orientation.
PageTarget page_target(const docx::Section& s, const profile::Profile& profile);

// metadata.cpp — 暗标: the names bid.anonymous found in document properties (creator, last
// modified by, company, manager) cleared, and the authors of revisions and comments blanked.
void fix_metadata(Workspace& ws);

// notes.cpp — what fix leaves alone (content controls, tracked changes, comments, fields,
// drawings, embedded objects), as notes for the report.
std::vector<Text> notes_for(const docx::Document& doc, const std::vector<std::string>& part_names);

}  // namespace bidfmt::fix
