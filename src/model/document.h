// The document model: what a proposal says, with no formatting — the profile adds that.
#pragma once
#include <string>
#include <variant>
#include <vector>

namespace bidfmt::model {

// A run of text with its emphasis. A line break is a span with `line_break` set.
struct Span {
  std::string text;  // UTF-8
  bool bold = false;
  bool italic = false;
  bool line_break = false;
  std::string link;  // target URL when the span is part of a hyperlink
};
using Inlines = std::vector<Span>;

// #…###### — levels 1–3 are the standard's headings, 4–6 its deeper sequence 1、 (1) ①.
struct Heading {
  int level = 1;
  Inlines text;  // typed numbers already removed by the reader
  int line = 0;  // source line, for messages
};

enum class ParagraphKind { body, quote };
struct Paragraph {
  ParagraphKind kind = ParagraphKind::body;
  int quote_depth = 0;
  Inlines text;
};

// One list item paragraph. Items of one list share `list_id`; nesting is `depth` (0 = top).
struct ListItem {
  int list_id = 0;
  int depth = 0;
  bool ordered = false;
  int start = 1;     // first number of an ordered list
  bool continuation = false;  // a further paragraph of the same item (no number)
  Inlines text;
};

enum class CellAlign { none, left, center, right };
struct Table {
  std::vector<CellAlign> align;           // per column
  std::vector<Inlines> header;            // header row cells
  std::vector<std::vector<Inlines>> rows; // body rows, each padded to the column count
  std::string caption;                    // "" when the source gave none
  int line = 0;
};

struct Figure {
  std::string path;      // resolved image path
  std::string caption;
  int line = 0;
};

struct PageBreak {};
struct ThematicBreak {};

// `::: landscape` / `::: a3` … `:::` — content on its own landscape page(s).
enum class PageShape { portrait, landscape, a3_landscape };
struct SectionStart {
  PageShape shape = PageShape::landscape;
};
struct SectionEnd {};

using Block = std::variant<Heading, Paragraph, ListItem, Table, Figure, PageBreak, ThematicBreak, SectionStart, SectionEnd>;

// Front matter (YAML block at the top of the Markdown file).
struct Meta {
  std::string project;   // header left text
  std::string title;
  std::string bidder;
  std::string date;
  std::string profile;   // profile name or path; "" = default
  bool cover = true;
  bool toc = true;
};

// A non-fatal note from reading, e.g. a typed heading number that was removed.
struct Warning {
  int line = 0;
  std::string zh, en;
};

struct Document {
  Meta meta;
  std::vector<Block> blocks;
  std::vector<Warning> warnings;
  std::string source;  // input file name
};

}  // namespace bidfmt::model
