// Help in the user's language: CLI11's formatter with its labels translated (FormatterBase::label)
// and its two-column layout measured in display columns rather than bytes, so that a Chinese
// description (three bytes, two columns per character) lines up with an English one.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <sstream>

#include "cli/cli.h"

namespace bidfmt::cli {
namespace {

// Columns a terminal gives `s`: East Asian wide and fullwidth characters take two (ICU's
// East_Asian_Width property), every other character one.
size_t display_width(const std::string& s) {
  size_t width = 0;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) {
      ++width;
      continue;
    }
    int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
  }
  return width;
}

class LocalizedFormatter : public CLI::Formatter {
 public:
  explicit LocalizedFormatter(Lang lang) {
    bool en = lang == Lang::en;
    label("Usage", en ? "Usage" : "用法");
    label("OPTIONS", en ? "OPTIONS" : "选项");
    label("SUBCOMMAND", en ? "SUBCOMMAND" : "子命令");
    label("SUBCOMMANDS", en ? "SUBCOMMANDS" : "子命令");
    label("Positionals", en ? "Arguments" : "参数");
    label("REQUIRED", en ? "(required)" : "(必需)");
    label("Env", en ? "Env" : "环境变量");
    label("Needs", en ? "Needs" : "需要");
    label("Excludes", en ? "Excludes" : "不能与之同用");
    // The value names of options and the names of positional arguments (type_name / name).
    label("TEXT", en ? "TEXT" : "文本");
    label("FILE", en ? "FILE" : "文件");
    label("NAME", en ? "NAME" : "名称");
    label("N", "N");
    label("FORMAT", en ? "FORMAT" : "格式");
    label("LANG", "zh|en");
    label("INPUT.md", en ? "INPUT.md" : "标书.md");
    label("INPUT.docx", en ? "INPUT.docx" : "投标文件.docx");
    label("FILES", en ? "FILE-OR-FOLDER" : "文件或目录");
    label("RULE-ID", en ? "RULE-ID" : "规则ID");
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
    size_t w = display_width(out);
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
