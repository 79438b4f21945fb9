// Runs: text, formatting and footnote reference marks.
#include "writer/runs.h"

#include "writer/xml.h"

namespace bidfmt::writer {

std::string xml_safe(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u == '\t' || u == '\n' || u == '\r') out += ' ';
    else if (u >= 0x20 || u >= 0x80) out += c;
  }
  return out;
}

pugi::xml_node text_run(pugi::xml_node parent, const std::string& text, const RunProps& rp) {
  pugi::xml_node r = xml::add(parent, "w:r");
  rp.emit(r);
  pugi::xml_node t = xml::add(r, "w:t");
  std::string safe = xml_safe(text);
  if (!safe.empty() && (safe.front() == ' ' || safe.back() == ' ')) xml::set(t, "xml:space", "preserve");
  t.text().set(safe.c_str());
  return r;
}

RunProps span_props(const model::Span& s, RunProps rp) {
  if (s.bold) rp.bold = true;
  if (s.italic) rp.italic = true;
  if (s.underline) rp.underline = true;
  if (s.strike) rp.strike = true;
  if (s.superscript) rp.vert_align = "superscript";
  else if (s.subscript) rp.vert_align = "subscript";
  return rp;
}

void span_run(pugi::xml_node parent, const model::Span& s, const RunProps& rp) {
  if (s.line_break) {
    xml::add(xml::add(parent, "w:r"), "w:br");
    return;
  }
  if (s.footnote > 0) {
    // The mark's look is the style's (superscript); the span's own formatting is not the mark's.
    pugi::xml_node r = xml::add(parent, "w:r");
    RunProps mark;
    mark.style = "FootnoteReference";
    mark.emit(r);
    xml::add(r, "w:footnoteReference", "w:id", s.footnote);
    return;
  }
  text_run(parent, s.text, rp);
}

void ref_field(pugi::xml_node parent, const std::string& bookmark, bool number, const std::string& cached, const RunProps& rp) {
  auto fld_char = [&](const char* type) {
    pugi::xml_node r = xml::add(parent, "w:r");
    rp.emit(r);
    xml::add(r, "w:fldChar", "w:fldCharType", type);
  };
  fld_char("begin");
  pugi::xml_node r = xml::add(parent, "w:r");
  rp.emit(r);
  const std::string instr = " REF " + bookmark + (number ? " \\n" : "") + " \\h ";
  xml::set(xml::add(r, "w:instrText"), "xml:space", "preserve").text().set(instr.c_str());
  fld_char("separate");
  text_run(parent, cached, rp);
  fld_char("end");
}

}  // namespace bidfmt::writer
