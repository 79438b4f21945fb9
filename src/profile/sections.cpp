// The readers of a profile's sections: each YAML section (page:, body:, headings:, …) → its part
// of the typed Profile, with units checked and every error naming file and line (sections.h).
#include "profile/sections.h"

#include <string>

namespace bidfmt::profile::detail {
namespace {

NumberLevel read_number(Map m) {
  NumberLevel n;
  n.format = m.str("format");
  n.text = m.str("text");
  n.suffix = m.str_or("suffix", "nothing");
  n.legal = m.boolean_or("legal", false);
  static const std::set<std::string> formats = {"decimal",
                                                "chineseCounting",
                                                "chineseCountingThousand",
                                                "decimalEnclosedCircle",
                                                "upperLetter",
                                                "lowerLetter",
                                                "upperRoman",
                                                "lowerRoman",
                                                "ideographTraditional",
                                                "bullet"};
  if (!formats.count(n.format)) m.fail(m.node("format"), "未知的编号格式「" + n.format + "」", "unknown number format '" + n.format + "'");
  if (n.suffix != "nothing" && n.suffix != "space" && n.suffix != "tab")
    m.fail(m.node("suffix"), "suffix 应为 nothing/space/tab", "suffix must be nothing, space or tab");
  return n;
}

Border read_border(Map m) {
  Border b;
  b.style = m.str("style");
  if (b.style == "none" || b.style == "nil") {
    b.style = "none";
    return b;
  }
  b.width = EighthPoints::from_pt(m.length("width").pt());
  return b;
}

void read_caption(Map m, const Profile& p, Caption& c) {
  c.label = m.str("label");
  c.number = m.str("number");
  c.number_without_h2 = m.str("number_without_h2");
  c.separator = m.str("separator");
  c.position = m.str("position");
  c.restart_level = m.integer("restart_level", 1, 6);
  c.untitled = m.str("untitled");
  c.keep_with_next = m.boolean("keep_with_next");
  if (c.untitled != "heading" && c.untitled != "none")
    m.fail(m.node("untitled"), "untitled 应为 heading 或 none", "untitled must be heading or none");
  if (c.position != "above" && c.position != "below")
    m.fail(m.node("position"), "position 应为 above 或 below", "position must be above or below");
  c.format = p.body;  // every TextFormat starts from the body's values; its keys override them
  c.format.size = m.size("size");
  c.format.bold = m.boolean("bold");
  c.format.align = m.align("align");
  c.format.first_line = FirstLineIndent{};
  if (m.has("font_east_asia")) c.format.fonts.east_asia = m.str("font_east_asia");
  if (m.has("font_latin")) c.format.fonts.latin = m.str("font_latin");
}

}  // namespace

void read_page(Map m, Profile& p) {
  p.page.width = m.page_length("width", true);
  p.page.height = m.page_length("height", true);
  p.page.margin_top = m.page_length("margin_top");
  p.page.margin_bottom = m.page_length("margin_bottom");
  p.page.margin_left = m.page_length("margin_left");
  p.page.margin_right = m.page_length("margin_right");
  p.page.gutter = m.page_length("gutter");
  std::string gutter_position = m.str("gutter_position");
  if (gutter_position != "left" && gutter_position != "top")
    m.fail(m.node("gutter_position"), "gutter_position 应为 left 或 top", "gutter_position must be left or top");
  p.page.gutter_position = gutter_position == "top" ? GutterPosition::top : GutterPosition::left;
  p.page.header_distance = m.page_length("header_distance");
  p.page.footer_distance = m.page_length("footer_distance");
  p.page.tolerance = m.page_length("tolerance");
  p.page.a3_width = m.page_length("a3_width", true);
  p.page.a3_height = m.page_length("a3_height", true);
  p.page.a3_at_end = m.boolean_or("a3_at_end", false);
  if (p.page.text_width().v <= 0) m.fail(m.node("width"), "页边距之和大于纸张宽度", "margins are wider than the page");
}

void read_fonts(Map m, Profile& p) {
  p.fonts.east_asia = m.str("east_asia");
  p.fonts.latin = m.str("latin");
}

void read_body(Map m, Profile& p) {
  TextFormat& b = p.body;
  b.fonts = p.fonts;
  b.size = m.size("size");
  b.align = m.align("align");
  b.first_line = m.indent("first_line_indent");
  b.indent_left = m.length("indent_left");
  b.indent_right = m.length("indent_right");
  b.space_before = m.length("space_before");
  b.space_after = m.length("space_after");
  b.line = m.multiple("line_spacing");
  b.character_spacing = m.length("character_spacing");
  p.quote_indent = m.indent("quote_indent");
}

void read_headings(Map& top, Profile& p) {
  YAML::Node hs = top.node("headings");
  if (!hs.IsSequence() || hs.size() == 0) top.fail(hs, "headings 应为非空列表", "headings must be a non-empty list");
  for (size_t i = 0; i < hs.size(); ++i) {
    Map m(hs[i], "headings." + std::to_string(i + 1), top.source());
    HeadingLevel h;
    h.level = m.integer("level", 1, 6);
    if (h.level != static_cast<int>(i) + 1)
      m.fail(m.node("level"), "标题级别应按 1、2、3… 依次排列", "heading levels must be listed 1, 2, 3, … in order");
    h.rule = m.str("rule");
    h.number = read_number(m.sub("number"));
    h.format = p.body;
    h.format.fonts = p.fonts;
    if (m.has("font_east_asia")) h.format.fonts.east_asia = m.str("font_east_asia");
    if (m.has("font_latin")) h.format.fonts.latin = m.str("font_latin");
    h.format.size = m.size("size");
    h.format.bold = m.boolean("bold");
    h.format.align = m.align("align");
    h.format.first_line = m.indent("first_line_indent");
    // Optional, so that a tender's `headings:` need not say it: a heading keeps with what
    // follows it, a numbered paragraph below the headings (heading.depth) does not.
    h.keep_with_next = m.boolean_or("keep_with_next", h.rule != "heading.depth");
    p.headings.push_back(h);
  }
}

void read_lists(Map m, Profile& p) {
  YAML::Node ordered = m.node("ordered");
  if (!ordered.IsSequence() || ordered.size() == 0) m.fail(ordered, "lists.ordered 应为非空列表", "lists.ordered must be a non-empty list");
  for (size_t i = 0; i < ordered.size(); ++i)
    p.lists.ordered.push_back(read_number(Map(ordered[i], "lists.ordered." + std::to_string(i + 1), m.source())));
  // One glyph for every level, or a list: one per nesting level.
  YAML::Node bullet = m.node("bullet");
  if (bullet.IsSequence()) {
    for (size_t i = 0; i < bullet.size(); ++i) {
      if (!bullet[i].IsScalar()) m.fail(bullet[i], "lists.bullet 的每一项应为文本", "each lists.bullet entry must be text");
      p.lists.bullets.push_back(bullet[i].Scalar());
    }
  } else if (bullet.IsScalar()) {
    p.lists.bullets.push_back(bullet.Scalar());
  }
  if (p.lists.bullets.empty()) m.fail(bullet, "lists.bullet 应为文本或非空列表", "lists.bullet must be text or a non-empty list");
  p.lists.first_line = m.indent("first_line_indent");
  p.lists.level_indent = m.indent("level_indent");
  p.lists.task_open = m.str("task_open");
  p.lists.task_done = m.str("task_done");
  p.lists.number_align = m.str("number_align");
  p.lists.bullet_suffix = m.str("bullet_suffix");
  if (p.lists.bullet_suffix != "nothing" && p.lists.bullet_suffix != "space" && p.lists.bullet_suffix != "tab")
    m.fail(m.node("bullet_suffix"), "bullet_suffix 应为 nothing/space/tab", "bullet_suffix must be nothing, space or tab");
  if (p.lists.number_align != "left" && p.lists.number_align != "center" && p.lists.number_align != "right")
    m.fail(m.node("number_align"), "number_align 应为 left/center/right", "number_align must be left, center or right");
}

void read_footnotes(Map m, Profile& p) {
  TextFormat& f = p.footnote;
  f = p.body;
  f.size = m.size("size");
  f.line = m.multiple("line_spacing");
  f.align = m.align("align");
  f.first_line = m.indent("first_line_indent");
}

void read_code(Map m, Profile& p) {
  TextFormat& f = p.code;
  f = p.body;
  f.fonts.latin = m.str("font_latin");
  if (m.has("font_east_asia")) f.fonts.east_asia = m.str("font_east_asia");
  f.size = m.size("size");
  f.line = m.multiple("line_spacing");
  f.align = m.align("align");
  f.first_line = m.indent("first_line_indent");
}

void read_table(Map m, Profile& p) {
  Table& t = p.table;
  t.align = m.align("align");
  t.text = p.body;
  t.text.size = m.size("size");
  t.text.line = m.multiple("line_spacing");
  t.text.first_line = FirstLineIndent{};
  t.cell_align = m.align("cell_align");
  t.text.align = t.cell_align;
  t.cell_valign = m.str("cell_valign");
  if (t.cell_valign != "top" && t.cell_valign != "center" && t.cell_valign != "bottom")
    m.fail(m.node("cell_valign"), "cell_valign 应为 top/center/bottom", "cell_valign must be top, center or bottom");
  t.header_align = m.align("header_align");
  t.header_bold = m.boolean("header_bold");
  t.header_repeat = m.boolean("header_repeat");
  t.top = read_border(m.sub("border_top"));
  t.bottom = read_border(m.sub("border_bottom"));
  t.left = read_border(m.sub("border_left"));
  t.right = read_border(m.sub("border_right"));
  t.inside_h = read_border(m.sub("border_inside_h"));
  t.inside_v = read_border(m.sub("border_inside_v"));
  t.border_color = m.color("border_color");
  t.column_width_cap = m.integer("column_width_cap", 1, 1000);
  t.column_width_floor = m.fraction("column_width_floor");
}

void read_captions(Map m, Profile& p) {
  read_caption(m.sub("table"), p, p.table_caption);
  read_caption(m.sub("figure"), p, p.figure_caption);
}

void read_figures(Map m, Profile& p) {
  p.figures.align = m.align("align");
  p.figures.line = m.multiple("line_spacing");
  p.figures.dpi = m.positive("dpi", 10000);
  p.figures.max_width = m.fraction("max_width");
  p.figures.max_height = m.fraction("max_height");
  p.figures.keep_with_next = m.boolean("keep_with_next");
}

void read_header(Map m, Profile& p) {
  HeaderFooter& hf = p.header_footer;
  hf.header_left = m.str("left");
  hf.header_right = m.str("right");
  hf.header_size = m.size("size");
  hf.header_align = m.align("align");
  hf.header_line = m.multiple("line_spacing");
  hf.header_rule_below = m.boolean("rule_below");
  hf.header_rule = read_border(m.sub("rule"));
  hf.header_rule_space = m.page_length("rule_space");
  hf.header_rule_color = m.color("rule_color");
  hf.header_on_cover = m.boolean("on_cover");
  hf.header_on_toc = m.boolean("on_toc");
}

void read_footer(Map m, Profile& p) {
  HeaderFooter& hf = p.header_footer;
  hf.footer_text = m.str("text");
  if (hf.footer_text.find("{page}") == std::string::npos)
    m.fail(m.node("text"), "footer.text 必须包含 {page}", "footer.text must contain {page}");
  hf.footer_size = m.size("size");
  hf.footer_align = m.align("align");
  hf.footer_line = m.multiple("line_spacing");
  hf.restart_at_body = m.boolean("restart_at_body");
}

void read_toc(Map m, Profile& p) {
  p.toc.title = m.str("title");
  p.toc.levels = m.integer("levels", 1, 6);
  p.toc.line = m.multiple("line_spacing");
  p.toc.title_size = m.size("title_size");
  p.toc.title_bold = m.boolean("title_bold");
  p.toc.title_align = m.align("title_align");
  p.toc.entry_align = m.align("entry_align");
  p.toc.level_indent = m.indent("level_indent");
}

void read_cover(Map m, Profile& p) {
  p.cover.label = m.str("label");
  p.cover.top_space = m.length("top_space");
  p.cover.label_space = m.length("label_space");
  p.cover.title_size = m.size("title_size");
  p.cover.project_size = m.size("project_size");
  p.cover.text_size = m.size("text_size");
  p.cover.bold = m.boolean("bold");
  p.cover.align = m.align("align");
  p.cover.line = m.multiple("line_spacing");
}

void read_text(Map m, Profile& p) {
  p.text.units = m.boolean_or("units", false);
  p.text.punctuation = m.boolean_or("punctuation", false);
  m.needed_by(p.text.units, "unit_words", p.text.unit_words, &Map::pairs);
  m.needed_by(p.text.punctuation, "marks", p.text.marks, &Map::pairs);
}

void read_output(Map m, Profile& p) {
  p.output.per_chapter = m.boolean("per_chapter");
  p.output.word2003 = m.boolean("word2003");
}

void read_render(Map m, Profile& p) {
  p.render.short_last_page = m.boolean_or("short_last_page", false);
  p.render.table_same_width = m.boolean_or("table_same_width", false);
  m.needed_by(p.render.short_last_page, "last_page_min_fill", p.render.last_page_min_fill, &Map::fraction);
  m.needed_by(p.render.table_same_width, "table_width_tolerance", p.render.table_width_tolerance, &Map::length);
}

void read_quotes(Map& top, Profile& p) {
  for (auto& [rule, sentence] : top.pairs("quotes")) p.quotes[rule] = sentence;
  // Where each entry was given, for the layer that can tell a rule ID from a typo: the line of
  // its sentence (a key that a later layer added was made anew by the merge and has no line).
  for (const auto& kv : top.node("quotes"))
    p.quote_lines[kv.first.Scalar()] = FileLine{top.source().file("quotes." + kv.first.Scalar()), line_of(kv.second)};
}

}  // namespace bidfmt::profile::detail
