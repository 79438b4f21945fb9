// 暗标 metadata: what bid.anonymous reports as fixable — names in the document properties and
// the authors of revisions and comments — removed from the parts it found them in. The words of
// the document are never touched (identifying text is only reported).
#include <set>
#include <string_view>

#include "docx/xml.h"
#include "fix/fixes.h"
#include "rules/anonymous.h"
#include "rules/kinds.h"

namespace bidfmt::fix {
namespace {

// docProps: the identifying elements go (all are optional in their schemas).
void clear_properties(pugi::xml_node root, const std::string& part) {
  for (pugi::xml_node e = root.first_child(); e;) {
    pugi::xml_node next = e.next_sibling();
    if (e.type() == pugi::node_element && rules::is_identifying_field(part, e.name())) root.remove_child(e);
    e = next;
  }
}

// Story, comment and people parts: every author blanked (w:author is required where it occurs),
// initials and presence information (a user id or e-mail) removed.
void clear_authors(pugi::xml_node root) {
  for (pugi::xpath_node n : root.select_nodes("descendant-or-self::*[@*[local-name()='author' or local-name()='initials']]")) {
    pugi::xml_node e = n.node();
    for (pugi::xml_attribute a = e.first_attribute(); a;) {
      pugi::xml_attribute next = a.next_attribute();
      std::string_view name = docx::local_name(a.name());
      if (name == "author") a.set_value("");
      else if (name == "initials") e.remove_attribute(a);
      a = next;
    }
  }
  for (pugi::xpath_node n : root.select_nodes("descendant::*[local-name()='presenceInfo']")) n.node().parent().remove_child(n.node());
}

}  // namespace

void fix_metadata(Workspace& ws) {
  std::set<std::string> done;
  for (const rules::Finding* f : ws.findings_of("bid.anonymous", rules::kind::kMetadata)) {
    if (!f->fixable || !done.insert(f->where().part()).second) continue;
    pugi::xml_node root = ws.edit(f->where().part());
    if (!root) continue;
    bool properties = f->where().part().rfind("docProps/", 0) == 0;
    if (properties) clear_properties(root, f->where().part());
    else clear_authors(root);
    ws.change(rules::in_part(f->where().part()),
              properties ? Text{"暗标:清除文档属性中的作者、单位等信息",
                                "anonymous bid: cleared author, company and the like from the document properties"}
                         : Text{"暗标:清除修订和批注的作者姓名", "anonymous bid: cleared the authors' names of revisions and comments"});
  }
}

}  // namespace bidfmt::fix
