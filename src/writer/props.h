// Paragraph and run properties (w:pPr, w:rPr) as plain structs, emitted in the schema's child
// order (CT_PPrBase, EG_RPrBase in ECMA-376 Part 1 §17.3.1.26 / §17.3.2.28) — the one place
// that order is kept.
#pragma once
#include <optional>
#include <string>

#include <pugixml.hpp>

#include "profile/profile.h"

namespace bidfmt::writer {

struct RunProps {
  std::string style;                    // w:rStyle
  std::optional<profile::Fonts> fonts;  // w:rFonts ascii/hAnsi/eastAsia (+ cs, hint)
  std::optional<bool> bold, italic;
  std::optional<int> character_spacing;  // w:spacing (twips)
  std::optional<HalfPoints> size;        // w:sz + w:szCs
  bool underline = false;
  bool strike = false;     // w:strike
  std::string vert_align;  // w:vertAlign: superscript / subscript
  bool lang = false;       // w:lang en-US / zh-CN
  bool empty() const {
    return style.empty() && !fonts && !bold && !italic && !character_spacing && !size && !underline && !strike && vert_align.empty() &&
           !lang;
  }
  // Appends <w:rPr> (even when empty if `always`).
  void emit(pugi::xml_node parent, bool always = false) const;
};

struct ParaProps {
  std::string style;  // w:pStyle
  bool keep_next = false;
  bool page_break_before = false;
  std::optional<int> num_id, num_level;          // w:numPr
  std::optional<profile::Border> border_bottom;  // w:pBdr bottom (the header rule)
  int border_bottom_space = 0;                   // its w:space (points)
  std::string border_bottom_color;               // its w:color
  std::optional<int> right_tab;                  // w:tabs: one right tab at this position (twips)
  std::optional<int> right_tab_dots;             // …with a dot leader (TOC)
  std::optional<int> space_before, space_after;  // twips
  std::optional<int> line;                       // 240ths, lineRule auto
  std::optional<int> ind_left, ind_left_chars, ind_right, first_line, first_line_chars;
  std::optional<std::string> align;  // w:jc
  std::optional<int> outline_level;  // w:outlineLvl
  RunProps run;                      // paragraph mark run properties
  void emit(pugi::xml_node parent, bool always = false) const;
};

// The pPr a TextFormat asks for: spacing, indents (both twips and characters), alignment.
ParaProps para_props_of(const profile::TextFormat& f);
// The rPr a TextFormat asks for: fonts, size, bold.
RunProps run_props_of(const profile::TextFormat& f);

}  // namespace bidfmt::writer
