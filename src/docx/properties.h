// Resolved formatting values with their origin, and the paragraph/run/table property sets (§17.3, §17.4).
#pragma once
#include <pugixml.hpp>

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace bidfmt::docx {

struct Style;
class Theme;

// Where a resolved value came from, in the order Word applies them (§17.7.2).
enum class Source : uint8_t {
  none,              // nowhere: Word's built-in default applies
  doc_defaults,      // w:docDefaults
  table_style,       // the table's style (whole table or a conditional part)
  paragraph_style,   // the paragraph style or one it is based on
  numbering,         // the numbering level (w:lvl pPr / rPr)
  direct_paragraph,  // w:pPr of the paragraph (or w:pPr/w:rPr for the paragraph mark)
  character_style,   // the run's character style or one it is based on
  direct,            // direct formatting: w:rPr of the run, w:tblPr / w:tcPr of a table
};

struct Origin {
  Origin() = default;
  Origin(Source s, const Style* st = nullptr, int num = 0, int lvl = 0)
      : style(st), num_id(num), ilvl(static_cast<int16_t>(lvl)), source(s) {}
  const Style* style = nullptr;  // for table_style, paragraph_style, character_style
  int num_id = 0;                // for numbering
  int16_t ilvl = 0;
  Source source = Source::none;
};  // 16 bytes: every resolved value carries two of these

// A value and the origin of the layer that set it; `below` keeps the value it replaced, so a
// message can say 「直接格式 小五 覆盖了样式 正文 的 小四」.
template <typename T>
struct Value {
  T value{};
  T below{};
  Origin origin;
  Origin below_origin;
  bool set() const { return origin.source != Source::none; }
  void assign(const T& v, const Origin& o) {
    if (set()) {
      below = value;
      below_origin = origin;
    }
    value = v;
    origin = o;
  }
  // Lays `upper` (a higher-precedence layer) over this value.
  void over(const Value& upper) {
    if (upper.set()) assign(upper.value, upper.origin);
  }
  T value_or(const T& def) const { return set() ? value : def; }
};

// A font name, and the theme slot it came through (minorEastAsia …) when it did.
struct FontRef {
  std::string_view name;
  std::string_view theme;
};

// One tab stop (w:tab in w:tabs).
struct TabStop {
  std::string_view kind;  // left, center, right, decimal, bar, clear
  int pos = 0;
};

// Paragraph properties that checking needs (w:pPr, §17.3.1).
struct ParaProps {
  Value<std::string_view> jc;      // left/right normalised from start/end
  Value<int> ind_left, ind_right;  // twips
  Value<int> first_line;           // twips; negative = hanging
  Value<int> first_line_chars;     // 1/100 char; negative = hanging; wins when non-zero
  Value<int> left_chars, right_chars;
  Value<int> before, after;              // twips
  Value<int> before_lines, after_lines;  // 1/100 line; win when set
  Value<bool> before_auto, after_auto;
  Value<int> line;                    // with line_rule auto: 240ths of a line; else twips
  Value<std::string_view> line_rule;  // auto, exact, atLeast
  Value<int> outline_lvl;             // 0..8; 9 = body text
  Value<int> num_id, ilvl;
  std::vector<TabStop> tabs;
  void over(const ParaProps& upper);
};

// Run properties that checking needs (w:rPr, §17.3.2).
struct RunProps {
  Value<FontRef> ascii, h_ansi, east_asia, cs;
  Value<std::string_view> hint;
  Value<int> size, size_cs;                   // half-points
  Value<bool> bold, bold_cs, italic, vanish;  // toggle properties (§17.7.3)
  Value<int> spacing;                         // character spacing, twips
  Value<int> scale;                           // w:w, percent
  void over(const RunProps& upper);
};

// A table border (§17.4.38 and siblings); "none" also stands for nil.
struct BorderSpec {
  std::string_view style;  // single, dashed, none, …
  int size = 0;            // eighths of a point
  bool operator==(const BorderSpec& o) const { return style == o.style && size == o.size; }
};

enum BorderSide { kTop, kLeft, kBottom, kRight, kInsideH, kInsideV, kBorderSides };

// Table-level properties (w:tblPr, §17.4.60) and cell borders (w:tcBorders).
struct TableProps {
  Value<std::string_view> jc;
  Value<int> indent;
  Value<BorderSpec> borders[kBorderSides];
  void over(const TableProps& upper);
};

// Identity keys (Resolver): two property sets with the same key are equal — every value, origin
// and overridden value (strings by content). Appends to `key`.
void fingerprint(const ParaProps& p, std::string& key);
void fingerprint(const RunProps& r, std::string& key);

// Copies of the strings the model keeps (a w:jc value, a font name, a border style), one per
// distinct string: property values read from a part point into its buffer until kept here, and
// the main part's text — a large document's biggest buffer — can then be freed (Document::MainXml).
class StringPool {
 public:
  std::string_view keep(std::string_view s);

 private:
  std::set<std::string, std::less<>> strings_;  // elements never move
};
// Points every string of a property set (values and the values they overrode) into `pool`.
void keep_strings(ParaProps& p, StringPool& pool);
void keep_strings(RunProps& r, StringPool& pool);
void keep_strings(TableProps& t, StringPool& pool);
void keep_strings(Value<BorderSpec> (&borders)[kBorderSides], StringPool& pool);

// What a paragraph or run points to before it is resolved (nothing set anywhere).
inline const ParaProps kNoParaProps{};
inline const RunProps kNoRunProps{};

// True when a w:pPr sets anything besides the style, the mark's run properties, the section and
// revision marks — i.e. direct paragraph formatting (numPr counts: it is read as num_id/ilvl).
bool has_direct_formatting(pugi::xml_node ppr);

// Applies the children of a pPr / rPr / tblPr element as a layer with origin `o`.
void apply_ppr(ParaProps& p, pugi::xml_node ppr, const Origin& o);
void apply_rpr(RunProps& r, pugi::xml_node rpr, const Origin& o, const Theme& theme);
void apply_tblpr(TableProps& t, pugi::xml_node tblpr, const Origin& o);
// Reads w:tblBorders or w:tcBorders into `borders`.
void apply_borders(Value<BorderSpec> (&borders)[kBorderSides], pugi::xml_node el, const Origin& o);
// The child of a w:pBdr / w:tblBorders / w:tcBorders element for `side`, or none (w:start and
// w:end stand for left and right in a left-to-right table).
pugi::xml_node border_element(pugi::xml_node borders, int side);

}  // namespace bidfmt::docx
