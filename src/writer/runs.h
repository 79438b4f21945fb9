// Runs shared by the parts that carry text (document.xml, footnotes.xml): XML-safe text and one
// model span as w:r with its formatting (bold, italic, underline, strike, super/subscript) or as
// a footnote reference mark.
#pragma once
#include <pugixml.hpp>

#include <string>

#include "model/document.h"
#include "writer/props.h"

namespace bidfmt::writer {

// Characters XML 1.0 cannot carry (C0 controls but tab/LF/CR) are dropped; tabs become spaces.
std::string xml_safe(const std::string& s);

// <w:r> with `rp` and the text (xml:space="preserve" when it starts or ends with a space).
pugi::xml_node text_run(pugi::xml_node parent, const std::string& text, const RunProps& rp = {});

// The span's run properties on top of `base`.
RunProps span_props(const model::Span& s, RunProps base);

// One span into `parent` (a paragraph or hyperlink): a break, a footnote reference mark
// (style FootnoteReference, w:id = the footnote's number) or a text run.
void span_run(pugi::xml_node parent, const model::Span& s, const RunProps& rp);

// A cross-reference: the field 「REF bookmark \h」 whose cached result is `cached`, the text the
// writer computed — what Word shows until it updates fields, and what it computes then. A
// heading's automatic number (`number`) adds \n: the paragraph number with no context, i.e. the
// number as the heading shows it (「2.3」 when the level's text is %1.%2, 「第一节」 when it is
// 第%2节); \w would prepend the higher levels the level's text leaves out, and \r shows more or
// less depending on where the reference stands.
void ref_field(pugi::xml_node parent, const std::string& bookmark, bool number, const std::string& cached, const RunProps& rp);

}  // namespace bidfmt::writer
