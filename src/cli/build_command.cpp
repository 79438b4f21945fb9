// `bidfmt build`: Markdown → DOCX.
#include <iostream>

#include "api/bidfmt.h"
#include "cli/cli.h"
#include "cli/progress.h"

namespace bidfmt::cli {

Command add_build(CLI::App& root, Lang lang) {
  auto o = std::make_shared<BuildOptions>();
  auto inputs = std::make_shared<std::vector<std::string>>();
  auto quiet = std::make_shared<bool>(false);
  CLI::App* app =
      root.add_subcommand("build", tr(lang, "由 Markdown 生成符合格式要求的技术标 DOCX", "build a DOCX technical bid from Markdown"));
  app->add_option(
         "INPUT.md", *inputs,
         tr(lang, "Markdown 标书(UTF-8;GB18030/GBK、UTF-16 会转换并警告)或 .json 内容(docs/content.md);多个文件按顺序合成一份",
            "the Markdown proposal (UTF-8; GB18030/GBK and UTF-16 are converted, with a warning) or .json content (docs/content.md); several files are joined in order"))
      ->type_name("");
  app->add_option("--meta", o->meta,
                  tr(lang, "前置元数据取自此 YAML 文件(默认取第一个输入文件的)",
                     "take the front matter from this YAML file (default: the first input's)"))
      ->type_name("FILE");
  app->add_option("-o,--output", o->output,
                  tr(lang, "输出的 .docx(--split-chapters 时为目录)", "the .docx to write (a folder with --split-chapters)"))
      ->type_name("FILE");
  app->add_option("--profile", o->profile,
                  tr(lang, "格式配置:内置名称或 YAML 文件(默认取 front matter 的 profile,否则 xx-2014)",
                     "profile: a bundled name or a YAML file (default: the front matter's, else xx-2014)"))
      ->type_name("NAME");
  add_override_option(*app, o->overrides, lang);
  app->add_flag(
      "--paginate", o->paginate,
      tr(lang, "LibreOffice 排版一次,填入目录页码与「共Y页」", "one LibreOffice layout pass: real TOC page numbers and the page count"));
  app->add_option("--pdf", o->pdf, tr(lang, "同时导出 PDF(含 --paginate)", "also export a PDF (implies --paginate)"))->type_name("FILE");
  app->add_flag("--doc", o->doc, tr(lang, "同时写一份 Word 97–2003 .doc", "also write a Word 97–2003 .doc"));
  app->add_flag("--split-chapters", o->split_chapters,
                tr(lang, "每个一级标题一个 DOCX,写入 -o 目录", "one DOCX per level-1 heading, into the -o folder"));
  app->add_flag("-q,--quiet", *quiet, tr(lang, "不显示进度行", "no progress line"));
  add_lang_option(*app, lang);

  return {app, [o, inputs, quiet, lang]() -> int {
            if (o->split_chapters && !o->pdf.empty())
              return usage_error(lang, "--split-chapters 不能与 --pdf 同用", "--split-chapters cannot be combined with --pdf");
            if (inputs->empty())
              return usage_error(lang, "build 需要 Markdown 或 JSON 输入文件", "build takes Markdown or JSON input files");
            o->input = inputs->front();
            o->inputs = *inputs;
            if (o->output.empty()) return usage_error(lang, "build 需要 -o 输出文件.docx", "build needs -o OUTPUT.docx");
            BuildResult r;
            {
              // A LibreOffice pass takes seconds to minutes: show that it is going on.
              Progress progress(Progress::wanted(*quiet) && (o->paginate || !o->pdf.empty() || o->doc), lang, "排版中", "laying out", 0);
              r = build(*o);
            }
            for (const model::Warning& w : r.warnings)
              std::cerr << (w.file.empty() ? o->input : w.file) << (w.line ? ":" + std::to_string(w.line) : std::string()) << ": "
                        << (lang == Lang::en ? "warning: " + w.en : "警告:" + w.zh) << "\n";
            if (o->split_chapters)
              for (const std::string& f : r.written) std::cout << f << "\n";
            return 0;
          }};
}

}  // namespace bidfmt::cli
