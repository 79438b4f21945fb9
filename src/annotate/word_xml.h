// WordXml: a part of a DOCX parsed to be edited and written back with nothing else changed — the
// producer's prefixes, whitespace and declaration kept — and its paragraphs found by ordinal.
#pragma once
#include <pugixml.hpp>

#include <string>
#include <vector>

#include "docx/document.h"
#include "package/ooxml.h"

namespace bidfmt::annotate {

inline constexpr const char* kWordNs = package::ns::kW;

class WordXml {
 public:
  // Parses the bytes of part `part` of `file`; throws Error naming both when not well-formed.
  WordXml(const std::string& bytes, const std::string& file, const std::string& part);
  WordXml(const WordXml&) = delete;
  WordXml& operator=(const WordXml&) = delete;

  pugi::xml_document& dom() { return dom_; }
  pugi::xml_node root() const { return dom_.document_element(); }
  // `local` qualified with the prefix this part uses for the WordprocessingML namespace
  // ("w:p", or "p" when that namespace is the default one).
  std::string w(const char* local) const { return prefix_.empty() ? local : prefix_ + ":" + local; }
  // Every w:p element in document order (textbox paragraphs included): the paragraph ordinals.
  const std::vector<pugi::xml_node>& paragraphs() const { return paragraphs_; }
  // One more than the largest w:id of any `local` element (w:bookmarkStart, w:commentRangeStart…).
  int next_id(const char* local) const;
  // Where markup that opens a paragraph goes: after its w:pPr (and before anything else).
  pugi::xml_node insert_at_start(pugi::xml_node p, const char* local);
  // The serialised part.
  std::string save() const;

 private:
  pugi::xml_document dom_;
  std::string prefix_;
  std::vector<pugi::xml_node> paragraphs_;
};

// The ordinal (index into WordXml::paragraphs of the same part) of every paragraph of the body
// story of `doc`, by its index in doc.body().paragraphs.
std::vector<int> body_ordinals(const docx::Document& doc);

}  // namespace bidfmt::annotate
