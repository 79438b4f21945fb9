// XML editing helpers: schema-ordered insertion, attribute edits, part serialisation with namespace repair.
#include "fix/xml_edit.h"

#include <map>
#include <set>

#include "docx/xml.h"
#include "package/ooxml.h"
#include "writer/xml.h"

namespace bidfmt::fix::xml {
namespace {

size_t rank(const Order& order, std::string_view name) {
  std::string_view local = docx::local_name(name);
  for (size_t i = 0; i < order.size(); ++i)
    if (order[i] == local) return i;
  return order.size();  // not listed: after everything that is
}

pugi::xml_node insertion_point(pugi::xml_node parent, std::string_view name, const Order& order) {
  size_t r = rank(order, name);
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && rank(order, c.name()) > r) return c;
  return {};
}

// Where a namespace URI is declared for a canonical prefix (transitional URIs when none is).
const char* default_uri(std::string_view prefix) {
  if (prefix == "w") return writer::xml::kW;
  if (prefix == "r") return writer::xml::kR;
  if (prefix == "a") return writer::xml::kA;
  if (prefix == "wp") return writer::xml::kWp;
  if (prefix == "mc") return package::ns::kMc;
  if (prefix == "v") return package::ns::kV;
  return nullptr;
}

}  // namespace

const Order& ppr_order() {
  static const Order o = {"pStyle",
                          "keepNext",
                          "keepLines",
                          "pageBreakBefore",
                          "framePr",
                          "widowControl",
                          "numPr",
                          "suppressLineNumbers",
                          "pBdr",
                          "shd",
                          "tabs",
                          "suppressAutoHyphens",
                          "kinsoku",
                          "wordWrap",
                          "overflowPunct",
                          "topLinePunct",
                          "autoSpaceDE",
                          "autoSpaceDN",
                          "bidi",
                          "adjustRightInd",
                          "snapToGrid",
                          "spacing",
                          "ind",
                          "contextualSpacing",
                          "mirrorIndents",
                          "suppressOverlap",
                          "jc",
                          "textDirection",
                          "textAlignment",
                          "textboxTightWrap",
                          "outlineLvl",
                          "divId",
                          "cnfStyle",
                          "rPr",
                          "sectPr",
                          "pPrChange"};
  return o;
}

const Order& rpr_order() {
  static const Order o = {
      "ins",     "del",        "moveFrom",  "moveTo",    "rStyle",          "rFonts",     "b",      "bCs",      "i",
      "iCs",     "caps",       "smallCaps", "strike",    "dstrike",         "outline",    "shadow", "emboss",   "imprint",
      "noProof", "snapToGrid", "vanish",    "webHidden", "color",           "spacing",    "w",      "kern",     "position",
      "sz",      "szCs",       "highlight", "u",         "effect",          "bdr",        "shd",    "fitText",  "vertAlign",
      "rtl",     "cs",         "em",        "lang",      "eastAsianLayout", "specVanish", "oMath",  "rPrChange"};
  return o;
}

const Order& sect_order() {
  static const Order o = {"headerReference", "footerReference", "footnotePr",      "endnotePr",   "type",          "pgSz",
                          "pgMar",           "paperSrc",        "pgBorders",       "lnNumType",   "pgNumType",     "cols",
                          "formProt",        "vAlign",          "noEndnote",       "titlePg",     "textDirection", "bidi",
                          "rtlGutter",       "docGrid",         "printerSettings", "sectPrChange"};
  return o;
}

const Order& tblpr_order() {
  static const Order o = {"tblStyle",  "tblpPr",     "tblOverlap",     "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
                          "tblW",      "jc",         "tblCellSpacing", "tblInd",     "tblBorders",          "shd",
                          "tblLayout", "tblCellMar", "tblLook",        "tblCaption", "tblDescription",      "tblPrChange"};
  return o;
}

const Order& tcpr_order() {
  static const Order o = {"cnfStyle", "tcW",     "gridSpan", "hMerge",        "vMerge",    "tcBorders",
                          "shd",      "noWrap",  "tcMar",    "textDirection", "tcFitText", "vAlign",
                          "hideMark", "headers", "cellIns",  "cellDel",       "cellMerge", "tcPrChange"};
  return o;
}

const Order& borders_order() {
  static const Order o = {"top", "left", "start", "bottom", "right", "end", "insideH", "insideV", "tl2br", "tr2bl"};
  return o;
}

const Order& tr_order() {
  static const Order o = {"tblPrEx", "trPr"};
  return o;
}

const Order& p_order() {
  static const Order o = {"pPr"};
  return o;
}

const Order& r_order() {
  static const Order o = {"rPr"};
  return o;
}

const Order& style_order() {
  static const Order o = {"name",          "aliases",
                          "basedOn",       "next",
                          "link",          "autoRedefine",
                          "hidden",        "uiPriority",
                          "semiHidden",    "unhideWhenUsed",
                          "qFormat",       "locked",
                          "personal",      "personalCompose",
                          "personalReply", "rsid",
                          "pPr",           "rPr",
                          "tblPr",         "trPr",
                          "tcPr",          "tblStylePr"};
  return o;
}

const Order& styles_order() {
  static const Order o = {"docDefaults", "latentStyles", "style"};
  return o;
}

const Order& numbering_order() {
  static const Order o = {"numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"};
  return o;
}

pugi::xml_node ensure(pugi::xml_node parent, const char* name, const Order& order) {
  if (pugi::xml_node c = parent.child(name)) return c;
  return insert(parent, name, order);
}

pugi::xml_node insert(pugi::xml_node parent, const char* name, const Order& order) {
  pugi::xml_node at = insertion_point(parent, name, order);
  return at ? parent.insert_child_before(name, at) : parent.append_child(name);
}

pugi::xml_node insert_copy(pugi::xml_node parent, pugi::xml_node node, const Order& order) {
  pugi::xml_node at = insertion_point(parent, node.name(), order);
  return at ? parent.insert_copy_before(node, at) : parent.append_copy(node);
}

bool set(pugi::xml_node n, const char* name, const std::string& value) {
  pugi::xml_attribute a = n.attribute(name);
  if (a && value == a.value()) return false;
  if (!a) a = n.append_attribute(name);
  a.set_value(value.c_str());
  return true;
}

bool remove_attrs(pugi::xml_node n, std::initializer_list<const char*> names) {
  bool any = false;
  for (const char* name : names) any |= n.remove_attribute(name);
  return any;
}

bool remove_children(pugi::xml_node n, const char* name) {
  bool any = false;
  while (pugi::xml_node c = n.child(name)) {
    n.remove_child(c);
    any = true;
  }
  return any;
}

bool remove_if_empty(pugi::xml_node n) {
  if (!n || n.first_attribute() || n.first_child()) return false;
  n.parent().remove_child(n);
  return true;
}

std::string to_string(pugi::xml_node n) {
  std::string s;
  writer::xml::StringSink sink(s);
  n.print(sink, "", pugi::format_raw, pugi::encoding_utf8);
  return s;
}

std::string part_to_string(const pugi::xml_document& doc) {
  pugi::xml_node root = doc.document_element();
  // Prefixes the part uses (iteratively: documents nest deeply).
  std::set<std::string> used;
  std::vector<pugi::xml_node> stack{root};
  auto note = [&](std::string_view qname) {
    size_t colon = qname.find(':');
    if (colon != std::string_view::npos) used.emplace(qname.substr(0, colon));
  };
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() != pugi::node_element) continue;
    note(n.name());
    for (pugi::xml_attribute a : n.attributes()) note(a.name());
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) stack.push_back(c);
  }
  // Declarations by URI already on the root, for a canonical prefix the reader renamed to.
  std::map<std::string, std::string> declared_as;
  for (pugi::xml_attribute a : root.attributes()) {
    std::string_view an = a.name();
    if (an != "xmlns" && an.rfind("xmlns:", 0) != 0) continue;
    std::string_view canonical = docx::canonical_prefix(a.value());
    if (!canonical.empty()) declared_as.emplace(std::string(canonical), a.value());
  }
  for (const std::string& prefix : used) {
    if (prefix == "xml" || prefix == "xmlns") continue;
    std::string decl = "xmlns:" + prefix;
    if (root.attribute(decl.c_str())) continue;
    auto it = declared_as.find(prefix);
    const char* uri = it != declared_as.end() ? it->second.c_str() : default_uri(prefix);
    if (uri) root.append_attribute(decl.c_str()) = uri;
  }
  std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  writer::xml::StringSink sink(s);
  doc.save(sink, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return s;
}

}  // namespace bidfmt::fix::xml
