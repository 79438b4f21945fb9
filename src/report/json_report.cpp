// JSON report: one object per finding, schema "bidfmt-check-report" version 1 (docs/report-json.md).
#include "report/json_writer.h"
#include "report/report.h"

namespace bidfmt::report {

void write_json(std::ostream& os, const std::vector<FileReport>& files, const ReportOptions& o) {
  JsonWriter w(os);
  int total_errors = 0, total_warnings = 0, checked = 0, failed = 0, with_findings = 0;
  w.begin_object();
  write_schema_and_tool(w, "bidfmt-check-report", o.tool_version);
  w.key("profile");
  w.begin_object();
  w.field("id", o.profile_id);
  w.field("source", o.profile_source);
  w.end_object();
  w.field("lang", o.lang == Lang::en ? "en" : "zh");
  w.key("files");
  w.begin_array();
  for (const FileReport& f : files) {
    rules::Counts c = rules::count(f.findings);
    total_errors += c.errors;
    total_warnings += c.warnings;
    (f.checked ? checked : failed)++;
    if (!f.findings.empty()) ++with_findings;
    w.begin_object();
    w.field("path", f.path);
    w.field("status", f.checked ? "checked" : "error");
    if (!f.checked) write_text_pair(w, "error", f.error, o.lang);
    w.key("counts");
    w.begin_object();
    w.field("errors", c.errors);
    w.field("warnings", c.warnings);
    w.end_object();
    // Rules that did not run (not "passed"): options of the profile that are off, render-only
    // rules without --render, bid.anonymous without --anonymous.
    w.key("rules_not_in_force");
    w.begin_array();
    for (const std::string& id : f.idle_rules) w.value(id);
    w.end_array();
    w.key("findings");
    w.begin_array();
    for (const rules::Finding& x : f.findings) {
      w.begin_object();
      w.field("rule", x.rule());
      w.field("kind", x.kind());
      w.field("severity", rules::severity_name(x.severity));
      w.field("fixable", x.fixable);
      write_location(w, x.where(), true);
      write_text_pair(w, "expected", x.expected(), o.lang);
      write_text_pair(w, "actual", x.actual(), o.lang);
      write_text_pair(w, "message", x.message(), o.lang);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("summary");
  w.begin_object();
  w.field("files", static_cast<int>(files.size()));
  w.field("checked", checked);
  w.field("failed", failed);
  w.field("files_with_findings", with_findings);
  w.field("errors", total_errors);
  w.field("warnings", total_warnings);
  w.end_object();
  w.end_object();
}

}  // namespace bidfmt::report
