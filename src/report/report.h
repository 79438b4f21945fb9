// Reports: emitters over one list of findings per file — text, JSON, SARIF 2.1.0, JUnit XML (one file each).
#pragma once
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang.h"
#include "rules/finding.h"

namespace bidfmt::report {

// The result of checking one file.
struct FileReport {
  std::string path;
  bool checked = true;  // false: the file could not be checked (see error)
  Text error;           // one line, when !checked
  rules::Findings findings;
};

struct ReportOptions {
  Lang lang = Lang::zh;
  bool color = false;            // ANSI colours (text report, only on a terminal)
  std::string tool_version = "dev";
  std::string profile_id, profile_source;
};

enum class Format { text, json, sarif, junit };
// "text", "json", "sarif", "junit" → Format.
std::optional<Format> parse_format(std::string_view name);

void write_text(std::ostream& os, const std::vector<FileReport>& files, const ReportOptions& o);
// Schema: docs/report-json.md (schema "bidfmt-check-report", version 1).
void write_json(std::ostream& os, const std::vector<FileReport>& files, const ReportOptions& o);
void write_sarif(std::ostream& os, const std::vector<FileReport>& files, const ReportOptions& o);
void write_junit(std::ostream& os, const std::vector<FileReport>& files, const ReportOptions& o);
void write_report(std::ostream& os, Format f, const std::vector<FileReport>& files, const ReportOptions& o);

}  // namespace bidfmt::report
