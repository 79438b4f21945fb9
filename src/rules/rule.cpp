// Rule context and reporter: locations, assumption lookup, finding construction.
#include "rules/rule.h"

#include "docx/script.h"

namespace bidfmt::rules {

const char* severity_name(Severity s) { return s == Severity::error ? "error" : "warning"; }

Counts count(const Findings& fs) {
  Counts c;
  for (const Finding& f : fs) (f.severity == Severity::error ? c.errors : c.warnings)++;
  return c;
}

bool Context::assumed(std::string_view key) const {
  for (const auto& [k, why] : profile.assumptions) {
    if (key == k) return true;
    if (key.size() > k.size() && key.compare(0, k.size(), k) == 0 && key[k.size()] == '.') return true;
  }
  return false;
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
std::string excerpt_of(const docx::Paragraph& p) { return docx::excerpt(p.shown(), 30); }
}  // namespace

Location locate(const docx::Paragraph& p, const std::string& part) {
  Location l = numbers_of(p);
  l.part = part;
  l.heading_path = p.heading_path;
  l.excerpt = excerpt_of(p);
  return l;
}

Location Context::at(const docx::Paragraph& p, const std::string& part) const {
  // Rules ask for the location of every paragraph they look at, and few have findings: the
  // body's part name, the heading path and the excerpt are filled in by Reporter::add.
  Location l = numbers_of(p);
  if (part != doc.body().part) l.part = part;
  return l;
}

Location Context::at_section(int section) const {
  Location l;
  l.part = doc.body().part;
  l.section = section;
  return l;
}

Location Context::at_table(const docx::Table& t) const {
  Location l;
  l.part = doc.body().part;
  l.section = t.section;
  l.table = t.number;
  l.heading_path = t.heading_path;
  // The first cell's text, to recognise the table by.
  for (const docx::Row& r : t.rows) {
    for (const docx::Cell& c : r.cells)
      for (int i : c.paragraphs)
        if (!docx::trim(doc.body().paragraphs[static_cast<size_t>(i)].text).empty()) {
          l.excerpt = docx::excerpt(doc.body().paragraphs[static_cast<size_t>(i)].text, 30);
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

// Completes a location made by Context::at: the part (the body's when none is named), and the
// paragraph's heading path and excerpt.
void Reporter::complete(Location& l) const {
  if (!doc_) return;
  const docx::Story& body = doc_->body();
  if (l.part.empty()) l.part = body.part;
  if (l.paragraph <= 0 || (!l.excerpt.empty() && !l.heading_path.empty())) return;
  const docx::Story* story = l.part == body.part ? &body : doc_->story(l.part);
  if (!story || static_cast<size_t>(l.paragraph) > story->paragraphs.size()) return;
  const docx::Paragraph& p = story->paragraphs[static_cast<size_t>(l.paragraph) - 1];
  if (p.number != l.paragraph) return;
  if (l.heading_path.empty()) l.heading_path = p.heading_path;
  if (!l.excerpt.empty()) return;
  if (story == &body && excerpts_ && excerpts_->size() == body.paragraphs.size()) {
    std::string& cached = (*excerpts_)[static_cast<size_t>(l.paragraph) - 1];
    if (cached.empty()) cached = excerpt_of(p);
    l.excerpt = cached;
  } else {
    l.excerpt = excerpt_of(p);
  }
}

Finding& Reporter::add(std::string kind, Location where, Text expected, Text actual, Text message) {
  complete(where);
  Finding f;
  f.rule = info_.id;
  f.kind = std::move(kind);
  f.severity = info_.severity;
  f.where = std::move(where);
  f.expected = std::move(expected);
  f.actual = std::move(actual);
  f.message = std::move(message);
  f.fixable = info_.fixable;
  out_.push_back(std::move(f));
  return out_.back();
}

void Reporter::not_fixable(size_t since) {
  for (size_t i = since; i < out_.size(); ++i) out_[i].fixable = false;
}

void Reporter::warn_if_assumed(size_t since, bool assumed) {
  if (!assumed) return;
  for (size_t i = since; i < out_.size(); ++i) out_[i].severity = Severity::warning;
}

}  // namespace bidfmt::rules
