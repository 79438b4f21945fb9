// Small helpers for building WordprocessingML with pugixml: element/attribute shorthands,
// namespaces, and serialising a part or a fragment.
#pragma once
#include <pugixml.hpp>

#include <string>

#include "core/units.h"
#include "package/ooxml.h"

namespace bidfmt::writer::xml {

inline constexpr const char* kW = package::ns::kW;
inline constexpr const char* kR = package::ns::kR;
inline constexpr const char* kWp = package::ns::kWp;
inline constexpr const char* kA = package::ns::kA;
inline constexpr const char* kPic = package::ns::kPic;
inline constexpr const char* kRelPkg = package::ns::kRelationships;

// Appends <name> to parent and returns it.
inline pugi::xml_node add(pugi::xml_node parent, const char* name) { return parent.append_child(name); }
// Appends <name attr="value"/>.
inline pugi::xml_node add(pugi::xml_node parent, const char* name, const char* attr, const std::string& value) {
  pugi::xml_node n = parent.append_child(name);
  n.append_attribute(attr) = value.c_str();
  return n;
}
inline pugi::xml_node add(pugi::xml_node parent, const char* name, const char* attr, int value) {
  pugi::xml_node n = parent.append_child(name);
  n.append_attribute(attr) = value;
  return n;
}
// Sets an attribute (string or number) and returns the node, for chaining.
inline pugi::xml_node set(pugi::xml_node n, const char* attr, const std::string& value) {
  n.append_attribute(attr) = value.c_str();
  return n;
}
inline pugi::xml_node set(pugi::xml_node n, const char* attr, long long value) {
  n.append_attribute(attr) = value;
  return n;
}

// Adds the XML declaration Word writes: <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
void declare(pugi::xml_document& doc);
// Whole document to a string, no indentation.
std::string to_string(const pugi::xml_document& doc);

// pugixml writer appending to a std::string.
struct StringSink : pugi::xml_writer {
  std::string* out;
  explicit StringSink(std::string& s) : out(&s) {}
  void write(const void* data, size_t size) override { out->append(static_cast<const char*>(data), size); }
};

}  // namespace bidfmt::writer::xml
