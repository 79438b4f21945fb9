// `bidfmt build`: Markdown → DOCX.
#include <iostream>

#include "api/bidfmt.h"
#include "cli/cli.h"
#include "cli/progress.h"

namespace bidfmt::cli {

int run_build(Args& args) {
  BuildOptions o;
  args.take("-o", o.output) || args.take("--output", o.output);
  args.take("--profile", o.profile);
  args.take("--pdf", o.pdf);
  o.overrides = args.take_all("--override");
  o.paginate = args.flag("--paginate");
  o.doc = args.flag("--doc");
  o.split_chapters = args.flag("--split-chapters");
  bool quiet = args.flag("--quiet") || args.flag("-q");
  if (o.split_chapters && !o.pdf.empty())
    return usage_error(args.lang, "--split-chapters 不能与 --pdf 同用", "--split-chapters cannot be combined with --pdf");
  if (std::string u = args.first_unknown_option(); !u.empty())
    return usage_error(args.lang, "未知选项「" + u + "」", "unknown option '" + u + "'");
  if (args.items.size() != 1)
    return usage_error(args.lang, "build 需要一个 Markdown 输入文件", "build takes one Markdown input file");
  o.input = args.items[0];
  if (o.output.empty())
    return usage_error(args.lang, "build 需要 -o 输出文件.docx", "build needs -o OUTPUT.docx");
  BuildResult r;
  {
    // A LibreOffice pass takes seconds to minutes: show that it is going on.
    Progress progress(Progress::wanted(quiet) && (o.paginate || !o.pdf.empty() || o.doc), args.lang, "排版中", "laying out", 0);
    r = build(o);
  }
  for (const model::Warning& w : r.warnings)
    std::cerr << o.input << (w.line ? ":" + std::to_string(w.line) : std::string()) << ": " << (args.lang == Lang::en ? "warning: " + w.en : "警告:" + w.zh) << "\n";
  if (o.split_chapters)
    for (const std::string& f : r.written) std::cout << f << "\n";
  return 0;
}

}  // namespace bidfmt::cli
