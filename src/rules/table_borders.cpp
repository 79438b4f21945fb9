// Rule table.borders: top/bottom 1.5 pt solid, inner lines 0.25 pt dashed, no other borders.
#include "rules/describe.h"
#include "rules/rule.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "table.borders",
    {"表格边框", "table borders"},
    {"table.border_top", "table.border_bottom", "table.border_left", "table.border_right", "table.border_inside_h",
     "table.border_inside_v"},
    Severity::error,
    true,
};

const char* const kKinds[docx::kBorderSides] = {"top", "left", "bottom", "right", "inside_h", "inside_v"};
const char* const kKeys[docx::kBorderSides] = {"table.border_top",   "table.border_left",     "table.border_bottom",
                                               "table.border_right", "table.border_inside_h", "table.border_inside_v"};
const Text kNames[docx::kBorderSides] = {{"上框线", "top border"},
                                         {"左框线", "left border"},
                                         {"下框线", "bottom border"},
                                         {"右框线", "right border"},
                                         {"内部横框线", "inside horizontal border"},
                                         {"内部竖框线", "inside vertical border"}};

docx::BorderSpec want_of(const profile::Border& b) {
  if (b.style == "none") return docx::BorderSpec{"none", 0};
  return docx::BorderSpec{b.style, b.width.v};
}

bool same(const docx::BorderSpec& a, const docx::BorderSpec& b) {
  bool a_none = a.style == "none" || a.style.empty(), b_none = b.style == "none" || b.style.empty();
  if (a_none || b_none) return a_none == b_none;
  return a.style == b.style && a.size == b.size;
}

// The conditional part of a table style, as Word's table style dialog names it.
Text part_text(std::string_view part) {
  static const std::pair<const char*, Text> kParts[] = {{"wholeTable", {"整个表格", "whole table"}},
                                                        {"firstRow", {"标题行", "header row"}},
                                                        {"lastRow", {"汇总行", "total row"}},
                                                        {"firstCol", {"第一列", "first column"}},
                                                        {"lastCol", {"最后一列", "last column"}},
                                                        {"band1Horz", {"奇条带行", "odd banded rows"}},
                                                        {"band2Horz", {"偶条带行", "even banded rows"}},
                                                        {"band1Vert", {"奇条带列", "odd banded columns"}},
                                                        {"band2Vert", {"偶条带列", "even banded columns"}},
                                                        {"nwCell", {"左上单元格", "top left cell"}},
                                                        {"neCell", {"右上单元格", "top right cell"}},
                                                        {"swCell", {"左下单元格", "bottom left cell"}},
                                                        {"seCell", {"右下单元格", "bottom right cell"}}};
  for (const auto& [name, text] : kParts)
    if (part == name) return Text{text.zh + "(" + name + ")", text.en + " (" + name + ")"};
  return plain(std::string(part));
}

// Where a drawn edge's border comes from, for the message.
Text source_text(const docx::DrawnEdge& e) {
  switch (e.source) {
    case docx::EdgeSource::none: return Text{"未设置任何边框", "no border set anywhere"};
    case docx::EdgeSource::cell: return Text{"单元格边框 w:tcBorders", "cell borders w:tcBorders"};
    case docx::EdgeSource::style_part: {
      Text s = origin_text(e.origin), p = part_text(e.part);
      return Text{s.zh + "的" + p.zh + "条件格式", s.en + ", conditional part " + p.en};
    }
    case docx::EdgeSource::row_exception: return Text{"行的表格边框例外 w:tblPrEx", "the row's table border exception w:tblPrEx"};
    case docx::EdgeSource::table:
      if (e.origin.source == docx::Source::direct) return Text{"表格边框 w:tblBorders", "table borders w:tblBorders"};
      return origin_text(e.origin);
  }
  return Text{"?", "?"};
}

// One finding per table and line kind, judged from every edge of that kind Word draws: the first
// wrong edge is named (row, column, what it shows and where that comes from) and the count said.
void check(const Context& ctx, Reporter& out) {
  const profile::Table& pt = ctx.profile.table;
  const profile::Border* want[docx::kBorderSides] = {&pt.top, &pt.left, &pt.bottom, &pt.right, &pt.inside_h, &pt.inside_v};
  const size_t all = out.mark();
  for (const docx::Table& t : ctx.doc.body().tables) {
    if (t.depth != 0 || !ctx.in_body(t.section)) continue;
    for (int kind : {docx::kTop, docx::kBottom, docx::kInsideH, docx::kInsideV, docx::kLeft, docx::kRight}) {
      const std::vector<docx::DrawnEdge>& edges = t.edges[kind];
      docx::BorderSpec w = want_of(*want[kind]);
      const docx::DrawnEdge* bad = nullptr;
      size_t wrong = 0;
      for (const docx::DrawnEdge& e : edges)
        if (!same(e.spec, w)) {
          if (!bad) bad = &e;
          ++wrong;
        }
      if (!bad) continue;
      Location at = ctx.at_table(t);
      int row = bad->from_other ? bad->other_row : bad->row, cell = bad->from_other ? bad->other_cell : bad->cell;
      at.row = row + 1;
      at.column = cell + 1;
      Text actual = border_text(bad->spec), expected = border_text(w), from = source_text(*bad);
      std::string n = std::to_string(wrong), total = std::to_string(edges.size());
      std::string where_zh = wrong == edges.size() ? "全部 " + total + " 处单元格边"
                                                   : "共 " + total + " 处单元格边中 " + n + " 处,首处在第 " + std::to_string(row + 1) +
                                                         " 行第 " + std::to_string(cell + 1) + " 列";
      std::string where_en = wrong == edges.size() ? "all " + total + " cell edges"
                                                   : n + " of " + total + " cell edges, the first at row " + std::to_string(row + 1) +
                                                         ", column " + std::to_string(cell + 1);
      out.add(kKinds[kind], at, expected, actual,
              Text{kNames[kind].zh + "为 " + actual.zh + "(" + from.zh + ";" + where_zh + "),应为 " + expected.zh,
                   kNames[kind].en + " is " + actual.en + " (" + from.en + "; " + where_en + "); expected " + expected.en});
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
