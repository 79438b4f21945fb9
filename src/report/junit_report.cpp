// JUnit XML report: one testsuite per file, one testcase per rule; error findings fail the testcase.
// Written as it goes (libxml2's xmlTextWriter): a badly formatted 1,000-page bid has 160,000
// findings, and a tree of their lines held them all at once (134 MB, against the text report's 44).
#include <libxml/xmlwriter.h>

#include <algorithm>
#include <new>
#include <sstream>

#include "report/report.h"
#include "report/stretches.h"
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
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t'; }),
          s.end());
  return s;
}

// An xmlTextWriter onto the caller's stream, freed (and flushed) with it.
class XmlOut {
 public:
  explicit XmlOut(std::ostream& os) {
    xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO(&XmlOut::write, &XmlOut::close, &os, nullptr);
    if (buffer) w_ = xmlNewTextWriter(buffer);  // owns the buffer from here
    if (!w_) {
      if (buffer) xmlOutputBufferClose(buffer);
      throw std::bad_alloc();
    }
    xmlTextWriterSetIndent(w_, 1);
    xmlTextWriterSetIndentString(w_, BAD_CAST "  ");
    xmlTextWriterStartDocument(w_, "1.0", "UTF-8", nullptr);
  }
  ~XmlOut() {
    xmlTextWriterEndDocument(w_);
    xmlFreeTextWriter(w_);
  }
  XmlOut(const XmlOut&) = delete;
  XmlOut& operator=(const XmlOut&) = delete;

  void start(const char* element) { xmlTextWriterStartElement(w_, BAD_CAST element); }
  void end() { xmlTextWriterEndElement(w_); }
  void attribute(const char* name, const std::string& value) {
    xmlTextWriterWriteAttribute(w_, BAD_CAST name, BAD_CAST xml_safe(value).c_str());
  }
  void attribute(const char* name, long value) { attribute(name, std::to_string(value)); }
  void text(const std::string& t) { xmlTextWriterWriteString(w_, BAD_CAST xml_safe(t).c_str()); }

 private:
  static int write(void* os, const char* data, int size) {
    auto* out = static_cast<std::ostream*>(os);
    out->write(data, size);
    return *out ? size : -1;
  }
  static int close(void*) { return 0; }
  xmlTextWriterPtr w_ = nullptr;
};

struct Counts {
  long tests = 0, failures = 0, errors = 0, skipped = 0;
  void add(const Counts& o) {
    tests += o.tests;
    failures += o.failures;
    errors += o.errors;
    skipped += o.skipped;
  }
};

bool idle(const FileReport& f, const rules::Rule& r) {
  return std::find(f.idle_rules.begin(), f.idle_rules.end(), r.info.id) != f.idle_rules.end();
}

// A rule's findings in a file, counted once: its failure and its system-out are written from them.
struct RuleFindings {
  Stretches stretches;
  long errors = 0, total = 0;
};

// One file's testsuite: its counts first (they are its attributes), then a testcase per rule.
class Suite {
 public:
  Suite(const FileReport& f, const ReportOptions& o) : f_(f), o_(o) {
    if (!f.checked) {
      counts_.tests = counts_.errors = 1;
      return;
    }
    for (auto& [rule, stretches] : stretches_by_rule(f.findings)) {
      RuleFindings& r = by_rule_[rule];
      for (const auto& [begin, end] : stretches) {
        r.total += static_cast<long>(end - begin);
        for (size_t i = begin; i < end; ++i) r.errors += f.findings[i].severity == rules::Severity::error;
      }
      r.stretches = std::move(stretches);
    }
    for (const rules::Rule* r : rules::all_rules()) {
      ++counts_.tests;
      if (idle(f, *r)) ++counts_.skipped;
      else if (const RuleFindings* found = of(*r); found && found->errors) ++counts_.failures;
    }
  }
  const Counts& counts() const { return counts_; }

  void write(XmlOut& x) const {
    const std::string name = xml_safe(f_.path);
    x.start("testsuite");
    x.attribute("name", name);
    x.attribute("tests", counts_.tests);
    x.attribute("failures", counts_.failures);
    x.attribute("errors", counts_.errors);
    x.attribute("skipped", counts_.skipped);
    if (!f_.checked) {
      x.start("testcase");
      x.attribute("classname", name);
      x.attribute("name", std::string("read"));
      x.start("error");
      x.attribute("message", f_.error.in(o_.lang));
      x.attribute("type", std::string("unreadable"));
      x.end();
      x.end();
    } else {
      for (const rules::Rule* r : rules::all_rules()) {
        x.start("testcase");
        x.attribute("classname", name);
        x.attribute("name", std::string(r->info.id));
        if (idle(f_, *r)) {
          // Not in force for this check (an option of the profile that is off, a render-only rule
          // without --render, bid.anonymous without --anonymous): skipped, not passed.
          x.start("skipped");
          x.attribute("message", std::string(o_.lang == Lang::en ? "not in force for this check" : "本次检查未启用此规则"));
          x.end();
        } else {
          findings(x, *r);
        }
        x.end();
      }
    }
    x.end();
  }

 private:
  const RuleFindings* of(const rules::Rule& r) const {
    auto it = by_rule_.find(r.info.id);
    return it == by_rule_.end() ? nullptr : &it->second;
  }
  std::string line(const rules::Finding& x) const {
    return std::string(rules::severity_name(x.severity)) + ": " + where_text(x.where(), o_.lang) + ": " + x.message().in(o_.lang) + "\n";
  }
  // The errors in a failure, one line each; the warnings in system-out.
  void findings(XmlOut& x, const rules::Rule& r) const {
    const RuleFindings* found = of(r);
    if (!found) return;
    // The findings of one severity (errors, or not errors), one line each.
    auto lines = [&](bool errors) {
      for (const auto& [begin, end] : found->stretches)
        for (size_t i = begin; i < end; ++i)
          if ((f_.findings[i].severity == rules::Severity::error) == errors) x.text(line(f_.findings[i]));
    };
    if (found->errors) {
      x.start("failure");
      x.attribute("message",
                  std::to_string(found->errors) + (o_.lang == Lang::en ? " finding(s): " : " 处问题:") + r.info.summary.in(o_.lang));
      x.attribute("type", std::string("error"));
      lines(true);
      x.end();
    }
    if (found->errors < found->total) {
      x.start("system-out");
      lines(false);
      x.end();
    }
  }

  const FileReport& f_;
  const ReportOptions& o_;
  std::map<std::string_view, RuleFindings> by_rule_;
  Counts counts_;
};

}  // namespace

void write_junit(std::ostream& os, const std::vector<FileReport>& files, const ReportOptions& o) {
  // Every count is an attribute of an element that opens before its testcases: counted first.
  std::vector<Suite> suites;
  suites.reserve(files.size());
  Counts total;
  for (const FileReport& f : files) total.add(suites.emplace_back(f, o).counts());
  XmlOut x(os);
  x.start("testsuites");
  x.attribute("name", std::string("bidfmt check"));
  x.attribute("tests", total.tests);
  x.attribute("failures", total.failures);
  x.attribute("errors", total.errors);
  x.attribute("skipped", total.skipped);
  for (const Suite& s : suites) s.write(x);
  x.end();
}

}  // namespace bidfmt::report
