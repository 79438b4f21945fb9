// The broken documents: each edit of the clean built document breaks one rule of Standard A.
// Shared by the rules tests (check finds exactly that rule) and the fix tests (fix repairs it).
#pragma once
#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "rules/check_fixture.h"

namespace bidfmt::testfix {

inline void on_document(Parts& p, const std::function<void(pugi::xml_document&)>& f) { edit(p, "word/document.xml", f); }
inline void on_styles(Parts& p, const std::function<void(pugi::xml_document&)>& f) { edit(p, "word/styles.xml", f); }

// The n-th w:sectPr in document order (0-based): 0 cover, 1 TOC, 2 first body section.
inline pugi::xml_node sect(pugi::xml_document& d, int n) {
  pugi::xpath_node_set all = d.select_nodes("//w:sectPr");
  EXPECT_GT(all.size(), static_cast<size_t>(n));
  return all[static_cast<size_t>(n)].node();
}

inline pugi::xml_node style(pugi::xml_document& d, const std::string& id) { return first(d, "//w:style[@w:styleId='" + id + "']"); }

// A table style GridX with single borders all round.
inline void add_table_style(Parts& p) {
  on_styles(p, [](pugi::xml_document& d) {
    pugi::xml_node s = d.document_element().append_child("w:style");
    s.append_attribute("w:type") = "table";
    s.append_attribute("w:styleId") = "GridX";
    s.append_child("w:name").append_attribute("w:val") = "Grid X";
    pugi::xml_node b = s.append_child("w:tblPr").append_child("w:tblBorders");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
      pugi::xml_node e = b.append_child(side);
      e.append_attribute("w:val") = "single";
      e.append_attribute("w:sz") = "4";
    }
  });
}

// An Office theme whose minor/major East Asian fonts are 等线.
inline const char* kTheme = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements>
<a:clrScheme name="Office"/><a:fontScheme name="Office">
<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="等线 Light"/></a:majorFont>
<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="等线"/></a:minorFont>
</a:fontScheme><a:fmtScheme name="Office"/></a:themeElements></a:theme>)";

// kTheme as the document's theme part, with its relationship and content type.
inline void add_theme(Parts& p) {
  p["word/theme/theme1.xml"] = kTheme;
  edit(p, "word/_rels/document.xml.rels", [](pugi::xml_document& d) {
    pugi::xml_node r = d.document_element().append_child("Relationship");
    r.append_attribute("Id") = "rIdTheme9";
    r.append_attribute("Type") = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";
    r.append_attribute("Target") = "theme/theme1.xml";
  });
  edit(p, "[Content_Types].xml", [](pugi::xml_document& d) {
    pugi::xml_node o = d.document_element().append_child("Override");
    o.append_attribute("PartName") = "/word/theme/theme1.xml";
    o.append_attribute("ContentType") = "application/vnd.openxmlformats-officedocument.theme+xml";
  });
}

inline void replace_total_field(Parts& p, const char* instr) {
  edit(p, "word/footer1.xml", [instr](pugi::xml_document& d) {
    for (pugi::xpath_node t : d.select_nodes("//w:instrText"))
      if (std::string(t.node().text().get()).find("PAGEREF") != std::string::npos) t.node().text() = instr;
  });
}

struct BrokenCase {
  const char* name;
  std::set<std::string> broken;  // what check reports before fix
  std::function<void(Parts&)> breaks;
  std::string project = kProject;
};
inline void PrintTo(const BrokenCase& c, std::ostream* os) { *os << c.name; }

inline const std::vector<BrokenCase>& broken_cases() {
  static const std::vector<BrokenCase> all = {
      {"page_size",
       {"page.size"},
       [](Parts& p) {
         on_document(p, [](pugi::xml_document& d) {
           pugi::xml_node sz = sect(d, 2).child("w:pgSz");
           sz.attribute("w:w") = "12240";
           sz.attribute("w:h") = "15840";
         });
       }},
      {"page_margins",
       {"page.margins"},
       [](Parts& p) { on_document(p, [](pugi::xml_document& d) { sect(d, 2).child("w:pgMar").attribute("w:left") = "1134"; }); }},
      {"page_gutter",
       {"page.gutter"},
       [](Parts& p) { on_document(p, [](pugi::xml_document& d) { sect(d, 3).child("w:pgMar").attribute("w:gutter") = "567"; }); }},
      {"para_align",
       {"para.align"},
       [](Parts& p) {
         on_document(p, [](pugi::xml_document& d) {
           set_child(ppr_of(paragraph_with_text(d, "复测正文。")), "w:jc", {{"w:val", "left"}});
         });
       }},
      {"para_indent",
       {"para.indent"},
       [](Parts& p) {
         on_document(p, [](pugi::xml_document& d) {
           set_child(ppr_of(paragraph_with_text(d, "复测正文。")), "w:ind", {{"w:firstLine", "0"}, {"w:firstLineChars", "0"}});
         });
       }},
      {"para_indent_chars",
       {"para.indent"},
       [](Parts& p) {
         on_document(p, [](pugi::xml_document& d) {
           set_child(ppr_of(paragraph_with_text(d, "复测正文。")), "w:ind", {{"w:firstLine", "480"}, {"w:firstLineChars", "100"}});
         });
       }},
      {"para_spacing_based_on",
       {"para.spacing"},
       [](Parts& p) {
         on_styles(p, [](pugi::xml_document& d) {
           pugi::xml_node styles = d.document_element();
           pugi::xml_node base = styles.append_child("w:style");
           base.append_attribute("w:type") = "paragraph";
           base.append_attribute("w:styleId") = "Base2";
           base.append_child("w:name").append_attribute("w:val") = "Base Two";
           base.append_child("w:basedOn").append_attribute("w:val") = "Normal";
           base.append_child("w:pPr").append_child("w:spacing").append_attribute("w:after") = "200";
           pugi::xml_node body = styles.append_child("w:style");
           body.append_attribute("w:type") = "paragraph";
           body.append_attribute("w:styleId") = "Body2";
           body.append_child("w:name").append_attribute("w:val") = "Body Two";
           body.append_child("w:basedOn").append_attribute("w:val") = "Base2";
         });
         on_document(p, [](pugi::xml_document& d) {
           set_child(ppr_of(paragraph_with_text(d, "复测正文。")), "w:pStyle", {{"w:val", "Body2"}});
         });
       }},
      {"para_spacing_toc",
       {"para.spacing"},
       [](Parts& p) {
         on_styles(p, [](pugi::xml_document& d) { style(d, "TOC2").child("w:pPr").child("w:spacing").attribute("w:line") = "360"; });
       }},
      {"header_on_toc",
       {"header.none-on-toc"},
       [](Parts& p) {
         on_document(p, [](pugi::xml_document& d) {
           pugi::xml_node ref = sect(d, 1).prepend_child("w:headerReference");
           ref.append_attribute("w:type") = "default";
           ref.append_attribute("r:id") = "rIdHeader1";
         });
       }},
      {"toc_in_body",
       {"header.none-on-toc"},
       [](Parts& p) {
         // The TOC's section break removed: the TOC shares the body's section, header and footer.
         on_document(p, [](pugi::xml_document& d) {
           pugi::xml_node sp = sect(d, 1);
           sp.parent().remove_child(sp);
         });
       }},
      {"header_right_text",
       {"header.text"},
       [](Parts& p) {
         edit(p, "word/header1.xml", [](pugi::xml_document& d) {
           for (pugi::xpath_node t : d.select_nodes("//w:t"))
             if (std::string(t.node().text().get()) == "技术标") t.node().text() = "商务标";
         });
       }},
      {"header_project", {"header.text"}, [](Parts&) {}, "另一个项目"},
      {"header_size",
       {"header.text"},
       [](Parts& p) {
         edit(p, "word/header1.xml", [](pugi::xml_document& d) {
           first(d, "//w:r").prepend_child("w:rPr").append_child("w:sz").append_attribute("w:val") = "24";
         });
       }},
      {"footer_formula", {"footer.page-number"}, [](Parts& p) { replace_total_field(p, "= 12 - 2"); }},
      {"footer_numpages", {"footer.page-number"}, [](Parts& p) { replace_total_field(p, " NUMPAGES "); }},
      {"footer_sectionpages", {"footer.page-number"}, [](Parts& p) { replace_total_field(p, " SECTIONPAGES "); }},
      {"footer_restart",
       {"footer.page-number"},
       [](Parts& p) { on_document(p, [](pugi::xml_document& d) { sect(d, 2).remove_child("w:pgNumType"); }); }},
      {"footer_bookmark",
       {"footer.page-number"},
       [](Parts& p) {
         on_document(p, [](pugi::xml_document& d) {
           first(d, "//w:bookmarkStart[@w:name='_BodyEnd']").attribute("w:name") = "_Elsewhere";
           pugi::xml_node b = paragraph_with_text(d, "复测正文。").append_child("w:bookmarkStart");
           b.append_attribute("w:id") = "999";
           b.append_attribute("w:name") = "_BodyEnd";
         });
       }},
      {"heading_l1_numfmt",
       {"heading.l1"},
       [](Parts& p) {
         edit(p, "word/numbering.xml", [](pugi::xml_document& d) {
           first(d, "//w:abstractNum[@w:abstractNumId='0']/w:lvl[@w:ilvl='0']/w:numFmt").attribute("w:val") = "decimal";
         });
       }},
      {"heading_l1_label_size",
       {"heading.l1"},
       [](Parts& p) {
         edit(p, "word/numbering.xml", [](pugi::xml_document& d) {
           first(d, "//w:abstractNum[@w:abstractNumId='0']/w:lvl[@w:ilvl='0']/w:rPr").append_child("w:sz").append_attribute("w:val") = "18";
         });
       }},
      {"heading_l2_not_bold",
       {"heading.l2"},
       [](Parts& p) {
         on_styles(p, [](pugi::xml_document& d) { set_child(style(d, "Heading2").child("w:rPr"), "w:b", {{"w:val", "0"}}); });
       }},
      {"heading_l2_typed",
       {"heading.l2"},
       [](Parts& p) {
         on_document(p, [](pugi::xml_document& d) {
           pugi::xml_node np = ppr_of(paragraph_with_text(d, "施工部署")).append_child("w:numPr");
           np.append_child("w:ilvl").append_attribute("w:val") = "0";
           np.append_child("w:numId").append_attribute("w:val") = "0";
           first(d, "//w:p[.//w:t='施工部署']//w:t").text() = "1.5 施工部署";
         });
       }},
      {"heading_l3_indent",
       {"heading.l3"},
       [](Parts& p) {
         edit(p, "word/numbering.xml", [](pugi::xml_document& d) {
           pugi::xml_node ind = first(d, "//w:abstractNum[@w:abstractNumId='0']/w:lvl[@w:ilvl='2']/w:pPr/w:ind");
           ind.attribute("w:firstLineChars") = "200";
           ind.attribute("w:firstLine") = "480";
         });
       }},
      {"heading_l3_char_style",
       {"heading.l3"},
       [](Parts& p) {
         on_styles(p, [](pugi::xml_document& d) {
           pugi::xml_node s = d.document_element().append_child("w:style");
           s.append_attribute("w:type") = "character";
           s.append_attribute("w:styleId") = "StrongX";
           s.append_child("w:name").append_attribute("w:val") = "Strong X";
           s.append_child("w:rPr").append_child("w:b");
         });
         on_document(p, [](pugi::xml_document& d) {
           first(d, "//w:p[.//w:t='控制网复测']/w:r").prepend_child("w:rPr").append_child("w:rStyle").append_attribute("w:val") = "StrongX";
         });
       }},
      {"heading_depth_number",
       {"heading.depth"},
       [](Parts& p) {
         edit(p, "word/numbering.xml", [](pugi::xml_document& d) {
           // Deep headings (level 4: 1、) number through their own list definition (abstractNum 3).
           first(d, "//w:abstractNum[@w:abstractNumId='3']/w:lvl[@w:ilvl='0']/w:lvlText").attribute("w:val") = "%1.";
         });
       }},
      {"heading_too_deep",
       {"heading.depth"},
       [](Parts& p) {
         on_styles(p, [](pugi::xml_document& d) {
           pugi::xml_node s = d.document_element().append_child("w:style");
           s.append_attribute("w:type") = "paragraph";
           s.append_attribute("w:styleId") = "Heading7";
           s.append_child("w:name").append_attribute("w:val") = "heading 7";
           s.append_child("w:basedOn").append_attribute("w:val") = "Normal";
         });
         on_document(p, [](pugi::xml_document& d) {
           set_child(ppr_of(paragraph_with_text(d, "深层标题下的正文。")), "w:pStyle", {{"w:val", "Heading7"}});
         });
       }},
      {"body_font_theme",
       {"body.font"},
       [](Parts& p) {
         add_theme(p);
         on_document(p, [](pugi::xml_document& d) {
           first(d, "//w:p[.//w:t='复测正文。']/w:r").prepend_child("w:rPr").append_child("w:rFonts").append_attribute("w:eastAsiaTheme") =
               "minorEastAsia";
         });
       }},
      {"body_font_latin",
       {"body.font"},
       [](Parts& p) {
         on_document(p, [](pugi::xml_document& d) {
           for (const char* text : {"复测正文。", "本工程位于某市，全长 2.860 km，工期 120 日历天。"}) {
             pugi::xml_node f = first(d, std::string("//w:p[.//w:t='") + text + "']/w:r").prepend_child("w:rPr").append_child("w:rFonts");
             f.append_attribute("w:ascii") = "Times New Roman";
             f.append_attribute("w:hAnsi") = "Times New Roman";
           }
         });
       }},
      {"body_size",
       {"body.font"},
       [](Parts& p) {
         on_document(p, [](pugi::xml_document& d) {
           first(d, "//w:p[.//w:t='复测正文。']/w:r").prepend_child("w:rPr").append_child("w:sz").append_attribute("w:val") = "18";
         });
       }},
      {"body_char_spacing",
       {"body.font"},
       [](Parts& p) {
         on_document(p, [](pugi::xml_document& d) {
           first(d, "//w:p[.//w:t='复测正文。']/w:r").prepend_child("w:rPr").append_child("w:spacing").append_attribute("w:val") = "20";
         });
       }},
      {"table_align",
       {"table.align"},
       [](Parts& p) { on_document(p, [](pugi::xml_document& d) { first(d, "//w:tbl/w:tblPr/w:jc").attribute("w:val") = "left"; }); }},
      {"table_font_style",
       {"table.font"},
       [](Parts& p) {
         on_styles(p, [](pugi::xml_document& d) { style(d, "TableText").child("w:rPr").child("w:sz").attribute("w:val") = "24"; });
       }},
      {"table_header_not_bold",
       {"table.header-row"},
       [](Parts& p) {
         on_document(p, [](pugi::xml_document& d) {
           for (pugi::xpath_node b : first(d, "//w:tbl/w:tr").select_nodes(".//w:rPr/w:b")) b.parent().remove_child(b.node());
         });
       }},
      {"table_borders_style",
       {"table.borders"},
       [](Parts& p) {
         add_table_style(p);
         on_document(p, [](pugi::xml_document& d) {
           pugi::xml_node pr = first(d, "//w:tbl/w:tblPr");
           pr.prepend_child("w:tblStyle").append_attribute("w:val") = "GridX";
           pr.remove_child("w:tblBorders");
         });
       }},
      {"table_borders_cell",
       {"table.borders"},
       [](Parts& p) {
         on_document(p, [](pugi::xml_document& d) {
           pugi::xml_node top = first(d, "//w:tbl/w:tr[2]/w:tc[2]/w:tcPr").append_child("w:tcBorders").append_child("w:top");
           top.append_attribute("w:val") = "single";
           top.append_attribute("w:sz") = "4";
         });
       }},
      {"table_borders_first_row_rule",
       {"table.borders"},
       [](Parts& p) {
         // A table style whose firstRow part draws a solid 1.5 pt rule under the header row; the
         // table keeps its own (right) borders, which do not reach a conditional part's.
         on_styles(p, [](pugi::xml_document& d) {
           pugi::xml_node s = d.document_element().append_child("w:style");
           s.append_attribute("w:type") = "table";
           s.append_attribute("w:styleId") = "HeaderRule";
           s.append_child("w:name").append_attribute("w:val") = "Header Rule";
           pugi::xml_node fr = s.append_child("w:tblStylePr");
           fr.append_attribute("w:type") = "firstRow";
           pugi::xml_node b = fr.append_child("w:tcPr").append_child("w:tcBorders").append_child("w:bottom");
           b.append_attribute("w:val") = "single";
           b.append_attribute("w:sz") = "12";
         });
         on_document(p, [](pugi::xml_document& d) {
           first(d, "//w:tbl/w:tblPr").prepend_child("w:tblStyle").append_attribute("w:val") = "HeaderRule";
         });
       }},
      {"header_landscape_keeps_portrait_tab",
       {"header.text"},
       [](Parts& p) {
         // The landscape section's own header with the portrait right tab: 「技术标」 ends 87 mm short.
         edit(p, "word/header2.xml", [](pugi::xml_document& d) { first(d, "//w:tab[@w:val='right']").attribute("w:pos") = "9412"; });
       }},
      {"table_caption_number",
       {"table.caption"},
       [](Parts& p) {
         on_document(p,
                     [](pugi::xml_document& d) { first(d, "//w:p[.//w:t='表1-1 工程概况统计表']//w:t").text() = "表1-2 工程概况统计表"; });
       }},
      {"table_caption_below",
       {"table.caption"},
       [](Parts& p) {
         on_document(p, [](pugi::xml_document& d) {
           pugi::xml_node cap = paragraph_with_text(d, "表1-1 工程概况统计表");
           cap.parent().insert_move_after(cap, cap.next_sibling("w:tbl"));
         });
       }},
      // (A missing figure caption breaks nothing Standard A requires — its figure text is lost, so
      // captions.figure is a default: tests/rules/value_class_test.cpp checks it under --strict.)
  };
  return all;
}

// Applies the edit of the broken case `name` to `p`.
inline void break_as(Parts& p, const std::string& name) {
  for (const BrokenCase& c : broken_cases())
    if (name == c.name) return c.breaks(p);
  ADD_FAILURE() << "no broken case " << name;
}

}  // namespace bidfmt::testfix
