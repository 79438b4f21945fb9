// Raw HTML in Markdown — what chat models write: <table> with rowspan/colspan for merged header
// cells, <sup>/<sub>, <u>, <br> — read with libxml2's HTML parser into model blocks and inline
// formatting. Tags bidfmt has no format for keep their text; the caller warns of them.
#pragma once
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace bidfmt::markdown {

// Inline formatting that HTML elements switch on (nested counts, as md4c reports spans).
struct HtmlFormat {
  int bold = 0, italic = 0, underline = 0, strike = 0, superscript = 0, subscript = 0;
  // Adds `delta` (+1 on the start tag, -1 on the end tag) for element `name`; false when the
  // element is no inline format.
  bool apply(const std::string& name, int delta);
  void set(model::Span& s) const;
};

// One inline tag as md4c reports it (「<sup>」「</sup>」「<span class="x">」): the element's name
// in lower case as libxml2 reads it ("" when it reads none), and whether it is an end tag.
struct HtmlTag {
  std::string name;
  bool closing = false;
};
HtmlTag read_tag(std::string_view token);

// Elements whose text an inline run keeps without a format of their own and without a warning
// (inline code, abbreviations are plain text in a bid).
bool plain_inline(const std::string& name);

// Blocks for an HTML block: tables (thead/tbody/tfoot, th/td, rowspan, colspan, <br>, align,
// caption), paragraphs, headings, list items (ids from `next_list_id`), code lines. Elements
// that carry no format bidfmt writes are walked for their text and named in `ignored`.
std::vector<model::Block> html_blocks(std::string_view html, int line, int& next_list_id, std::set<std::string>& ignored);

}  // namespace bidfmt::markdown
