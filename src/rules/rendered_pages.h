// Helpers of the render-only rules: pages of paragraphs, tables and sections, printed page numbers.
#pragma once
#include "rules/rule.h"

namespace bidfmt::rules {

// The PDF page of a location — its body paragraph, its table, else its section's first paragraph;
// 0 when not known (no render, or the place was not located).
int page_of(const Context& ctx, const Location& where);
// The PDF page where section `section` (1-based) starts; 0 when not known.
int section_first_page(const Context& ctx, int section);
// The section a PDF page belongs to (the last one starting on or before it); 0 when not known.
int section_of_page(const Context& ctx, int page);
// The number a PDF page is numbered with, as the sections' w:pgNumType restarts say (the first
// section starts at 1; others continue unless they restart).
int printed_number(const Context& ctx, int page);
// The first located body paragraph on `page`, -1 when none.
int paragraph_on_page(const Context& ctx, int page);
// A location on a rendered page: its section, and the first located paragraph on it.
Location at_page(const Context& ctx, int page);

}  // namespace bidfmt::rules
