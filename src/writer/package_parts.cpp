// Package plumbing parts: [Content_Types].xml, relationships, docProps, settings and fontTable.
#include <algorithm>
#include <vector>

#include "core/error.h"
#include "core/resources.h"
#include "package/ooxml.h"
#include "writer/parts.h"
#include "writer/xml.h"

namespace bidfmt::writer {
namespace {

namespace ct = package::content_type;
const std::string kRelType = package::rel_type::kOffice;

pugi::xml_node rel(pugi::xml_node rels, const std::string& id, const std::string& type, const std::string& target) {
  pugi::xml_node r = xml::add(rels, "Relationship", "Id", id);
  xml::set(r, "Type", type);
  xml::set(r, "Target", target);
  return r;
}

std::string template_part(const std::string& name) {
  auto data = core::resource("templates/docx/" + name);
  if (!data) throw Error("templates/docx/" + name, 0, "内置模板缺失", "bundled template part missing");
  return std::string(*data);
}

}  // namespace

std::string content_types_xml(const Plan& plan, bool word_template) {
  pugi::xml_document doc;
  xml::declare(doc);
  pugi::xml_node t = doc.append_child("Types");
  xml::set(t, "xmlns", package::ns::kContentTypes);
  auto def = [&](const char* ext, const std::string& type) { xml::set(xml::add(t, "Default", "Extension", ext), "ContentType", type); };
  def("rels", ct::kRelationships);
  def("xml", ct::kXml);
  bool png = false, jpeg = false;
  for (const Image& img : plan.images) (img.content_type == ct::kPng ? png : jpeg) = true;
  if (png) def("png", ct::kPng);
  if (jpeg) def("jpeg", ct::kJpeg);
  auto over = [&](const std::string& part, const std::string& type) {
    xml::set(xml::add(t, "Override", "PartName", "/" + part), "ContentType", type);
  };
  over("word/document.xml", word_template ? ct::kTemplate : ct::kMain);
  over("word/styles.xml", ct::kStyles);
  over("word/settings.xml", ct::kSettings);
  over("word/numbering.xml", ct::kNumbering);
  over("word/fontTable.xml", ct::kFontTable);
  if (plan.footnotes) over("word/footnotes.xml", ct::kFootnotes);
  for (const Geometry& g : plan.geometries) {
    over(g.header_part, ct::kHeader);
    over(g.footer_part, ct::kFooter);
  }
  over("docProps/core.xml", ct::kCoreProperties);
  over("docProps/app.xml", ct::kExtendedProperties);
  return xml::to_string(doc);
}

std::string package_rels_xml() {
  pugi::xml_document doc;
  xml::declare(doc);
  pugi::xml_node rels = doc.append_child("Relationships");
  xml::set(rels, "xmlns", xml::kRelPkg);
  rel(rels, "rId1", kRelType + "officeDocument", "word/document.xml");
  rel(rels, "rId2", package::rel_type::kCoreProperties, "docProps/core.xml");
  rel(rels, "rId3", kRelType + "extended-properties", "docProps/app.xml");
  return xml::to_string(doc);
}

std::string document_rels_xml(const Plan& plan) {
  pugi::xml_document doc;
  xml::declare(doc);
  pugi::xml_node rels = doc.append_child("Relationships");
  xml::set(rels, "xmlns", xml::kRelPkg);
  rel(rels, "rIdStyles", kRelType + "styles", "styles.xml");
  rel(rels, "rIdSettings", kRelType + "settings", "settings.xml");
  rel(rels, "rIdNumbering", kRelType + "numbering", "numbering.xml");
  rel(rels, "rIdFontTable", kRelType + "fontTable", "fontTable.xml");
  if (plan.footnotes) rel(rels, "rIdFootnotes", kRelType + "footnotes", "footnotes.xml");
  for (const Geometry& g : plan.geometries) {
    rel(rels, g.header_rel, kRelType + "header", g.header_part.substr(5));
    rel(rels, g.footer_rel, kRelType + "footer", g.footer_part.substr(5));
  }
  for (const Image& img : plan.images) rel(rels, img.rel_id, kRelType + "image", img.part.substr(5));
  for (size_t i = 0; i < plan.links.size(); ++i)
    xml::set(rel(rels, "rIdLink" + std::to_string(i + 1), kRelType + "hyperlink", plan.links[i]), "TargetMode", "External");
  return xml::to_string(doc);
}

std::string settings_xml(bool update_fields, bool footnotes) {
  pugi::xml_document doc;
  std::string text = template_part("settings.xml");
  doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_declaration);
  if (update_fields) {
    pugi::xml_node settings = doc.child("w:settings");
    pugi::xml_node u = settings.insert_child_before("w:updateFields", settings.child("w:compat"));
    xml::set(u, "w:val", "true");
  }
  if (footnotes) {
    // The separator notes of footnotes.xml, as Word names them (CT_Settings: after
    // w:updateFields, before w:compat).
    pugi::xml_node settings = doc.child("w:settings");
    pugi::xml_node pr = settings.insert_child_before("w:footnotePr", settings.child("w:compat"));
    xml::add(pr, "w:footnote", "w:id", -1);
    xml::add(pr, "w:footnote", "w:id", 0);
  }
  return xml::to_string(doc);
}

std::string font_table_xml(const profile::Profile& p) {
  // Every font the profile names, in the order it first names them.
  std::vector<std::string> used;
  auto use = [&](const profile::Fonts& f) {
    for (const std::string* name : {&f.east_asia, &f.latin})
      if (!name->empty() && std::find(used.begin(), used.end(), *name) == used.end()) used.push_back(*name);
  };
  use(p.fonts);
  use(p.body.fonts);
  for (const profile::HeadingLevel& h : p.headings) use(h.format.fonts);
  use(p.table.text.fonts);
  use(p.table_caption.format.fonts);
  use(p.figure_caption.format.fonts);
  use(p.footnote.fonts);
  use(p.code.fonts);
  // Each with its description from the template's catalogue (altName, panose, charset, family,
  // pitch: facts about the font, which let Word and LibreOffice substitute it); a font the
  // catalogue does not know is listed by name alone.
  pugi::xml_document catalogue;
  const std::string text = template_part("fontTable.xml");
  if (!catalogue.load_buffer(text.data(), text.size()))
    throw Error("templates/docx/fontTable.xml", 0, "内置模板无法解析", "bundled template part cannot be parsed");
  pugi::xml_document doc;
  xml::declare(doc);
  pugi::xml_node fonts = doc.append_child("w:fonts");
  xml::set(fonts, "xmlns:w", xml::kW);
  for (const std::string& name : used) {
    pugi::xml_node known = catalogue.child("w:fonts").find_child_by_attribute("w:font", "w:name", name.c_str());
    if (known) fonts.append_copy(known);
    else xml::add(fonts, "w:font", "w:name", name);
  }
  return xml::to_string(doc);
}

std::string core_xml(const model::Meta& meta, const std::string& created) {
  pugi::xml_document doc;
  xml::declare(doc);
  pugi::xml_node c = doc.append_child("cp:coreProperties");
  xml::set(c, "xmlns:cp", package::ns::kCoreProperties);
  xml::set(c, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  xml::set(c, "xmlns:dcterms", "http://purl.org/dc/terms/");
  xml::set(c, "xmlns:dcmitype", "http://purl.org/dc/dcmitype/");
  xml::set(c, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  std::string title = meta.title.empty() ? meta.project : meta.project.empty() ? meta.title : meta.project + " " + meta.title;
  if (!title.empty()) xml::add(c, "dc:title").text().set(title.c_str());
  if (!meta.bidder.empty()) xml::add(c, "dc:creator").text().set(meta.bidder.c_str());
  pugi::xml_node cr = xml::add(c, "dcterms:created", "xsi:type", "dcterms:W3CDTF");
  cr.text().set(created.c_str());
  pugi::xml_node mo = xml::add(c, "dcterms:modified", "xsi:type", "dcterms:W3CDTF");
  mo.text().set(created.c_str());
  return xml::to_string(doc);
}

std::string app_xml() {
  pugi::xml_document doc;
  xml::declare(doc);
  pugi::xml_node p = doc.append_child("Properties");
  xml::set(p, "xmlns", package::ns::kExtendedProperties);
  xml::add(p, "Application").text().set("bidfmt");
  return xml::to_string(doc);
}

}  // namespace bidfmt::writer
