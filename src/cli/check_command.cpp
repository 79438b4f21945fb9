// `bidfmt check`: DOCX files/folders → findings report (text, JSON, SARIF, JUnit, HTML), optionally
// on the rendered pages (--render) and as a commented copy (--annotate); exit 0/1/2.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>

#include "api/bidfmt.h"
#include "api/foreign_input.h"
#include "cli/cli.h"
#include "cli/progress.h"
#include "core/file_io.h"

#ifndef BIDFMT_VERSION
#define BIDFMT_VERSION "dev"
#endif

namespace bidfmt::cli {

CheckResult* kept_result = nullptr;

namespace {

struct CheckArgs {
  CheckOptions o;
  std::string format = "text", output, jobs;
  bool quiet = false;
};

int run_check(CheckArgs& a, Lang lang) {
  CheckOptions& o = a.o;
  o.lang = lang;
  if (!a.jobs.empty()) {
    o.jobs = std::atoi(a.jobs.c_str());
    if (o.jobs <= 0) return usage_error(lang, "--jobs 应为正整数", "--jobs takes a positive number");
  }
  std::optional<report::Format> fmt = report::parse_format(a.format);
  if (!fmt) return usage_error(lang, "--format 只接受 text、json、sarif、junit、html", "--format takes text, json, sarif, junit or html");
  o.page_images = o.render && *fmt == report::Format::html;  // thumbnails for the HTML report
  o.fix_preview = *fmt == report::Format::html;              // and what fix would change
  if (o.inputs.empty()) return usage_error(lang, "check 需要至少一个 .docx 文件或文件夹", "check takes at least one .docx file or folder");
  if (!o.annotate.empty() && expand_inputs(o.inputs).size() != 1)
    return usage_error(lang, "--annotate 只能用于一个 .docx 文件", "--annotate takes exactly one .docx file");
  // The report never replaces a document being checked.
  if (!a.output.empty())
    for (const std::string& in : expand_inputs(o.inputs))
      if (core::same_file(a.output, in))
        return usage_error(lang, "报告文件「" + a.output + "」就是被检查的文件,拒绝覆盖",
                           "the report '" + a.output + "' is a document being checked; refusing to overwrite it");
  if (!o.annotate.empty())
    for (const std::string& in : o.inputs)
      if (core::same_file(o.annotate, in))
        return usage_error(lang, "批注版「" + o.annotate + "」就是被检查的文件,拒绝覆盖",
                           "the commented copy '" + o.annotate + "' is the document being checked; refusing to overwrite it");
  // .doc, .wps, .rtf and .odt files named on the command line are converted by LibreOffice first;
  // the report names them, not the converted DOCX.
  std::vector<std::unique_ptr<ConvertedInput>> converted;
  for (std::string& in : o.inputs)
    if (needs_conversion(in)) {
      require_converter(in);
      std::cerr << "bidfmt: " << in << ": " << kind_name(in).in(lang)
                << tr(lang, ",先用 LibreOffice 转换为 DOCX 再检查", "; converting it to DOCX with LibreOffice first") << "\n";
      converted.push_back(std::make_unique<ConvertedInput>(in));
      in = converted.back()->docx();
    }
  // Progress only for a person watching long work: many files, or LibreOffice laying them out.
  size_t n_files = expand_inputs(o.inputs).size();
  std::optional<Progress> progress;
  progress.emplace(Progress::wanted(a.quiet) && (o.render || n_files >= 8), lang, "已检查", "checked", n_files);
  if (progress->shown()) o.progress = [&progress](size_t, size_t) { progress->file_done(); };

  // The process ends right after the report, so the findings are not freed one by one (a
  // report of 160,000 findings spent a fifth of its run in free()). `kept_result` has external
  // linkage, so the store stays and leak checkers see the result as reachable.
  kept_result = new CheckResult(check(o));
  progress.reset();  // the line is erased before anything else is written
  CheckResult& r = *kept_result;
  for (report::FileReport& f : r.files)
    for (const auto& c : converted)
      if (f.path == c->docx()) f.path = c->original();
  for (const report::FileReport& f : r.files)
    if (!f.checked) std::cerr << "bidfmt: " << f.path << ": " << f.error.in(lang) << "\n";

  report::ReportOptions ro;
  ro.lang = lang;
  ro.tool_version = BIDFMT_VERSION;
  ro.profile_id = r.profile_id;
  ro.profile_source = r.profile_source;
  ro.quotes = r.quotes;
  if (a.output.empty()) {
    ro.color = *fmt == report::Format::text && ::isatty(1) && !std::getenv("NO_COLOR");
    report::write_report(std::cout, *fmt, r.files, ro);
    std::cout.flush();
  } else {
    core::write_file_atomically(a.output, [&](std::ostream& os) { report::write_report(os, *fmt, r.files, ro); });
  }
  return r.exit_status();
}

}  // namespace

Command add_check(CLI::App& root, Lang lang) {
  auto a = std::make_shared<CheckArgs>();
  CheckOptions& o = a->o;
  CLI::App* app = root.add_subcommand("check", tr(lang, "按格式要求检查 DOCX(也接受 .doc、.wps、.rtf、.odt,经 LibreOffice 转换)",
                                                  "check DOCX files against the format standard (.doc, .wps, .rtf, .odt via LibreOffice)"));
  app->add_option("FILES", o.inputs,
                  tr(lang, "要检查的文件,或其中的 .docx 要逐个检查的目录", "files to check, or folders whose .docx files are checked"))
      ->type_name("");
  app->add_option("--profile", o.profile,
                  tr(lang, "格式配置:内置名称或 YAML 文件(默认 xx-2014)", "profile: a bundled name or a YAML file (default xx-2014)"))
      ->type_name("NAME");
  add_override_option(*app, o.overrides, lang);
  app->add_option("--project", o.project, tr(lang, "项目名称:页眉左侧应有的文字", "the project name the header must show"))
      ->type_name("NAME");
  app->add_option("--format", a->format,
                  tr(lang, "报告格式:text(默认)、json、sarif、junit、html", "report format: text (default), json, sarif, junit, html"))
      ->type_name("FORMAT");
  app->add_option("-o,--output", a->output,
                  tr(lang, "把报告写入文件(默认标准输出)", "write the report to a file (default: standard output)"))
      ->type_name("FILE");
  app->add_option("-j,--jobs", a->jobs, tr(lang, "同时检查的文件数(默认每核一个)", "files checked at once (default: one per core)"))
      ->type_name("N");
  app->add_flag("-q,--quiet", a->quiet, tr(lang, "不显示进度行", "no progress line"));
  app->add_flag("--render", o.render,
                tr(lang, "LibreOffice 排版后核对页脚、目录页码等", "also check the pages as LibreOffice lays them out"));
  app->add_option("--annotate", o.annotate,
                  tr(lang, "另存一份每个问题一条 Word 批注的副本", "write a copy with one Word comment per finding"))
      ->type_name("FILE");
  app->add_flag("--strict", o.strict,
                tr(lang, "也报告标准未规定、由格式配置取默认值的项(警告,标「标准未规定」)",
                   "also report the profile's defaults the standard leaves open (warnings marked \"not set by the standard\")"));
  app->add_flag("--anonymous", o.anonymous, tr(lang, "暗标:查找投标人身份信息", "anonymous bid: find what identifies the bidder"));
  app->add_option("--identity", o.identity,
                  tr(lang, "暗标:投标人的名称、人员等(YAML)", "anonymous bid: the bidder's names and people (YAML)"))
      ->type_name("FILE");
  add_lang_option(*app, lang);
  return {app, [a, lang] { return run_check(*a, lang); }};
}

}  // namespace bidfmt::cli
