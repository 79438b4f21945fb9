// The outline as chat models write it: `#` kept for the document's title and chapters at `##`,
// or the whole draft starting at `##`. bidfmt's chapters are `#`.
#pragma once
#include <vector>

#include "model/document.h"

namespace bidfmt::markdown {

// After reading: a lone `#` heading before the first `##`, with no typed number while `##`
// headings have typed ones (「## 一、项目概况」), is the title (the cover's title when the front
// matter has none); then, when the shallowest
// heading is `##` or deeper, every level moves up by the difference. Each step warns.
// `typed_number_lines` are the lines of headings whose typed number was removed.
void normalize_outline(model::Document& doc, const std::vector<int>& typed_number_lines);

}  // namespace bidfmt::markdown
