// Package: the parts of a DOCX that checking needs, found through relationships (ECMA-376 Part 2).
#pragma once
#include <map>
#include <string>

#include "docx/xml.h"
#include "package/zip_reader.h"

namespace bidfmt::docx {

// One relationship of a part (§9.3).
struct Relationship {
  std::string type;    // the last path segment of the type URI: "styles", "header", "footer", …
  std::string target;  // part name (no leading slash), or the URI when external
  bool external = false;
};

// The main document part and the parts it points to, parsed. Absent optional parts are null.
class Package {
 public:
  // Opens `path`; throws Error naming the file when it is not a readable DOCX.
  explicit Package(const std::string& path);

  const std::string& path() const { return path_; }
  const std::string& main_part() const { return main_part_; }  // e.g. "word/document.xml"
  const pugi::xml_document& document() const { return *document_; }
  const pugi::xml_document* styles() const { return styles_.get(); }
  const pugi::xml_document* numbering() const { return numbering_.get(); }
  const pugi::xml_document* settings() const { return settings_.get(); }
  const pugi::xml_document* theme() const { return theme_.get(); }
  // Relationships of the main part, by id (r:id).
  const std::map<std::string, Relationship>& relationships() const { return rels_; }
  // A header or footer part by part name, parsed on first use; null when missing.
  const pugi::xml_document* part(const std::string& name) const;
  // The part name a main-part relationship id points to ("" when unknown).
  std::string target(const std::string& rel_id) const;
  // Frees the main part's tree and its text; document() is empty afterwards. The model keeps no
  // view into that text: the strings it keeps are copied (StringPool, Document::release_main_xml).
  void release_document();
  // Frees numbering.xml's tree and text; numbering() is null afterwards (Numbering keeps copies
  // of its strings and has forgotten its nodes: Numbering::forget_properties).
  void release_numbering();

 private:
  // Parses a part in place in the zip's buffer (a large document.xml is not copied); each part
  // is parsed once: part() hands out the documents parsed here too.
  XmlDoc load(const std::string& name) const;
  std::string path_;
  mutable package::ZipReader zip_;
  mutable std::map<std::string, const pugi::xml_document*> loaded_;
  std::string main_part_;
  std::map<std::string, Relationship> rels_;
  XmlDoc document_, styles_, numbering_, settings_, theme_;
  std::string numbering_part_;
  mutable std::map<std::string, XmlDoc> others_;  // parsed on first use
};

// Joins a relationship target to the folder of its source part and normalises "." and "..".
std::string resolve_target(const std::string& source_part, const std::string& target);

}  // namespace bidfmt::docx
