// word/headerN.xml and word/footerN.xml: 「项目名称 ⇥ 技术标」 and 「第{PAGE}页，共{PAGEREF _BodyEnd}页」.
#include "writer/parts.h"
#include "writer/props.h"
#include "writer/xml.h"

namespace bidfmt::writer {
namespace {

pugi::xml_node root_of(pugi::xml_document& doc, const char* name) {
  xml::declare(doc);
  pugi::xml_node r = doc.append_child(name);
  xml::set(r, "xmlns:w", xml::kW);
  xml::set(r, "xmlns:r", xml::kR);
  return r;
}

void run(pugi::xml_node p, const std::string& text) {
  if (text.empty()) return;
  pugi::xml_node t = xml::add(xml::add(p, "w:r"), "w:t");
  if (text.front() == ' ' || text.back() == ' ') xml::set(t, "xml:space", "preserve");
  t.text().set(text.c_str());
}

void simple_field(pugi::xml_node p, const std::string& instr, const std::string& cached) {
  xml::add(xml::add(p, "w:r"), "w:fldChar", "w:fldCharType", "begin");
  xml::set(xml::add(xml::add(p, "w:r"), "w:instrText"), "xml:space", "preserve").text().set((" " + instr + " ").c_str());
  xml::add(xml::add(p, "w:r"), "w:fldChar", "w:fldCharType", "separate");
  run(p, cached);
  xml::add(xml::add(p, "w:r"), "w:fldChar", "w:fldCharType", "end");
}

std::string substitute(std::string s, const std::string& key, const std::string& value) {
  // Past each replacement: a value that contains the key (project: "{project}") must not loop.
  for (size_t pos = 0; (pos = s.find(key, pos)) != std::string::npos; pos += value.size()) s.replace(pos, key.size(), value);
  return s;
}

}  // namespace

std::string header_xml(const profile::Profile& prof, const model::Meta& meta, const Geometry& g) {
  pugi::xml_document doc;
  pugi::xml_node hdr = root_of(doc, "w:hdr");
  pugi::xml_node p = xml::add(hdr, "w:p");
  ParaProps pp;
  pp.style = "Header";
  pp.right_tab = g.width.v - prof.page.margin_left.v - prof.page.margin_right.v - prof.page.gutter.v;
  pp.emit(p);
  run(p, substitute(prof.header_footer.header_left, "{project}", meta.project));
  xml::add(xml::add(p, "w:r"), "w:tab");
  run(p, substitute(prof.header_footer.header_right, "{project}", meta.project));
  return xml::to_string(doc);
}

std::string footer_xml(const profile::Profile& prof, const Plan& plan) {
  pugi::xml_document doc;
  pugi::xml_node ftr = root_of(doc, "w:ftr");
  pugi::xml_node p = xml::add(ftr, "w:p");
  ParaProps pp;
  pp.style = "Footer";
  pp.emit(p);
  // Split the profile's pattern at {page} and {pages}; each becomes a field.
  const std::string& text = prof.header_footer.footer_text;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t a = text.find("{page}", pos), b = text.find("{pages}", pos);
    size_t next = std::min(a, b);
    run(p, text.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
    if (next == std::string::npos) break;
    if (next == b) {
      simple_field(p, "PAGEREF _BodyEnd", std::to_string(std::max(1, plan.body_pages)));
      pos = next + 7;
    } else {
      simple_field(p, "PAGE", "1");
      pos = next + 6;
    }
  }
  return xml::to_string(doc);
}

}  // namespace bidfmt::writer
