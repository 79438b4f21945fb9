// Table borders per cell edge as Word draws them: layers (cell, style parts, row exceptions, table)
// and the conflict of two cells' borders on one edge.
#include <gtest/gtest.h>

#include "docx/docx_fixture.h"

namespace bidfmt::docxtest {
namespace {

using docx::DrawnEdge;
using docx::EdgeSource;

std::string b(const char* side, const char* val, int sz = 0) {
  return std::string("<w:") + side + " w:val=\"" + val + "\"" + (sz ? " w:sz=\"" + std::to_string(sz) + "\"" : "") + "/>";
}

// A cell with optional tcPr content.
std::string tc(const std::string& tcpr = "", const std::string& text = "x") {
  return "<w:tc><w:tcPr>" + tcpr + "</w:tcPr><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:tc>";
}

std::string tbl(const std::string& tblpr, const std::string& rows, int cols = 2) {
  std::string grid;
  for (int i = 0; i < cols; ++i) grid += "<w:gridCol w:w=\"2000\"/>";
  return "<w:tbl><w:tblPr>" + tblpr + "</w:tblPr><w:tblGrid>" + grid + "</w:tblGrid>" + rows + "</w:tbl><w:p/>";
}

const docx::Table& only_table(const docx::Document& d) { return d.body().tables.at(0); }

TEST(TableBorders, TableBordersGiveEveryEdge) {
  Pkg p;
  p.body = tbl("<w:tblBorders>" + b("top", "single", 12) + b("bottom", "single", 12) + b("insideH", "dashed", 2) +
                   b("insideV", "dashed", 2) + "</w:tblBorders>",
               "<w:tr>" + tc() + tc() + "</w:tr><w:tr>" + tc() + tc() + "</w:tr><w:tr>" + tc() + tc() + "</w:tr>");
  auto d = read_pkg(p, "tb-table");
  const docx::Table& t = only_table(*d);
  ASSERT_EQ(t.edges[docx::kTop].size(), 2u);
  ASSERT_EQ(t.edges[docx::kInsideH].size(), 4u);
  ASSERT_EQ(t.edges[docx::kInsideV].size(), 3u);
  for (const DrawnEdge& e : t.edges[docx::kInsideH]) EXPECT_EQ(e.spec, (docx::BorderSpec{"dashed", 2}));
  for (const DrawnEdge& e : t.edges[docx::kLeft]) EXPECT_EQ(e.spec.style, "none");
  EXPECT_EQ(t.edges[docx::kTop][0].source, EdgeSource::table);
}

TEST(TableBorders, CellBorderBeatsTableBorderAndTheHeavierCellBorderWins) {
  Pkg p;
  // Row 1 cell 1 says bottom single 0.75 pt; row 2 cell 1 says top dashed 0.25 pt (weight 2×5 = 10
  // against 6×1 = 6: dashed wins). Row 1 cell 2 says bottom single 1.5 pt (12 > table's dashed).
  p.body = tbl("<w:tblBorders>" + b("insideH", "dashed", 2) + "</w:tblBorders>",
               "<w:tr>" + tc("<w:tcBorders>" + b("bottom", "single", 6) + "</w:tcBorders>") +
                   tc("<w:tcBorders>" + b("bottom", "single", 12) + "</w:tcBorders>") + "</w:tr><w:tr>" +
                   tc("<w:tcBorders>" + b("top", "dashed", 2) + "</w:tcBorders>") + tc() + "</w:tr>");
  auto d = read_pkg(p, "tb-conflict");
  const auto& h = only_table(*d).edges[docx::kInsideH];
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].spec, (docx::BorderSpec{"dashed", 2}));
  EXPECT_TRUE(h[0].from_other);
  EXPECT_EQ(h[1].spec, (docx::BorderSpec{"single", 12}));
  EXPECT_EQ(h[1].source, EdgeSource::cell);
}

TEST(TableBorders, NilHidesTheNeighboursBorderNoneYieldsToIt) {
  Pkg p;
  p.body = tbl("", "<w:tr>" + tc("<w:tcBorders>" + b("bottom", "nil") + "</w:tcBorders>") +
                       tc("<w:tcBorders>" + b("bottom", "none") + "</w:tcBorders>") + "</w:tr><w:tr>" +
                       tc("<w:tcBorders>" + b("top", "single", 4) + "</w:tcBorders>") +
                       tc("<w:tcBorders>" + b("top", "single", 4) + "</w:tcBorders>") + "</w:tr>");
  auto d = read_pkg(p, "tb-nil");
  const auto& h = only_table(*d).edges[docx::kInsideH];
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].spec.style, "none");
  EXPECT_EQ(h[1].spec, (docx::BorderSpec{"single", 4}));
}

TEST(TableBorders, StyleFirstRowPartOnlyWhenTheLookTurnsItOn) {
  Pkg p;
  p.styles = "<w:style w:type=\"table\" w:styleId=\"T\"><w:name w:val=\"Three Lines\"/><w:tblPr><w:tblBorders>" +
             b("insideH", "dashed", 2) + "</w:tblBorders></w:tblPr><w:tblStylePr w:type=\"firstRow\"><w:tcPr><w:tcBorders>" +
             b("bottom", "single", 8) + "</w:tcBorders></w:tcPr></w:tblStylePr></w:style>";
  std::string rows = "<w:tr>" + tc() + tc() + "</w:tr><w:tr>" + tc() + tc() + "</w:tr>";
  for (const auto& [look, first_row] : std::vector<std::pair<std::string, bool>>{{"", true},
                                                                                 {"<w:tblLook w:val=\"04A0\"/>", true},
                                                                                 {"<w:tblLook w:val=\"0400\"/>", false},
                                                                                 {"<w:tblLook w:firstRow=\"0\" w:lastRow=\"0\"/>", false},
                                                                                 {"<w:tblLook w:val=\"0000\" w:firstRow=\"1\"/>", true}}) {
    p.body = tbl("<w:tblStyle w:val=\"T\"/>" + look, rows);
    auto d = read_pkg(p, "tb-look");
    const auto& h = only_table(*d).edges[docx::kInsideH];
    ASSERT_EQ(h.size(), 2u) << look;
    if (first_row) {
      EXPECT_EQ(h[0].spec, (docx::BorderSpec{"single", 8})) << look;
      EXPECT_EQ(h[0].source, EdgeSource::style_part) << look;
      EXPECT_EQ(h[0].part, "firstRow") << look;
    } else {
      EXPECT_EQ(h[0].spec, (docx::BorderSpec{"dashed", 2})) << look;
    }
  }
}

TEST(TableBorders, BandedRowsAndRowExceptions) {
  Pkg p;
  // band1Horz draws a top line on rows 2 and 4 (the first band after the header row).
  p.styles = "<w:style w:type=\"table\" w:styleId=\"T\"><w:name w:val=\"Bands\"/><w:tblStylePr w:type=\"band1Horz\"><w:tcPr><w:tcBorders>" +
             b("top", "double", 4) + "</w:tcBorders></w:tcPr></w:tblStylePr></w:style>";
  std::string row = "<w:tr>" + tc() + "</w:tr>";
  std::string ex_row = "<w:tr><w:tblPrEx><w:tblBorders>" + b("bottom", "single", 12) + "</w:tblBorders></w:tblPrEx>" + tc() + "</w:tr>";
  p.body = tbl("<w:tblStyle w:val=\"T\"/><w:tblLook w:val=\"0020\"/>", row + row + row + ex_row, 1);
  auto d = read_pkg(p, "tb-bands");
  const docx::Table& t = only_table(*d);
  const auto& h = t.edges[docx::kInsideH];
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0].spec.style, "double");  // row 2 is band 1
  EXPECT_EQ(h[0].part, "band1Horz");
  EXPECT_EQ(h[1].spec.style, "none");    // row 3 is band 2
  EXPECT_EQ(h[2].spec.style, "double");  // row 4 is band 1 again
  ASSERT_EQ(t.edges[docx::kBottom].size(), 1u);
  EXPECT_EQ(t.edges[docx::kBottom][0].source, EdgeSource::row_exception);
  EXPECT_EQ(t.edges[docx::kBottom][0].spec, (docx::BorderSpec{"single", 12}));
}

TEST(TableBorders, GridSpanAndVerticalMerge) {
  Pkg p;
  // Row 1: one cell spanning both columns; rows 2–3: column 1 merged vertically.
  p.body = tbl("<w:tblBorders>" + b("insideH", "dashed", 2) + b("insideV", "dashed", 2) + "</w:tblBorders>",
               "<w:tr>" + tc("<w:gridSpan w:val=\"2\"/>") + "</w:tr><w:tr>" + tc("<w:vMerge w:val=\"restart\"/>") + tc() + "</w:tr><w:tr>" +
                   tc("<w:vMerge/>", "") + tc() + "</w:tr>");
  auto d = read_pkg(p, "tb-merge");
  const docx::Table& t = only_table(*d);
  EXPECT_EQ(t.edges[docx::kTop].size(), 1u);
  // Row 1 meets both cells of row 2; between rows 2 and 3 only column 2 has an edge.
  EXPECT_EQ(t.edges[docx::kInsideH].size(), 3u);
  EXPECT_EQ(t.edges[docx::kInsideV].size(), 2u);
}

}  // namespace
}  // namespace bidfmt::docxtest
