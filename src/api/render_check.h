// check --render: lay a document out with LibreOffice as it is (TOC not updated) and read the
// PDF back, so the rules can see pages. Internal to the api layer.
#pragma once
#include <vector>

#include "docx/document.h"
#include "report/report.h"
#include "rules/finding.h"
#include "rules/rendered.h"

namespace bidfmt::detail {

struct RenderedCheck {
  rules::Rendered rendered;
  std::vector<report::PageView> pages;  // with images: one PNG per page
};

// Lays `doc` out (a copy with bookmarks on the paragraphs the rules and `findings` need) and
// reads the PDF. Throws Error naming the file when LibreOffice or poppler is missing or fails.
// A section without a top margin is taken to have the profile's.
RenderedCheck render_document(const docx::Document& doc, const profile::Profile& profile, const rules::Findings& findings, bool images);

// Where each finding's place is on its page, 0–1 from the top; -1 when not known.
std::vector<double> finding_heights(const RenderedCheck& r, const docx::Document& doc, const rules::Findings& findings);

}  // namespace bidfmt::detail
