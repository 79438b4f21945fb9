// Markdown reader: input checks, front matter, line pre-pass, then md4c piece by piece.
#include "markdown/reader.h"

#include <algorithm>
#include <filesystem>

#include "core/file_io.h"
#include "markdown/block_builder.h"
#include "markdown/front_matter.h"
#include "markdown/line_splitter.h"
#include "markdown/outline.h"
#include "markdown/source_text.h"

namespace bidfmt::markdown {

model::Document read(const std::string& text, const std::string& source, const std::string& base_dir) {
  const SourceText src(text, source);
  model::Document doc;
  doc.source = source;
  const FrontMatter fm = read_front_matter(src, source);
  doc.meta = fm.meta;
  doc.blocks.reserve(src.line_count() / 3 + 8);

  BlockBuilder builder(src, source, base_dir, doc);
  std::vector<Piece> pieces = split_lines(src, fm.body_line, source);
  // Footnote definitions first: a reference may come before its definition.
  for (const Piece& piece : pieces)
    if (piece.footnote) builder.define_footnote(piece.footnote->label, piece.footnote->text, piece.footnote->line);
  for (Piece& piece : pieces) {
    if (piece.footnote) continue;
    if (piece.block) builder.add(std::move(*piece.block));
    else builder.parse(piece.begin, piece.end);
  }
  builder.finish();
  normalize_outline(doc, builder.typed_heading_lines());
  // Warnings in the order of the lines they name (the outline's come last from the passes).
  std::stable_sort(doc.warnings.begin(), doc.warnings.end(),
                   [](const model::Warning& a, const model::Warning& b) { return a.line < b.line; });
  return doc;
}

model::Document read_file(const std::string& path) {
  const std::string text = core::read_file(path);
  return read(text, path, std::filesystem::u8path(path).parent_path().u8string());
}

}  // namespace bidfmt::markdown
