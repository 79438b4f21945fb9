// SARIF 2.1.0 report: one run, the registry's rules as reportingDescriptors, one result per finding.
#include <cstdio>
#include <map>

#include "report/json_writer.h"
#include "report/report.h"
#include "rules/registry.h"

namespace bidfmt::report {
namespace {

// A file path as a URI reference: unreserved ASCII and '/' kept, every other byte %-encoded.
std::string uri_of(const std::string& path) {
  std::string out;
  for (char ch : path) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += ch;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

const char* level_of(rules::Severity s) { return s == rules::Severity::error ? "error" : "warning"; }

// {"text": …}: a SARIF message or description.
void write_text(JsonWriter& w, const char* key, const std::string& text) {
  w.key(key);
  w.begin_object();
  w.field("text", text);
  w.end_object();
}

// The "physicalLocation" of file `index` of the run.
void write_file_location(JsonWriter& w, const std::string& path, size_t index) {
  w.key("physicalLocation");
  w.begin_object();
  w.key("artifactLocation");
  w.begin_object();
  w.field("uri", uri_of(path));
  w.field("index", static_cast<int>(index));
  w.end_object();
  w.end_object();
}

// tool.driver: bidfmt and the registry's rules as reportingDescriptors.
void write_driver(JsonWriter& w, const ReportOptions& o) {
  w.key("driver");
  w.begin_object();
  w.field("name", "bidfmt");
  w.field("version", o.tool_version);
  w.field("language", o.lang == Lang::en ? "en" : "zh-CN");
  w.key("rules");
  w.begin_array();
  for (const rules::Rule* r : rules::all_rules()) {
    w.begin_object();
    w.field("id", r->info.id);
    write_text(w, "shortDescription", r->info.summary.in(o.lang));
    const std::string& quote = profile::quote_of(o.quotes, r->info.id);
    write_text(w, "fullDescription", !quote.empty() ? quote : r->info.summary.zh);  // the profile's standard has no sentence for it
    w.key("defaultConfiguration");
    w.begin_object();
    w.field("level", level_of(r->info.severity));
    w.end_object();
    w.key("properties");
    w.begin_object();
    w.field("fixable", r->info.fixable);
    w.field("profile", o.profile_id);
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_artifacts(JsonWriter& w, const std::vector<FileReport>& files) {
  w.key("artifacts");
  w.begin_array();
  for (const FileReport& f : files) {
    w.begin_object();
    w.key("location");
    w.begin_object();
    w.field("uri", uri_of(f.path));
    w.end_object();
    w.end_object();
  }
  w.end_array();
}

// One invocation: successful unless a file could not be checked (one notification each).
void write_invocations(JsonWriter& w, const std::vector<FileReport>& files, Lang lang) {
  w.key("invocations");
  w.begin_array();
  w.begin_object();
  bool all_ok = true;
  for (const FileReport& f : files) all_ok = all_ok && f.checked;
  w.field("executionSuccessful", all_ok);
  w.key("toolExecutionNotifications");
  w.begin_array();
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i].checked) continue;
    w.begin_object();
    w.field("level", "error");
    write_text(w, "message", files[i].error.in(lang));
    w.key("locations");
    w.begin_array();
    w.begin_object();
    write_file_location(w, files[i].path, i);
    w.end_object();
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.end_array();
}

void write_result(JsonWriter& w, const rules::Finding& x, const std::string& path, size_t index,
                  const std::map<std::string, int>& rule_index, Lang lang) {
  w.begin_object();
  w.field("ruleId", x.rule());
  auto it = rule_index.find(x.rule());
  if (it != rule_index.end()) w.field("ruleIndex", it->second);
  w.field("level", level_of(x.severity));
  write_text(w, "message", x.message().in(lang));
  w.key("locations");
  w.begin_array();
  w.begin_object();
  write_file_location(w, path, index);
  if (!x.where().heading_path().empty()) {
    w.key("logicalLocations");
    w.begin_array();
    w.begin_object();
    w.field("fullyQualifiedName", x.where().heading_path());
    w.field("kind", "section");
    w.end_object();
    w.end_array();
  }
  w.end_object();
  w.end_array();
  w.key("properties");
  w.begin_object();
  w.field("kind", x.kind());
  w.field("part", x.where().part());
  w.field("section", x.where().section);
  w.field("paragraph", x.where().paragraph);
  w.field("table", x.where().table);
  w.field("excerpt", x.where().excerpt());
  w.field("expected", x.expected().in(lang));
  w.field("actual", x.actual().in(lang));
  w.field("fixable", x.fixable);
  w.end_object();
  w.end_object();
}

}  // namespace

void write_sarif(std::ostream& os, const std::vector<FileReport>& files, const ReportOptions& o) {
  const auto& all = rules::all_rules();
  std::map<std::string, int> rule_index;
  for (size_t i = 0; i < all.size(); ++i) rule_index[all[i]->info.id] = static_cast<int>(i);
  JsonWriter w(os);
  w.begin_object();
  w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  w.field("version", "2.1.0");
  w.key("runs");
  w.begin_array();
  w.begin_object();
  w.key("tool");
  w.begin_object();
  write_driver(w, o);
  w.end_object();
  write_artifacts(w, files);
  write_invocations(w, files, o.lang);
  w.key("results");
  w.begin_array();
  for (size_t i = 0; i < files.size(); ++i)
    for (const rules::Finding& x : files[i].findings) write_result(w, x, files[i].path, i, rule_index, o.lang);
  w.end_array();
  w.end_object();
  w.end_array();
  w.end_object();
}

}  // namespace bidfmt::report
