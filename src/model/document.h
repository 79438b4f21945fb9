// The document model: what a proposal says, with no formatting — the profile adds that.
#pragma once
#include <string>
#include <variant>
#include <vector>

namespace bidfmt::model {

// A run of text with its emphasis. A line break is a span with `line_break` set; a footnote
// reference mark is a span with `footnote` set (and no text).
struct Span {
  std::string text;  // UTF-8
  bool bold = false;
  bool italic = false;
  bool line_break = false;
  std::string link;          // target URL when the span is part of a hyperlink
  bool underline = false;    // <u>
  bool strike = false;       // ~~x~~, <del>, <s>
  bool superscript = false;  // <sup>
  bool subscript = false;    // <sub>
  int footnote = 0;          // n > 0: the reference mark of Document::footnotes[n - 1]
  // A cross-reference (`@tbl:id`, JSON {"ref": …}): the id of a Heading/Table/Figure; the writer
  // shows its number. ref_line / ref_file say where it was typed, for an unknown id's message.
  std::string ref{};
  int ref_line = 0;
  std::string ref_file{};
  // Same formatting (what may merge into one run).
  bool same_format(const Span& o) const {
    return bold == o.bold && italic == o.italic && link == o.link && underline == o.underline && strike == o.strike &&
           superscript == o.superscript && subscript == o.subscript;
  }
};
using Inlines = std::vector<Span>;

// #…###### — levels 1–3 are the standard's headings, 4–6 its deeper sequence 1、 (1) ①.
struct Heading {
  int level = 1;
  Inlines text;             // typed numbers already removed by the reader
  int line = 0;             // source line, for messages
  bool unnumbered = false;  // `{-}` / `{.unnumbered}`: no number, still in the TOC and outline
  std::string id{};         // cross-reference target 「sec:…」 (`{#sec:…}`), "" = none
  std::string file{};       // source file of a build from several inputs ("" = Document::source)
};

// code: one line of a code block (monospace, no first-line indent).
enum class ParagraphKind { body, quote, code };
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
  int start = 1;              // first number of an ordered list
  bool continuation = false;  // a further paragraph of the same item (no number)
  Inlines text;
  int task = 0;  // a task list item: 1 open 「[ ]」, 2 done 「[x]」 (a box instead of the bullet)
};

enum class CellAlign { none, left, center, right };
struct Table {
  std::vector<CellAlign> align;            // per column
  std::vector<Inlines> header;             // header row cells
  std::vector<std::vector<Inlines>> rows;  // body rows, each padded to the column count
  std::string caption;                     // "" when the source gave none
  int line = 0;
  // Rows counted from the header row (0) through rows (1…): the first `header_rows` rows are
  // header rows (bold, repeated on each page). HTML tables may have several.
  int header_rows = 1;
  // A merged cell: the cell at (row, col) spans `rows` × `cols` grid cells; the cells it covers
  // stay empty in header/rows.
  struct Merge {
    size_t row = 0, col = 0;
    int rows = 1, cols = 1;
  };
  std::vector<Merge> merges;
  std::string id{};    // cross-reference target 「tbl:…」, "" = none
  std::string file{};  // source file of a build from several inputs ("" = Document::source)
};

struct Figure {
  std::string path;  // resolved image path
  std::string caption;
  int line = 0;
  std::string alt;     // the image's alt text when a typed caption line replaced it as caption
  std::string id{};    // cross-reference target 「fig:…」, "" = none
  std::string file{};  // source file of a build from several inputs ("" = Document::source)
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
  std::string project;  // header left text
  std::string title;
  std::string bidder;
  std::string date;
  std::string profile;  // profile name or path; "" = default
  bool cover = true;
  bool toc = true;
};

// A non-fatal note from reading, e.g. a typed heading number that was removed.
struct Warning {
  Warning() = default;
  Warning(int l, std::string z, std::string e, std::string f = {}) : line(l), zh(std::move(z)), en(std::move(e)), file(std::move(f)) {}
  int line = 0;
  std::string zh, en;
  std::string file;  // the input file it is about, when a build reads several ("" = the input)
};

// A footnote's text, one Inlines per paragraph; referenced by Span::footnote.
struct Footnote {
  std::vector<Inlines> paragraphs;
  int line = 0;  // the definition's source line
};

struct Document {
  Meta meta;
  std::vector<Block> blocks;
  std::vector<Footnote> footnotes;  // in the order of their references
  std::vector<Warning> warnings;
  std::string source;  // input file name
};

}  // namespace bidfmt::model
