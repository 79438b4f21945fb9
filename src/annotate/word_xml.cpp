// WordXml: raw parse (no prefix normalisation), paragraph ordinals shared with the docx reader.
#include "annotate/word_xml.h"

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include "core/error.h"

namespace bidfmt::annotate {
namespace {

constexpr const char* kStrictWordNs = package::ns::kStrictW;

// Pre-order walk over elements without recursion (nesting depth is not bounded by the input).
template <typename F>
void each_element(pugi::xml_node root, F&& f) {
  std::vector<pugi::xml_node> stack{root};
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() == pugi::node_element) f(n);
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling())
      if (c.type() == pugi::node_element) stack.push_back(c);
  }
}

}  // namespace

WordXml::WordXml(const std::string& bytes, const std::string& file, const std::string& part) {
  // Keep everything as it is: whitespace text, the declaration, comments, PIs; no end-of-line or
  // attribute whitespace conversion.
  unsigned opts = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_ws_pcdata | pugi::parse_declaration | pugi::parse_doctype |
                  pugi::parse_pi | pugi::parse_comments;
  pugi::xml_parse_result r = dom_.load_buffer(bytes.data(), bytes.size(), opts);
  if (!r)
    throw Error(file, 0, part + " 不是合法的 XML(字节 " + std::to_string(r.offset) + ":" + r.description() + ")",
                part + " is not well-formed XML (byte " + std::to_string(r.offset) + ": " + r.description() + ")");
  prefix_ = "w";
  for (pugi::xml_attribute a : root().attributes()) {
    std::string name = a.name(), value = a.value();
    if (value != kWordNs && value != kStrictWordNs) continue;
    if (name == "xmlns") prefix_.clear();
    else if (name.rfind("xmlns:", 0) == 0) prefix_ = name.substr(6);
    if (name.rfind("xmlns:", 0) == 0 && name.substr(6) == "w") break;  // prefer w: when both are bound
  }
  std::string p = w("p");
  each_element(dom_, [&](pugi::xml_node n) {
    if (p == n.name()) paragraphs_.push_back(n);
  });
}

int WordXml::next_id(const char* local) const {
  std::string name = w(local), id = w("id");
  long long max = -1;
  each_element(dom_, [&](pugi::xml_node n) {
    if (name == n.name()) max = std::max(max, n.attribute(id.c_str()).as_llong(-1));
  });
  return static_cast<int>(std::min<long long>(max + 1, 2000000000));
}

pugi::xml_node WordXml::insert_at_start(pugi::xml_node p, const char* local) {
  pugi::xml_node first = p.first_child();
  while (first && first.type() != pugi::node_element) first = first.next_sibling();
  if (first && w("pPr") == first.name()) return p.insert_child_after(w(local).c_str(), first);
  return p.prepend_child(w(local).c_str());
}

std::string WordXml::save() const {
  std::ostringstream os;
  dom_.save(os, "", pugi::format_raw | (dom_.first_child().type() == pugi::node_declaration ? 0u : pugi::format_no_declaration),
            pugi::encoding_utf8);
  return os.str();
}

std::vector<int> body_ordinals(const docx::Document& doc) {
  // The reader's DOM has canonical prefixes: its paragraphs are the elements named w:p, in the
  // same document order as in the raw part.
  std::unordered_map<const void*, int> ordinal;
  int n = 0;
  each_element(doc.package().document(), [&](pugi::xml_node e) {
    if (std::string_view(e.name()) == "w:p") ordinal[e.internal_object()] = n++;
  });
  std::vector<int> out;
  for (const docx::Paragraph& p : doc.body().paragraphs) {
    auto it = ordinal.find(p.node.internal_object());
    out.push_back(it == ordinal.end() ? -1 : it->second);
  }
  return out;
}

}  // namespace bidfmt::annotate
