// Rule context and reporter: locations, assumption lookup, finding construction.
#include "rules/rule.h"

#include <algorithm>

#include "docx/script.h"

namespace bidfmt::rules {

const char* severity_name(Severity s) { return s == Severity::error ? "error" : "warning"; }

const std::string& Location::text(const Name& n) {
  static const std::string none;
  return n ? *n : none;
}

namespace {
// A name of its own (not shared); null for "".
Location::Name name_of(std::string s) { return s.empty() ? nullptr : Location::Name::make(std::move(s)); }
}  // namespace

void Location::set_part(std::string part) { part_ = name_of(std::move(part)); }
void Location::set_heading_path(std::string path) { heading_path_ = name_of(std::move(path)); }

const Location& Finding::where() const {
  static const Location nowhere;
  return where_ ? *where_ : nowhere;
}

Location::Name Places::name(std::string_view s) {
  if (s.empty()) return nullptr;
  auto it = names_.find(s);
  if (it == names_.end()) it = names_.emplace(std::string(s), Location::Name::make(s)).first;
  return it->second;
}

Location in_part(std::string part, std::string excerpt) {
  Location l;
  l.set_part(std::move(part));
  l.set_excerpt(std::move(excerpt));
  return l;
}

Counts count(const Findings& fs) {
  Counts c;
  for (const Finding& f : fs) (f.severity == Severity::error ? c.errors : c.warnings)++;
  return c;
}

namespace {
// The paragraph's numbers: section, paragraph, table cell, ordinal.
Location numbers_of(const docx::Paragraph& p) {
  Location l;
  l.section = p.section;
  l.paragraph = p.number;
  l.table = p.table;
  if (p.table) {
    l.row = p.row + 1;
    l.column = p.col + 1;
  }
  l.ordinal = p.content_ordinal;
  return l;
}
// The excerpt of what the reader sees: label and text (the text alone, uncopied, when there is
// no label).
std::string excerpt_of(const docx::Paragraph& p) { return p.label.empty() ? docx::excerpt(p.text, 30) : docx::excerpt(p.shown(), 30); }
}  // namespace

Location locate(const docx::Paragraph& p, const std::string& part) {
  Location l = numbers_of(p);
  l.set_part(part);
  l.set_heading_path(std::string(p.heading_path));
  l.set_excerpt(excerpt_of(p));
  return l;
}

Location Context::at(const docx::Paragraph& p, const std::string& part) const {
  // Rules ask for the location of every paragraph they look at, and few have findings: the
  // body's part name, the heading path and the excerpt are filled in by Reporter::add.
  Location l = numbers_of(p);
  if (part != doc.body().part) l.set_part(part);
  return l;
}

Location locate_section(const docx::Document& doc, int section) {
  Location l;
  l.set_part(doc.body().part);
  l.section = section;
  return l;
}

Location Context::at_section(int section) const { return locate_section(doc, section); }

Location Context::at_table(const docx::Table& t) const {
  Location l;
  l.section = t.section;
  l.table = t.number;
  l.set_part(doc.body().part);
  l.set_heading_path(std::string(t.heading_path));
  // The first cell's text, to recognise the table by.
  for (const docx::Row& r : t.rows) {
    for (const docx::Cell& c : r.cells)
      for (int i : c.paragraphs)
        if (!docx::blank(doc.body().paragraphs[static_cast<size_t>(i)].text)) {
          l.set_excerpt(docx::excerpt(doc.body().paragraphs[static_cast<size_t>(i)].text, 30));
          return l;
        }
    break;
  }
  return l;
}

bool Context::in_body(int section) const {
  const auto& ss = doc.sections();  // numbered 1, 2, … in order
  if (section < 1 || static_cast<size_t>(section) > ss.size()) return false;
  return ss[static_cast<size_t>(section) - 1].role == docx::SectionRole::body;
}

// The paragraph a location names (of the body when it names no part), or null.
const docx::Paragraph* Reporter::paragraph_of(const Location& l) const {
  const docx::Story& body = doc_->body();
  const std::string& part = l.part();
  const docx::Story* story = doc_->is_body_part(part) ? &body : doc_->story(part);
  if (!story || l.paragraph <= 0 || static_cast<size_t>(l.paragraph) > story->paragraphs.size()) return nullptr;
  const docx::Paragraph& p = story->paragraphs[static_cast<size_t>(l.paragraph) - 1];
  return p.number == l.paragraph ? &p : nullptr;
}

Location::Name Reporter::name(std::string_view s) const { return places_ ? places_->name(s) : name_of(std::string(s)); }

// Completes a location made by Context::at — the part (the body's when none is named), and the
// paragraph's heading path and excerpt — and shares it: the findings on a body paragraph made at
// its plain location (Context::at, unchanged) share one.
core::Shared<Location> Reporter::located(Location l) const {
  if (!doc_) return core::Shared<Location>::make(std::move(l));
  const bool all_named = !l.excerpt().empty() && !l.heading_path().empty();
  const docx::Paragraph* p = all_named ? nullptr : paragraph_of(l);
  if (l.part().empty()) l.set_part(name(doc_->body().part));
  if (!p) return core::Shared<Location>::make(std::move(l));
  core::Shared<Location>* slot = nullptr;
  if (places_ && l.excerpt().empty() && l.heading_path().empty() && doc_->is_body_part(l.part())) {
    slot = &places_->of_paragraph(static_cast<size_t>(p->index));
    if (*slot && (*slot)->same_numbers(l)) return *slot;
  }
  if (l.heading_path().empty()) l.set_heading_path(name(p->heading_path));
  if (l.excerpt().empty()) l.set_excerpt(excerpt_of(*p));
  auto shared = core::Shared<Location>::make(std::move(l));
  if (slot && !*slot) *slot = shared;
  return shared;
}

core::Shared<Statement>& Reporter::recent(std::string_view kind) {
  auto it = std::find_if(recent_.begin(), recent_.end(), [&](const Recent& r) { return r.kind == kind; });
  if (it == recent_.end()) it = recent_.insert(recent_.end(), Recent{std::string(kind), "", nullptr});
  if (!it->said || it->lookup != lookup_) {
    it->said = &said_[lookup_];
    it->lookup = lookup_;
  }
  return *it->said;
}

Finding& Reporter::add(core::Shared<Statement> said, Location where) {
  Finding& f = out_.emplace_back();
  f.what = std::move(said);
  f.set_where(located(std::move(where)));
  f.severity = info_.severity;
  f.fixable = info_.fixable;
  return f;
}

Finding& Reporter::add(std::string_view kind, Location where, Text expected, Text actual, Text message) {
  auto said =
      core::Shared<Statement>::make(Statement{info_.id, std::string(kind), std::move(expected), std::move(actual), std::move(message)});
  return add(*stated_.insert(std::move(said)).first, std::move(where));  // an equal one made before, if any
}

size_t Reporter::SameWording::operator()(const core::Shared<Statement>& s) const {
  std::hash<std::string> h;
  size_t v = h(s->kind);
  for (const Text* t : {&s->expected, &s->actual, &s->message}) v = v * 31 + h(t->zh) * 7 + h(t->en);
  return v;
}

bool Reporter::SameWording::operator()(const core::Shared<Statement>& a, const core::Shared<Statement>& b) const {
  auto same = [](const Text& x, const Text& y) { return x.zh == y.zh && x.en == y.en; };
  return a->rule == b->rule && a->kind == b->kind && same(a->expected, b->expected) && same(a->actual, b->actual) &&
         same(a->message, b->message);
}

void Reporter::not_fixable(size_t since) {
  for (size_t i = since; i < out_.size(); ++i) out_[i].fixable = false;
}

// A finding on a default value under check --strict: a warning that says the standard does not set it.
void Reporter::settle(Finding& f) {
  f.severity = Severity::warning;
  core::Shared<Statement>& marked = unset_[f.what.get()];
  if (!marked) {
    Statement s = *f.what;
    s.message = Text{"标准未规定(格式配置的默认值):" + s.message.zh, "not set by the standard (the profile's default): " + s.message.en};
    marked = core::Shared<Statement>::make(std::move(s));
  }
  f.what = marked;
}

void Reporter::about(size_t since, profile::ValueClass cls) {
  if (!ctx_ || cls != profile::ValueClass::default_value || since >= out_.size()) return;
  if (!ctx_->strict) {
    out_.erase(out_.begin() + static_cast<long>(since), out_.end());
    return;
  }
  for (size_t i = since; i < out_.size(); ++i) settle(out_[i]);
}

void Reporter::about(size_t since, std::string_view kind, profile::ValueClass cls) {
  if (!ctx_ || cls != profile::ValueClass::default_value || since >= out_.size()) return;
  size_t kept = since;
  for (size_t i = since; i < out_.size(); ++i) {
    if (out_[i].kind() != kind) {
      if (kept != i) out_[kept] = std::move(out_[i]);
      ++kept;
    } else if (ctx_->strict) {
      settle(out_[i]);
      if (kept != i) out_[kept] = std::move(out_[i]);
      ++kept;
    }
  }
  out_.erase(out_.begin() + static_cast<long>(kept), out_.end());
}

}  // namespace bidfmt::rules
