// Registry: one line per rule; each rule lives in the file named after its ID.
#include "rules/registry.h"

namespace bidfmt::rules {

const Rule& page_size_rule();
const Rule& page_margins_rule();
const Rule& page_gutter_rule();
const Rule& para_align_rule();
const Rule& para_indent_rule();
const Rule& para_spacing_rule();
const Rule& header_none_on_toc_rule();
const Rule& header_text_rule();
const Rule& footer_page_number_rule();
const Rule& heading_l1_rule();
const Rule& heading_l2_rule();
const Rule& heading_l3_rule();
const Rule& heading_l4_rule();
const Rule& heading_depth_rule();
const Rule& body_font_rule();
const Rule& table_align_rule();
const Rule& table_font_rule();
const Rule& table_header_row_rule();
const Rule& table_borders_rule();
const Rule& table_caption_rule();
const Rule& figure_caption_rule();
const Rule& text_units_rule();
const Rule& text_punctuation_rule();
const Rule& output_per_chapter_rule();
const Rule& bid_anonymous_rule();
const Rule& toc_page_numbers_rule();
const Rule& layout_short_last_page_rule();
const Rule& table_same_width_rule();

const std::vector<const Rule*>& all_rules() {
  static const std::vector<const Rule*> rules = {
      &page_size_rule(),
      &page_margins_rule(),
      &page_gutter_rule(),
      &para_align_rule(),
      &para_indent_rule(),
      &para_spacing_rule(),
      &header_none_on_toc_rule(),
      &header_text_rule(),
      &footer_page_number_rule(),
      &heading_l1_rule(),
      &heading_l2_rule(),
      &heading_l3_rule(),
      &heading_l4_rule(),  // Standard B; idle when no profile level names it
      &heading_depth_rule(),
      &body_font_rule(),
      &table_align_rule(),
      &table_font_rule(),
      &table_header_row_rule(),
      &table_borders_rule(),
      &table_caption_rule(),
      &figure_caption_rule(),
      &text_units_rule(),              // Standard B; idle unless the profile's text.units is on
      &text_punctuation_rule(),        // Standard B; idle unless the profile's text.punctuation is on
      &output_per_chapter_rule(),      // Standard B; idle unless the profile's output.per_chapter is on
      &bid_anonymous_rule(),           // 暗标; idle unless check --anonymous or the profile's anonymous
      &toc_page_numbers_rule(),        // render-only (check --render)
      &layout_short_last_page_rule(),  // render-only, Standard B; idle unless render.short_last_page
      &table_same_width_rule(),        // render-only, Standard B; idle unless render.table_same_width
  };
  return rules;
}

const Rule* find_rule(std::string_view id) {
  for (const Rule* r : all_rules())
    if (id == r->info.id) return r;
  return nullptr;
}

}  // namespace bidfmt::rules
