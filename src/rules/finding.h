// Finding: one format violation — what was found (rule, aspect, expected vs actual, message in zh
// and en) and where.
#pragma once
#include <deque>
#include <string>
#include <vector>

#include "core/lang.h"
#include "core/shared.h"

namespace bidfmt::rules {

// error: the standard is broken (exit status 1). warning: a construct that cannot be verified
// statically, or (check --strict) a value the standard leaves open, marked 「标准未规定」.
enum class Severity { error, warning };
const char* severity_name(Severity s);  // "error", "warning"

// Where a finding is. Numbers are 1-based; 0 means "does not apply". The findings on one
// paragraph share one Location (Finding::where), and the locations one check makes share one copy
// of each part name and heading path (rules::Places): a badly formatted 1,000-page bid has
// 160,000 findings on 30,000 paragraphs.
struct Location {
  using Name = core::Shared<std::string>;  // null: ""

  int section = 0;
  int paragraph = 0;        // paragraph number within the part
  int table = 0;            // table number within the part
  int row = 0, column = 0;  // cell, when the finding is about one
  int ordinal = 0;          // position among non-empty paragraphs (groups consecutive findings)
  int page = 0;             // page of the rendered PDF (check --render), 0 when not known

  const std::string& part() const { return text(part_); }                  // word/document.xml, word/header1.xml, …
  const std::string& heading_path() const { return text(heading_path_); }  // 「二、主要施工方法 › 2.3 管网工程」
  const std::string& excerpt() const { return excerpt_; }                  // up to 30 characters of the text
  void set_part(std::string part);
  void set_heading_path(std::string path);
  void set_excerpt(std::string excerpt) { excerpt_ = std::move(excerpt); }
  // A name shared with other locations.
  void set_part(Name part) { part_ = std::move(part); }
  void set_heading_path(Name path) { heading_path_ = std::move(path); }
  // The same numbers (not texts) as `o`.
  bool same_numbers(const Location& o) const {
    return section == o.section && paragraph == o.paragraph && table == o.table && row == o.row && column == o.column &&
           ordinal == o.ordinal && page == o.page;
  }

 private:
  static const std::string& text(const Name& n);
  Name part_, heading_path_;
  std::string excerpt_;
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
      : what(core::Shared<Statement>::make(std::move(said))),
        severity(sev),
        fixable(can_fix),
        where_(core::Shared<Location>::make(std::move(at))) {}

  core::Shared<Statement> what;  // never null in a finding a rule made
  Severity severity = Severity::error;
  bool fixable = false;

  // Where it is: shared with the other findings on the same paragraph.
  const Location& where() const;
  Location& edit_where() { return where_.edit(); }  // this finding's own, to change
  void set_where(core::Shared<Location> at) { where_ = std::move(at); }
  const core::Shared<Location>& shared_where() const { return where_; }

  const std::string& rule() const { return what->rule; }
  const std::string& kind() const { return what->kind; }
  const Text& expected() const { return what->expected; }
  const Text& actual() const { return what->actual; }
  const Text& message() const { return what->message; }

 private:
  core::Shared<Location> where_;
};
// Three words: what is said and where are shared (a badly formatted 1,000-page bid has 160,000
// findings, of a few thousand statements on 30,000 paragraphs).
static_assert(sizeof(Finding) <= 3 * sizeof(void*), "a finding is two shared handles and its severity");

// A deque: a badly formatted 1,000-page document has 160,000 findings, and a vector would
// copy them all as it grows and briefly hold two arrays.
using Findings = std::deque<Finding>;

// Counts by severity.
struct Counts {
  int errors = 0, warnings = 0;
};
Counts count(const Findings& f);

}  // namespace bidfmt::rules
