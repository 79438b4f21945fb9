// PackageEdit: a DOCX read whole, some parts replaced or added, written to a new file atomically.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace bidfmt::annotate {

class PackageEdit {
 public:
  // Reads every entry of `path` (limits and checks of package::ZipReader).
  explicit PackageEdit(const std::string& path);

  const std::string& path() const { return path_; }
  bool has(const std::string& name) const { return data_.count(name) > 0; }
  const std::string& get(const std::string& name) const;
  // Replaces an entry's bytes, or adds the entry after the others.
  void put(const std::string& name, std::string bytes);
  // The relationships part of `part` (word/document.xml → word/_rels/document.xml.rels).
  static std::string rels_of(const std::string& part);
  // Adds the relationship (when the part has none of `type`) and the content type override (when
  // missing); returns the part name the relationship points to.
  std::string ensure_related_part(const std::string& source_part, const std::string& type_uri, const std::string& content_type,
                                  const std::string& wanted_name);
  // Writes every entry, in the original order, to `output` (temp file + rename). Refuses to
  // write over the input.
  void write(const std::string& output) const;

 private:
  std::string path_;
  std::vector<std::string> order_;
  std::map<std::string, std::string> data_;
};

}  // namespace bidfmt::annotate
