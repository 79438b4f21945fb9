// `bidfmt fix`: DOCX → a DOCX that meets the profile, the words unchanged; --dry-run lists the changes.
#include <iostream>

#include "api/bidfmt.h"
#include "cli/cli.h"
#include "core/file_io.h"
#include "docx/script.h"
#include "report/change_log.h"

namespace bidfmt::cli {
namespace {

// 「word/document.xml 第 3 节 第 12 段「复测正文」」 — where a change or finding is.
std::string where_text(const rules::Location& l, Lang lang) {
  bool en = lang == Lang::en;
  std::string s = l.part();
  if (l.section) s += en ? " section " + std::to_string(l.section) : " 第 " + std::to_string(l.section) + " 节";
  if (l.table) s += en ? " table " + std::to_string(l.table) : " 表格 " + std::to_string(l.table);
  if (l.paragraph) s += en ? " paragraph " + std::to_string(l.paragraph) : " 第 " + std::to_string(l.paragraph) + " 段";
  if (!l.excerpt().empty()) s += en ? " '" + l.excerpt() + "'" : "「" + l.excerpt() + "」";
  return s;
}

}  // namespace

int run_fix(Args& args) {
  FixOptions o;
  args.take("-o", o.output) || args.take("--output", o.output);
  args.take("--profile", o.profile);
  args.take("--project", o.project);
  o.overrides = args.take_all("--override");
  o.in_place = args.flag("--in-place");
  o.dry_run = args.flag("--dry-run");
  o.anonymous = args.flag("--anonymous");
  args.take("--identity", o.identity);
  std::string log_file;
  args.take("--log", log_file);
  if (std::string u = args.first_unknown_option(); !u.empty())
    return usage_error(args.lang, "未知选项「" + u + "」", "unknown option '" + u + "'");
  if (args.items.size() != 1) return usage_error(args.lang, "fix 需要一个 .docx 输入文件", "fix takes one .docx input file");
  o.input = args.items[0];
  if (o.dry_run && (o.in_place || !o.output.empty()))
    return usage_error(args.lang, "--dry-run 不写任何文件,不能与 -o 或 --in-place 同用",
                       "--dry-run writes nothing; it cannot be combined with -o or --in-place");
  FixResult r = fix_docx(o);
  const Lang lang = args.lang;
  const bool en = lang == Lang::en;

  // Every change, with and without --dry-run: a reviewer sees what fix did before the bid goes out.
  report::write_change_log_text(std::cout, r.changes, lang);
  if (!r.changed) std::cout << (en ? "nothing to change\n" : "无需修改\n");
  if (!log_file.empty()) {
    report::FixLog log;
    log.input = o.input;
    log.output = o.dry_run ? "" : o.in_place ? o.input : o.output;
    log.dry_run = o.dry_run;
    log.in_place = o.in_place;
    log.profile_id = r.profile_id;
    log.tool_version = BIDFMT_VERSION;
    log.changed = r.changed;
    log.changes = r.changes;
    log.notes = r.notes;
    log.fixable_remaining = r.fixable_remaining();
    log.unfixable_remaining = r.remaining.size() - r.fixable_remaining();
    core::write_file_atomically(log_file, [&](std::ostream& os) { report::write_change_log_json(os, log, lang); });
  }
  for (const Text& n : r.notes) std::cout << (en ? "note: " : "说明:") << n.in(lang) << "\n";
  size_t unfixable = r.remaining.size() - r.fixable_remaining();
  if (unfixable) {
    std::cout << (en ? "left for a person (fix cannot repair these safely): " : "需人工处理(无法安全地自动修复):") << unfixable << "\n";
    for (const rules::Finding& f : r.remaining)
      if (!f.fixable) std::cout << "  " << f.rule() << " " << where_text(f.where, lang) << ": " << f.message().in(lang) << "\n";
  }
  if (size_t left = r.fixable_remaining())
    std::cerr << "bidfmt: " << o.input << ": "
              << (en ? std::to_string(left) + " fixable finding(s) remain after fix" : "修复后仍有 " + std::to_string(left) + " 处可修复的问题")
              << "\n";
  if (!o.dry_run) {
    std::string target = o.in_place ? o.input : o.output;
    size_t applied = 0;
    for (const fix::Change& c : r.changes) applied += c.applied;
    if (!r.changed)
      std::cout << (en ? "already meets the profile: " : "已符合规范:") << target
                << (o.in_place ? (en ? " (not touched)" : "(未改动)") : en ? " (copied unchanged)" : "(原样复制)") << "\n";
    else
      std::cout << (en ? "fixed " : "已修复 ") << applied << (en ? " change(s) → " : " 处 → ") << target
                << (o.in_place ? (en ? " (original kept as " : "(原文件保留为 ") + o.input + ".bak" + (en ? ")" : ")") : "") << "\n";
  }
  return 0;
}

}  // namespace bidfmt::cli
