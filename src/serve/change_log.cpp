#include "serve/change_log.h"

#include <sstream>

#include "report/json_writer.h"

namespace bidfmt::serve {
namespace {

void location(report::JsonWriter& w, const rules::Location& l) {
  w.field("part", l.part());
  if (l.section) w.field("section", l.section);
  if (l.paragraph) w.field("paragraph", l.paragraph);
  if (l.table) w.field("table", l.table);
  if (!l.heading_path().empty()) w.field("heading", l.heading_path());
  if (!l.excerpt().empty()) w.field("excerpt", l.excerpt());
}

}  // namespace

std::string change_log_json(const FixResult& r, Lang lang) {
  std::ostringstream os;
  {
    report::JsonWriter w(os);
    w.begin_object();
    w.field("changed", r.changed);
    w.field("project", r.project);
    w.key("changes");
    w.begin_array();
    for (const fix::Change& c : r.changes) {
      w.begin_object();
      location(w, c.where);
      w.field("what", c.what.in(lang));
      w.end_object();
    }
    w.end_array();
    w.key("notes");
    w.begin_array();
    for (const Text& n : r.notes) w.value(n.in(lang));
    w.end_array();
    w.key("remaining");
    w.begin_array();
    for (const rules::Finding& f : r.remaining) {
      w.begin_object();
      w.field("rule", f.rule());
      w.field("message", f.message().in(lang));
      w.field("fixable", f.fixable);
      location(w, f.where());
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  os << "\n";
  return os.str();
}

}  // namespace bidfmt::serve
