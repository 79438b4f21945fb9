// Change: one edit `bidfmt fix` made (or, with --dry-run, would make) — where, which rule's finding
// it answers, and the value before and after. Defined beside Finding so that the fixer that makes
// changes and the reports that show them (fix's log, check's HTML report) share one shape.
#pragma once
#include <string>

#include "core/lang.h"
#include "rules/finding.h"

namespace bidfmt::rules {

struct Change {
  Location where;
  std::string rule;  // the rule ID whose finding it answers ("para.align"); "" for what fix adds so
                     // that others can refer to it (the profile's styles, the heading numbering)
  std::string kind;  // the aspect, ASCII: "alignment", "promote", "renumber", "punctuation", …
  Text what;         // the aspect in words: 「对齐方式」 / "alignment", or the whole edit in one line
  Text before, after;  // 「左对齐」 → 「两端对齐」, 「正文」 → 「标题 2」, 「5、」 → 「三、」; empty when not one value
  bool applied = true;  // false: reported and left alone — `what` then says why
};

}  // namespace bidfmt::rules
