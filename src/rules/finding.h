// Finding: one format violation — what was found (rule, aspect, expected vs actual, message in zh
// and en) and where.
#pragma once
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "core/lang.h"

namespace bidfmt::rules {

// error: the standard is broken (exit status 1). warning: a construct that cannot be verified
// statically, or (check --strict) a value the standard leaves open, marked 「标准未规定」.
enum class Severity { error, warning };
const char* severity_name(Severity s);  // "error", "warning"

// The texts that name a place: its part, heading path and excerpt. All findings on one paragraph
// share one Place, and the places one check makes share one copy of each part name and heading
// path (rules::Places): a badly formatted 1,000-page bid has findings on 30,000 paragraphs.
struct Place {
  using Name = std::shared_ptr<const std::string>;  // null: ""
  Place() = default;
  Place(Name part, Name heading_path, std::string text)
      : part_name(std::move(part)), heading_name(std::move(heading_path)), excerpt(std::move(text)) {}
  const std::string& part() const { return text(part_name); }             // word/document.xml, word/header1.xml, …
  const std::string& heading_path() const { return text(heading_name); }  // 「二、主要施工方法 › 2.3 管网工程」

  Name part_name, heading_name;
  std::string excerpt;  // up to 30 characters of the paragraph's text

 private:
  static const std::string& text(const Name& n);
};
// A name of its own (not shared); null for "".
Place::Name name_of(std::string s);

// Where a finding is. Numbers are 1-based; 0 means "does not apply".
struct Location {
  int section = 0;
  int paragraph = 0;        // paragraph number within the part
  int table = 0;            // table number within the part
  int row = 0, column = 0;  // cell, when the finding is about one
  int ordinal = 0;          // position among non-empty paragraphs (groups consecutive findings)
  int page = 0;             // page of the rendered PDF (check --render), 0 when not known

  const std::string& part() const { return place().part(); }
  const std::string& heading_path() const { return place().heading_path(); }
  const std::string& excerpt() const { return place().excerpt; }
  const Place& place() const;
  // Each setter copies the place first when other locations share it.
  void set_part(std::string part);
  void set_heading_path(std::string path);
  void set_excerpt(std::string excerpt);
  void set_place(std::shared_ptr<const Place> place) { place_ = std::move(place); }

 private:
  Place& own();
  std::shared_ptr<const Place> place_;  // null: no texts
};

// A location in `part` as a whole (document properties, settings, numbering, a note …), with an
// excerpt that shows what is meant.
Location in_part(std::string part, std::string excerpt = "");

// What a finding says. The findings that say the same thing share one: a badly formatted
// 1,000-page bid has 160,000 findings but only a few thousand different statements.
struct Statement {
  std::string rule;       // e.g. "body.font"
  std::string kind;       // the aspect within the rule, ASCII: "size", "east_asia_font", "margin_left", …
  Text expected, actual;  // human form: 小四, 25.0mm, 1.5倍
  Text message;
};

struct Finding {
  Finding() = default;
  Finding(Statement said, Location at, Severity sev = Severity::error, bool can_fix = false)
      : what(std::make_shared<const Statement>(std::move(said))), where(std::move(at)), severity(sev), fixable(can_fix) {}

  std::shared_ptr<const Statement> what;  // never null in a finding a rule made
  Location where;
  Severity severity = Severity::error;
  bool fixable = false;

  const std::string& rule() const { return what->rule; }
  const std::string& kind() const { return what->kind; }
  const Text& expected() const { return what->expected; }
  const Text& actual() const { return what->actual; }
  const Text& message() const { return what->message; }
};

// A deque: a badly formatted 1,000-page document has 160,000 findings, and a vector would
// copy them all as it grows and briefly hold two arrays.
using Findings = std::deque<Finding>;

// Counts by severity.
struct Counts {
  int errors = 0, warnings = 0;
};
Counts count(const Findings& f);

}  // namespace bidfmt::rules
