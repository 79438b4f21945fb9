// Line-level pre-pass: what md4c does not know — `:::` section fences and `\newpage` lines —
// and the seams between a pandoc caption line and a table written without a blank line.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "markdown/source_text.h"
#include "model/document.h"

namespace bidfmt::markdown {

// Either a stretch of Markdown [begin, end) of SourceText::text() for md4c, or a block the
// splitter produced itself (SectionStart, SectionEnd, PageBreak).
struct Piece {
  size_t begin = 0, end = 0;
  std::optional<model::Block> block;
};

// Splits lines first_line… (outside fenced code) at `::: landscape` / `::: a3` / `:::` and
// `\newpage` lines, and between a `Table:` / `: ` caption line and an adjacent `|` table line.
// Throws Error with the line for an unknown, nested, unmatched or unclosed fence.
std::vector<Piece> split_lines(const SourceText& src, int first_line, const std::string& source);

}  // namespace bidfmt::markdown
