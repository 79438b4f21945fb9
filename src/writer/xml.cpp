// pugixml serialisation helpers.
#include "writer/xml.h"

namespace bidfmt::writer::xml {

void declare(pugi::xml_document& doc) {
  pugi::xml_node d = doc.prepend_child(pugi::node_declaration);
  d.append_attribute("version") = "1.0";
  d.append_attribute("encoding") = "UTF-8";
  d.append_attribute("standalone") = "yes";
}

std::string to_string(const pugi::xml_document& doc) {
  std::string s;
  StringSink sink(s);
  doc.save(sink, "", pugi::format_raw, pugi::encoding_utf8);
  return s;
}

}  // namespace bidfmt::writer::xml
