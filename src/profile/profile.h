// Profile: every value of one format standard as typed data, loaded from styles/*.yaml.
// build, check and fix all read this; no format value lives in C++.
#pragma once
#include <algorithm>
#include <climits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/units.h"

namespace bidfmt::profile {

// Fonts by script: East Asian (w:eastAsia) and Latin/digits (w:ascii, w:hAnsi).
struct Fonts {
  std::string east_asia;
  std::string latin;
};

// Paragraph alignment values as ECMA-376 writes them (w:jc): "left", "center", "right", "both".
using Align = std::string;

// A first-line indent given either in characters (hundredths, w:firstLineChars) or as a length.
struct FirstLineIndent {
  int chars100 = 0;  // 200 = 2 characters
  Twips length;      // used when chars100 == 0
  // The twips value for a font size (Word writes both; LibreOffice reads only w:firstLine).
  // In 64 bits and clamped: the size may come from a document (w:sz="999999999").
  Twips twips_at(HalfPoints size) const {
    if (!chars100) return length;
    const long long t = static_cast<long long>(chars100) * size.v * 10 / 100;
    return Twips{static_cast<int>(std::clamp<long long>(t, INT_MIN, INT_MAX))};
  }
};

// Formatting of one kind of paragraph (body, heading level, table text, caption, …).
struct TextFormat {
  Fonts fonts;
  HalfPoints size;
  bool bold = false;
  Align align = "both";
  FirstLineIndent first_line;
  Twips indent_left, indent_right;
  Twips space_before, space_after;
  LineSpacing240 line;
  Twips character_spacing;  // w:spacing in rPr
};

// One automatic numbering level (numbering.xml w:lvl).
struct NumberLevel {
  std::string format;              // w:numFmt: decimal, chineseCounting, decimalEnclosedCircle, …
  std::string text;                // w:lvlText, e.g. "%1、"
  std::string suffix = "nothing";  // w:suff: tab, space, nothing
  bool legal = false;              // w:isLgl: show higher levels as arabic digits
};

struct HeadingLevel {
  int level = 1;     // 1..6
  std::string rule;  // the standard's rule ID, e.g. "heading.l1"
  NumberLevel number;
  TextFormat format;
  bool keep_with_next = false;  // w:keepNext: a heading stays on the page of what follows it
};

// Where the binding gutter is: the profile's `page.gutter_position` (left, or top as
// w:gutterAtTop; bidfmt never writes a gutter on the right, w:rtlGutter).
enum class GutterPosition { left, top };

struct Page {
  Twips width, height;
  Twips margin_top, margin_bottom, margin_left, margin_right;
  Twips gutter;
  GutterPosition gutter_position = GutterPosition::left;
  Twips header_distance, footer_distance;
  Twips tolerance;
  Twips a3_width, a3_height;  // `::: a3` sections
  // 「A3附图附表统一装订在全册的最后,并按章节次序排列」: build puts `::: a3` sections after the last
  // chapter (in chapter order), check reports one with body text after it (page.size).
  bool a3_at_end = false;
  // Text width of a portrait page: what a right tab or a full-width table spans.
  Twips text_width() const { return Twips{width.v - margin_left.v - margin_right.v - gutter.v}; }
};

// One table border (w:tblBorders child). style "none" means no line.
struct Border {
  std::string style = "none";  // ST_Border: single, dashed, …
  EighthPoints width;
};

struct Table {
  Align align = "center";
  TextFormat text;  // cell paragraphs
  Align cell_align = "left";
  std::string cell_valign = "center";  // w:vAlign of every cell: top, center, bottom
  Align header_align = "center";
  bool header_bold = true;
  bool header_repeat = true;
  Border top, bottom, left, right, inside_h, inside_v;
  std::string border_color;  // w:color of every drawn border: RRGGBB or auto
  // Column widths build gives a table: shares of the text width in proportion to each column's
  // longest text, counted up to `column_width_cap` characters, and no column narrower than
  // `column_width_floor` of the average.
  int column_width_cap = 0;
  double column_width_floor = 0;
};

struct Caption {
  std::string label;              // 表 / 图
  std::string number;             // "{h1}.{h2}-{n}"
  std::string number_without_h2;  // "{h1}-{n}": used while a level `number` names has not started
  std::string separator = " ";
  std::string position;   // above / below
  int restart_level = 2;  // the sequence {n} restarts at each heading of this level or above
  // What `build` names a table or figure the Markdown gave no caption: "heading" (the title of the
  // heading it stands under) or "none" (no name).
  std::string untitled = "heading";
  bool keep_with_next = false;  // the caption stays on the page of what follows it (w:keepNext)
  TextFormat format;
  // The number part (「1.1-1」) for heading counters {h1, h2, h3, …} and sequence n.
  std::string number_for(const std::vector<int>& counters, int n) const;
  // The whole caption: label + number + separator + name.
  std::string text_for(const std::vector<int>& counters, int n, const std::string& name) const {
    return label + number_for(counters, n) + (name.empty() ? "" : separator + name);
  }
};

struct HeaderFooter {
  std::string header_left;  // may contain {project}
  std::string header_right;
  HalfPoints header_size;
  Align header_align = "left";
  LineSpacing240 header_line;
  bool header_rule_below = false;
  Border header_rule;             // the rule under the header text, when header_rule_below
  std::string header_rule_color;  // its w:color: RRGGBB or auto
  Twips header_rule_space;        // its distance from the text (w:pBdr w:space, whole points)
  bool header_on_cover = false;
  bool header_on_toc = false;
  std::string footer_text;  // "第{page}页，共{pages}页"
  HalfPoints footer_size;
  Align footer_align = "center";
  LineSpacing240 footer_line;
  bool restart_at_body = true;
};

struct Toc {
  FirstLineIndent level_indent;  // added per TOC level
  std::string title;
  int levels = 3;
  LineSpacing240 line;
  HalfPoints title_size;
  bool title_bold = true;
  Align title_align = "center";
  Align entry_align = "left";  // the TOC's lines (styles TOC1…)
};

struct Cover {
  std::string label;  // 技术标
  Twips top_space;    // before the project name, and before the bidder
  Twips label_space;  // before the label (技术标)
  HalfPoints title_size, project_size, text_size;
  bool bold = true;
  Align align = "center";
  LineSpacing240 line;
};

// A standard's sentences by rule ID (a profile's `quotes:`).
using Quotes = std::map<std::string, std::string>;
// The sentence `quotes` holds for a rule, or "" when the standard has none for it.
const std::string& quote_of(const Quotes& quotes, const std::string& rule_id);

// The paragraph an image stands in (style Figure) and how build sizes the image.
struct Figures {
  Align align = "center";
  LineSpacing240 line;
  // An image is shown at its natural size (pixels at its DPI, `dpi` when the file states none),
  // scaled down to at most these shares of the text area's width and height.
  double dpi = 96;
  double max_width = 1, max_height = 1;
  bool keep_with_next = false;  // the image stays on the page of what follows it (its caption below)
};

struct Lists {
  std::vector<NumberLevel> ordered;  // 1、 (1) ① A a 1
  std::vector<std::string> bullets;  // bullet glyph per nesting level; the last one repeats
  FirstLineIndent first_line;
  FirstLineIndent level_indent;      // left indent added per nesting level
  std::string task_open, task_done;  // task list boxes 「[ ]」「[x]」
  Align number_align;                // w:lvlJc of every automatic number, the headings' and the lists'
  std::string bullet_suffix;         // what follows a bullet or task box: nothing, space or tab (w:suff)
  const std::string& bullet(int depth) const {
    return bullets[static_cast<size_t>(std::clamp(depth, 0, static_cast<int>(bullets.size()) - 1))];
  }
  // The left indent of a list paragraph at nesting level `depth` (0 = top).
  FirstLineIndent left_at(int depth) const {
    FirstLineIndent f = level_indent;
    f.chars100 *= depth;
    f.length.v *= depth;
    return f;
  }
};

// Rules on the wording itself (Standard B): units and punctuation.
struct TextRules {
  bool units = false;        // text.units: m/米, m2/平米 … not mixed
  bool punctuation = false;  // text.punctuation: full-width marks in Chinese text
  // text.unit_words: a Chinese unit word after a number → the English abbreviation the standard
  // asks for (平方米 → m², 米 → m), in the profile's order. English forms that NFKC makes equal
  // (m2 and m²) are one unit.
  std::vector<std::pair<std::string, std::string>> unit_words;
  // text.marks: an ASCII mark beside Chinese text → its full-width form (, → ，).
  std::vector<std::pair<std::string, std::string>> marks;
};

// What the output must be besides one DOCX (Standard B).
struct Output {
  bool per_chapter = false;  // output.per-chapter: one DOCX per chapter
  bool word2003 = false;     // output.word2003: also a Word 97–2003 .doc
};

// Rules that need the rendered pages (`check --render`), on only where the standard asks (Standard B).
struct RenderRules {
  bool short_last_page = false;   // layout.short-last-page: a chapter's last page less than half full
  double last_page_min_fill = 0;  // the share of the page a chapter's last page must fill (0.5: 半页)
  bool table_same_width = false;  // table.same-width: tables on one page equally wide
  Twips table_width_tolerance;    // widths within this count as the same
};

// How a value stands to the standard (docs/profile-format.md, 「标准未规定的不是规则」). Ordered
// weakest first: a group of values counts as its strongest.
enum class ValueClass {
  default_value,  // the standard leaves it open; build needs a value: check reports it only with --strict
  interpreted,    // an ambiguous sentence read one way: checked like a requirement
  required,       // the standard (or the tender, 招标文件) says it: checked
};
const char* class_name(ValueClass c);  // "default", "interpreted", "required"

// The class of a value (or of a group of values) and what it rests on.
struct Basis {
  ValueClass cls = ValueClass::default_value;
  std::string text;  // required: the sentence quoted; interpreted: the reading; default: why this value
  std::string file;  // the profile or override file that said so
};

// A place in a profile file: the file as errors name it, and its line (1-based; 0 when none).
struct FileLine {
  std::string file;
  int line = 0;
};

struct Profile {
  std::string id;
  std::string name;
  std::string source;  // file the profile came from (or "bundled:ID")
  Page page;
  Fonts fonts;
  TextFormat body;
  FirstLineIndent quote_indent;        // block quotes: left indent
  std::vector<HeadingLevel> headings;  // ordered by level
  Lists lists;
  TextFormat footnote;  // footnote text (footnotes.xml)
  TextFormat code;      // code block lines
  Table table;
  Caption table_caption, figure_caption;
  Figures figures;
  HeaderFooter header_footer;
  Toc toc;
  Cover cover;
  TextRules text;
  Output output;
  RenderRules render;
  // 暗标: check for whatever identifies the bidder (rule bid.anonymous) without being asked, and let
  // build and fix leave the bidder out of the cover and the document properties.
  bool anonymous = false;
  // The profile's `basis:` — dotted key of a value or of a group (「page」, 「captions.figure」) →
  // its class; a tender override's values are entered here as required.
  std::map<std::string, Basis> basis;
  // The profile's `quotes:` — rule ID → the sentence of this standard the rule enforces, verbatim;
  // a rule the standard has no sentence for has no entry. Reports and `bidfmt explain` show it.
  Quotes quotes;
  // Where each `quotes:` entry was given (rule ID → file and line). Whether an ID names a rule is
  // not the profile's to tell (the rule registry sits above it): bidfmt::load_profile checks it.
  std::map<std::string, FileLine> quote_lines;
  // Layered profiles (extends, --override): dotted key → the file that set it ("" = `source`).
  std::map<std::string, std::string> origins;

  const HeadingLevel* heading(int level) const;
  // The class findings on value `key` are reported by: the entry of the key or of its nearest
  // group; for a group with entries only beneath it, the strongest of those. Keys nothing
  // classifies (the loader rejects such values) count as required.
  ValueClass class_of(std::string_view key) const;
  // The basis entry that classifies `key` itself or a group above it; null when none.
  const Basis* basis_of(std::string_view key) const;
};

// Loads a profile by bundled name ("xx-2014") or by path, with its `extends:` chain (a bundled
// name or a path relative to the file) beneath it and each override file (a tender's own
// requirements, 「以招标文件要求为准」) merged on top. Throws Error naming file and line for unknown
// keys, bad units, malformed YAML, missing values or an extends cycle.
Profile load(const std::string& name_or_path, const std::vector<std::string>& overrides = {});
// The resolved profile as YAML, each value commented with the file it came from.
std::string describe(const std::string& name_or_path, const std::vector<std::string>& overrides = {});
// Parses profile text; `source` names it in errors.
Profile parse(const std::string& yaml_text, const std::string& source);
// Names of the bundled profiles.
std::vector<std::string> bundled_names();

// Unit parsing, shared with front matter and overrides. Each throws std::invalid_argument.
HalfPoints parse_font_size(const std::string& s);    // 小四, 12pt, 12
Twips parse_length(const std::string& s);            // 25mm, 12pt, 1.5cm
FirstLineIndent parse_indent(const std::string& s);  // 2字符, 0, 7.4mm
double parse_multiple(const std::string& s);         // 1.5, 1.5倍
// The Chinese name of a size (小四) or "12pt" when it has none.
std::string font_size_name(HalfPoints size);

}  // namespace bidfmt::profile
