// Line-level pre-pass: what md4c does not know — `:::` section fences and `\newpage` lines —
// and the seams between a pandoc caption line and a table written without a blank line.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "markdown/source_text.h"
#include "model/document.h"

namespace bidfmt::markdown {

// A footnote definition 「[^label]: text」 with its indented continuation lines, taken out of
// the text md4c sees (md4c has no footnotes; it would read the line as a link definition).
struct FootnoteDef {
  std::string label;
  std::string text;  // the note's Markdown, marker and continuation indent removed
  int line = 0;
};

// Either a stretch of Markdown [begin, end) of SourceText::text() for md4c, a block the
// splitter produced itself (SectionStart, SectionEnd, PageBreak), or a footnote definition.
struct Piece {
  size_t begin = 0, end = 0;
  std::optional<model::Block> block;
  std::optional<FootnoteDef> footnote;
};

// Splits lines first_line… (outside fenced code) at `::: landscape` / `::: a3` / `:::` and
// `\newpage` lines, around footnote definitions, and between a `Table:` / `: ` caption line and
// an adjacent `|` table line.
// Throws Error with the line for an unknown, nested, unmatched or unclosed fence.
std::vector<Piece> split_lines(const SourceText& src, int first_line, const std::string& source);

}  // namespace bidfmt::markdown
