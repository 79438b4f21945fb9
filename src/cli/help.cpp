// Help in the user's language: CLI11's formatter with its labels translated (FormatterBase::label)
// and its two-column layout measured in display columns rather than bytes, so that a Chinese
// description (three bytes, two columns per character) lines up with an English one.

#include <sstream>

#include "cli/cli.h"
#include "core/text.h"

namespace bidfmt::cli {
namespace {

class LocalizedFormatter : public CLI::Formatter {
 public:
  explicit LocalizedFormatter(Lang lang) {
    // CLI11's label → {English, Chinese}; the value names of options and the names of positional
    // arguments (type_name / name) among them.
    static const struct {
      const char* key;
      const char* en;
      const char* zh;
    } kLabels[] = {
        {"Usage", "Usage", "用法"},
        {"OPTIONS", "OPTIONS", "选项"},
        {"SUBCOMMAND", "SUBCOMMAND", "子命令"},
        {"SUBCOMMANDS", "SUBCOMMANDS", "子命令"},
        {"Positionals", "Arguments", "参数"},
        {"REQUIRED", "(required)", "(必需)"},
        {"Env", "Env", "环境变量"},
        {"Needs", "Needs", "需要"},
        {"Excludes", "Excludes", "不能与之同用"},
        {"TEXT", "TEXT", "文本"},
        {"FILE", "FILE", "文件"},
        {"NAME", "NAME", "名称"},
        {"N", "N", "N"},
        {"FORMAT", "FORMAT", "格式"},
        {"LANG", "zh|en", "zh|en"},
        {"INPUT.md", "INPUT.md", "标书.md"},
        {"INPUT.docx", "INPUT.docx", "投标文件.docx"},
        {"FILES", "FILE-OR-FOLDER", "文件或目录"},
        {"RULE-ID", "RULE-ID", "规则ID"},
    };
    for (const auto& l : kLabels) label(l.key, lang == Lang::en ? l.en : l.zh);
    column_width(34);
  }

  std::string make_option_name(const CLI::Option* opt, bool is_positional) const override {
    if (is_positional) return get_label(opt->get_name(true, false));
    return CLI::Formatter::make_option_name(opt, false);
  }

  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    return two_columns(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt));
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    return two_columns(sub->get_display_name(true), sub->get_description());
  }

 private:
  // "  name   description", the description starting at column_width_ (on the next line when the
  // name is wider); continuation lines of a description are indented to the same column.
  std::string two_columns(const std::string& left, const std::string& desc) const {
    std::string out = "  " + left;
    size_t w = core::display_columns(out);
    if (!desc.empty()) {
      if (w >= column_width_) {
        out += "\n";
        w = 0;
      }
      out.append(column_width_ - w, ' ');
      for (char c : desc) {
        out += c;
        if (c == '\n') out.append(column_width_, ' ');
      }
    }
    return out + "\n";
  }
};

}  // namespace

std::shared_ptr<CLI::Formatter> make_formatter(Lang lang) { return std::make_shared<LocalizedFormatter>(lang); }

}  // namespace bidfmt::cli
