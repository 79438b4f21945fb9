// Package: opens the zip, follows _rels/.rels to the main document and its relationships, parses parts.
#include "docx/package.h"

#include <vector>

#include "core/error.h"

namespace bidfmt::docx {
namespace {

std::string rels_name(const std::string& part) {
  size_t slash = part.rfind('/');
  std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  return dir + "_rels/" + file + ".rels";
}

std::string last_segment(std::string_view uri) {
  size_t slash = uri.rfind('/');
  return std::string(slash == std::string_view::npos ? uri : uri.substr(slash + 1));
}

}  // namespace

std::string resolve_target(const std::string& source_part, const std::string& target) {
  std::string joined;
  if (!target.empty() && target[0] == '/') {
    joined = target.substr(1);
  } else {
    size_t slash = source_part.rfind('/');
    joined = (slash == std::string::npos ? "" : source_part.substr(0, slash + 1)) + target;
  }
  std::vector<std::string> segs;
  size_t pos = 0;
  while (pos <= joined.size()) {
    size_t next = joined.find('/', pos);
    if (next == std::string::npos) next = joined.size();
    std::string seg = joined.substr(pos, next - pos);
    if (seg == "..") {
      if (!segs.empty()) segs.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segs.push_back(seg);
    }
    pos = next + 1;
  }
  std::string out;
  for (size_t i = 0; i < segs.size(); ++i) out += (i ? "/" : "") + segs[i];
  return out;
}

Package::Package(const std::string& path) : path_(path), zip_(path) {
  // _rels/.rels → officeDocument (transitional or strict type URI).
  if (const std::string* root_rels = zip_.find("_rels/.rels")) {
    XmlDoc rels = parse_part(*root_rels, path_, "_rels/.rels");
    for (pugi::xml_node r : rels->document_element().children()) {
      if (local_name(r.name()) != "Relationship") continue;
      if (last_segment(attr(r, "Type")) == "officeDocument" && attr(r, "TargetMode") != "External") {
        main_part_ = resolve_target("", std::string(attr(r, "Target")));
        break;
      }
    }
  }
  if (main_part_.empty() || !zip_.has(main_part_)) {
    if (zip_.has("word/document.xml")) main_part_ = "word/document.xml";
    else
      throw Error(path_, 0, "不是 Word 文档:找不到主文档部件(word/document.xml)",
                  "not a Word document: no main document part (word/document.xml)");
  }  // Checked after the main part, whose absence is the more useful message.
  if (!zip_.has("[Content_Types].xml"))
    throw Error(path_, 0, "缺少 [Content_Types].xml,不是有效的 DOCX", "missing [Content_Types].xml: not a valid DOCX");

  document_ = load(main_part_);
  pugi::xml_node root = document_->document_element();
  if (std::string_view(root.name()) != "w:document" || !root.child("w:body"))
    throw Error(path_, 0, main_part_ + " 不是 WordprocessingML 文档(缺少 w:document/w:body)",
                main_part_ + " is not a WordprocessingML document (no w:document/w:body)");

  if (const std::string* rels = zip_.find(rels_name(main_part_))) {
    XmlDoc doc = parse_part(*rels, path_, rels_name(main_part_));
    for (pugi::xml_node r : doc->document_element().children()) {
      if (local_name(r.name()) != "Relationship") continue;
      Relationship rel;
      rel.type = last_segment(attr(r, "Type"));
      rel.external = attr(r, "TargetMode") == "External";
      rel.target = rel.external ? std::string(attr(r, "Target")) : resolve_target(main_part_, std::string(attr(r, "Target")));
      rels_[std::string(attr(r, "Id"))] = rel;
    }
  }
  for (const auto& [id, rel] : rels_) {
    if (rel.external || !zip_.has(rel.target)) continue;
    if (rel.type == "styles" && !styles_) styles_ = load(rel.target);
    else if (rel.type == "numbering" && !numbering_) {
      numbering_ = load(rel.target);
      numbering_part_ = rel.target;
    } else if (rel.type == "settings" && !settings_) settings_ = load(rel.target);
    else if (rel.type == "theme" && !theme_) theme_ = load(rel.target);
  }
}

XmlDoc Package::load(const std::string& name) const {
  std::string* bytes = zip_.find_mutable(name);
  if (!bytes) zip_.get(name);  // throws: missing part
  XmlDoc doc = parse_part_in_place(*bytes, path_, name);
  loaded_[name] = doc.get();
  return doc;
}

void Package::release_document() {
  loaded_.erase(main_part_);
  document_ = std::make_unique<pugi::xml_document>();
  zip_.release(main_part_);
}

void Package::release_numbering() {
  if (!numbering_) return;
  loaded_.erase(numbering_part_);
  numbering_.reset();
  zip_.release(numbering_part_);
}

std::string Package::target(const std::string& rel_id) const {
  auto it = rels_.find(rel_id);
  return it == rels_.end() || it->second.external ? "" : it->second.target;
}

const pugi::xml_document* Package::part(const std::string& name) const {
  if (auto done = loaded_.find(name); done != loaded_.end()) return done->second;
  auto it = others_.find(name);
  if (it != others_.end()) return it->second.get();
  if (!zip_.has(name)) return nullptr;
  // Parts are parsed lazily; Package is used by one thread at a time.
  XmlDoc& slot = others_[name];
  slot = load(name);
  return slot.get();
}

}  // namespace bidfmt::docx
