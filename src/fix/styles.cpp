// Styles: the profile's paragraph styles (as bidfmt build writes them) merged into the document's styles.xml.
#include <algorithm>
#include <set>

#include "core/text.h"
#include "docx/xml.h"
#include "fix/fixes.h"
#include "fix/targets.h"
#include "fix/xml_edit.h"

namespace bidfmt::fix {
namespace {

// The generated styles fix installs: every paragraph style but the cover's (a document that has
// a cover keeps its own), which covers body, headings, lists, quotes, table text, captions,
// figures, TOC levels, header and footer.
bool installs(pugi::xml_node s) {
  return docx::attr(s, "w:type") == "paragraph" && docx::attr(s, "w:styleId").rfind("Cover", 0) != 0;
}

std::string_view type_of(pugi::xml_node s) {
  std::string_view t = docx::attr(s, "w:type");
  return t.empty() ? std::string_view("paragraph") : t;
}

// The document's style of this type and name (names compare case-insensitively, as Word's
// built-in names do), or null.
pugi::xml_node find_by_name(pugi::xml_node root, std::string_view type, std::string_view name) {
  std::string want = core::ascii_lower(name);
  for (pugi::xml_node s : root.children("w:style"))
    if (type_of(s) == type && core::ascii_lower(docx::attr(s.child("w:name"), "w:val")) == want) return s;
  return {};
}

// 「正文、标题 1 … 等 20 个」 for the log.
Text names_of(const std::vector<Text>& names) {
  Text out;
  for (size_t i = 0; i < names.size() && i < 6; ++i) {
    out.zh += (i ? "、" : "") + names[i].zh;
    out.en += (i ? ", " : "") + names[i].en;
  }
  if (names.size() > 6) {
    out.zh += " 等 " + std::to_string(names.size()) + " 个";
    out.en += " and " + std::to_string(names.size() - 6) + " more";
  }
  return out;
}

}  // namespace

void plan_styles(Workspace& ws) {
  ws.style_ids.clear();
  const pugi::xml_document* styles = ws.doc().package().styles();
  pugi::xml_node root = styles ? styles->document_element() : pugi::xml_node();
  std::set<std::string> taken;
  for (pugi::xml_node s : root.children("w:style")) taken.emplace(docx::attr(s, "w:styleId"));
  for (pugi::xml_node g : ws.generated().styles.document_element().children("w:style")) {
    if (!installs(g)) continue;
    std::string gid(docx::attr(g, "w:styleId"));
    pugi::xml_node existing = find_by_name(root, type_of(g), docx::attr(g.child("w:name"), "w:val"));
    std::string id = existing ? std::string(docx::attr(existing, "w:styleId")) : gid;
    for (int n = 1; !existing && taken.count(id); ++n) id = gid + std::to_string(n);
    taken.insert(id);
    ws.style_ids[gid] = id;
  }
}

void install_styles(Workspace& ws) {
  std::string part = ws.part_of_type("styles");
  pugi::xml_node root = part.empty() ? pugi::xml_node() : ws.edit(part);
  if (!root) {
    part = ws.has_part("word/styles.xml") ? ws.free_name("word/styles", ".xml") : "word/styles.xml";
    root = ws.create(part, "w:styles", part_type::kStyles, "styles");
  }
  pugi::xml_node gen_root = ws.generated().styles.document_element();
  std::vector<Text> changed;

  pugi::xml_node gen_dd = gen_root.child("w:docDefaults");
  pugi::xml_node dd = root.child("w:docDefaults");
  if (!dd) {
    xml::insert_copy(root, gen_dd, xml::styles_order());
    changed.push_back(Text{"文档默认格式", "document defaults"});
  } else if (xml::to_string(dd) != xml::to_string(gen_dd)) {
    root.insert_copy_before(gen_dd, dd);
    root.remove_child(dd);
    changed.push_back(Text{"文档默认格式", "document defaults"});
  }

  pugi::xml_document scratch;
  for (pugi::xml_node g : gen_root.children("w:style")) {
    if (!installs(g)) continue;
    scratch.reset();
    pugi::xml_node s = scratch.append_copy(g);
    s.attribute("w:styleId").set_value(ws.style_id(std::string(docx::attr(g, "w:styleId"))).c_str());
    for (const char* ref : {"w:basedOn", "w:next", "w:link"})
      if (pugi::xml_node r = s.child(ref)) {
        auto it = ws.style_ids.find(r.attribute("w:val").value());
        if (it != ws.style_ids.end()) r.attribute("w:val").set_value(it->second.c_str());
      }
    if (pugi::xml_node num = s.child("w:pPr").child("w:numPr").child("w:numId"))
      num.attribute("w:val").set_value(ws.heading_num_id);
    std::string name(docx::attr(g.child("w:name"), "w:val"));
    pugi::xml_node existing = find_by_name(root, "paragraph", name);
    if (!existing) {
      xml::insert_copy(root, s, xml::styles_order());
    } else if (xml::to_string(existing) != xml::to_string(s)) {
      root.insert_copy_before(s, existing);
      root.remove_child(existing);
    } else {
      continue;
    }
    changed.push_back(style_label(std::string(docx::attr(g, "w:styleId"))));
  }
  // One default paragraph style: the profile's body style.
  std::string normal = ws.style_id("Normal");
  for (pugi::xml_node s : root.children("w:style"))
    if (type_of(s) == "paragraph" && docx::attr(s, "w:styleId") != normal && s.attribute("w:default"))
      s.remove_attribute("w:default");

  if (!changed.empty()) {
    Text names = names_of(changed);
    ws.change(rules::in_part(part), Text{"按规范设置样式:" + names.zh, "styles set to the profile: " + names.en});
  }
}

}  // namespace bidfmt::fix
