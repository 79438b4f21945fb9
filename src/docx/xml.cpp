// XML helpers: part parsing with located errors, namespace prefix normalisation, typed attributes.
#include "docx/xml.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <vector>

#include "core/error.h"
#include "package/ooxml.h"

namespace bidfmt::docx {
namespace {

// Namespace URI → the prefix the rest of the reader expects (transitional and strict forms).
const std::map<std::string_view, std::string_view>& canonical_prefixes() {
  static const std::map<std::string_view, std::string_view> m = {
      {package::ns::kW, "w"},       {package::ns::kStrictW, "w"}, {package::ns::kR, "r"},
      {package::ns::kStrictR, "r"}, {package::ns::kA, "a"},       {package::ns::kStrictA, "a"},
      {package::ns::kMc, "mc"},     {package::ns::kWp, "wp"},     {package::ns::kV, "v"},
  };
  return m;
}

void rename_prefixes(pugi::xml_node root, const std::map<std::string, std::string>& renames, const std::string& default_to) {
  // Iterative walk: documents can nest deeply and recursion depth is not bounded by the input.
  std::vector<pugi::xml_node> stack{root};
  std::string buf;
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() != pugi::node_element) continue;
    std::string_view name = n.name();
    size_t colon = name.find(':');
    if (colon == std::string_view::npos) {
      if (!default_to.empty()) {
        buf = default_to + ":" + std::string(name);
        n.set_name(buf.c_str());
      }
    } else {
      auto it = renames.find(std::string(name.substr(0, colon)));
      if (it != renames.end()) {
        buf = it->second + std::string(name.substr(colon));
        n.set_name(buf.c_str());
      }
    }
    for (pugi::xml_attribute a : n.attributes()) {
      std::string_view an = a.name();
      size_t c = an.find(':');
      if (c == std::string_view::npos) continue;
      auto it = renames.find(std::string(an.substr(0, c)));
      if (it != renames.end()) {
        buf = it->second + std::string(an.substr(c));
        a.set_name(buf.c_str());
      }
    }
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  }
}

}  // namespace

namespace {
// pugixml takes any bytes as UTF-8: a part with invalid UTF-8 (which Word refuses to open) is
// found here, with ICU's decoder, at the byte where it goes wrong. Parts in UTF-16 or UTF-32
// (a byte-order mark or a NUL among the first bytes) are pugixml's to convert and are not checked.
void check_utf8(const std::string& bytes, const std::string& file, const std::string& part) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(std::min<size_t>(bytes.size(), INT32_MAX));
  if (length >= 2 && ((s[0] == 0xFE && s[1] == 0xFF) || (s[0] == 0xFF && s[1] == 0xFE))) return;
  if (length >= 2 && (s[0] == 0 || s[1] == 0)) return;
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {  // ASCII: most of every part
      ++i;
      continue;
    }
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0)
      throw Error(file, 0, part + " 含有非法的 UTF-8 字节(字节 " + std::to_string(at) + "),Word 无法打开",
                  part + " holds invalid UTF-8 (byte " + std::to_string(at) + "); Word cannot open it");
  }
}

void check_parsed(const pugi::xml_parse_result& r, const std::string& file, const std::string& part) {
  if (!r)
    throw Error(file, 0, part + " 不是合法的 XML(字节 " + std::to_string(r.offset) + ":" + r.description() + ")",
                part + " is not well-formed XML (byte " + std::to_string(r.offset) + ": " + r.description() + ")");
}
void normalise_prefixes(pugi::xml_document& doc);
}  // namespace

// Whitespace-only text is kept when it is an element's only content (<w:t xml:space="preserve"> </w:t>).
// The text of w:t, w:instrText, … is stored in its element (parse_embed_pcdata), not in a node of
// its own: a node fewer per run of a large document. Read it with .text(), as the project does.
const unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_embed_pcdata;

XmlDoc parse_part(const std::string& bytes, const std::string& file, const std::string& part) {
  check_utf8(bytes, file, part);
  auto doc = std::make_unique<pugi::xml_document>();
  check_parsed(doc->load_buffer(bytes.data(), bytes.size(), kParseOptions), file, part);
  normalise_prefixes(*doc);
  return doc;
}

XmlDoc parse_part_in_place(std::string& bytes, const std::string& file, const std::string& part) {
  check_utf8(bytes, file, part);
  auto doc = std::make_unique<pugi::xml_document>();
  check_parsed(doc->load_buffer_inplace(bytes.data(), bytes.size(), kParseOptions), file, part);
  normalise_prefixes(*doc);
  return doc;
}

namespace {
void normalise_prefixes(pugi::xml_document& doc) {
  pugi::xml_node root = doc.document_element();
  std::map<std::string, std::string> renames;
  std::string default_to;
  for (pugi::xml_attribute a : root.attributes()) {
    std::string_view an = a.name();
    auto it = canonical_prefixes().find(a.value());
    if (it == canonical_prefixes().end()) continue;
    if (an == "xmlns") {
      default_to = std::string(it->second);
    } else if (an.rfind("xmlns:", 0) == 0) {
      std::string prefix(an.substr(6));
      if (prefix != it->second) renames[prefix] = std::string(it->second);
    }
  }
  if (!renames.empty() || !default_to.empty()) rename_prefixes(root, renames, default_to);
}
}  // namespace

bool on_off_value(std::string_view v) { return !(v == "false" || v == "0" || v == "off"); }

bool on_off(pugi::xml_node n) {
  if (!n) return false;
  pugi::xml_attribute a = n.attribute("w:val");
  return !a || on_off_value(a.value());
}

namespace {
// The number an attribute's value starts with (what follows it, e.g. a unit, in `rest`); none
// when it does not start with one, or is not finite, or is past what an int holds.
std::optional<double> leading_number(pugi::xml_node n, const char* name, const char** rest) {
  pugi::xml_attribute a = n.attribute(name);
  if (!a) return std::nullopt;
  const char* s = a.value();
  char* end = nullptr;
  double v = std::strtod(s, &end);
  if (end == s || !std::isfinite(v) || std::fabs(v) > 2e9) return std::nullopt;
  *rest = end;
  return v;
}
}  // namespace

std::optional<int> int_attr(pugi::xml_node n, const char* name) {
  const char* rest = nullptr;
  auto v = leading_number(n, name, &rest);
  if (!v) return std::nullopt;
  return static_cast<int>(std::lround(*v));
}

namespace {
std::optional<double> measure(pugi::xml_node n, const char* name, double per_pt) {
  const char* end = nullptr;
  auto number = leading_number(n, name, &end);
  if (!number) return std::nullopt;
  const double v = *number;
  std::string_view unit(end);
  if (unit.empty()) return v;
  double pt;
  if (unit == "mm") pt = v * 72.0 / 25.4;
  else if (unit == "cm") pt = v * 72.0 / 2.54;
  else if (unit == "in") pt = v * 72.0;
  else if (unit == "pt") pt = v;
  else if (unit == "pc" || unit == "pi") pt = v * 12.0;
  else return std::nullopt;
  return pt * per_pt;
}
}  // namespace

std::optional<int> twips_attr(pugi::xml_node n, const char* name) {
  auto v = measure(n, name, 20.0);
  if (!v) return std::nullopt;
  return static_cast<int>(std::lround(*v));
}

std::optional<int> half_points_attr(pugi::xml_node n, const char* name) {
  auto v = measure(n, name, 2.0);
  if (!v) return std::nullopt;
  return static_cast<int>(std::lround(*v));
}

std::string_view canonical_prefix(std::string_view uri) {
  auto it = canonical_prefixes().find(uri);
  return it == canonical_prefixes().end() ? std::string_view() : it->second;
}

std::string_view local_name(std::string_view qname) {
  size_t c = qname.find(':');
  return c == std::string_view::npos ? qname : qname.substr(c + 1);
}

pugi::xml_node child_local(pugi::xml_node n, std::string_view local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c.name()) == local) return c;
  return {};
}

}  // namespace bidfmt::docx
