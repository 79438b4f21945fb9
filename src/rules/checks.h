// Checks shared by several rules: fonts per character, size, bold, alignment, indents, spacing.
#pragma once
#include "rules/rule.h"

namespace bidfmt::rules {

// Fonts per character of the paragraph's runs (and of its number label when `with_label`):
// East Asian characters against want.east_asia, digits and Latin against want.latin. At most one
// finding per slot ("east_asia_font", "latin_font"), naming the first run that differs.
void check_fonts(const Context& ctx, Reporter& out, const docx::Paragraph& p, const profile::Fonts& want, const Location& where,
                 bool with_label);
// Font size of every run with visible text (and the label).
Finding* check_size(const Context& ctx, Reporter& out, const docx::Paragraph& p, HalfPoints want, const Location& where, bool with_label);
// Bold (w:b, after toggling) of every run with visible text (and the label).
Finding* check_bold(const Context& ctx, Reporter& out, const docx::Paragraph& p, bool want, const Location& where, bool with_label);
// Character spacing (w:spacing in rPr) of every run with visible text.
Finding* check_char_spacing(const Context& ctx, Reporter& out, const docx::Paragraph& p, Twips want, const Location& where);
// Paragraph alignment (w:jc).
Finding* check_align(const Context& ctx, Reporter& out, const docx::Paragraph& p, const profile::Align& want, const Location& where);
// First-line indent: w:firstLineChars when present and non-zero, else w:firstLine (±tolerance).
// With `margin_ok`, a hanging indent that brings the first line back to the margin counts as none.
Finding* check_first_line(const Context& ctx, Reporter& out, const docx::Paragraph& p, const profile::FirstLineIndent& want,
                          const Location& where, bool margin_ok);
// Left and right indents (w:left/w:leftChars, w:right/w:rightChars).
void check_side_indents(const Context& ctx, Reporter& out, const docx::Paragraph& p, const profile::FirstLineIndent& want_left,
                        Twips want_right, const Location& where);
// Space before and after (w:before/w:beforeLines/w:beforeAutospacing, and after).
void check_space(const Context& ctx, Reporter& out, const docx::Paragraph& p, Twips before, Twips after, const Location& where);
// Line spacing (w:line with w:lineRule).
Finding* check_line(const Context& ctx, Reporter& out, const docx::Paragraph& p, LineSpacing240 want, const Location& where);

// The header or footer parts that show on a section's pages: default, plus first (w:titlePg) and
// even (w:evenAndOddHeaders). Pairs of (kind, part name); the name is "" when nothing is referenced.
std::vector<std::pair<std::string, std::string>> shown_parts(const Context& ctx, const docx::Section& s, bool headers);

// The font size first-line characters are measured in: the first visible run's size.
int paragraph_font_size(const docx::Paragraph& p);
// True when the text has anything but blanks.
bool visible(const std::string& text);

// A section on the profile's A3 paper (page.a3_width × page.a3_height, either orientation).
bool is_a3(const Context& ctx, const docx::Section& s);
// Profile page.a3_at_end: the A3 sections after every body paragraph with text on other paper —
// the A3 figures and tables bound at the end, whose captions keep their own chapter's numbers.
// True for a paragraph of such a section.
bool in_trailing_a3(const Context& ctx, int section);

}  // namespace bidfmt::rules
