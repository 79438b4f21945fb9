// PackageEdit: zip in (package::ZipReader), edited parts, zip out (package::ZipWriter) atomically.
#include "annotate/package_edit.h"

#include <pugixml.hpp>

#include <set>
#include <sstream>

#include "annotate/word_xml.h"
#include "core/error.h"
#include "core/file_io.h"
#include "package/ooxml.h"
#include "package/zip_reader.h"
#include "package/zip_writer.h"

namespace bidfmt::annotate {
namespace {

constexpr const char* kRelsNs = package::ns::kRelationships;

std::string save(const pugi::xml_document& d) {
  std::ostringstream os;
  d.save(os, "", pugi::format_raw | (d.first_child().type() == pugi::node_declaration ? 0u : pugi::format_no_declaration),
         pugi::encoding_utf8);
  return os.str();
}

pugi::xml_document parse(const std::string& bytes, const std::string& file, const std::string& part) {
  pugi::xml_document d;
  unsigned opts =
      pugi::parse_cdata | pugi::parse_escapes | pugi::parse_ws_pcdata | pugi::parse_declaration | pugi::parse_pi | pugi::parse_comments;
  pugi::xml_parse_result r = d.load_buffer(bytes.data(), bytes.size(), opts);
  if (!r) throw Error(file, 0, part + " 不是合法的 XML", part + " is not well-formed XML");
  return d;
}

// The name of an element in the root's default namespace, or with the root's own prefix.
std::string same_prefix(pugi::xml_node root, const char* local) {
  std::string r = root.name();
  size_t c = r.find(':');
  return c == std::string::npos ? local : r.substr(0, c + 1) + local;
}

std::string folder_of(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

}  // namespace

PackageEdit::PackageEdit(const std::string& path) : path_(path) {
  package::ZipReader zip(path);
  for (const std::string& n : zip.names()) {
    order_.push_back(n);
    data_[n] = zip.get(n);
  }
}

const std::string& PackageEdit::get(const std::string& name) const {
  auto it = data_.find(name);
  if (it == data_.end()) throw Error(path_, 0, "缺少部件 " + name, "missing part " + name);
  return it->second;
}

void PackageEdit::put(const std::string& name, std::string bytes) {
  if (!data_.count(name)) order_.push_back(name);
  data_[name] = std::move(bytes);
}

std::string PackageEdit::rels_of(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? "_rels/" + part + ".rels" : part.substr(0, slash) + "/_rels/" + part.substr(slash + 1) + ".rels";
}

std::string PackageEdit::ensure_related_part(const std::string& source_part, const std::string& type_uri, const std::string& content_type,
                                             const std::string& wanted_name) {
  std::string rels_name = rels_of(source_part);
  pugi::xml_document rels;
  if (has(rels_name)) {
    rels = parse(get(rels_name), path_, rels_name);
  } else {
    rels.append_child(pugi::node_declaration).append_attribute("version") = "1.0";
    pugi::xml_node r = rels.append_child("Relationships");
    r.append_attribute("xmlns") = kRelsNs;
  }
  pugi::xml_node root = rels.document_element();
  std::string rel = same_prefix(root, "Relationship");
  std::string target_part;
  std::set<std::string> ids;
  for (pugi::xml_node r = root.child(rel.c_str()); r; r = r.next_sibling(rel.c_str())) {
    ids.insert(r.attribute("Id").value());
    if (type_uri == r.attribute("Type").value() && std::string_view(r.attribute("TargetMode").value()) != "External") {
      std::string t = r.attribute("Target").value();
      target_part = !t.empty() && t[0] == '/' ? t.substr(1) : folder_of(source_part) + t;
    }
  }
  if (target_part.empty()) {
    // A free part name next to the source part, and a free relationship id.
    std::string base = wanted_name, stem = wanted_name.substr(0, wanted_name.rfind('.'));
    target_part = folder_of(source_part) + base;
    for (int i = 1; has(target_part); ++i) target_part = folder_of(source_part) + stem + std::to_string(i) + ".xml";
    std::string id = "rIdBidfmt1";
    for (int i = 2; ids.count(id); ++i) id = "rIdBidfmt" + std::to_string(i);
    pugi::xml_node r = root.append_child(rel.c_str());
    r.append_attribute("Id") = id.c_str();
    r.append_attribute("Type") = type_uri.c_str();
    r.append_attribute("Target") = target_part.substr(folder_of(source_part).size()).c_str();
    put(rels_name, save(rels));
  }
  // [Content_Types].xml: an Override for the part unless one exists.
  const std::string ct_name = "[Content_Types].xml";
  pugi::xml_document ct = parse(get(ct_name), path_, ct_name);
  pugi::xml_node types = ct.document_element();
  std::string override_name = same_prefix(types, "Override");
  std::string part_name = "/" + target_part;
  bool found = false;
  for (pugi::xml_node o = types.child(override_name.c_str()); o; o = o.next_sibling(override_name.c_str()))
    if (part_name == o.attribute("PartName").value()) found = true;
  if (!found) {
    pugi::xml_node o = types.append_child(override_name.c_str());
    o.append_attribute("PartName") = part_name.c_str();
    o.append_attribute("ContentType") = content_type.c_str();
    put(ct_name, save(ct));
  }
  return target_part;
}

void PackageEdit::write(const std::string& output) const {
  if (core::same_file(output, path_))
    throw Error(output, 0, "输出文件与输入文件相同;不会覆盖输入", "the output is the input file; it is never overwritten");
  core::write_path_atomically(output, [&](const std::string& tmp) {
    package::ZipWriter w(tmp);
    for (const std::string& n : order_) w.add(n, data_.at(n));
    w.close();
  });
}

}  // namespace bidfmt::annotate
