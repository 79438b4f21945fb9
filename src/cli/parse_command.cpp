// `bidfmt parse`: Markdown → the JSON content (docs/content.schema.json) that `build` reads back.
#include <filesystem>
#include <iostream>

#include "api/bidfmt.h"
#include "cli/cli.h"
#include "core/error.h"
#include "core/file_io.h"

namespace bidfmt::cli {

Command add_parse(CLI::App& root, Lang lang) {
  auto input = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  CLI::App* app = root.add_subcommand("parse", tr(lang, "把 Markdown 标书转为 JSON 内容(docs/content.schema.json)",
                                                  "turn a Markdown proposal into JSON content (docs/content.schema.json)"));
  app->add_option("INPUT.md", *input,
                  tr(lang, "Markdown 标书(或 JSON 内容,重新整理)", "the Markdown proposal (or JSON content, rewritten)"))
      ->type_name("")
      ->required();
  app->add_option("-o,--output", *output,
                  tr(lang, "输出的 .json(省略时写到标准输出)", "the .json to write (standard output when left out)"))
      ->type_name("FILE");
  add_lang_option(*app, lang);

  return {app, [input, output, lang]() -> int {
            namespace fs = std::filesystem;
            if (!output->empty() && core::same_file(*output, *input))
              throw Error(*output, 0, "输出文件与输入文件相同,拒绝覆盖输入", "the output is the input file; refusing to overwrite it");
            const std::string dir = output->empty() ? "." : fs::u8path(*output).parent_path().u8string();
            ParseResult r = parse(*input, dir);
            for (const model::Warning& w : r.warnings)
              std::cerr << *input << (w.line ? ":" + std::to_string(w.line) : std::string()) << ": "
                        << (lang == Lang::en ? "warning: " + w.en : "警告:" + w.zh) << "\n";
            if (output->empty()) {
              std::cout << r.json;
              return 0;
            }
            core::write_file_atomically(*output, [&](std::ostream& os) { os << r.json; });
            return 0;
          }};
}

}  // namespace bidfmt::cli
