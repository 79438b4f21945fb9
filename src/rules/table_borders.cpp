// Rule table.borders: top/bottom 1.5 pt solid, inner lines 0.25 pt dashed, no other borders.
#include "rules/describe.h"
#include "rules/rule.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "table.borders",
    {"表格边框", "table borders"},
    "边框为:上框线、下框线为1.5磅宽度直线,内部框线为0.25磅宽度虚线。",
    Severity::error,
    true,
};

const char* const kKinds[docx::kBorderSides] = {"top", "left", "bottom", "right", "inside_h", "inside_v"};
const char* const kKeys[docx::kBorderSides] = {"table.border_top",   "table.border_left",     "table.border_bottom",
                                               "table.border_right", "table.border_inside_h", "table.border_inside_v"};
const Text kNames[docx::kBorderSides] = {{"上框线", "top border"},   {"左框线", "left border"},
                                         {"下框线", "bottom border"}, {"右框线", "right border"},
                                         {"内部横框线", "inside horizontal border"}, {"内部竖框线", "inside vertical border"}};

docx::BorderSpec want_of(const profile::Border& b) {
  if (b.style == "none") return docx::BorderSpec{"none", 0};
  return docx::BorderSpec{b.style, b.width.v};
}

bool same(const docx::BorderSpec& a, const docx::BorderSpec& b) {
  bool a_none = a.style == "none" || a.style.empty(), b_none = b.style == "none" || b.style.empty();
  if (a_none || b_none) return a_none == b_none;
  return a.style == b.style && a.size == b.size;
}

void check(const Context& ctx, Reporter& out) {
  const profile::Table& pt = ctx.profile.table;
  const profile::Border* want[docx::kBorderSides] = {&pt.top, &pt.left, &pt.bottom, &pt.right, &pt.inside_h, &pt.inside_v};
  const size_t all = out.mark();
  for (const docx::Table& t : ctx.doc.body().tables) {
    if (t.depth != 0 || !ctx.in_body(t.section)) continue;
    size_t cols = 0;
    for (const docx::Row& r : t.rows) cols = std::max(cols, r.cells.size());
    bool reported[docx::kBorderSides] = {};
    for (int side = 0; side < docx::kBorderSides; ++side) {
      if (side == docx::kInsideH && t.rows.size() < 2) continue;
      if (side == docx::kInsideV && cols < 2) continue;
      docx::BorderSpec w = want_of(*want[side]);
      const docx::Value<docx::BorderSpec>& v = t.props.borders[side];
      docx::BorderSpec actual = v.set() ? v.value : docx::BorderSpec{"none", 0};
      if (same(actual, w)) continue;
      reported[side] = true;
      out.add(kKinds[side], ctx.at_table(t), border_text(w), border_text(actual),
              wrong_value(kNames[side], v, docx::BorderSpec{"none", 0}, border_text, border_text(w)));
    }
    // Cell borders (w:tcBorders) override the table's at their position.
    for (size_t ri = 0; ri < t.rows.size(); ++ri) {
      const docx::Row& r = t.rows[ri];
      for (size_t ci = 0; ci < r.cells.size(); ++ci) {
        const docx::Cell& c = r.cells[ci];
        if (!c.borders) continue;
        for (int side : {docx::kTop, docx::kLeft, docx::kBottom, docx::kRight}) {
          const docx::Value<docx::BorderSpec>& v = c.borders->side[side];
          if (!v.set()) continue;
          int pos = side;
          if (side == docx::kTop && ri > 0) pos = docx::kInsideH;
          if (side == docx::kBottom && ri + 1 < t.rows.size()) pos = docx::kInsideH;
          if (side == docx::kLeft && ci > 0) pos = docx::kInsideV;
          if (side == docx::kRight && ci + 1 < r.cells.size()) pos = docx::kInsideV;
          if (reported[pos]) continue;
          docx::BorderSpec w = want_of(*want[pos]);
          if (same(v.value, w)) continue;
          reported[pos] = true;
          Location at = ctx.at_table(t);
          at.row = static_cast<int>(ri) + 1;
          at.column = static_cast<int>(ci) + 1;
          out.add(kKinds[pos], at, border_text(w), border_text(v.value),
                  Text{"第 " + std::to_string(ri + 1) + " 行第 " + std::to_string(ci + 1) + " 列单元格边框(w:tcBorders)把" + kNames[pos].zh + "设为 " +
                           border_text(v.value).zh + ",应为 " + border_text(w).zh,
                       "cell (row " + std::to_string(ri + 1) + ", column " + std::to_string(ci + 1) + ") borders (w:tcBorders) set the " +
                           kNames[pos].en + " to " + border_text(v.value).en + "; expected " + border_text(w).en});
        }
      }
    }
  }
  // Each edge by the class of its profile value (the kinds name the edges).
  for (int side = 0; side < docx::kBorderSides; ++side) out.about(all, kKinds[side], ctx.cls(kKeys[side]));
}

}  // namespace

const Rule& table_borders_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
