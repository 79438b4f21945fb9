// word/styles.xml: docDefaults and every named style, all values from the profile.
#include "writer/parts.h"

#include <cmath>

#include "writer/props.h"
#include "writer/xml.h"

namespace bidfmt::writer {
namespace {

struct StyleDef {
  const char* id;
  std::string name;
  const char* based_on = nullptr;
  const char* next = nullptr;
  ParaProps ppr;
  RunProps rpr;
  bool is_default = false;
  bool q_format = true;
  int ui_priority = 0;
};

void emit_style(pugi::xml_node styles, const StyleDef& d) {
  pugi::xml_node s = xml::add(styles, "w:style", "w:type", "paragraph");
  if (d.is_default) xml::set(s, "w:default", "1");
  xml::set(s, "w:styleId", d.id);
  xml::add(s, "w:name", "w:val", d.name);
  if (d.based_on) xml::add(s, "w:basedOn", "w:val", d.based_on);
  if (d.next) xml::add(s, "w:next", "w:val", d.next);
  if (d.ui_priority) xml::add(s, "w:uiPriority", "w:val", d.ui_priority);
  if (d.q_format) xml::add(s, "w:qFormat");
  ParaProps p = d.ppr;
  p.style.clear();
  p.emit(s);
  d.rpr.emit(s);
}

// A paragraph style carrying a complete TextFormat (so check resolves each value from the style).
StyleDef full(const char* id, std::string name, const profile::TextFormat& f) {
  StyleDef d;
  d.id = id;
  d.name = std::move(name);
  d.based_on = "Normal";
  d.next = "Normal";
  d.ppr = para_props_of(f);
  d.rpr = run_props_of(f);
  d.rpr.fonts.reset();  // fonts inherit from Normal unless they differ
  if (f.fonts.east_asia != "" && f.fonts.east_asia != "inherit") d.rpr.fonts = f.fonts;
  return d;
}

profile::TextFormat plain(const profile::Profile& p, HalfPoints size, const std::string& align, LineSpacing240 line) {
  profile::TextFormat f = p.body;
  f.size = size;
  f.align = align;
  f.first_line = profile::FirstLineIndent{};
  f.line = line;
  f.bold = false;
  return f;
}

}  // namespace

namespace {

// docDefaults: the body fonts and size, so text outside any style still meets body.font.
void doc_defaults(pugi::xml_node styles, const profile::Profile& p) {
  pugi::xml_node dd = xml::add(styles, "w:docDefaults");
  RunProps base;
  base.fonts = p.fonts;
  base.size = p.body.size;
  base.lang = true;
  base.emit(xml::add(dd, "w:rPrDefault"), true);
  ParaProps pbase;
  pbase.space_before = 0;
  pbase.space_after = 0;
  pbase.emit(xml::add(dd, "w:pPrDefault"), true);
}

// Normal, the headings, and the styles of body blocks: lists, quotes, tables, captions, figures.
void body_styles(pugi::xml_node styles, const profile::Profile& p) {
  StyleDef normal = full("Normal", "Normal", p.body);
  normal.based_on = nullptr;
  normal.next = nullptr;
  normal.is_default = true;
  normal.rpr.fonts = p.fonts;
  normal.rpr.character_spacing = p.body.character_spacing.v;
  emit_style(styles, normal);

  for (const profile::HeadingLevel& h : p.headings) {
    std::string id = "Heading" + std::to_string(h.level);
    StyleDef d = full("", "heading " + std::to_string(h.level), h.format);
    d.id = id.c_str();
    d.ppr.keep_next = h.keep_with_next;
    d.ppr.num_id = kHeadingNumId;
    d.ppr.num_level = h.level - 1;
    d.ppr.outline_level = h.level - 1;
    d.ui_priority = 9;
    emit_style(styles, d);
  }

  // List items: body text; the indent comes from the list level (numbering.xml).
  StyleDef list = full("ListParagraph", "List Paragraph", p.body);
  list.ui_priority = 34;
  emit_style(styles, list);

  profile::TextFormat quote_f = p.body;
  StyleDef quote = full("Quote", "Quote", quote_f);
  quote.ppr.ind_left_chars = p.quote_indent.chars100;
  quote.ppr.ind_left = p.quote_indent.twips_at(p.body.size).v;
  quote.ui_priority = 29;
  emit_style(styles, quote);

  StyleDef table_text = full("TableText", "Table Text", p.table.text);
  emit_style(styles, table_text);

  StyleDef tcap = full("TableCaption", "Table Caption", p.table_caption.format);
  tcap.ppr.keep_next = p.table_caption.keep_with_next;
  emit_style(styles, tcap);

  StyleDef fcap = full("FigureCaption", "Figure Caption", p.figure_caption.format);
  fcap.ppr.keep_next = p.figure_caption.keep_with_next;
  emit_style(styles, fcap);

  StyleDef figure = full("Figure", "Figure", plain(p, p.body.size, p.figures.align, p.figures.line));
  figure.ppr.keep_next = p.figures.keep_with_next;
  emit_style(styles, figure);
}

// The TOC's title and one style per listed level, its page number at a dotted right tab.
void toc_styles(pugi::xml_node styles, const profile::Profile& p) {
  StyleDef toc_heading = full("TOCHeading", "TOC Heading", plain(p, p.toc.title_size, p.toc.title_align, p.toc.line));
  toc_heading.rpr.bold = p.toc.title_bold;
  emit_style(styles, toc_heading);
  std::vector<std::string> toc_ids;
  for (int lvl = 1; lvl <= p.toc.levels; ++lvl) toc_ids.push_back("TOC" + std::to_string(lvl));
  for (int lvl = 1; lvl <= p.toc.levels; ++lvl) {
    StyleDef t = full("", "toc " + std::to_string(lvl), plain(p, p.body.size, p.toc.entry_align, p.toc.line));
    t.id = toc_ids[static_cast<size_t>(lvl - 1)].c_str();
    t.ppr.ind_left_chars = p.toc.level_indent.chars100 * (lvl - 1);
    t.ppr.ind_left = p.toc.level_indent.twips_at(p.body.size).v * (lvl - 1);
    t.ppr.right_tab_dots = p.page.text_width().v;
    t.ui_priority = 39;
    emit_style(styles, t);
  }
}

// Page furniture: header (with its rule below), footer, and the cover's lines.
void furniture_styles(pugi::xml_node styles, const profile::Profile& p) {
  const profile::HeaderFooter& hf = p.header_footer;
  StyleDef header = full("Header", "header", plain(p, hf.header_size, hf.header_align, hf.header_line));
  if (hf.header_rule_below && hf.header_rule.style != "none") {
    header.ppr.border_bottom = hf.header_rule;
    header.ppr.border_bottom_space = static_cast<int>(std::lround(hf.header_rule_space.pt()));
    header.ppr.border_bottom_color = hf.header_rule_color;
  }
  emit_style(styles, header);
  StyleDef footer = full("Footer", "footer", plain(p, hf.footer_size, hf.footer_align, hf.footer_line));
  emit_style(styles, footer);

  StyleDef cover_project = full("CoverProject", "Cover Project", plain(p, p.cover.project_size, p.cover.align, p.cover.line));
  cover_project.rpr.bold = p.cover.bold;
  emit_style(styles, cover_project);
  StyleDef cover_title = full("CoverTitle", "Cover Title", plain(p, p.cover.title_size, p.cover.align, p.cover.line));
  cover_title.rpr.bold = p.cover.bold;
  emit_style(styles, cover_title);
  StyleDef cover_text = full("CoverText", "Cover Text", plain(p, p.cover.text_size, p.cover.align, p.cover.line));
  emit_style(styles, cover_text);
}

// Footnote text (profile footnotes:), code lines (profile code:), and the character styles:
// the footnote reference mark, superscript in text and note, and hyperlinks (plain text in
// print: no colour, no underline).
void note_code_and_character_styles(pugi::xml_node styles, const profile::Profile& p) {
  StyleDef note = full("FootnoteText", "footnote text", p.footnote);
  note.ui_priority = 99;
  emit_style(styles, note);
  // Monospace Latin font, no first-line indent. Word's own name for preformatted text, so that
  // check knows them for code.
  StyleDef code = full("HTMLPreformatted", "HTML Preformatted", p.code);
  code.rpr.fonts = p.code.fonts;
  code.ui_priority = 99;
  emit_style(styles, code);
  pugi::xml_node ref = xml::add(styles, "w:style", "w:type", "character");
  xml::set(ref, "w:styleId", "FootnoteReference");
  xml::add(ref, "w:name", "w:val", "footnote reference");
  xml::add(ref, "w:uiPriority", "w:val", 99);
  RunProps sup;
  sup.vert_align = "superscript";
  sup.emit(ref);

  pugi::xml_node link = xml::add(styles, "w:style", "w:type", "character");
  xml::set(link, "w:styleId", "Hyperlink");
  xml::add(link, "w:name", "w:val", "Hyperlink");
  xml::add(link, "w:uiPriority", "w:val", 99);
}

}  // namespace

std::string styles_xml(const profile::Profile& p) {
  pugi::xml_document doc;
  xml::declare(doc);
  pugi::xml_node styles = doc.append_child("w:styles");
  xml::set(styles, "xmlns:w", xml::kW);
  xml::set(styles, "xmlns:r", xml::kR);
  doc_defaults(styles, p);
  body_styles(styles, p);
  toc_styles(styles, p);
  furniture_styles(styles, p);
  note_code_and_character_styles(styles, p);
  return xml::to_string(doc);
}

}  // namespace bidfmt::writer
