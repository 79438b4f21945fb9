// Markdown reader: input checks, front matter, line pre-pass, then md4c piece by piece.
#include "markdown/reader.h"

#include <algorithm>
#include <filesystem>

#include "core/file_io.h"
#include "markdown/block_builder.h"
#include "markdown/encoding.h"
#include "markdown/front_matter.h"
#include "markdown/line_splitter.h"
#include "markdown/outline.h"
#include "markdown/source_text.h"

namespace bidfmt::markdown {

model::Document read(const std::string& text, const std::string& source, const std::string& base_dir, std::vector<int>* deferred_outline) {
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
  if (deferred_outline) {
    *deferred_outline = builder.typed_heading_lines();
  } else {
    TypedHeadings typed;
    for (int line : builder.typed_heading_lines()) typed.insert({"", line});
    normalize_outline(doc, typed);
  }
  // Warnings in the order of the lines they name (the outline's come last from the passes).
  std::stable_sort(doc.warnings.begin(), doc.warnings.end(),
                   [](const model::Warning& a, const model::Warning& b) { return a.line < b.line; });
  return doc;
}

model::Document read_file(const std::string& path, std::vector<int>* deferred_outline) {
  // A file saved as GBK or UTF-16 is read (ICU's converters), with a warning that names the
  // encoding; read() itself takes UTF-8 only.
  const Decoded text = to_utf8(core::read_file(path));
  model::Document doc = read(text.utf8, path, std::filesystem::u8path(path).parent_path().u8string(), deferred_outline);
  if (!text.encoding.empty()) {
    const std::string& e = text.encoding;
    doc.warnings.insert(doc.warnings.begin(), model::Warning{0, "文件是 " + e + " 编码,已按 " + e + " 读取;建议另存为 UTF-8",
                                                             "the file is encoded in " + e + "; read as " + e + " (save it as UTF-8)"});
  }
  return doc;
}

}  // namespace bidfmt::markdown
