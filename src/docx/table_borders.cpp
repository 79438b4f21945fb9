// Table borders per cell edge, resolved as Word draws them (ISO/IEC 29500-1 §17.4.66, §17.7.6;
// MS-OI29500 §2.1.169 for Word's own order and conflict rules).
#include "docx/table_borders.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>

#include "docx/xml.h"

namespace bidfmt::docx {
namespace {

// One border element as written: nil (explicitly no border, hides the neighbour's) is kept apart
// from none (no border of its own: the layer below or the neighbour decides).
struct Raw {
  bool set = false;
  bool nil = false;
  BorderSpec spec;
};
using RawSides = std::array<Raw, kBorderSides>;

Raw read_raw(pugi::xml_node b) {
  Raw r;
  if (!b) return r;
  r.set = true;
  std::string_view v = attr(b, "w:val");
  if (v == "nil") r.nil = true;
  if (v == "nil" || v == "none" || v.empty()) {
    r.spec = BorderSpec{"none", 0};
  } else {
    r.spec = BorderSpec{v, int_attr(b, "w:sz").value_or(0)};
  }
  return r;
}

// w:tblBorders / w:tcBorders children over `sides` (start/end are left/right in a left-to-right table).
void read_sides(RawSides& sides, pugi::xml_node el) {
  if (!el) return;
  for (int i = 0; i < kBorderSides; ++i)
    if (pugi::xml_node b = border_element(el, i)) sides[static_cast<size_t>(i)] = read_raw(b);
}

// The conditional parts of a table style (§17.7.6), in the order Word applies them: a later part
// wins over an earlier one where both apply.
enum Part { kWhole, kBand1V, kBand2V, kBand1H, kBand2H, kFirstRow, kLastRow, kFirstCol, kLastCol, kNw, kNe, kSw, kSe, kParts };
const char* const kPartNames[kParts] = {"wholeTable", "band1Vert", "band2Vert", "band1Horz", "band2Horz", "firstRow", "lastRow",
                                        "firstCol",   "lastCol",   "nwCell",    "neCell",    "swCell",    "seCell"};

struct StyleParts {
  std::array<RawSides, kParts> sides{};
  std::array<const Style*, kParts> style{};  // the style that set the part's borders
  int row_band = 1, col_band = 1;
};

// The table style's conditional borders through its basedOn chain (the base first, so the
// derived style's borders win side by side).
StyleParts style_parts(const Style* s, const StyleSheet& styles) {
  std::vector<const Style*> chain;
  for (int i = 0; s && i < 64; ++i) {
    if (std::find(chain.begin(), chain.end(), s) != chain.end()) break;
    chain.push_back(s);
    s = s->based_on.empty() ? nullptr : styles.find(s->based_on);
    if (s && s->type != "table") s = nullptr;
  }
  StyleParts out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Style* st = *it;
    pugi::xml_node tblpr = st->node.child("w:tblPr");
    if (auto v = int_attr(tblpr.child("w:tblStyleRowBandSize"), "w:val"); v && *v > 0) out.row_band = *v;
    if (auto v = int_attr(tblpr.child("w:tblStyleColBandSize"), "w:val"); v && *v > 0) out.col_band = *v;
    for (pugi::xml_node c : st->node.children("w:tblStylePr")) {
      std::string_view type = attr(c, "w:type");
      for (int p = 0; p < kParts; ++p) {
        if (type != kPartNames[p]) continue;
        RawSides before = out.sides[static_cast<size_t>(p)];
        read_sides(out.sides[static_cast<size_t>(p)], c.child("w:tblPr").child("w:tblBorders"));
        read_sides(out.sides[static_cast<size_t>(p)], c.child("w:tcPr").child("w:tcBorders"));
        for (int k = 0; k < kBorderSides; ++k)
          if (out.sides[static_cast<size_t>(p)][static_cast<size_t>(k)].set && !before[static_cast<size_t>(k)].set)
            out.style[static_cast<size_t>(p)] = st;
      }
    }
  }
  return out;
}

// One side of one cell after the layers: what the cell would draw on its own.
struct Resolved {
  BorderSpec spec{"none", 0};
  bool nil = false;
  bool cell_level = false;  // the cell's own borders or its style part's (they live in w:tcPr)
  EdgeSource source = EdgeSource::none;
  Origin origin;
  std::string_view part;
};

struct CellGeo {
  RawSides own{};            // the cell's w:tcBorders
  int grid0 = 0, grid1 = 1;  // grid columns [grid0, grid1)
  bool merged_up = false;    // w:vMerge continue: part of the cell above
};

bool none_of(const BorderSpec& b) { return b.style.empty() || b.style == "none"; }

// The border number of §17.4.66 (Word weighs a border by width × number).
int border_number(std::string_view style) {
  static const char* const kList[] = {"single",
                                      "thick",
                                      "double",
                                      "dotted",
                                      "dashed",
                                      "dotDash",
                                      "dotDotDash",
                                      "triple",
                                      "thinThickSmallGap",
                                      "thickThinSmallGap",
                                      "thinThickThinSmallGap",
                                      "thinThickMediumGap",
                                      "thickThinMediumGap",
                                      "thinThickThinMediumGap",
                                      "thinThickLargeGap",
                                      "thickThinLargeGap",
                                      "thinThickThinLargeGap",
                                      "wave",
                                      "doubleWave",
                                      "dashSmallGap",
                                      "dashDotStroked",
                                      "threeDEmboss",
                                      "threeDEngrave",
                                      "outset",
                                      "inset"};
  for (size_t i = 0; i < sizeof kList / sizeof kList[0]; ++i)
    if (style == kList[i]) return static_cast<int>(i) + 1;
  return 1;  // art borders and unknown values weigh as single
}

// True when `a` is drawn over `b` where two cells meet (MS-OI29500 §2.1.169): a cell border beats a
// table border; nil hides the other; none yields to the other; else the heavier border wins, and
// on equal weight the one earlier in the list of border styles. `a` (above or left) wins a tie.
bool wins(const Resolved& a, const Resolved& b) {
  if (a.cell_level != b.cell_level) return a.cell_level;
  if (a.nil) return true;
  if (b.nil) return false;
  if (none_of(b.spec)) return true;
  if (none_of(a.spec)) return false;
  int wa = a.spec.size * border_number(a.spec.style), wb = b.spec.size * border_number(b.spec.style);
  if (wa != wb) return wa > wb;
  return border_number(a.spec.style) <= border_number(b.spec.style);
}

}  // namespace

TableLook read_table_look(pugi::xml_node tblpr) {
  TableLook l;
  pugi::xml_node look = tblpr.child("w:tblLook");
  if (!look) return l;
  // Each flag from its attribute, else from the hex value, else Word's default look.
  long v = has_attr(look, "w:val") ? std::strtol(std::string(attr(look, "w:val")).c_str(), nullptr, 16) : 0x04A0;
  auto flag = [&](const char* name, long bit) { return has_attr(look, name) ? on_off_value(attr(look, name)) : (v & bit) != 0; };
  l.first_row = flag("w:firstRow", 0x20);
  l.last_row = flag("w:lastRow", 0x40);
  l.first_col = flag("w:firstColumn", 0x80);
  l.last_col = flag("w:lastColumn", 0x100);
  l.h_band = !flag("w:noHBand", 0x200);
  l.v_band = !flag("w:noVBand", 0x400);
  return l;
}

void resolve_table_borders(Table& t, const std::vector<pugi::xml_node>& rows, const std::vector<std::vector<pugi::xml_node>>& cells,
                           const StyleSheet& styles) {
  for (auto& e : t.edges) e.clear();
  const int nrows = static_cast<int>(cells.size());
  if (nrows == 0) return;
  pugi::xml_node tblpr = t.node.child("w:tblPr");
  const TableLook look = read_table_look(tblpr);
  const StyleParts parts = style_parts(t.style, styles);

  // Grid positions.
  std::vector<std::vector<CellGeo>> geo(static_cast<size_t>(nrows));
  for (int r = 0; r < nrows; ++r) {
    // Grid counts are bounded: a damaged file's huge gridSpan must not overflow the positions.
    constexpr int kMaxGrid = 1 << 16;
    int g = std::clamp(int_attr(rows[static_cast<size_t>(r)].child("w:trPr").child("w:gridBefore"), "w:val").value_or(0), 0, kMaxGrid);
    for (pugi::xml_node tc : cells[static_cast<size_t>(r)]) {
      CellGeo c;
      pugi::xml_node tcpr = tc.child("w:tcPr");
      read_sides(c.own, tcpr.child("w:tcBorders"));
      int span = std::clamp(int_attr(tcpr.child("w:gridSpan"), "w:val").value_or(1), 1, kMaxGrid);
      c.grid0 = g;
      c.grid1 = g + span;
      g = std::min(g + span, 1 << 30);
      if (pugi::xml_node vm = tcpr.child("w:vMerge")) c.merged_up = attr(vm, "w:val") != "restart";
      geo[static_cast<size_t>(r)].push_back(c);
    }
  }
  std::vector<RawSides> exceptions(static_cast<size_t>(nrows));
  for (int r = 0; r < nrows; ++r)
    read_sides(exceptions[static_cast<size_t>(r)], rows[static_cast<size_t>(r)].child("w:tblPrEx").child("w:tblBorders"));

  // The side `side` of cell (r, i), from its own layers.
  auto resolve = [&](int r, int i, int side) {
    const std::vector<CellGeo>& row = geo[static_cast<size_t>(r)];
    const CellGeo& c = row[static_cast<size_t>(i)];
    const bool first_cell = i == 0, last_cell = i + 1 == static_cast<int>(row.size());
    const bool top_row = r == 0, bottom_row = r + 1 == nrows;
    Resolved out;
    // 1. The cell's own borders; none means "not set here" (Word looks further).
    const Raw& o = c.own[static_cast<size_t>(side)];
    if (o.set && (o.nil || !none_of(o.spec))) {
      out.spec = o.spec;
      out.nil = o.nil;
      out.cell_level = true;
      out.source = EdgeSource::cell;
      out.origin = Origin{Source::direct};
      return out;
    }
    // 2. The style's conditional parts that apply to this cell, the last applied first.
    bool is_first_row = top_row && look.first_row, is_last_row = bottom_row && look.last_row;
    bool is_first_col = first_cell && look.first_col, is_last_col = last_cell && look.last_col;
    std::array<bool, kParts> on{};
    on[kWhole] = true;
    if (look.h_band && !is_first_row && !is_last_row) {
      int rr = r - (look.first_row ? 1 : 0);
      on[(rr / parts.row_band) % 2 == 0 ? kBand1H : kBand2H] = true;
    }
    if (look.v_band && !is_first_col && !is_last_col) {
      int cc = i - (look.first_col ? 1 : 0);
      on[(cc / parts.col_band) % 2 == 0 ? kBand1V : kBand2V] = true;
    }
    on[kFirstRow] = is_first_row;
    on[kLastRow] = is_last_row;
    on[kFirstCol] = is_first_col;
    on[kLastCol] = is_last_col;
    on[kNw] = is_first_row && is_first_col;
    on[kNe] = is_first_row && is_last_col;
    on[kSw] = is_last_row && is_first_col;
    on[kSe] = is_last_row && is_last_col;
    for (int p = kParts - 1; p >= 0; --p) {
      if (!on[static_cast<size_t>(p)]) continue;
      // Which of the part's borders lies on this side of the cell: the region's own edge, or its
      // inside line between the region's cells.
      bool rows_part = p == kBand1H || p == kBand2H || p == kFirstRow || p == kLastRow;
      bool cols_part = p == kBand1V || p == kBand2V || p == kFirstCol || p == kLastCol;
      bool corner = p >= kNw;
      int k = side;
      if (!corner) {
        if (side == kTop && !rows_part && !top_row) k = kInsideH;
        if (side == kBottom && !rows_part && !bottom_row) k = kInsideH;
        if (side == kLeft && !cols_part && !first_cell) k = kInsideV;
        if (side == kRight && !cols_part && !last_cell) k = kInsideV;
      }
      const Raw& b = parts.sides[static_cast<size_t>(p)][static_cast<size_t>(k)];
      if (!b.set) continue;
      out.spec = b.spec;
      out.nil = b.nil;
      out.cell_level = true;
      out.source = EdgeSource::style_part;
      out.origin = Origin{Source::table_style, parts.style[static_cast<size_t>(p)]};
      out.part = kPartNames[p];
      return out;
    }
    // 3. and 4. The row's exceptions, then the table's borders: outer edge or inside line.
    int k = side;
    if (side == kTop && !top_row) k = kInsideH;
    if (side == kBottom && !bottom_row) k = kInsideH;
    if (side == kLeft && !first_cell) k = kInsideV;
    if (side == kRight && !last_cell) k = kInsideV;
    const RawSides& ex = exceptions[static_cast<size_t>(r)];
    if (ex[static_cast<size_t>(k)].set) {
      out.spec = ex[static_cast<size_t>(k)].spec;
      out.source = EdgeSource::row_exception;
      out.origin = Origin{Source::direct};
      return out;
    }
    const Value<BorderSpec>& tb = t.props.borders[k];
    if (tb.set()) {
      out.spec = tb.value;
      out.source = EdgeSource::table;
      out.origin = tb.origin;
    }
    return out;
  };

  auto edge_of = [](const Resolved& v, int r, int i, int side) {
    DrawnEdge e;
    e.spec = v.nil || none_of(v.spec) ? BorderSpec{"none", 0} : v.spec;
    e.source = v.source;
    e.origin = v.origin;
    e.part = v.part;
    e.row = r;
    e.cell = i;
    e.side = static_cast<uint8_t>(side);
    return e;
  };
  // Two cells' sides meeting on one edge: the one Word draws.
  auto shared = [&](int r1, int i1, int side1, int r2, int i2, int side2) {
    Resolved a = resolve(r1, i1, side1), b = resolve(r2, i2, side2);
    bool a_wins = wins(a, b);
    DrawnEdge e = edge_of(a_wins ? a : b, r1, i1, side1);
    e.other_row = r2;
    e.other_cell = i2;
    e.from_other = !a_wins;
    return e;
  };

  // Each side's edges allocated once, counted as the loop below adds them (a 1,000-page bid's
  // tables have some 55,000; growth by doubling left a third of them unused).
  auto meets = [](const CellGeo& a, const CellGeo& b) { return !(a.grid1 <= b.grid0 || b.grid1 <= a.grid0); };
  size_t inside_v = 0, inside_h = 0;
  for (int r = 0; r < nrows; ++r) {
    const std::vector<CellGeo>& row = geo[static_cast<size_t>(r)];
    if (row.empty()) continue;
    inside_v += row.size() - 1;
    if (r + 1 < nrows)
      for (const CellGeo& b : geo[static_cast<size_t>(r) + 1])
        if (!b.merged_up)
          for (const CellGeo& a : row) inside_h += meets(a, b);
  }
  t.edges[kTop].reserve(geo.front().size());
  t.edges[kBottom].reserve(geo.back().size());
  t.edges[kLeft].reserve(static_cast<size_t>(nrows));
  t.edges[kRight].reserve(static_cast<size_t>(nrows));
  t.edges[kInsideV].reserve(inside_v);
  t.edges[kInsideH].reserve(inside_h);

  for (int r = 0; r < nrows; ++r) {
    const std::vector<CellGeo>& row = geo[static_cast<size_t>(r)];
    const int n = static_cast<int>(row.size());
    if (n == 0) continue;
    if (r == 0)
      for (int i = 0; i < n; ++i) t.edges[kTop].push_back(edge_of(resolve(r, i, kTop), r, i, kTop));
    if (r + 1 == nrows)
      for (int i = 0; i < n; ++i) t.edges[kBottom].push_back(edge_of(resolve(r, i, kBottom), r, i, kBottom));
    t.edges[kLeft].push_back(edge_of(resolve(r, 0, kLeft), r, 0, kLeft));
    t.edges[kRight].push_back(edge_of(resolve(r, n - 1, kRight), r, n - 1, kRight));
    for (int i = 0; i + 1 < n; ++i) t.edges[kInsideV].push_back(shared(r, i, kRight, r, i + 1, kLeft));
    if (r + 1 < nrows) {
      const std::vector<CellGeo>& below = geo[static_cast<size_t>(r) + 1];
      for (int j = 0; j < static_cast<int>(below.size()); ++j) {
        const CellGeo& b = below[static_cast<size_t>(j)];
        if (b.merged_up) continue;  // inside a vertically merged cell: no edge
        for (int i = 0; i < n; ++i) {
          if (!meets(row[static_cast<size_t>(i)], b)) continue;
          t.edges[kInsideH].push_back(shared(r, i, kBottom, r + 1, j, kTop));
        }
      }
    }
  }
}

}  // namespace bidfmt::docx
