// The change log: text grouped by place (sections, then tables and paragraphs in document order,
// then other parts), and the "bidfmt-fix-log" JSON of docs/fix.md.
#include "report/change_log.h"

#include <algorithm>
#include <tuple>

#include "report/json_writer.h"
#include "report/report.h"

namespace bidfmt::report {
namespace {

bool main_part(const rules::Location& l) { return l.part() == "word/document.xml" || l.part().empty(); }

// Document order: the main part by section, table and paragraph; other parts after it, by name.
auto order_key(const rules::Location& l) {
  return std::make_tuple(!main_part(l), main_part(l) ? std::string() : l.part(), l.section, l.paragraph ? l.paragraph : 0, l.table);
}

std::string group_text(const rules::Location& l, Lang lang) {
  bool en = lang == Lang::en;
  if (!main_part(l)) return l.part();
  return l.section ? (en ? "section " + std::to_string(l.section) : "第 " + std::to_string(l.section) + " 节") : (en ? "document" : "全文");
}

}  // namespace

std::string place_text(const rules::Location& l, Lang lang) {
  bool en = lang == Lang::en;
  std::string s;
  auto add = [&](const std::string& x) { s += (s.empty() ? "" : " ") + x; };
  if (!main_part(l) && l.section == 0) add(l.part());
  if (l.table) add(en ? "table " + std::to_string(l.table) : "表格 " + std::to_string(l.table));
  if (l.paragraph) add(en ? "paragraph " + std::to_string(l.paragraph) : "第 " + std::to_string(l.paragraph) + " 段");
  if (!l.heading_path().empty()) add(l.heading_path());
  const std::string& h = l.heading_path();
  bool said = h.size() >= l.excerpt().size() && h.compare(h.size() - l.excerpt().size(), std::string::npos, l.excerpt()) == 0;
  if (!l.excerpt().empty() && !said) s += en ? (s.empty() ? "'" : " '") + l.excerpt() + "'" : "「" + l.excerpt() + "」";
  return s;
}

std::string change_text(const rules::Change& c, Lang lang) {
  std::string s = c.rule.empty() ? "" : "[" + c.rule + "] ";
  s += c.what.in(lang);
  if (!c.before.zh.empty() || !c.after.zh.empty()) s += (lang == Lang::en ? ": " : ":") + c.before.in(lang) + " → " + c.after.in(lang);
  return s;
}

void write_change_log_text(std::ostream& os, const std::vector<rules::Change>& changes, Lang lang) {
  const bool en = lang == Lang::en;
  for (bool applied : {true, false}) {
    std::vector<const rules::Change*> list;
    for (const rules::Change& c : changes)
      if (c.applied == applied) list.push_back(&c);
    if (list.empty()) continue;
    std::stable_sort(list.begin(), list.end(),
                     [](const rules::Change* a, const rules::Change* b) { return order_key(a->where) < order_key(b->where); });
    if (applied) os << (en ? "Changes (" + std::to_string(list.size()) + "):\n" : "修改记录(共 " + std::to_string(list.size()) + " 处):\n");
    else
      os << (en ? "Left alone (" + std::to_string(list.size()) + ", for a person to decide):\n"
                : "未修改(共 " + std::to_string(list.size()) + " 处,需人工判断):\n");
    // One place per paragraph or table, named as it was when fix first changed it (a later pass
    // sees new numbers in its heading path).
    std::string group, place;
    bool indented = false;
    for (const rules::Change* c : list) {
      std::string g = group_text(c->where, lang);
      std::string key = c->where.part() + "|" + std::to_string(c->where.section) + "|" + std::to_string(c->where.table) + "|" +
                        std::to_string(c->where.paragraph);
      if (g != group) {
        os << "  " << g << "\n";
        group = g;
        place.clear();
      }
      if (key != place) {
        std::string p = place_text(c->where, lang);
        indented = !p.empty() && p != g && (c->where.paragraph || c->where.table || !main_part(c->where));
        if (indented) os << "    " << p << "\n";
        place = key;
      }
      os << (indented ? "      " : "    ") << change_text(*c, lang) << "\n";
    }
  }
}

void write_change_log_json(std::ostream& os, const FixLog& log, Lang lang) {
  JsonWriter w(os);
  w.begin_object();
  write_schema_and_tool(w, "bidfmt-fix-log", log.tool_version);
  w.field("profile", log.profile_id);
  w.field("lang", lang == Lang::en ? "en" : "zh");
  w.field("input", log.input);
  w.field("output", log.output);
  w.field("dry_run", log.dry_run);
  w.field("in_place", log.in_place);
  w.field("changed", log.changed);
  int applied = 0, left = 0;
  w.key("changes");
  w.begin_array();
  for (const rules::Change& c : log.changes) {
    (c.applied ? applied : left)++;
    w.begin_object();
    w.field("applied", c.applied);
    w.field("rule", c.rule);
    w.field("kind", c.kind);
    write_location(w, c.where, false);
    write_text_pair(w, "what", c.what, lang);
    write_text_pair(w, "before", c.before, lang);
    write_text_pair(w, "after", c.after, lang);
    w.end_object();
  }
  w.end_array();
  w.key("notes");
  w.begin_array();
  for (const Text& n : log.notes) {
    w.begin_object();
    write_text_pair(w, "text", n, lang);
    w.end_object();
  }
  w.end_array();
  w.key("summary");
  w.begin_object();
  w.field("applied", applied);
  w.field("left_alone", left);
  w.field("fixable_remaining", static_cast<int>(log.fixable_remaining));
  w.field("unfixable_remaining", static_cast<int>(log.unfixable_remaining));
  w.end_object();
  w.end_object();
}

}  // namespace bidfmt::report
