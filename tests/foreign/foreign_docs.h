// Documents bidfmt did not write: compliant Standard A bids in the shapes Chinese Word 2016, WPS and
// LibreOffice 25.2 save them, written here as literal XML (style IDs, where fonts and sizes live,
// how tables get their borders, TOC and footer fields, markup-compatibility content), and the
// single breaks a reviewer must see in them.
#pragma once
#include <map>
#include <string>

#include "support/testkit.h"

namespace bidfmt::foreign {

inline const char* kProject = "城市道路改造工程";

// How a producer writes the document.
struct Shape {
  std::string name;
  // Style IDs (w:styleId) and whether the names are localized (「标题 1」 instead of "heading 1").
  std::string normal = "a", h1 = "1", h2 = "2", h3 = "3", header = "a3", footer = "a5", list = "a7", caption = "a9";
  std::string toc1 = "11", toc2 = "21", toc_heading = "TOC", table_style = "a8", normal_table = "a1";
  bool localized_names = false;
  bool linked_char_styles = false;  // 「标题 1 字符」 styles linked to the headings (Word)
  bool theme_defaults = false;      // docDefaults name theme fonts (等线), the styles override them (Word)
  bool defaults_only = false;       // fonts and sizes only in docDefaults: Normal and headings set none (WPS)
  enum Borders { table_borders, table_style_only, per_cell } borders = table_borders;
  bool style_first_row_bold = false;   // the header row is bold through the table style's firstRow part
  std::string look;                    // w:tblLook attributes ("" = none written)
  bool toc_sdt = false;                // the TOC in a w:sdt (Word's 「目录」 gallery)
  bool mc_ignorable = false;           // w14/w15 content under mc:Ignorable, mc:AlternateContent
  std::string total = "SECTIONPAGES";  // the footer's total-pages field (single body section)
  bool deep_items = false;             // 1、 (1) ① items on levels 4–6 of the heading list
  bool separate_list = false;          // a separate list 1、 (1) under a heading
  bool a3_section = false;             // an A3 landscape section with its own header part
};

inline Shape word2016() {
  Shape s;
  s.name = "word2016";
  s.linked_char_styles = true;
  s.theme_defaults = true;
  s.look = "w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"";
  s.toc_sdt = true;
  s.mc_ignorable = true;
  s.deep_items = true;
  return s;
}

inline Shape wps() {
  Shape s;
  s.name = "wps";
  s.normal = "1";
  s.h1 = "2";
  s.h2 = "3";
  s.h3 = "4";
  s.header = "5";
  s.footer = "6";
  s.list = "7";
  s.caption = "8";
  s.toc1 = "9";
  s.toc2 = "10";
  s.toc_heading = "11";
  s.table_style = "12";
  s.normal_table = "13";
  s.defaults_only = true;
  s.borders = Shape::table_style_only;
  s.style_first_row_bold = true;
  s.look = "w:val=\"04A0\"";  // the legacy hex form only
  s.separate_list = true;
  return s;
}

inline Shape libreoffice() {
  Shape s;
  s.name = "libreoffice";
  s.normal = "Normal";
  s.h1 = "Heading1";
  s.h2 = "Heading2";
  s.h3 = "Heading3";
  s.header = "Header";
  s.footer = "Footer";
  s.list = "ListParagraph";
  s.caption = "Caption";
  s.toc1 = "Contents1";
  s.toc2 = "Contents2";
  s.toc_heading = "ContentsHeading";
  s.table_style = "TableGrid";
  s.normal_table = "TableNormal";
  s.borders = Shape::per_cell;
  s.mc_ignorable = true;
  s.total = "PAGEREF _BodyEnd";
  s.deep_items = true;
  s.a3_section = true;
  return s;
}

inline Shape localized() {
  Shape s = word2016();
  s.name = "localized";
  s.h1 = "标题1";
  s.h2 = "标题2";
  s.h3 = "标题3";
  s.localized_names = true;
  s.toc_sdt = false;
  s.borders = Shape::per_cell;
  return s;
}

// What a variant changes in the XML it writes; each names the rule that must report it.
struct Break {
  std::string heading2_size;      // e.g. "28": direct size on a level-2 heading
  bool first_row_rule = false;    // the table style's firstRow part draws a solid rule under the header row
  bool cell_inner_solid = false;  // per-cell borders: the second row's top and bottom 1.5 pt solid (heavier than the neighbours' dashed)
  bool outer_top_thin = false;    // the top line 0.5 pt on every cell
  bool deep_item_letter = false;  // level 4 of the heading list shows 「A.」
  bool a3_header_a4_tab = false;  // the A3 section's own header keeps the A4 right tab
  bool body_indent = false;       // one body paragraph without first-line indent
  bool toc_spacing = false;       // TOC entries 1.5 lines
  bool header_text = false;       // header right text 「商务标」
  std::string look;               // replaces the shape's w:tblLook attributes
  bool theme_font_left = false;   // one paragraph's run names the theme's East Asian font (等线) directly
  std::string total;              // replaces the shape's total-pages field
  bool header_word_tabs = false;  // the header style keeps Word's stops (centre 4153, right 8306): one tab lands centred
};

namespace detail {

inline std::string esc(const std::string& s) { return s; }  // the texts here hold no markup

inline std::string rfonts() {
  return "<w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"宋体\" w:cs=\"Times New Roman\" w:hint=\"eastAsia\"/>";
}
inline std::string sz(int hp) { return "<w:sz w:val=\"" + std::to_string(hp) + "\"/><w:szCs w:val=\"" + std::to_string(hp) + "\"/>"; }

inline std::string style(const std::string& type, const std::string& id, const std::string& name, const std::string& inner,
                         bool is_default = false) {
  return "<w:style w:type=\"" + type + "\"" + (is_default ? " w:default=\"1\"" : "") + " w:styleId=\"" + id + "\"><w:name w:val=\"" + name +
         "\"/>" + inner + "</w:style>";
}

inline std::string border(const char* side, const std::string& val, int size) {
  if (val == "nil") return std::string("<w:") + side + " w:val=\"nil\"/>";
  return std::string("<w:") + side + " w:val=\"" + val + "\" w:sz=\"" + std::to_string(size) + "\" w:space=\"0\" w:color=\"000000\"/>";
}

// Standard A's table borders as a w:tblBorders (or a style's).
inline std::string standard_tbl_borders() {
  return "<w:tblBorders>" + border("top", "single", 12) + border("left", "nil", 0) + border("bottom", "single", 12) +
         border("right", "nil", 0) + border("insideH", "dashed", 2) + border("insideV", "dashed", 2) + "</w:tblBorders>";
}

inline std::string styles_xml(const Shape& s, const Break& b) {
  std::string x;
  // docDefaults
  std::string dd_fonts =
      s.theme_defaults
          ? "<w:rFonts w:asciiTheme=\"minorHAnsi\" w:eastAsiaTheme=\"minorEastAsia\" w:hAnsiTheme=\"minorHAnsi\" w:cstheme=\"minorBidi\"/>"
          : rfonts();
  int dd_size = s.theme_defaults ? 21 : 24;
  x += "<w:docDefaults><w:rPrDefault><w:rPr>" + dd_fonts + "<w:kern w:val=\"2\"/>" + sz(dd_size) +
       "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault>" +
       (s.defaults_only ? "<w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"360\" w:lineRule=\"auto\"/></w:pPr>" : "") +
       "</w:pPrDefault></w:docDefaults>";
  std::string normal_rpr = s.defaults_only ? "" : "<w:rPr>" + rfonts() + sz(24) + "</w:rPr>";
  std::string normal_spacing = s.defaults_only ? "" : "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"360\" w:lineRule=\"auto\"/>";
  x += style("paragraph", s.normal, s.localized_names ? "正文" : "Normal",
             "<w:qFormat/><w:pPr><w:widowControl w:val=\"0\"/>" + normal_spacing +
                 "<w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/><w:jc w:val=\"both\"/></w:pPr>" + normal_rpr,
             true);
  x += style("character", s.localized_names ? "a0" : (s.normal == "a" ? "a0" : "DefaultParagraphFont"),
             s.localized_names ? "默认段落字体" : "Default Paragraph Font", "<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/>",
             true);
  x += style(
      "table", s.normal_table, s.localized_names ? "普通表格" : "Normal Table",
      "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" "
      "w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>",
      true);
  // Headings: Word's own sizes (二号, 三号) and bold overridden to 小四 for the bid.
  const std::string hs[3] = {s.h1, s.h2, s.h3};
  for (int i = 0; i < 3; ++i) {
    std::string lvl = std::to_string(i + 1);
    std::string name = s.localized_names ? "标题 " + lvl : "heading " + lvl;
    std::string rpr = s.defaults_only ? (i == 2 ? "" : "<w:b/><w:bCs/>")
                                      : rfonts() + (i == 2 ? std::string("<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>") : "<w:b/><w:bCs/>") +
                                            "<w:kern w:val=\"0\"/>" + sz(24);
    std::string inner =
        "<w:basedOn w:val=\"" + s.normal + "\"/><w:next w:val=\"" + s.normal + "\"/>" +
        (s.linked_char_styles ? "<w:link w:val=\"" + lvl + "0\"/>" : "") + "<w:uiPriority w:val=\"9\"/><w:qFormat/>" +
        "<w:pPr><w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val=\"" + std::to_string(i) + "\"/><w:numId w:val=\"1\"/></w:numPr>" +
        "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"360\" w:lineRule=\"auto\"/><w:ind w:left=\"0\" w:firstLineChars=\"0\" w:firstLine=\"0\"/>" +
        "<w:jc w:val=\"left\"/><w:outlineLvl w:val=\"" + std::to_string(i) + "\"/></w:pPr>" +
        (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>");
    x += style("paragraph", hs[i], name, inner);
    if (s.linked_char_styles)
      x += "<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"" + lvl + "0\"><w:name w:val=\"标题 " + lvl +
           " 字符\"/><w:basedOn w:val=\"a0\"/><w:link w:val=\"" + hs[i] + "\"/><w:uiPriority w:val=\"9\"/><w:rPr>" + rfonts() +
           (i == 2 ? "" : "<w:b/><w:bCs/>") + sz(24) + "</w:rPr></w:style>";
  }
  // Header and footer: Word's tab stops (4153 centre, 8306 right) cleared, the right one at the text width.
  x += style(
      "paragraph", s.header, s.localized_names ? "页眉" : "header",
      "<w:basedOn w:val=\"" + s.normal + "\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:pPr><w:tabs>" +
          (b.header_word_tabs
               ? "<w:tab w:val=\"center\" w:pos=\"4153\"/><w:tab w:val=\"right\" w:pos=\"8306\"/>"
               : "<w:tab w:val=\"clear\" w:pos=\"4153\"/><w:tab w:val=\"clear\" w:pos=\"8306\"/><w:tab w:val=\"right\" w:pos=\"9412\"/>") +
          "</w:tabs><w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"240\" w:lineRule=\"auto\"/>"
          "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"left\"/></w:pPr><w:rPr>" +
          sz(18) + "</w:rPr>");
  x += style("paragraph", s.footer, s.localized_names ? "页脚" : "footer",
             "<w:basedOn w:val=\"" + s.normal +
                 "\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:pPr><w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"240\" "
                 "w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr>" +
                 sz(18) + "</w:rPr>");
  x += style("paragraph", s.list, s.localized_names ? "列表段落" : "List Paragraph",
             "<w:basedOn w:val=\"" + s.normal +
                 "\"/><w:uiPriority w:val=\"34\"/><w:qFormat/><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/></w:pPr>");
  x += style("paragraph", s.caption, s.localized_names ? "题注" : "caption",
             "<w:basedOn w:val=\"" + s.normal + "\"/><w:next w:val=\"" + s.normal +
                 "\"/><w:uiPriority w:val=\"35\"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>"
                 "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:bCs/>" +
                 sz(24) + "</w:rPr>");
  std::string toc_spacing =
      b.toc_spacing ? "<w:spacing w:line=\"360\" w:lineRule=\"auto\"/>" : "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>";
  x += style("paragraph", s.toc1, s.localized_names ? "目录 1" : "toc 1",
             "<w:basedOn w:val=\"" + s.normal + "\"/><w:next w:val=\"" + s.normal +
                 "\"/><w:uiPriority w:val=\"39\"/><w:unhideWhenUsed/><w:pPr>" + toc_spacing +
                 "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/></w:pPr>");
  x += style("paragraph", s.toc2, s.localized_names ? "目录 2" : "toc 2",
             "<w:basedOn w:val=\"" + s.normal + "\"/><w:next w:val=\"" + s.normal +
                 "\"/><w:uiPriority w:val=\"39\"/><w:unhideWhenUsed/><w:pPr>" + toc_spacing +
                 "<w:ind w:leftChars=\"200\" w:left=\"480\" w:firstLineChars=\"0\" w:firstLine=\"0\"/></w:pPr>");
  x += style(
      "paragraph", s.toc_heading, "TOC Heading",
      "<w:basedOn w:val=\"" + s.normal + "\"/><w:next w:val=\"" + s.normal +
          "\"/><w:uiPriority w:val=\"39\"/><w:unhideWhenUsed/><w:qFormat/><w:pPr>"
          "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"9\"/></w:pPr>"
          "<w:rPr><w:b/><w:bCs/>" +
          sz(30) + "</w:rPr>");
  // The table style: Standard A's lines (WPS: the table names only this style), or Word's grid.
  std::string ts_inner = "<w:basedOn w:val=\"" + s.normal_table + "\"/><w:uiPriority w:val=\"59\"/><w:tblPr>";
  if (s.borders == Shape::table_style_only) ts_inner += standard_tbl_borders();
  else
    ts_inner += "<w:tblBorders>" + border("top", "single", 4) + border("left", "single", 4) + border("bottom", "single", 4) +
                border("right", "single", 4) + border("insideH", "single", 4) + border("insideV", "single", 4) + "</w:tblBorders>";
  ts_inner += "</w:tblPr>";
  if (s.style_first_row_bold || b.first_row_rule) {
    ts_inner += "<w:tblStylePr w:type=\"firstRow\">";
    if (s.style_first_row_bold) ts_inner += "<w:rPr><w:b/><w:bCs/></w:rPr>";
    if (b.first_row_rule) ts_inner += "<w:tcPr><w:tcBorders>" + border("bottom", "single", 6) + "</w:tcBorders></w:tcPr>";
    ts_inner += "</w:tblStylePr>";
  }
  x += style("table", s.table_style, s.borders == Shape::table_style_only ? "三线表" : (s.localized_names ? "网格型" : "Table Grid"),
             ts_inner);
  return x;
}

inline std::string numbering_xml(const Shape& s, const Break& b) {
  auto lvl = [](int ilvl, const std::string& fmt, const std::string& text, const std::string& suff, const std::string& pstyle, bool legal,
                const std::string& ind) {
    return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\" w:tplc=\"0409000F\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" + fmt + "\"/>" +
           (pstyle.empty() ? "" : "<w:pStyle w:val=\"" + pstyle + "\"/>") + (legal ? "<w:isLgl/>" : "") + "<w:suff w:val=\"" + suff +
           "\"/><w:lvlText w:val=\"" + text + "\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind " + ind + "/></w:pPr></w:lvl>";
  };
  const std::string head = "w:left=\"0\" w:firstLine=\"0\"";
  const std::string deep = "w:left=\"0\" w:firstLineChars=\"200\" w:firstLine=\"480\"";
  std::string x =
      "<w:abstractNum w:abstractNumId=\"0\" w15:restartNumberingAfterBreak=\"0\"><w:nsid w:val=\"2A3B4C5D\"/><w:multiLevelType w:val=\"multilevel\"/>";
  x += lvl(0, "chineseCounting", "%1、", "nothing", s.h1, false, head);
  x += lvl(1, "decimal", "%1.%2", "space", s.h2, true, head);
  x += lvl(2, "decimal", "%1.%2.%3", "space", s.h3, true, head);
  x +=
      b.deep_item_letter ? lvl(3, "upperLetter", "%4.", "nothing", "", false, deep) : lvl(3, "decimal", "%4、", "nothing", "", false, deep);
  x += lvl(4, "decimal", "(%5)", "nothing", "", false, deep);
  x += lvl(5, "decimalEnclosedCircle", "%6", "nothing", "", false, deep);
  x += lvl(6, "upperLetter", "%7", "space", "", false, deep);
  x += lvl(7, "lowerLetter", "%8", "space", "", false, deep);
  x += lvl(8, "decimal", "%9", "space", "", false, deep);
  x += "</w:abstractNum>";
  // A list of its own (items under a heading, not continuing it).
  x += "<w:abstractNum w:abstractNumId=\"1\"><w:nsid w:val=\"11223344\"/><w:multiLevelType w:val=\"hybridMultilevel\"/>";
  x += lvl(0, "decimal", "%1、", "nothing", "", false, deep);
  x += lvl(1, "decimal", "(%2)", "nothing", "", false, deep);
  x += lvl(2, "decimalEnclosedCircle", "%3", "nothing", "", false, deep);
  x += "</w:abstractNum>";
  x += "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>";
  return x;
}

inline std::string run(const std::string& text, const std::string& rpr = "") {
  return "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") + "<w:t xml:space=\"preserve\">" + esc(text) + "</w:t></w:r>";
}
inline std::string para(const std::string& style, const std::string& text, const std::string& ppr_extra = "", const std::string& rpr = "") {
  return "<w:p><w:pPr>" + (style.empty() ? "" : "<w:pStyle w:val=\"" + style + "\"/>") + ppr_extra + "</w:pPr>" + run(text, rpr) + "</w:p>";
}
inline std::string field(const std::string& instr, const std::string& cached) {
  return "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> " + instr +
         " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run(cached) +
         "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
}

inline std::string sect(const std::string& refs, bool restart, bool a3 = false) {
  std::string pg = a3 ? "<w:pgSz w:w=\"23811\" w:h=\"16838\" w:orient=\"landscape\"/>" : "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>";
  return "<w:sectPr>" + refs + pg +
         "<w:pgMar w:top=\"1417\" w:right=\"1247\" w:bottom=\"1417\" w:left=\"1247\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>" +
         (restart ? "<w:pgNumType w:start=\"1\"/>" : "") +
         "<w:cols w:space=\"425\"/><w:docGrid w:type=\"lines\" w:linePitch=\"312\"/></w:sectPr>";
}

// A table of `rows` × 3 cells; borders per the shape (and the break).
inline std::string table(const Shape& s, const Break& b, int rows) {
  std::string x = "<w:tbl><w:tblPr>";
  if (s.borders != Shape::per_cell || s.table_style != "TableGrid") x += "<w:tblStyle w:val=\"" + s.table_style + "\"/>";
  x += "<w:tblW w:w=\"5000\" w:type=\"pct\"/><w:jc w:val=\"center\"/>";
  if (s.borders == Shape::table_borders) x += standard_tbl_borders();
  if (s.borders == Shape::per_cell)
    x += "<w:tblBorders>" + border("top", "nil", 0) + border("left", "nil", 0) + border("bottom", "nil", 0) + border("right", "nil", 0) +
         border("insideH", "nil", 0) + border("insideV", "nil", 0) + "</w:tblBorders>";
  x += "<w:tblLayout w:type=\"fixed\"/>";
  const std::string& look = b.look.empty() ? s.look : b.look;
  if (!look.empty()) x += "<w:tblLook " + look + "/>";
  x += "</w:tblPr><w:tblGrid><w:gridCol w:w=\"3137\"/><w:gridCol w:w=\"3137\"/><w:gridCol w:w=\"3138\"/></w:tblGrid>";
  const char* head[3] = {"序号", "项目", "内容"};
  for (int r = 0; r < rows; ++r) {
    x += "<w:tr>";
    if (r == 0) x += "<w:trPr><w:tblHeader/></w:trPr>";
    for (int c = 0; c < 3; ++c) {
      x += "<w:tc><w:tcPr><w:tcW w:w=\"3137\" w:type=\"dxa\"/>";
      if (s.borders == Shape::per_cell) {
        // LibreOffice writes every side of every cell.
        bool solid_inner = b.cell_inner_solid && r == 1;
        std::string top = r == 0 ? border("top", "single", b.outer_top_thin ? 4 : 12)
                                 : border("top", solid_inner ? "single" : "dashed", solid_inner ? 12 : 2);
        std::string bottom =
            r + 1 == rows ? border("bottom", "single", 12) : border("bottom", solid_inner ? "single" : "dashed", solid_inner ? 12 : 2);
        std::string left = c == 0 ? border("left", "nil", 0) : border("left", "dashed", 2);
        std::string right = c == 2 ? border("right", "nil", 0) : border("right", "dashed", 2);
        x += "<w:tcBorders>" + top + left + bottom + right + "</w:tcBorders>";
      }
      x += "<w:vAlign w:val=\"center\"/></w:tcPr>";
      std::string text = r == 0 ? head[c] : (c == 0 ? std::to_string(r) : (c == 1 ? "工程名称" : "道路改造"));
      std::string rpr = (r == 0 && !s.style_first_row_bold ? "<w:b/><w:bCs/>" : "") + sz(21);
      x += para(s.normal, text,
                "<w:spacing w:line=\"276\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
                rpr);
      x += "</w:tc>";
    }
    x += "</w:tr>";
  }
  return x + "</w:tbl>";
}

}  // namespace detail

// The parts of a compliant bid in shape `s`, with the break `b` applied.
inline std::map<std::string, std::string> parts(const Shape& s, const Break& b = {}) {
  using namespace detail;
  const std::string ns =
      "xmlns:wpc=\"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas\" "
      "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
      "xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
      "xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\" "
      "xmlns:v=\"urn:schemas-microsoft-com:vml\" "
      "xmlns:wp14=\"http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing\" "
      "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" "
      "xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/wordml\" "
      "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"" +
      std::string(s.mc_ignorable ? " mc:Ignorable=\"w14 w15 wp14\"" : "");
  const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  std::map<std::string, std::string> z;
  std::string ids = s.mc_ignorable ? " w14:paraId=\"1A2B3C4D\" w14:textId=\"77777777\"" : "";
  auto p_ids = [&](std::string p) {
    if (!ids.empty() && p.compare(0, 5, "<w:p>") == 0) p = "<w:p" + ids + ">" + p.substr(5);
    return p;
  };

  // --- the body ---
  std::string body;
  // TOC section: title, entries (cached), no header or footer.
  std::string toc;
  toc += para(s.toc_heading, "目录");
  struct Entry {
    const char* text;
    bool level2;
    const char* bookmark;
  };
  const Entry entries[] = {{"一、工程概况", false, "_Toc1"},
                           {"1.1 编制依据", true, "_Toc2"},
                           {"1.2 施工部署", true, "_Toc3"},
                           {"二、主要施工方法", false, "_Toc4"},
                           {"2.1 测量工程", true, "_Toc5"}};
  for (size_t i = 0; i < sizeof entries / sizeof entries[0]; ++i) {
    const Entry& e = entries[i];
    std::string p = "<w:p><w:pPr><w:pStyle w:val=\"" + (e.level2 ? s.toc2 : s.toc1) +
                    "\"/><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9402\"/></w:tabs></w:pPr>";
    if (i == 0)
      p +=
          "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u </w:instrText></w:r>"
          "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
    p += "<w:hyperlink w:anchor=\"" + std::string(e.bookmark) + "\" w:history=\"1\">" + run(e.text) + "<w:r><w:tab/></w:r>" +
         field(std::string("PAGEREF ") + e.bookmark + " \\h", "1") + "</w:hyperlink></w:p>";
    toc += p;
  }
  toc += "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>";
  if (s.toc_sdt)
    body +=
        "<w:sdt><w:sdtPr><w:id w:val=\"-1\"/><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/><w:docPartUnique/></w:docPartObj></w:sdtPr>"
        "<w:sdtContent>" +
        toc + "</w:sdtContent></w:sdt>";
  else body += toc;
  body += "<w:p><w:pPr>" + sect("", false) + "</w:pPr></w:p>";

  auto heading = [&](const std::string& st, const std::string& text, const std::string& bm, const std::string& rpr = "") {
    return "<w:p><w:pPr><w:pStyle w:val=\"" + st + "\"/></w:pPr><w:bookmarkStart w:id=\"" + bm.substr(4) + "\" w:name=\"" + bm + "\"/>" +
           run(text, rpr) + "<w:bookmarkEnd w:id=\"" + bm.substr(4) + "\"/></w:p>";
  };
  body += heading(s.h1, "工程概况", "_Toc1");
  body += heading(s.h2, "编制依据", "_Toc2",
                  b.heading2_size.empty() ? "" : "<w:sz w:val=\"" + b.heading2_size + "\"/><w:szCs w:val=\"" + b.heading2_size + "\"/>");
  body += heading(s.h3, "编制原则", "_Toc9");
  std::string body_text = "本工程位于某市中心城区，计划工期120日历天，质量目标为合格。";
  if (s.mc_ignorable)
    body += "<w:p" + ids + "><w:pPr><w:pStyle w:val=\"" + s.normal + "\"/></w:pPr>" + "<mc:AlternateContent><mc:Choice Requires=\"w14\">" +
            run(body_text) + "</mc:Choice><mc:Fallback>" + run(body_text) + "</mc:Fallback></mc:AlternateContent></w:p>";
  else body += para(s.normal, body_text);
  if (s.deep_items) {
    auto item = [&](int ilvl, const std::string& text) {
      return para(s.list, text, "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"1\"/></w:numPr>");
    };
    body += item(3, "施工准备工作如下：");
    body += item(4, "技术准备；");
    body += item(5, "熟悉图纸；");
    body += item(5, "编制方案。");
    body += item(4, "物资准备。");
    body += item(3, "施工测量放样。");
  }
  body += p_ids(para(s.caption, "表1.1-1 工程概况统计表"));
  body += table(s, b, 4);
  body += p_ids(para(s.normal, "表后正文段落，说明各项内容。", b.body_indent ? "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>" : ""));
  body += heading(s.h2, "施工部署", "_Toc3");
  body += para(s.normal, "部署正文段落。", "", b.theme_font_left ? "<w:rFonts w:eastAsiaTheme=\"minorEastAsia\"/>" : "");
  if (s.separate_list) {
    auto item = [&](int ilvl, const std::string& text) {
      return para(s.list, text, "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"2\"/></w:numPr>");
    };
    body += item(0, "第一项要求；");
    body += item(1, "子项要求；");
    body += item(0, "第二项要求。");
  }
  const std::string refs =
      "<w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>";
  body += heading(s.h1, "主要施工方法", "_Toc4");
  if (s.a3_section) {
    // An A3 landscape section with its own header (right tab at the A3 text width) and the same footer.
    body += para(s.normal, "横向页面前的正文段落。", sect(refs, true));
    body +=
        para(s.normal, "横向页面的正文段落。",
             sect("<w:headerReference w:type=\"default\" r:id=\"rIdHeader2\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>",
                  false, true));
  }
  body += heading(s.h2, "测量工程", "_Toc5");
  body += "<w:p><w:pPr><w:pStyle w:val=\"" + s.normal + "\"/></w:pPr><w:bookmarkStart w:id=\"100\" w:name=\"_BodyEnd\"/>" +
          run("复测正文结束。") + "<w:bookmarkEnd w:id=\"100\"/></w:p>";
  body += sect(refs, !s.a3_section);  // with an A3 section the first body section restarted

  z["word/document.xml"] = decl + "<w:document " + ns + "><w:body>" + body + "</w:body></w:document>";
  z["word/styles.xml"] = decl + "<w:styles " + ns + ">" + styles_xml(s, b) + "</w:styles>";
  z["word/numbering.xml"] = decl + "<w:numbering " + ns + ">" + numbering_xml(s, b) + "</w:numbering>";
  z["word/settings.xml"] =
      decl + "<w:settings " + ns +
      "><w:zoom w:percent=\"100\"/><w:bordersDoNotSurroundHeader/><w:bordersDoNotSurroundFooter/><w:defaultTabStop w:val=\"420\"/>"
      "<w:drawingGridVerticalSpacing w:val=\"156\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
      "<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/>"
      "<w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>"
      "<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
      "<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:settings>";
  auto header = [&](int tab, const std::string& right) {
    std::string p = "<w:p><w:pPr><w:pStyle w:val=\"" + s.header + "\"/>" +
                    (tab == 9412 ? ""
                                 : "<w:tabs><w:tab w:val=\"clear\" w:pos=\"9412\"/><w:tab w:val=\"right\" w:pos=\"" + std::to_string(tab) +
                                       "\"/></w:tabs>") +
                    "</w:pPr>" + run(kProject) + "<w:r><w:tab/></w:r>" + run(right) + "</w:p>";
    return decl + "<w:hdr " + ns + ">" + p_ids(p) + "</w:hdr>";
  };
  std::string right = b.header_text ? "商务标" : "技术标";
  z["word/header1.xml"] = header(9412, right);
  // The A3 section's own header: its right tab at the A3 text width (or, broken, the A4 one kept).
  if (s.a3_section) z["word/header2.xml"] = header(b.a3_header_a4_tab ? 9412 : 21317, right);
  z["word/footer1.xml"] = decl + "<w:ftr " + ns + ">" +
                          p_ids("<w:p><w:pPr><w:pStyle w:val=\"" + s.footer + "\"/></w:pPr>" + run("第") + field("PAGE", "1") +
                                run("页，共") + field(b.total.empty() ? s.total : b.total, "2") + run("页") + "</w:p>") +
                          "</w:ftr>";
  z["word/fontTable.xml"] = decl + "<w:fonts " + ns +
                            "><w:font w:name=\"宋体\"><w:altName w:val=\"SimSun\"/><w:charset w:val=\"86\"/></w:font>"
                            "<w:font w:name=\"Calibri\"><w:charset w:val=\"00\"/></w:font></w:fonts>";
  z["word/theme/theme1.xml"] =
      decl +
      "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Office 主题\"><a:themeElements><a:clrScheme name=\"Office\"/>"
      "<a:fontScheme name=\"Office\"><a:majorFont><a:latin typeface=\"Calibri Light\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>"
      "<a:font script=\"Hans\" typeface=\"等线 Light\"/></a:majorFont><a:minorFont><a:latin typeface=\"Calibri\"/><a:ea typeface=\"\"/>"
      "<a:cs typeface=\"\"/><a:font script=\"Hans\" typeface=\"等线\"/></a:minorFont></a:fontScheme><a:fmtScheme name=\"Office\"/>"
      "</a:themeElements></a:theme>";
  const std::string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string rels = decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  auto rel = [&](const std::string& id, const std::string& type, const std::string& target) {
    rels += "<Relationship Id=\"" + id + "\" Type=\"" + R + type + "\" Target=\"" + target + "\"/>";
  };
  rel("rId1", "styles", "styles.xml");
  rel("rId2", "settings", "settings.xml");
  rel("rId3", "numbering", "numbering.xml");
  rel("rId4", "fontTable", "fontTable.xml");
  rel("rId5", "theme", "theme/theme1.xml");
  rel("rIdHeader1", "header", "header1.xml");
  if (s.a3_section) rel("rIdHeader2", "header", "header2.xml");
  rel("rIdFooter1", "footer", "footer1.xml");
  z["word/_rels/document.xml.rels"] = rels + "</Relationships>";
  z["_rels/.rels"] =
      decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + R +
      "officeDocument\" Target=\"word/document.xml\"/></Relationships>";
  const std::string W = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  std::string ct = decl +
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                   "<Override PartName=\"/word/document.xml\" ContentType=\"" +
                   W +
                   "document.main+xml\"/>"
                   "<Override PartName=\"/word/styles.xml\" ContentType=\"" +
                   W +
                   "styles+xml\"/>"
                   "<Override PartName=\"/word/settings.xml\" ContentType=\"" +
                   W +
                   "settings+xml\"/>"
                   "<Override PartName=\"/word/numbering.xml\" ContentType=\"" +
                   W +
                   "numbering+xml\"/>"
                   "<Override PartName=\"/word/fontTable.xml\" ContentType=\"" +
                   W +
                   "fontTable+xml\"/>"
                   "<Override PartName=\"/word/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
                   "<Override PartName=\"/word/header1.xml\" ContentType=\"" +
                   W + "header+xml\"/>" +
                   (s.a3_section ? "<Override PartName=\"/word/header2.xml\" ContentType=\"" + W + "header+xml\"/>" : "") +
                   "<Override PartName=\"/word/footer1.xml\" ContentType=\"" + W + "footer+xml\"/></Types>";
  z["[Content_Types].xml"] = ct;
  return z;
}

// Writes the bid as a DOCX in a fresh temp folder; returns its path.
inline std::string write(const Shape& s, const Break& b, const std::string& name) {
  std::string path = testkit::temp_dir("foreign-" + name) + "/" + name + ".docx";
  testkit::write_zip(path, parts(s, b));
  return path;
}

}  // namespace bidfmt::foreign
