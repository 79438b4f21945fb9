// Reports: emitters over one list of findings per file — text, JSON, SARIF 2.1.0, JUnit XML (one file each).
#pragma once
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang.h"
#include "profile/profile.h"
#include "rules/change.h"
#include "rules/finding.h"

namespace bidfmt::report {

// A page of the rendered PDF (check --render), for the HTML report's thumbnails.
struct PageView {
  double width_pt = 0, height_pt = 0;
  std::string png;  // a small PNG of the page; "" when none was made
};

// The result of checking one file.
struct FileReport {
  std::string path;
  bool checked = true;  // false: the file could not be checked (see error)
  Text error;           // one line, when !checked
  rules::Findings findings;
  std::vector<std::string> idle_rules;  // rules not in force for this check (JUnit: skipped)
  bool rendered = false;                // checked with --render (pages laid out by LibreOffice)
  std::vector<PageView> pages;          // the rendered pages, when page images were asked for
  // Per finding (same order): where its place is on its page, 0 (top) – 1 (bottom); < 0 unknown.
  std::vector<double> finding_y;
  // What `bidfmt fix` would change (check --format html): its change log, when asked for.
  bool fix_previewed = false;
  std::vector<rules::Change> fix_changes;
  Text fix_error;  // why there is no preview (fix could not run), when fix_previewed is false
};

struct ReportOptions {
  Lang lang = Lang::zh;
  bool color = false;  // ANSI colours (text report, only on a terminal)
  std::string tool_version = "dev";
  std::string profile_id, profile_source;
  // The profile's standard, sentence by rule ID (profile::Profile::quotes): SARIF's
  // fullDescription and the HTML report's rule rows quote it; a rule without one has none.
  profile::Quotes quotes;  // profile::quote_of(quotes, id): the sentence behind rule `id`, or ""
};

enum class Format { text, json, sarif, junit, html };
// "text", "json", "sarif", "junit", "html" → Format.
std::optional<Format> parse_format(std::string_view name);

// Whether a human-readable location names its part: every part but the main document's
// (headers, footers, settings, document properties, comments, notes).
bool shows_part(const rules::Location& l);

void write_text(std::ostream& os, const std::vector<FileReport>& files, const ReportOptions& o);
// Schema: docs/report-json.md (schema "bidfmt-check-report", version 1).
void write_json(std::ostream& os, const std::vector<FileReport>& files, const ReportOptions& o);
void write_sarif(std::ostream& os, const std::vector<FileReport>& files, const ReportOptions& o);
void write_junit(std::ostream& os, const std::vector<FileReport>& files, const ReportOptions& o);
// One self-contained HTML page (inline CSS and JS, images as data: URIs, no network): a summary by
// rule, every finding filterable by rule, and with --render the page thumbnails with the places of
// findings marked. Chinese UI unless o.lang is English.
void write_html(std::ostream& os, const std::vector<FileReport>& files, const ReportOptions& o);
void write_report(std::ostream& os, Format f, const std::vector<FileReport>& files, const ReportOptions& o);

}  // namespace bidfmt::report
