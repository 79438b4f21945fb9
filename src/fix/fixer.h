// Fixer: makes an existing DOCX meet a profile without changing its words. It reads the document
// as check does, repairs what the findings and the document's structure call for, checks again,
// and repeats until nothing fixable is left (the guiding invariant: check(fix(doc)) reports
// nothing fixable; fix(fix(doc)) == fix(doc) byte for byte).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/lang.h"
#include "profile/profile.h"
#include "rules/change.h"
#include "rules/finding.h"

namespace bidfmt::rules {
struct Identity;
}

namespace bidfmt::fix {

struct Options {
  // The project name for the header's left text; "" = the left text of an existing header.
  std::string project;
  // 暗标 (fix --anonymous, or the profile's anonymous): the check then runs bid.anonymous, and the
  // names it finds in document properties and revision/comment authors are cleared. Null = off.
  const rules::Identity* identity = nullptr;
  // fix --strict: act on the findings check --strict reports (the profile's default values too);
  // without it only on what plain check reports — fix changes only what check reports.
  bool strict = false;
  // fix --keep-text: the words stay as typed — text.punctuation and text.units findings are
  // logged as left alone instead of rewritten.
  bool keep_text = false;
};

// One change fix made (or would make), and where (rules/change.h).
using Change = rules::Change;

struct Outcome {
  std::vector<Change> changes;  // in the order they were made, the same edit over passes once
  std::vector<Text> notes;      // what fix left alone and why (content controls, fields, …)
  rules::Findings remaining;    // the fixed document's findings (unfixable ones, normally)
  bool changed = false;         // false: the document already complied; nothing to write
  std::string project;          // the project name the header was checked against
  // The fixed package (when changed): entry names in archive order and their bytes. Parts fix
  // did not rewrite keep their bytes.
  std::vector<std::pair<std::string, std::string>> package;
};

// Fixes the DOCX at `path` (which is only read). Throws Error naming the file when it cannot be
// read, or when a header must be written and no project name is known.
Outcome fix_file(const std::string& path, const profile::Profile& profile, const Options& options);

// Writes `outcome.package` to `path` atomically (a temp file renamed into place).
void write_package(const Outcome& outcome, const std::string& path);

}  // namespace bidfmt::fix
