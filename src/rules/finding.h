// Finding: one format violation — rule ID, severity, where, expected vs actual, messages in zh and en.
#pragma once
#include <deque>
#include <string>
#include <vector>

#include "core/lang.h"

namespace bidfmt::rules {

// error: the standard is broken (exit status 1). warning: a value the profile had to assume
// (listed under `assumptions:`) or a construct that cannot be verified statically.
enum class Severity { error, warning };
const char* severity_name(Severity s);  // "error", "warning"

// Where a finding is. Numbers are 1-based; 0 means "does not apply".
struct Location {
  std::string part;          // word/document.xml, word/header1.xml, …
  int section = 0;
  int paragraph = 0;         // paragraph number within the part
  int table = 0;             // table number within the part
  int row = 0, column = 0;   // cell, when the finding is about one
  std::string heading_path;  // 「二、主要施工方法 › 2.3 管网工程」
  std::string excerpt;       // up to 30 characters of the paragraph's text
  int ordinal = 0;           // position among non-empty paragraphs (groups consecutive findings)
  int page = 0;             // page of the rendered PDF (check --render), 0 when not known
};

struct Finding {
  std::string rule;  // e.g. "body.font"
  std::string kind;  // the aspect within the rule, ASCII: "size", "east_asia_font", "margin_left", …
  Severity severity = Severity::error;
  Location where;
  Text expected, actual;  // human form: 小四, 25.0mm, 1.5倍
  Text message;
  bool fixable = false;
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
