// `bidfmt check`: DOCX files/folders → findings report (text, JSON, SARIF, JUnit, HTML), optionally
// on the rendered pages (--render) and as a commented copy (--annotate); exit 0/1/2.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>

#include "api/bidfmt.h"
#include "cli/cli.h"
#include "cli/progress.h"
#include "core/file_io.h"

#ifndef BIDFMT_VERSION
#define BIDFMT_VERSION "dev"
#endif

namespace bidfmt::cli {

CheckResult* kept_result = nullptr;

int run_check(Args& args) {
  CheckOptions o;
  std::string format = "text", output, jobs;
  args.take("--profile", o.profile);
  args.take("--project", o.project);
  o.overrides = args.take_all("--override");
  args.take("--format", format);
  o.render = args.flag("--render");
  bool quiet = args.flag("--quiet") || args.flag("-q");
  args.take("--annotate", o.annotate);
  o.anonymous = args.flag("--anonymous");
  args.take("--identity", o.identity);
  o.lang = args.lang;
  args.take("-o", output) || args.take("--output", output);
  if (args.take("--jobs", jobs) || args.take("-j", jobs)) {
    o.jobs = std::atoi(jobs.c_str());
    if (o.jobs <= 0) return usage_error(args.lang, "--jobs 应为正整数", "--jobs takes a positive number");
  }
  if (std::string u = args.first_unknown_option(); !u.empty())
    return usage_error(args.lang, "未知选项「" + u + "」", "unknown option '" + u + "'");
  std::optional<report::Format> fmt = report::parse_format(format);
  if (!fmt)
    return usage_error(args.lang, "--format 只接受 text、json、sarif、junit、html", "--format takes text, json, sarif, junit or html");
  o.page_images = o.render && *fmt == report::Format::html;  // thumbnails for the HTML report
  if (args.items.empty())
    return usage_error(args.lang, "check 需要至少一个 .docx 文件或文件夹", "check takes at least one .docx file or folder");
  o.inputs = args.items;
  if (!o.annotate.empty() && expand_inputs(o.inputs).size() != 1)
    return usage_error(args.lang, "--annotate 只能用于一个 .docx 文件", "--annotate takes exactly one .docx file");
  // The report never replaces a document being checked.
  if (!output.empty())
    for (const std::string& in : expand_inputs(o.inputs))
      if (core::same_file(output, in))
        return usage_error(args.lang, "报告文件「" + output + "」就是被检查的文件,拒绝覆盖",
                           "the report '" + output + "' is a document being checked; refusing to overwrite it");
  // Progress only for a person watching long work: many files, or LibreOffice laying them out.
  size_t n_files = expand_inputs(o.inputs).size();
  std::optional<Progress> progress;
  progress.emplace(Progress::wanted(quiet) && (o.render || n_files >= 8), args.lang, "已检查", "checked", n_files);
  if (progress->shown()) o.progress = [&progress](size_t, size_t) { progress->file_done(); };

  // The process ends right after the report, so the findings are not freed one by one (a
  // report of 160,000 findings spent a fifth of its run in free()). `kept_result` has external
  // linkage, so the store stays and leak checkers see the result as reachable.
  kept_result = new CheckResult(check(o));
  progress.reset();  // the line is erased before anything else is written
  CheckResult& r = *kept_result;
  for (const report::FileReport& f : r.files)
    if (!f.checked) std::cerr << "bidfmt: " << f.path << ": " << f.error.in(args.lang) << "\n";

  report::ReportOptions ro;
  ro.lang = args.lang;
  ro.tool_version = BIDFMT_VERSION;
  ro.profile_id = r.profile_id;
  ro.profile_source = r.profile_source;
  if (output.empty()) {
    ro.color = *fmt == report::Format::text && ::isatty(1) && !std::getenv("NO_COLOR");
    report::write_report(std::cout, *fmt, r.files, ro);
    std::cout.flush();
  } else {
    core::write_file_atomically(output, [&](std::ostream& os) { report::write_report(os, *fmt, r.files, ro); });
  }
  return r.exit_status();
}

}  // namespace bidfmt::cli
