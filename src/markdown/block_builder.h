// md4c's event stream → model blocks: headings, paragraphs, list items, tables with captions,
// figures, quotes, code lines.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "markdown/source_text.h"
#include "model/document.h"

namespace bidfmt::markdown {

class BlockBuilder {
 public:
  // Appends to doc.blocks and doc.warnings; errors name `source`; images resolve against base_dir.
  BlockBuilder(const SourceText& src, const std::string& source, const std::string& base_dir, model::Document& doc);
  ~BlockBuilder();
  BlockBuilder(const BlockBuilder&) = delete;
  BlockBuilder& operator=(const BlockBuilder&) = delete;

  // Parses src.text()[begin, end) with md4c (CommonMark + GFM tables).
  void parse(size_t begin, size_t end);
  // Adds a block made outside md4c (section fence, page break).
  void add(model::Block block);
  // Makes a footnote definition known; call for every definition before parsing any text, so
  // that a reference before its definition finds it.
  void define_footnote(const std::string& label, const std::string& text, int line);
  // Ends the document: a caption paragraph still waiting for a table becomes a paragraph; a
  // footnote no text refers to becomes a paragraph at the end, with a warning.
  void finish();
  // Source lines of the headings whose typed number was removed.
  const std::vector<int>& typed_heading_lines() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bidfmt::markdown
