// The outline as chat models write it: `#` kept for the document's title and chapters at `##`,
// or the whole draft starting at `##`. bidfmt's chapters are `#`.
#pragma once
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/document.h"

namespace bidfmt::markdown {

// After reading: a lone `#` heading before the first `##`, with no typed number while `##`
// headings have typed ones (「## 一、项目概况」), is the title (the cover's title when the front
// matter has none); then, when the shallowest
// heading is `##` or deeper, every level moves up by the difference. Each step warns.
// `typed` holds the headings whose typed number was removed, as (file, line) — file as the
// heading's `file` says ("" when one file is read). A build of several files runs this once on the
// joined document (api/inputs.cpp), so a chapter file's lone `#` is a chapter there, not a title.
using TypedHeadings = std::set<std::pair<std::string, int>>;
void normalize_outline(model::Document& doc, const TypedHeadings& typed);

}  // namespace bidfmt::markdown
