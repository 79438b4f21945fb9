// Document: a DOCX read as Word reads it — sections, paragraphs and runs with resolved formatting, tables, roles.
#pragma once
#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "docx/numbering.h"
#include "docx/package.h"
#include "docx/properties.h"
#include "docx/resolver.h"
#include "docx/styles.h"
#include "docx/theme.h"
#include "profile/profile.h"

namespace bidfmt::docx {

// What a paragraph is, for the rules.
enum class Role {
  empty,           // no visible text and no drawing
  body,            // body text
  heading,         // heading (level in Paragraph::heading_level)
  list_item,       // a numbered or bulleted paragraph that is not a heading
  quote,           // block quote (style "Quote")
  code,            // preformatted text, code (style "HTML Preformatted"): no body format applies
  table_text,      // text in a table cell
  table_caption,   // 「表…」 before a table
  figure,          // a paragraph holding a drawing
  figure_caption,  // 「图…」 after a figure
  toc,             // a table-of-contents entry
  toc_title,       // the TOC's title (style "TOC Heading")
  cover,           // anything in a cover section
  header_footer,   // a paragraph of a header or footer part
};

// One run of displayed text with its resolved formatting. Its text is a stretch of its
// paragraph's (Paragraph::text_of), not a copy: a large document's runs held as much text again.
struct Run {
  uint32_t begin = 0, size = 0;          // bytes of Paragraph::text; tabs as \t, breaks as \n
  const RunProps* props = &kNoRunProps;  // shared with runs formatted alike (owned by the Document)
  const Style* style = nullptr;          // character style
};

// Text outside fields and fields, in order (for footers: 第 {PAGE} 页，共 {PAGEREF _BodyEnd} 页);
// kept for header and footer paragraphs only.
struct Token {
  bool field = false;
  std::string text;  // literal text, or the field instruction (nested fields as {INSTR})
};

// A list that almost every paragraph leaves empty (its fields, its bookmarks): one pointer until
// something is added, not the three of a vector — a 1,000-page bid has 33,000 paragraphs.
template <typename T>
class SparseList {
 public:
  SparseList() = default;
  SparseList(const SparseList& o) : v_(o.v_ ? std::make_unique<std::vector<T>>(*o.v_) : nullptr) {}
  SparseList& operator=(const SparseList& o) {
    v_ = o.v_ ? std::make_unique<std::vector<T>>(*o.v_) : nullptr;
    return *this;
  }
  SparseList(SparseList&&) noexcept = default;
  SparseList& operator=(SparseList&&) noexcept = default;
  bool empty() const { return !v_ || v_->empty(); }
  size_t size() const { return v_ ? v_->size() : 0; }
  template <typename... A>
  T& emplace_back(A&&... a) {
    return list().emplace_back(std::forward<A>(a)...);
  }
  void push_back(T t) { list().push_back(std::move(t)); }
  T& back() { return v_->back(); }
  const T& back() const { return v_->back(); }
  const T& operator[](size_t i) const { return (*v_)[i]; }
  const T* begin() const { return v_ ? v_->data() : nullptr; }
  const T* end() const { return v_ ? v_->data() + v_->size() : nullptr; }

 private:
  std::vector<T>& list() {
    if (!v_) v_ = std::make_unique<std::vector<T>>();
    return *v_;
  }
  std::unique_ptr<std::vector<T>> v_;
};

// Members ordered by size, without padding between them: 248 bytes (33,000 of them in a
// 1,000-page bid).
struct Paragraph {
  pugi::xml_node node;
  const Style* style = nullptr;
  // Resolved formatting, shared with paragraphs formatted alike (owned by the Document).
  const ParaProps* props = &kNoParaProps;
  const RunProps* mark = &kNoRunProps;  // paragraph-mark formatting
  std::vector<Run> runs;
  std::string text;  // displayed text, without the number label
  SparseList<Token> tokens;
  // Numbering
  const Level* level = nullptr;
  std::string label;                           // the number shown, e.g. "一、" or "1.2"
  const RunProps* label_props = &kNoRunProps;  // the mark's formatting when the level adds none
  SparseList<std::string> bookmarks;
  // Set by the roles pass (body story)
  std::string_view heading_path;  // 「二、主要施工方法 › 2.3 管网工程」 (kept by the Document)

  int index = 0;    // 0-based position in its story
  int number = 0;   // 1-based paragraph number in its story (what messages show)
  int section = 0;  // 1-based section (body story), 0 in headers/footers
  Role role = Role::body;
  int heading_level = 0;  // 1..9 when role == heading
  int num_id = 0, ilvl = 0;
  // Position
  int table = 0;  // 1-based table number when in a table cell, 0 otherwise
  int row = -1, col = -1;
  int table_depth = 0;
  // Set by the roles pass (body story)
  std::array<int, 6> counts{};  // ordinals of the current headings of levels 1–6 (deeper reset)
  int content_ordinal = 0;      // position among non-empty paragraphs (for grouping findings)

  bool heading_by_text = false;  // recognised from a typed number such as 「1.1」 only
  // The paragraph switches its style's numbering off (numId 0): a heading left unnumbered on
  // purpose (附件, 附表), not one whose number is missing.
  bool numbering_off = false;
  bool has_drawing = false;
  bool right_ptab = false;  // holds a w:ptab aligned right (text after it sits at the right margin)
  bool in_toc = false;      // inside a TOC field or a TOC content control
  std::string_view text_of(const Run& r) const { return std::string_view(text).substr(r.begin, r.size); }
  // The label, its separator (w:suff) and the text, as the reader sees the paragraph.
  std::string shown() const {
    if (label.empty()) return text;
    bool gap = level && (level->suffix == "space" || level->suffix == "tab");
    return label + (gap ? " " : "") + text;
  }
};

struct CellBorders {
  Value<BorderSpec> side[kBorderSides];
};
struct Cell {
  std::vector<int> paragraphs;           // indices into the story's paragraphs
  std::unique_ptr<CellBorders> borders;  // w:tcBorders; null when the cell has none
};
struct Row {
  bool header = false;  // w:trPr/w:tblHeader
  std::vector<Cell> cells;
};

// Where the border Word draws on a cell edge came from (MS-OI29500 §2.1.169): the cell's own
// w:tcBorders, a conditional part of the table style (firstRow, band1Horz, …), the row's
// w:tblPrEx, the table's borders (w:tblBorders over the table style's whole-table borders), or
// nowhere (no border).
enum class EdgeSource : uint8_t { none, cell, style_part, row_exception, table };

// One drawn cell edge. An inner edge is shared by two cells (the one above or left is `row`/`cell`
// with side `side`; the other is `other_row`/`other_cell`, on the opposite side); Word resolves
// the two borders into the one drawn (`from_other` when the other cell's won).
struct DrawnEdge {
  BorderSpec spec;        // style "none" when nothing is drawn
  Origin origin;          // the style (table style, conditional part) or direct (w:tblBorders)
  std::string_view part;  // the conditional part's w:type for style_part
  int row = 0, cell = 0;  // 0-based row and cell index within the row
  int other_row = -1, other_cell = -1;
  EdgeSource source = EdgeSource::none;
  uint8_t side = kTop;  // kTop/kLeft/kBottom/kRight of (row, cell)
  bool from_other = false;
};  // 80 bytes (a 1,000-page bid has some 55,000)

struct Table {
  int number = 0;  // 1-based within its story
  pugi::xml_node node;
  int section = 0;
  int depth = 0;  // 0 = top level; nested tables are 1, 2, …
  const Style* style = nullptr;
  TableProps props;  // table style chain, then w:tblPr
  bool look_first_row = true;
  std::vector<Row> rows;
  // The borders Word draws, by line kind: kTop (every cell on the top edge), kBottom, kLeft,
  // kRight (the first/last cell of each row), kInsideH (every edge between two rows, per pair of
  // cells that meet), kInsideV (every edge between two cells of a row).
  std::vector<DrawnEdge> edges[kBorderSides];
  int block_before = -1;          // index of the paragraph right before the table (top-level only), -1 if none
  int block_after = -1;           // index of the paragraph right after it
  std::string_view heading_path;  // kept by the Document
  std::array<int, 6> counts{};    // heading ordinals where the table starts
  bool counted = false;
};

// A story: the body, or one header/footer part.
struct Story {
  std::string part;  // word/document.xml, word/header1.xml, …
  std::vector<Paragraph> paragraphs;
  std::vector<Table> tables;
  bool has_content = false;  // any visible text or drawing
};

enum class SectionRole { cover, toc, body };

struct Section {
  int number = 0;                                // 1-based
  int first_paragraph = 0, last_paragraph = -1;  // body paragraph indices (inclusive)
  pugi::xml_node sect_pr;
  std::optional<int> width, height, margin_top, margin_bottom, margin_left, margin_right, gutter;
  std::string_view orient;
  bool rtl_gutter = false;
  bool title_pg = false;
  std::optional<int> page_start;
  std::string_view page_format;
  // Effective header/footer parts by kind (default, first, even), inherited from the previous
  // section where this one names none (§17.10.5).
  std::map<std::string, std::string> headers, footers;
  SectionRole role = SectionRole::body;
  bool has_toc = false, has_heading = false;
};

class Document {
 public:
  // Reads `path`; throws Error naming the file when it is not a readable DOCX. The profile
  // supplies the caption labels (表/图) and heading number shapes used to classify paragraphs.
  // With `MainXml::release`, the main part's XML tree is freed as it is read (each top-level
  // paragraph and table once in the model) and the rest at the end, as release_main_xml() does:
  // the tree and the model never coexist in full, which is most of a large document's peak.
  enum class MainXml { keep, release };
  static std::unique_ptr<Document> read(const std::string& path, const profile::Profile& profile, MainXml main_xml = MainXml::keep);

  const std::string& path() const { return package_->path(); }
  const Package& package() const { return *package_; }
  const StyleSheet& styles() const { return *styles_; }
  const Numbering& numbering() const { return *numbering_; }
  const Story& body() const { return body_; }
  // Whether a location's part is the main document's: named so, or not named (a location
  // without a part is in the body).
  bool is_body_part(std::string_view part) const { return part.empty() || part == body_.part; }
  const std::vector<Section>& sections() const { return sections_; }
  // A header/footer story by part name, or null.
  const Story* story(const std::string& part) const;
  bool even_and_odd_headers() const { return even_and_odd_; }
  bool gutter_at_top() const { return gutter_at_top_; }
  // The first body section (1-based), 0 when there is none.
  int first_body_section() const;
  // Cover/TOC sections present.
  bool has_front_matter() const;
  // The number the first level-1 heading counts as: 1 for a whole bid; under a profile of one file
  // per chapter (Standard B), what the first 章 heading shows, else the file name's 「第二章」, else 1.
  // 节, 条 and caption numbers count on from it.
  int first_chapter() const { return first_chapter_; }

  // Frees the main part's XML tree and its inflated text — most of the memory of a large
  // document besides the model — for callers that need only the model (a static check): the
  // body's paragraph, table and section nodes become null. The strings the model keeps from the
  // part are copies (strings_). numbering.xml goes too (its definitions are read; the levels' pPr
  // and rPr nodes, which only the reader's resolver reads, are dropped). Rules that walk the
  // body's XML (render-only TOC check, 暗标 scan) and fix need it.
  void release_main_xml();

 private:
  friend class Reader;
  Document() = default;
  std::unique_ptr<Package> package_;
  Theme theme_;
  std::unique_ptr<StyleSheet> styles_;  // Origins point into it: never moved
  std::unique_ptr<Numbering> numbering_;
  StringPool strings_;                  // the strings the model keeps from the main part (before resolver_: outlives it)
  std::unique_ptr<Resolver> resolver_;  // owns the property sets paragraphs and runs point to
  Story body_;
  std::map<std::string, Story> parts_;
  std::vector<Section> sections_;
  std::deque<std::string> heading_paths_;  // what Paragraph/Table::heading_path point to
  bool even_and_odd_ = false;
  bool gutter_at_top_ = false;
  int first_chapter_ = 1;
};

}  // namespace bidfmt::docx
