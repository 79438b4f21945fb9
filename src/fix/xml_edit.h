// XML editing for fix: children inserted in the schema's sequence, attributes set and removed,
// parts serialised with the namespace declarations their (normalised) prefixes need.
#pragma once
#include <pugixml.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace bidfmt::fix::xml {

// The child sequence of an element (ECMA-376 Part 1): local names in schema order. Children
// not listed keep their place; a new child goes before the first sibling that the sequence
// puts after it.
using Order = std::vector<std::string_view>;

const Order& ppr_order();        // w:pPr (CT_PPr, §17.3.1.26)
const Order& rpr_order();        // w:rPr (EG_RPrBase in Word's order, §17.3.2.28)
const Order& sect_order();       // w:sectPr (§17.6.17)
const Order& tblpr_order();      // w:tblPr (§17.4.60)
const Order& tcpr_order();       // w:tcPr (§17.4.70)
const Order& borders_order();    // w:tblBorders / w:tcBorders (§17.4.39, §17.4.67)
const Order& tr_order();         // w:tr (§17.4.79): tblPrEx, trPr, then cells
const Order& p_order();          // w:p: pPr first
const Order& r_order();          // w:r: rPr first
const Order& styles_order();     // w:styles: docDefaults, latentStyles, style
const Order& style_order();      // w:style (CT_Style, §17.7.4.17): name … qFormat … pPr, rPr, tblPr …
const Order& numbering_order();  // w:numbering: numPicBullet, abstractNum, num, numIdMacAtCleanup

// The child `name` of `parent`, inserted in `order` when missing.
pugi::xml_node ensure(pugi::xml_node parent, const char* name, const Order& order);
// A new child `name` inserted in `order` (after any existing ones of the same name).
pugi::xml_node insert(pugi::xml_node parent, const char* name, const Order& order);
// Inserts a copy of `node` into `parent` in `order`.
pugi::xml_node insert_copy(pugi::xml_node parent, pugi::xml_node node, const Order& order);

// Sets an attribute, adding it when missing; true when the value changed.
bool set(pugi::xml_node n, const char* name, const std::string& value);
// Removes the named attributes that are present; true when any was.
bool remove_attrs(pugi::xml_node n, std::initializer_list<const char*> names);
// Removes every child named `name`; true when any was.
bool remove_children(pugi::xml_node n, const char* name);
// Removes `n` when it has neither attributes nor children; true when it did.
bool remove_if_empty(pugi::xml_node n);

// A node (or a whole part) as XML text, no indentation.
std::string to_string(pugi::xml_node n);
// A part as Word writes it: the XML declaration, then the root, with a declaration added on the
// root for every canonical prefix (w:, r:, …) the part uses but does not declare there (the
// reader renames producers' prefixes to the canonical ones, docx/xml.h).
std::string part_to_string(const pugi::xml_document& doc);

}  // namespace bidfmt::fix::xml
