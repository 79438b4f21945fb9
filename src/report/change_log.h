// The change log of `bidfmt fix`: what it changed (or, with --dry-run, would change) and what it saw
// and left alone, as text for people (grouped by place) and as JSON ("bidfmt-fix-log", docs/fix.md).
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "core/lang.h"
#include "rules/change.h"

namespace bidfmt::report {

struct FixLog {
  std::string input, output;  // output "" with --dry-run
  bool dry_run = false, in_place = false;
  std::string profile_id, tool_version = "dev";
  bool changed = false;  // false: nothing was (or would be) written differently
  std::vector<rules::Change> changes;
  std::vector<Text> notes;
  size_t fixable_remaining = 0, unfixable_remaining = 0;
};

// 「第 3 节 第 12 段 二、施工方法 › 2.3 管网「复测正文…」」 — a change's place, in words.
std::string place_text(const rules::Location& l, Lang lang);
// 「[para.align] 对齐方式:左对齐 → 两端对齐」 — one change, without its place.
std::string change_text(const rules::Change& c, Lang lang);

// The log for people: the changes applied, grouped by place in document order, then those left
// alone with the reason. Nothing when there are none.
void write_change_log_text(std::ostream& os, const std::vector<rules::Change>& changes, Lang lang);

// The log as JSON, schema "bidfmt-fix-log" version 1.
void write_change_log_json(std::ostream& os, const FixLog& log, Lang lang);

}  // namespace bidfmt::report
