// Table borders as Word draws them: each cell edge resolved through the layers, then adjacent cells' borders reconciled.
#pragma once
#include <pugixml.hpp>

#include <vector>

#include "docx/document.h"

namespace bidfmt::docx {

// The look a table asks of its style (w:tblLook, §17.4.56): the attribute form, or the bits of
// the legacy hex w:val (0x0020 firstRow, 0x0040 lastRow, 0x0080 firstColumn, 0x0100 lastColumn,
// 0x0200 noHBand, 0x0400 noVBand). Without a tblLook Word uses 04A0.
struct TableLook {
  bool first_row = true, last_row = false, first_col = true, last_col = false, h_band = true, v_band = false;
};
TableLook read_table_look(pugi::xml_node tblpr);

// Fills t.edges from the rows (w:tr, in order) and their cells (w:tc) of a table whose rows and
// props are read: per cell side, w:tcBorders over the table style's conditional parts that the
// look turns on (wholeTable, bands, first/last row and column, corners, in Word's order) over
// the row's w:tblPrEx borders over the table's borders over none; then each edge two cells share
// is resolved as Word resolves conflicts (a cell border beats a table border, nil hides the other,
// else the heavier border — width × border number — wins). gridSpan, gridBefore and vMerge are
// respected: the edge inside a vertically merged cell is not drawn.
void resolve_table_borders(Table& t, const std::vector<pugi::xml_node>& rows, const std::vector<std::vector<pugi::xml_node>>& cells,
                           const StyleSheet& styles);

}  // namespace bidfmt::docx
