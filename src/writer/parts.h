// One function per OOXML part of the package. Each returns the part's XML (or streams it).
#pragma once
#include <string>

#include "model/document.h"
#include "package/zip_writer.h"
#include "profile/profile.h"
#include "writer/plan.h"

namespace bidfmt::writer {

std::string content_types_xml(const Plan& plan, bool word_template);                                 // [Content_Types].xml
std::string package_rels_xml();                                                                      // _rels/.rels
std::string document_rels_xml(const Plan& plan);                                                     // word/_rels/document.xml.rels
std::string styles_xml(const profile::Profile& p);                                                   // word/styles.xml
std::string numbering_xml(const profile::Profile& p, const Plan& plan);                              // word/numbering.xml
std::string settings_xml(bool update_fields, bool footnotes = false);                                // word/settings.xml (template)
std::string footnotes_xml(const model::Document& doc, const profile::Profile& p, const Plan& plan);  // word/footnotes.xml
std::string font_table_xml(const profile::Profile& p);  // word/fontTable.xml: the profile's fonts
std::string header_xml(const profile::Profile& p, const model::Meta& meta, const Geometry& g);
std::string footer_xml(const profile::Profile& p, const Plan& plan);
std::string core_xml(const model::Meta& meta, const std::string& created);  // docProps/core.xml
std::string app_xml();                                                      // docProps/app.xml
// word/document.xml, streamed into the open zip entry block by block.
void write_document_xml(const model::Document& doc, const profile::Profile& p, const Plan& plan, package::ZipWriter& zip);

}  // namespace bidfmt::writer
