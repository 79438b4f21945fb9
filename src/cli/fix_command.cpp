// `bidfmt fix`: DOCX → a DOCX that meets the profile, the words unchanged; --dry-run lists the changes.
#include <iostream>

#include "api/bidfmt.h"
#include "cli/cli.h"
#include "docx/script.h"

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

int run_fix(FixOptions& o, const std::vector<std::string>& inputs, Lang lang) {
  if (inputs.size() != 1) return usage_error(lang, "fix 需要一个 .docx 输入文件", "fix takes one .docx input file");
  o.input = inputs.front();
  if (o.dry_run && (o.in_place || !o.output.empty()))
    return usage_error(lang, "--dry-run 不写任何文件,不能与 -o 或 --in-place 同用",
                       "--dry-run writes nothing; it cannot be combined with -o or --in-place");
  FixResult r = fix_docx(o);
  const bool en = lang == Lang::en;

  if (o.dry_run) {
    for (const fix::Change& c : r.changes) std::cout << where_text(c.where, lang) << ": " << c.what.in(lang) << "\n";
    if (r.changes.empty()) std::cout << (en ? "nothing to change\n" : "无需修改\n");
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
    if (!r.changed)
      std::cout << (en ? "already meets the profile: " : "已符合规范:") << target << (o.in_place ? "" : en ? " (copied)" : "(原样复制)") << "\n";
    else
      std::cout << (en ? "fixed " : "已修复 ") << r.changes.size() << (en ? " change(s) → " : " 处 → ") << target
                << (o.in_place ? (en ? " (original kept as " : "(原文件保留为 ") + o.input + ".bak" + (en ? ")" : ")") : "") << "\n";
  }
  return 0;
}

}  // namespace

Command add_fix(CLI::App& root, Lang lang) {
  auto o = std::make_shared<FixOptions>();
  auto inputs = std::make_shared<std::vector<std::string>>();
  CLI::App* app = root.add_subcommand("fix", tr(lang, "修复 DOCX 的格式,文字不变",
                                                "fix a DOCX's format, the words unchanged"));
  app->add_option("INPUT.docx", *inputs, tr(lang, "要修复的文件(只读,除非 --in-place)", "the file to fix (only read unless --in-place)"))
      ->type_name("");
  app->add_option("-o,--output", o->output, tr(lang, "修复后的 .docx", "the fixed .docx to write"))->type_name("FILE");
  app->add_flag("--in-place", o->in_place, tr(lang, "替换原文件,原文件保留为 .bak", "replace the input, keeping the original as .bak"));
  app->add_flag("--dry-run", o->dry_run, tr(lang, "只列出将做的修改,不写任何文件", "list the changes; write nothing"));
  app->add_option("--profile", o->profile, tr(lang, "格式配置:内置名称或 YAML 文件(默认 xx-2014)",
                                              "profile: a bundled name or a YAML file (default xx-2014)"))
      ->type_name("NAME");
  app->add_option("--override", o->overrides, tr(lang, "招标文件的格式要求(YAML),叠加在格式配置之上;可重复",
                                                 "the tender's own format requirements (YAML) laid over the profile; repeatable"))
      ->type_name("FILE")->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->expected(1)->allow_extra_args(false);
  app->add_option("--project", o->project, tr(lang, "项目名称:写入页眉左侧(默认取原页眉)", "the project name for the header (default: the existing header's)"))
      ->type_name("NAME");
  app->add_flag("--strict", o->strict, tr(lang, "也修改标准未规定的默认值(check --strict 报告的项)",
                                       "also change the defaults the standard leaves open (what check --strict reports)"));
  app->add_flag("--anonymous", o->anonymous, tr(lang, "暗标:清除文档属性和修订、批注中的姓名", "anonymous bid: clear names from properties, revisions and comments"));
  app->add_option("--identity", o->identity, tr(lang, "暗标:投标人的名称、人员等(YAML)", "anonymous bid: the bidder's names and people (YAML)"))
      ->type_name("FILE");
  add_lang_option(*app, lang);
  return {app, [o, inputs, lang] { return run_fix(*o, *inputs, lang); }};
}

}  // namespace bidfmt::cli
