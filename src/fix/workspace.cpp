// Workspace: reads and checks one pass's input, hands out the parts to edit, adds parts, commits what changed.
#include "fix/workspace.h"

#include "docx/script.h"
#include "docx/xml.h"
#include "fix/targets.h"
#include "fix/xml_edit.h"
#include "package/ooxml.h"
#include "rules/checker.h"
#include "writer/parts.h"
#include "writer/xml.h"

namespace bidfmt::fix {
namespace {

const char* kContentTypes = "[Content_Types].xml";
const char* kRelsNs = package::ns::kRelationships;
const char* kTypesNs = package::ns::kContentTypes;

std::string rels_name(const std::string& part) {
  size_t slash = part.rfind('/');
  std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  return dir + "_rels/" + part.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
}

// The target of a relationship from `source` to `part`, relative to the source's folder.
std::string relative_target(const std::string& source, const std::string& part) {
  size_t slash = source.rfind('/');
  std::string dir = slash == std::string::npos ? "" : source.substr(0, slash + 1);
  return part.compare(0, dir.size(), dir) == 0 ? part.substr(dir.size()) : "/" + part;
}

// Calls f on the w:val of every w:pStyle, w:rStyle and w:tblStyle under `root` (the style ids it names).
template <typename F>
void for_each_style_reference(const pugi::xml_node& root, F&& f) {
  for (pugi::xpath_node x : root.select_nodes("//w:pStyle | //w:rStyle | //w:tblStyle")) f(x.node().attribute("w:val"));
}

void collect_style_references(const pugi::xml_node& root, std::set<std::string>& out) {
  for_each_style_reference(root, [&](pugi::xml_attribute id) { out.emplace(id.value()); });
}

}  // namespace

void Entries::put(const std::string& name, std::string data) {
  if (!bytes.count(name)) names.push_back(name);
  bytes[name] = std::move(data);
}

Generated::Generated(const profile::Profile& profile) {
  styles.load_string(writer::styles_xml(profile).c_str());
  numbering.load_string(writer::numbering_xml(profile, writer::Plan{}).c_str());
}

void Journal::note(Text t) {
  for (const Text& n : notes)
    if (n.zh == t.zh) return;
  notes.push_back(std::move(t));
}

Workspace::Workspace(const std::string& path, const profile::Profile& profile, const Options& options, Entries& entries,
                     const Generated& generated, Journal& journal)
    : profile_(profile),
      project_(options.project),
      keep_text_(options.keep_text),
      entries_(entries),
      generated_(generated),
      journal_(journal) {
  doc_ = docx::Document::read(path, profile);
  findings_ = rules::check_document(*doc_, profile, project_, nullptr, options.identity, options.strict);
}

std::vector<const rules::Finding*> Workspace::findings_of(const std::string& rule, const std::string& kind) const {
  std::vector<const rules::Finding*> out;
  for (const rules::Finding& f : findings_)
    if (f.rule() == rule && (kind.empty() || f.kind() == kind)) out.push_back(&f);
  return out;
}

std::string Workspace::part_of_type(const std::string& type) const {
  for (const auto& [id, rel] : doc_->package().relationships())
    if (rel.type == type && !rel.external && entries_.bytes.count(rel.target)) return rel.target;
  auto it = created_types_.find(type);
  return it == created_types_.end() ? "" : it->second;
}

std::string Workspace::main_rels() const { return rels_name(doc_->package().main_part()); }

pugi::xml_document* Workspace::tree(const std::string& part) {
  auto own = own_.find(part);
  if (own != own_.end()) return own->second.get();
  const docx::Package& pkg = doc_->package();
  // Parts the read document keeps are edited in place: its paragraphs point into them.
  const pugi::xml_document* kept = nullptr;
  if (part == pkg.main_part()) kept = &pkg.document();
  else if (part == part_of_type("styles")) kept = pkg.styles();
  else if (part == part_of_type("numbering")) kept = pkg.numbering();
  else if (part == part_of_type("settings")) kept = pkg.settings();
  else if (doc_->story(part)) kept = pkg.part(part);
  if (kept) return const_cast<pugi::xml_document*>(kept);
  auto it = entries_.bytes.find(part);
  if (it == entries_.bytes.end()) return nullptr;
  docx::XmlDoc parsed = docx::parse_part(it->second, doc_->path(), part);
  pugi::xml_document* raw = parsed.get();
  own_[part] = std::move(parsed);
  return raw;
}

pugi::xml_node Workspace::edit(const std::string& part) {
  pugi::xml_document* t = tree(part);
  if (!t) return {};
  if (!created_.count(part) && !baseline_.count(part)) {
    baseline_[part] = xml::part_to_string(*t);
    collect_style_references(*t, baseline_styles_[part]);
  }
  return t->document_element();
}

std::string Workspace::free_name(const std::string& stem, const std::string& ext) const {
  for (int n = 1;; ++n) {
    std::string name = stem + std::to_string(n) + ext;
    if (!has_part(name)) return name;
  }
}

pugi::xml_node Workspace::new_part(const std::string& part, const char* root_name) {
  auto doc = std::make_unique<pugi::xml_document>();
  pugi::xml_node root = doc->append_child(root_name);
  own_[part] = std::move(doc);
  created_.insert(part);
  order_.push_back(part);
  return root;
}

pugi::xml_node Workspace::create(const std::string& part, const char* root_name, const std::string& content_type,
                                 const std::string& rel_type) {
  pugi::xml_node root = new_part(part, root_name);
  root.append_attribute("xmlns:w") = writer::xml::kW;
  root.append_attribute("xmlns:r") = writer::xml::kR;
  created_types_.emplace(rel_type, part);

  pugi::xml_node types = edit(kContentTypes);
  if (!types) {
    types = new_part(kContentTypes, "Types");
    types.append_attribute("xmlns") = kTypesNs;
  }
  pugi::xml_node o = types.append_child("Override");
  o.append_attribute("PartName") = ("/" + part).c_str();
  o.append_attribute("ContentType") = content_type.c_str();

  std::string rels_part = main_rels();
  pugi::xml_node rels = edit(rels_part);
  if (!rels) {
    rels = new_part(rels_part, "Relationships");
    rels.append_attribute("xmlns") = kRelsNs;
  }
  std::set<std::string> ids;
  for (pugi::xml_node r : rels.children()) ids.insert(r.attribute("Id").value());
  std::string id;
  for (int n = static_cast<int>(ids.size()) + 1;; ++n)
    if (!ids.count(id = "rId" + std::to_string(n))) break;
  pugi::xml_node r = rels.append_child("Relationship");
  r.append_attribute("Id") = id.c_str();
  r.append_attribute("Type") = (part_type::kRelBase + rel_type).c_str();
  r.append_attribute("Target") = relative_target(doc_->package().main_part(), part).c_str();
  rel_ids_[part] = id;
  return root;
}

std::string Workspace::add_part(const std::string& part, const std::string& xml_text, const std::string& content_type,
                                const std::string& rel_type) {
  create(part, "w:placeholder", content_type, rel_type);
  pugi::xml_document& doc = *own_[part];
  doc.reset();
  doc.load_string(xml_text.c_str());
  // The writer names the profile's styles by their profile ids: use the ids they have here.
  for_each_style_reference(doc, [&](pugi::xml_attribute id) { id.set_value(style_id(id.value()).c_str()); });
  return rel_ids_[part];
}

std::set<std::string> Workspace::added_style_references() {
  std::set<std::string> out;
  for (const std::string& part : created_)
    if (pugi::xml_document* t = tree(part)) collect_style_references(*t, out);
  for (const auto& [part, was] : baseline_styles_) {
    std::set<std::string> now;
    if (pugi::xml_document* t = tree(part)) collect_style_references(*t, now);
    for (const std::string& id : now)
      if (!was.count(id)) out.insert(id);
  }
  return out;
}

bool Workspace::refers_to_numbering(int num_id) {
  const std::string query = "//w:numId[@w:val='" + std::to_string(num_id) + "']";
  for (const std::string& part : created_)
    if (pugi::xml_document* t = tree(part); t && t->select_node(query.c_str())) return true;
  for (const auto& edited : baseline_styles_)
    if (pugi::xml_document* t = tree(edited.first); t && t->select_node(query.c_str())) return true;
  return false;
}

pugi::xml_node Workspace::section_properties(const docx::Section& s) {
  pugi::xml_node root = edit(doc_->body().part);
  if (s.sect_pr) return s.sect_pr;
  pugi::xml_node body = root.child("w:body");
  pugi::xml_node sp = body.child("w:sectPr");
  return sp ? sp : body.append_child("w:sectPr");
}

std::string Workspace::style_id(const std::string& profile_id) const {
  auto it = style_ids.find(profile_id);
  return it == style_ids.end() ? profile_id : it->second;
}

void Workspace::change(const rules::Location& where, Text what) { change(where, "", "", std::move(what)); }

void Workspace::change(rules::Change c) { journal_.changes.push_back(std::move(c)); }

namespace {
rules::Change make_change(const rules::Location& where, const std::string& rule, const std::string& kind, Text what, Text before,
                          Text after) {
  rules::Change c;
  c.where = where;
  c.rule = rule;
  c.kind = kind;
  c.what = std::move(what);
  c.before = std::move(before);
  c.after = std::move(after);
  return c;
}
}  // namespace

void Workspace::change(const rules::Location& where, const std::string& rule, const std::string& kind, Text what, Text before, Text after) {
  change(make_change(where, rule, kind, std::move(what), std::move(before), std::move(after)));
}

void Workspace::answered(const rules::Finding& f) {
  change(f.where(), f.rule(), f.kind(), aspect_label(f.kind()), f.actual(), f.expected());
}

void Workspace::left_alone(const rules::Location& where, const std::string& rule, const std::string& kind, Text why, Text before,
                           Text after) {
  rules::Change c = make_change(where, rule, kind, std::move(why), std::move(before), std::move(after));
  c.applied = false;  // seen and reported, not changed
  change(std::move(c));
}

rules::Location Workspace::at(const docx::Paragraph& p) const { return rules::locate(p, doc_->body().part); }

rules::Location Workspace::at_section(int section) const { return rules::locate_section(*doc_, section); }

bool Workspace::commit() {
  bool changed = false;
  for (const auto& [part, before] : baseline_) {
    std::string now = xml::part_to_string(*tree(part));
    if (now == before) continue;
    entries_.put(part, now);
    changed = true;
  }
  for (const std::string& part : order_) {
    entries_.put(part, xml::part_to_string(*own_[part]));
    changed = true;
  }
  return changed;
}

}  // namespace bidfmt::fix
