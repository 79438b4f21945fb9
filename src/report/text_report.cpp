// Text report: per file, findings grouped by rule; runs of the same finding on consecutive paragraphs merged.
#include <charconv>
#include <map>
#include <string_view>
#include <unordered_map>

#include "core/text.h"
#include "report/report.h"
#include "report/stretches.h"
#include "rules/registry.h"

namespace bidfmt::report {
namespace {

// The report is built in a string and written in pieces of about 64 KB: a badly formatted
// 1,000-page bid has 160,000 findings (10 MB of text).
struct Out {
  std::string s;
  bool color;
  std::ostream* sink;
  Out& operator<<(std::string_view t) {
    s.append(t);
    return *this;
  }
  Out& operator<<(long n) {
    char digits[24];
    return *this << std::string_view(digits, static_cast<size_t>(std::to_chars(digits, digits + sizeof digits, n).ptr - digits));
  }
  // After a line: sends what was written once there is enough of it.
  void line_done() {
    if (s.size() >= (size_t{64} << 10)) flush();
  }
  void flush() {
    sink->write(s.data(), static_cast<std::streamsize>(s.size()));
    s.clear();
  }
  // Document text may hold control characters (ESC, BEL): shown as \xNN, never sent to a terminal.
  Out& printable(std::string_view t) { return core::has_controls(t) ? *this << std::string_view(core::escape_controls(t)) : *this << t; }
  // With colour, what `print` writes wrapped in the ANSI code `code`.
  template <typename Print>
  Out& wrapped_by(const char* code, Print print) {
    if (color) *this << "\033[" << code << "m";
    print();
    if (color) *this << "\033[0m";
    return *this;
  }
  Out& wrapped(const char* code, std::string_view t) {
    return wrapped_by(code, [&] { *this << t; });
  }
};

// One line per group: a finding, or a run of equal findings on consecutive paragraphs.
struct Group {
  const rules::Finding* first;
  const rules::Finding* last;
  int count;
};

// Findings of one rule that read the same: same aspect, severity, part and message. Findings
// share their statements, so texts are compared once per distinct statement, not per finding.
struct Same {
  const rules::Statement* what;  // the first statement that reads so
  rules::Severity severity;
  std::string_view part;
  bool operator==(const Same& o) const { return what == o.what && severity == o.severity && part == o.part; }
};
struct SameHash {  // the part is left to ==: nearly every finding is in the main document
  size_t operator()(const Same& k) const { return std::hash<const void*>()(k.what) ^ static_cast<size_t>(k.severity); }
};

// Merges each finding into the open group of the same findings when it is on the next paragraph.
std::vector<Group> group(const rules::Findings& all, const Stretches& stretches) {
  std::unordered_map<const rules::Statement*, const rules::Statement*> first_alike;
  std::unordered_map<std::string, const rules::Statement*> by_text;  // kind, message zh and en
  auto alike = [&](const rules::Statement* s) {
    auto [it, added] = first_alike.try_emplace(s, s);
    if (added) it->second = by_text.try_emplace(s->kind + '\0' + s->message.zh + '\0' + s->message.en, s).first->second;
    return it->second;
  };
  std::vector<Group> out;
  std::unordered_map<Same, size_t, SameHash> open;
  for (const auto& [begin, end] : stretches)
    for (size_t i = begin; i < end; ++i) {
      const rules::Finding* f = &all[i];
      auto [it, added] = open.try_emplace(Same{alike(f->what.get()), f->severity, f->where().part()}, out.size());
      if (!added) {
        Group& g = out[it->second];
        if (g.last->where().ordinal > 0 && f->where().ordinal == g.last->where().ordinal + 1) {
          g.last = f;
          ++g.count;
          continue;
        }
        it->second = out.size();
      }
      out.push_back(Group{f, f, 1});
    }
  return out;
}

void place(Out& os, const Group& g, Lang lang) {
  const rules::Location& a = g.first->where();
  const rules::Location& b = g.last->where();
  bool en = lang == Lang::en;
  bool first = true;
  auto next = [&]() -> Out& {
    if (!first) os << ", ";
    first = false;
    return os;
  };
  if (shows_part(a)) next() << a.part();
  if (a.section) {
    if (en) next() << "section " << a.section;
    else next() << "第 " << a.section << " 节";
  }
  if (a.table) {
    Out& t = next();
    if (en) t << (b.table != a.table ? "tables " : "table ");
    else t << "表格 ";
    t << a.table;
    if (b.table != a.table) t << "–" << b.table;
    if (a.row && g.count == 1) {
      if (en) t << " row " << a.row << " col " << a.column;
      else t << " 第 " << a.row << " 行第 " << a.column << " 列";
    }
  }
  if (a.paragraph) {
    if (g.count > 1) {
      if (en) next() << "paragraphs " << a.paragraph << "–" << b.paragraph << " (" << g.count << ")";
      else next() << "第 " << a.paragraph << "–" << b.paragraph << " 段(" << g.count << " 段)";
    } else if (en) {
      next() << "paragraph " << a.paragraph;
    } else {
      next() << "第 " << a.paragraph << " 段";
    }
  }
  if (a.page) {
    if (en) next() << "PDF page " << a.page;
    else next() << "PDF 第 " << a.page << " 页";
  }
}

// One rule's findings in a file's report.
void write_section(Out& os, const rules::Rule& rule, const rules::Findings& all, const Stretches& stretches, Lang lang) {
  bool en = lang == Lang::en;
  long n = 0;
  for (const auto& [begin, end] : stretches) n += static_cast<long>(end - begin);
  os << "  ";
  os.wrapped_by("1", [&] { os << "[" << rule.info.id << "]"; });
  os << " " << rule.info.summary.in(lang) << " — " << n << (en ? (n == 1 ? " finding" : " findings") : " 处") << "\n";
  for (const Group& g : group(all, stretches)) {
    const rules::Finding& x = *g.first;
    os << "    ";
    if (x.severity == rules::Severity::error) os.wrapped("31", en ? "error" : "错误");
    else os.wrapped("33", en ? "warning" : "警告");
    os << " ";
    place(os, g, lang);
    os << ": ";
    os.printable(x.message().in(lang)) << "\n";
    const std::string& path = x.where().heading_path();
    const std::string& excerpt = x.where().excerpt();
    if (!path.empty() || !excerpt.empty()) {
      os << "      ";
      os.wrapped_by("2", [&] {
        os.printable(path);
        if (!excerpt.empty()) {
          if (!path.empty()) os << "  ";
          os << "「";
          os.printable(excerpt);
          os << "」";
        }
      });
      os << "\n";
    }
    os.line_done();
  }
}

}  // namespace

void write_text(std::ostream& stream, const std::vector<FileReport>& files, const ReportOptions& o) {
  Out os{{}, o.color, &stream};
  bool en = o.lang == Lang::en;
  long errors = 0, warnings = 0, bad_files = 0, failed = 0;
  for (const FileReport& f : files) {
    os.wrapped("1", f.path) << "\n";
    if (!f.checked) {
      ++failed;
      os << "  ";
      os.wrapped("31", en ? "could not check: " : "无法检查:") << f.error.in(o.lang) << "\n\n";
      continue;
    }
    rules::Counts c = rules::count(f.findings);
    errors += c.errors;
    warnings += c.warnings;
    if (f.findings.empty()) {
      os << "  ";
      os.wrapped("32", en ? "no findings" : "未发现格式问题") << "\n\n";
      continue;
    }
    ++bad_files;
    long fixable = 0;
    for (const rules::Finding& x : f.findings) fixable += x.fixable;
    if (en) os << "  " << long{c.errors} << " error(s), " << long{c.warnings} << " warning(s), " << fixable << " fixable\n";
    else os << "  错误 " << long{c.errors} << " 处,警告 " << long{c.warnings} << " 处(可自动修复 " << fixable << " 处)\n";
    const std::map<std::string_view, Stretches> by_rule = stretches_by_rule(f.findings);
    for (const rules::Rule* r : rules::all_rules())  // in the order of the standard
      if (auto it = by_rule.find(r->info.id); it != by_rule.end()) write_section(os, *r, f.findings, it->second, o.lang);
    os << "\n";
  }
  if (en)
    os << long(files.size()) << " file(s) checked: " << bad_files << " with findings, " << failed << " could not be checked; " << errors
       << " error(s), " << warnings << " warning(s)";
  else
    os << "共 " << long(files.size()) << " 个文件:" << bad_files << " 个有问题," << failed << " 个无法检查;错误 " << errors << " 处,警告 "
       << warnings << " 处";
  os << "\n";
  os.flush();
}

}  // namespace bidfmt::report
