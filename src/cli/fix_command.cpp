// `bidfmt fix`: DOCX → a DOCX that meets the profile, the words unchanged; --dry-run lists the changes.
#include <iostream>

#include "api/bidfmt.h"
#include "api/foreign_input.h"
#include "cli/cli.h"
#include "core/error.h"
#include "core/file_io.h"
#include "docx/script.h"
#include "report/change_log.h"

#ifndef BIDFMT_VERSION
#define BIDFMT_VERSION "dev"
#endif

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

int run_fix(FixOptions& o, const std::vector<std::string>& inputs, const std::string& log_file, Lang lang) {
  if (inputs.size() != 1) return usage_error(lang, "fix 需要一个 .docx 输入文件", "fix takes one .docx input file");
  o.input = inputs.front();
  if (o.dry_run && (o.in_place || !o.output.empty()))
    return usage_error(lang, "--dry-run 不写任何文件,不能与 -o 或 --in-place 同用",
                       "--dry-run writes nothing; it cannot be combined with -o or --in-place");
  // A .doc, .wps, .rtf or .odt is converted by LibreOffice first and fixed into a .docx; messages
  // name the file the user gave, never the converted copy.
  std::unique_ptr<ConvertedInput> converted;
  const std::string shown = o.input;
  if (needs_conversion(o.input)) {
    if (o.in_place)
      return usage_error(lang, "--in-place 只用于 .docx;" + kind_name(o.input).zh + "请用 -o 输出.docx",
                         "--in-place is for .docx files only; for a " + kind_name(o.input).en + " use -o OUTPUT.docx");
    if (!o.output.empty() && core::same_file(o.output, o.input))
      return usage_error(lang, "输出文件就是输入文件,拒绝覆盖(fix 写出的是 .docx)",
                         "the output is the input file; refusing to overwrite it (fix writes a .docx)");
    require_converter(o.input);
    std::cerr << "bidfmt: " << o.input << ": " << kind_name(o.input).in(lang)
              << tr(lang, ",先用 LibreOffice 转换为 DOCX 再修复", "; converting it to DOCX with LibreOffice first") << "\n";
    converted = std::make_unique<ConvertedInput>(o.input);
    o.input = converted->docx();
  }
  FixResult r;
  try {
    r = fix_docx(o);
  } catch (const Error& e) {
    if (!converted || e.file() != o.input) throw;
    throw Error(shown, e.line(), e.message(Lang::zh), e.message(Lang::en));
  }
  o.input = shown;
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
      if (!f.fixable) std::cout << "  " << f.rule() << " " << where_text(f.where(), lang) << ": " << f.message().in(lang) << "\n";
  }
  if (size_t left = r.fixable_remaining())
    std::cerr << "bidfmt: " << o.input << ": "
              << (en ? std::to_string(left) + " fixable finding(s) remain after fix"
                     : "修复后仍有 " + std::to_string(left) + " 处可修复的问题")
              << "\n";
  if (!o.dry_run) {
    std::string target = o.in_place ? o.input : o.output;
    size_t applied = 0;
    for (const fix::Change& c : r.changes) applied += c.applied;
    if (!r.changed)
      std::cout << (en ? "already meets the profile: " : "已符合规范:") << target
                << (o.in_place ? (en ? " (not touched)" : "(未改动)")
                    : en       ? " (copied unchanged)"
                               : "(原样复制)")
                << "\n";
    else
      std::cout << (en ? "fixed " : "已修复 ") << applied << (en ? " change(s) → " : " 处 → ") << target
                << (o.in_place ? (en ? " (original kept as " : "(原文件保留为 ") + o.input + ".bak" + (en ? ")" : ")") : "") << "\n";
  }
  return 0;
}

}  // namespace

Command add_fix(CLI::App& root, Lang lang) {
  auto o = std::make_shared<FixOptions>();
  auto inputs = std::make_shared<std::vector<std::string>>();
  auto log_file = std::make_shared<std::string>();
  CLI::App* app =
      root.add_subcommand("fix", tr(lang, "修复 DOCX 的格式,文字不变(也接受 .doc、.wps、.rtf、.odt,输出 .docx)",
                                    "fix a DOCX's format, the words unchanged (.doc, .wps, .rtf, .odt accepted; writes .docx)"));
  app->add_option("INPUT.docx", *inputs, tr(lang, "要修复的文件(只读,除非 --in-place)", "the file to fix (only read unless --in-place)"))
      ->type_name("");
  app->add_option("-o,--output", o->output, tr(lang, "修复后的 .docx", "the fixed .docx to write"))->type_name("FILE");
  app->add_flag("--in-place", o->in_place, tr(lang, "替换原文件,原文件保留为 .bak", "replace the input, keeping the original as .bak"));
  app->add_flag("--dry-run", o->dry_run, tr(lang, "只列出将做的修改,不写任何文件", "list the changes; write nothing"));
  app->add_option("--log", *log_file, tr(lang, "把修改记录写成 JSON 文件(docs/fix.md)", "write the change log as JSON (docs/fix.md)"))
      ->type_name("FILE");
  app->add_option("--profile", o->profile,
                  tr(lang, "格式配置:内置名称或 YAML 文件(默认 xx-2014)", "profile: a bundled name or a YAML file (default xx-2014)"))
      ->type_name("NAME");
  add_override_option(*app, o->overrides, lang);
  app->add_option("--project", o->project,
                  tr(lang, "项目名称:写入页眉左侧(默认取原页眉)", "the project name for the header (default: the existing header's)"))
      ->type_name("NAME");
  app->add_flag("--strict", o->strict,
                tr(lang, "也修改标准未规定的默认值(check --strict 报告的项)",
                   "also change the defaults the standard leaves open (what check --strict reports)"));
  app->add_flag(
      "--keep-text", o->keep_text,
      tr(lang, "文字保留原样:标点与单位只报告、不改写", "leave the words as typed: punctuation and units are reported, not rewritten"));
  app->add_flag("--anonymous", o->anonymous,
                tr(lang, "暗标:清除文档属性和修订、批注中的姓名", "anonymous bid: clear names from properties, revisions and comments"));
  app->add_option("--identity", o->identity,
                  tr(lang, "暗标:投标人的名称、人员等(YAML)", "anonymous bid: the bidder's names and people (YAML)"))
      ->type_name("FILE");
  add_lang_option(*app, lang);
  return {app, [o, inputs, log_file, lang] { return run_fix(*o, *inputs, *log_file, lang); }};
}

}  // namespace bidfmt::cli
