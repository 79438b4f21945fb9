// Text report: per file, findings grouped by rule; runs of the same finding on consecutive paragraphs merged.
#include <cstdio>
#include <map>
#include <sstream>

#include "core/text.h"
#include "report/report.h"
#include "rules/registry.h"

namespace bidfmt::report {
namespace {

// Document text may hold control characters (ESC, BEL): shown as \xNN, never sent to a terminal.
std::string printable(const std::string& s) { return core::escape_controls(s); }


struct Style {
  bool on;
  std::string wrap(const std::string& s, const char* code) const { return on ? std::string("\033[") + code + "m" + s + "\033[0m" : s; }
};

// One line per group: a finding, or a run of equal findings on consecutive paragraphs.
struct Group {
  const rules::Finding* first;
  const rules::Finding* last;
  int count;
};

// Findings that read the same: same rule, aspect, severity, part and message.
std::string group_key(const rules::Finding& f) {
  return f.rule() + "\n" + f.kind() + "\n" + rules::severity_name(f.severity) + "\n" + f.where.part() + "\n" + f.message().zh + "\n" +
         f.message().en;
}

// Merges each finding into the open group of the same key when it is on the next paragraph.
std::vector<Group> group(const std::vector<const rules::Finding*>& list) {
  std::vector<Group> out;
  std::map<std::string, size_t> open;
  for (const rules::Finding* f : list) {
    std::string key = group_key(*f);
    auto it = open.find(key);
    if (it != open.end()) {
      Group& g = out[it->second];
      if (g.last->where.ordinal > 0 && f->where.ordinal == g.last->where.ordinal + 1) {
        g.last = f;
        ++g.count;
        continue;
      }
    }
    open[key] = out.size();
    out.push_back(Group{f, f, 1});
  }
  return out;
}

std::string place(const Group& g, Lang lang) {
  const rules::Location& a = g.first->where;
  const rules::Location& b = g.last->where;
  bool en = lang == Lang::en;
  std::vector<std::string> parts;
  if (shows_part(a)) parts.push_back(a.part());
  if (a.section) parts.push_back(en ? "section " + std::to_string(a.section) : "第 " + std::to_string(a.section) + " 节");
  if (a.table) {
    std::string n = std::to_string(a.table) + (b.table != a.table ? "–" + std::to_string(b.table) : "");
    std::string t = en ? (b.table != a.table ? "tables " : "table ") + n : "表格 " + n;
    if (a.row && g.count == 1) t += en ? " row " + std::to_string(a.row) + " col " + std::to_string(a.column)
                       : " 第 " + std::to_string(a.row) + " 行第 " + std::to_string(a.column) + " 列";
    parts.push_back(t);
  }
  if (a.paragraph) {
    if (g.count > 1)
      parts.push_back(en ? "paragraphs " + std::to_string(a.paragraph) + "–" + std::to_string(b.paragraph) + " (" + std::to_string(g.count) + ")"
                         : "第 " + std::to_string(a.paragraph) + "–" + std::to_string(b.paragraph) + " 段(" + std::to_string(g.count) + " 段)");
    else
      parts.push_back(en ? "paragraph " + std::to_string(a.paragraph) : "第 " + std::to_string(a.paragraph) + " 段");
  }
  if (a.page) parts.push_back(en ? "PDF page " + std::to_string(a.page) : "PDF 第 " + std::to_string(a.page) + " 页");
  std::string s;
  for (size_t i = 0; i < parts.size(); ++i) s += (i ? ", " : "") + parts[i];
  return s;
}

}  // namespace

void write_text(std::ostream& os, const std::vector<FileReport>& files, const ReportOptions& o) {
  Style st{o.color};
  bool en = o.lang == Lang::en;
  int errors = 0, warnings = 0, bad_files = 0, failed = 0;
  for (const FileReport& f : files) {
    os << st.wrap(f.path, "1") << "\n";
    if (!f.checked) {
      ++failed;
      os << "  " << st.wrap(en ? "could not check: " : "无法检查:", "31") << f.error.in(o.lang) << "\n\n";
      continue;
    }
    rules::Counts c = rules::count(f.findings);
    errors += c.errors;
    warnings += c.warnings;
    if (f.findings.empty()) {
      os << "  " << st.wrap(en ? "no findings" : "未发现格式问题", "32") << "\n\n";
      continue;
    }
    ++bad_files;
    int fixable = 0;
    for (const rules::Finding& x : f.findings) fixable += x.fixable;
    os << "  " << (en ? std::to_string(c.errors) + " error(s), " + std::to_string(c.warnings) + " warning(s), " +
                            std::to_string(fixable) + " fixable"
                      : "错误 " + std::to_string(c.errors) + " 处,警告 " + std::to_string(c.warnings) + " 处(可自动修复 " +
                            std::to_string(fixable) + " 处)")
       << "\n";
    std::map<std::string, std::vector<const rules::Finding*>> by_rule;
    for (const rules::Finding& x : f.findings) by_rule[x.rule()].push_back(&x);
    for (const rules::Rule* r : rules::all_rules()) {
      auto it = by_rule.find(r->info.id);
      if (it == by_rule.end()) continue;
      os << "  " << st.wrap(std::string("[") + r->info.id + "]", "1") << " " << r->info.summary.in(o.lang) << " — "
         << it->second.size() << (en ? (it->second.size() == 1 ? " finding" : " findings") : " 处") << "\n";
      for (const Group& g : group(it->second)) {
        const rules::Finding& x = *g.first;
        std::string sev = x.severity == rules::Severity::error ? st.wrap(en ? "error" : "错误", "31") : st.wrap(en ? "warning" : "警告", "33");
        os << "    " << sev << " " << place(g, o.lang) << ": " << printable(x.message().in(o.lang)) << "\n";
        std::string context;
        if (!x.where.heading_path().empty()) context += x.where.heading_path();
        if (!x.where.excerpt().empty()) context += (context.empty() ? "" : "  ") + std::string("「") + x.where.excerpt() + "」";
        if (!context.empty()) os << "      " << st.wrap(printable(context), "2") << "\n";
      }
    }
    os << "\n";
  }
  std::ostringstream sum;
  if (en)
    sum << files.size() << " file(s) checked: " << bad_files << " with findings, " << failed << " could not be checked; "
        << errors << " error(s), " << warnings << " warning(s)";
  else
    sum << "共 " << files.size() << " 个文件:" << bad_files << " 个有问题," << failed << " 个无法检查;错误 " << errors << " 处,警告 "
        << warnings << " 处";
  os << sum.str() << "\n";
}

}  // namespace bidfmt::report
