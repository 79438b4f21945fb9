// JUnit XML report: one testsuite per file, one testcase per rule; error findings fail the testcase.
#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <sstream>

#include "report/report.h"
#include "rules/registry.h"

namespace bidfmt::report {
namespace {

std::string where_text(const rules::Location& l, Lang lang) {
  std::ostringstream s;
  bool en = lang == Lang::en;
  if (!l.part().empty()) s << l.part();
  if (l.section) s << (en ? " section " : " 第") << l.section << (en ? "" : "节");
  if (l.table) s << (en ? " table " : " 表格") << l.table;
  if (l.paragraph) s << (en ? " paragraph " : " 第") << l.paragraph << (en ? "" : "段");
  if (!l.heading_path().empty()) s << " [" << l.heading_path() << "]";
  if (!l.excerpt().empty()) s << " 「" << l.excerpt() << "」";
  return s.str();
}

// XML 1.0 cannot carry most control characters: drop them.
std::string xml_safe(std::string s) {
  std::string out;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') out += c;
  return out;
}

}  // namespace

void write_junit(std::ostream& os, const std::vector<FileReport>& files, const ReportOptions& o) {
  const auto& all = rules::all_rules();
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node suites = doc.append_child("testsuites");
  suites.append_attribute("name") = "bidfmt check";
  int tests = 0, failures = 0, errors = 0, skipped = 0;
  for (const FileReport& f : files) {
    pugi::xml_node suite = suites.append_child("testsuite");
    suite.append_attribute("name") = xml_safe(f.path).c_str();
    int s_tests = 0, s_failures = 0, s_errors = 0, s_skipped = 0;
    if (!f.checked) {
      pugi::xml_node tc = suite.append_child("testcase");
      tc.append_attribute("classname") = xml_safe(f.path).c_str();
      tc.append_attribute("name") = "read";
      pugi::xml_node e = tc.append_child("error");
      e.append_attribute("message") = xml_safe(f.error.in(o.lang)).c_str();
      e.append_attribute("type") = "unreadable";
      s_tests = 1;
      s_errors = 1;
    } else {
      std::map<std::string, std::vector<const rules::Finding*>> by_rule;
      for (const rules::Finding& x : f.findings) by_rule[x.rule()].push_back(&x);
      for (const rules::Rule* r : all) {
        pugi::xml_node tc = suite.append_child("testcase");
        tc.append_attribute("classname") = xml_safe(f.path).c_str();
        tc.append_attribute("name") = r->info.id;
        ++s_tests;
        if (std::find(f.idle_rules.begin(), f.idle_rules.end(), r->info.id) != f.idle_rules.end()) {
          // Not in force for this check (an option of the profile that is off, a render-only rule
          // without --render, bid.anonymous without --anonymous): skipped, not passed.
          ++s_skipped;
          tc.append_child("skipped").append_attribute("message") =
              o.lang == Lang::en ? "not in force for this check" : "本次检查未启用此规则";
          continue;
        }
        const auto& list = by_rule[r->info.id];
        int errs = 0;
        std::string body, warnings;
        for (const rules::Finding* x : list) {
          std::string line = std::string(rules::severity_name(x->severity)) + ": " + where_text(x->where(), o.lang) + ": " +
                             x->message().in(o.lang) + "\n";
          if (x->severity == rules::Severity::error) {
            ++errs;
            body += line;
          } else {
            warnings += line;
          }
        }
        if (errs) {
          ++s_failures;
          pugi::xml_node fail = tc.append_child("failure");
          std::string msg = std::to_string(errs) + (o.lang == Lang::en ? " finding(s): " : " 处问题:") + r->info.summary.in(o.lang);
          fail.append_attribute("message") = xml_safe(msg).c_str();
          fail.append_attribute("type") = "error";
          fail.text().set(xml_safe(body).c_str());
        }
        if (!warnings.empty()) tc.append_child("system-out").text().set(xml_safe(warnings).c_str());
      }
    }
    suite.append_attribute("tests") = s_tests;
    suite.append_attribute("failures") = s_failures;
    suite.append_attribute("errors") = s_errors;
    suite.append_attribute("skipped") = s_skipped;
    tests += s_tests;
    failures += s_failures;
    errors += s_errors;
    skipped += s_skipped;
  }
  suites.append_attribute("tests") = tests;
  suites.append_attribute("failures") = failures;
  suites.append_attribute("errors") = errors;
  suites.append_attribute("skipped") = skipped;
  doc.save(os, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace bidfmt::report
