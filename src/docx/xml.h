// XML helpers for reading WordprocessingML with pugixml: part parsing, prefix normalisation, typed attributes.
#pragma once
#include <pugixml.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace bidfmt::docx {

// A parsed part. Element and attribute prefixes are normalised to the canonical ones
// (w:, r:, a:, mc:, wp:, v:) whatever the producer chose, so lookups can use "w:pPr".
using XmlDoc = std::unique_ptr<pugi::xml_document>;

// Parses `bytes` (the part `part` of package `file`); throws Error naming file and part on
// malformed XML.
XmlDoc parse_part(const std::string& bytes, const std::string& file, const std::string& part);
// The same, parsing `bytes` in place: no copy of a large part, but `bytes` is changed and must
// outlive the document.
XmlDoc parse_part_in_place(std::string& bytes, const std::string& file, const std::string& part);

// The attribute's text, "" when absent.
inline std::string_view attr(pugi::xml_node n, const char* name) {
  pugi::xml_attribute a = n.attribute(name);
  return a ? std::string_view(a.value()) : std::string_view();
}
inline bool has_attr(pugi::xml_node n, const char* name) { return static_cast<bool>(n.attribute(name)); }

// ST_OnOff of an element with an optional w:val (§17.17.4): present without w:val means on.
bool on_off(pugi::xml_node n);
// An ST_OnOff attribute value.
bool on_off_value(std::string_view v);

// A whole number (ST_DecimalNumber); nullopt when absent or not a number.
std::optional<int> int_attr(pugi::xml_node n, const char* name);
// A length in twips (ST_TwipsMeasure / ST_SignedTwipsMeasure): plain twips or a universal
// measure such as "25mm", "12pt", "1in" (§22.9.2.15).
std::optional<int> twips_attr(pugi::xml_node n, const char* name);
// A font size in half-points (ST_HpsMeasure): plain half-points or "12pt".
std::optional<int> half_points_attr(pugi::xml_node n, const char* name);

// First child whose local name (after any prefix) is `local`.
pugi::xml_node child_local(pugi::xml_node n, std::string_view local);
// The local part of a qualified name.
std::string_view local_name(std::string_view qname);
// The prefix parse_part gives names of namespace `uri` ("w" for WordprocessingML, transitional or
// strict; "r", "a", "mc", "wp", "v"), "" for any other namespace.
std::string_view canonical_prefix(std::string_view uri);

}  // namespace bidfmt::docx
