// Human forms of values and origins for finding messages.
#include "rules/describe.h"

#include <charconv>
#include <cmath>

#include "docx/styles.h"
#include "profile/profile.h"

namespace bidfmt::rules {
namespace {

// Fixed notation, `decimals` places (std::to_chars: locale-free, and a finding is made per
// paragraph on a badly formatted document, so this runs often).
std::string number(double v, int decimals) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  return std::string(buf, r.ptr);
}

// 1.5 → "1.5", 1.15 → "1.15", 2 → "2".
std::string short_number(double v) {
  std::string s = number(v, 2);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

Text plain(const std::string& s) { return Text{s, s}; }

Text size_text(int hp) {
  std::string name = profile::font_size_name(HalfPoints{hp});
  std::string pt = short_number(hp / 2.0) + "pt";
  return Text{name, name == pt ? pt : pt + " (" + name + ")"};
}

Text mm_text(int twips) {
  std::string s = number(twips * 25.4 / 1440.0, 1) + "mm";
  return Text{s, s};
}

Text chars_text(int chars100) {
  std::string n = short_number(chars100 / 100.0);
  return Text{n + "字符", n + " chars"};
}

Text line_text(int line, std::string_view rule) {
  if (rule == "exact") return Text{"固定值 " + short_number(line / 20.0) + "磅", "exactly " + short_number(line / 20.0) + "pt"};
  if (rule == "atLeast") return Text{"最小值 " + short_number(line / 20.0) + "磅", "at least " + short_number(line / 20.0) + "pt"};
  std::string m = short_number(line / 240.0);
  return Text{m + "倍", m + (line == 240 ? " line" : " lines")};
}

Text align_text(std::string_view jc) {
  if (jc == "both") return Text{"两端对齐", "justified"};
  if (jc == "left") return Text{"左对齐", "left"};
  if (jc == "center") return Text{"居中", "centered"};
  if (jc == "right") return Text{"右对齐", "right"};
  if (jc == "distribute") return Text{"分散对齐", "distributed"};
  return plain(std::string(jc));
}

Text bold_text(bool bold) { return bold ? Text{"加粗", "bold"} : Text{"不加粗", "not bold"}; }

Text font_text(const docx::FontRef& f) {
  std::string name = f.name.empty() ? std::string("(空)") : std::string(f.name);
  std::string en_name = f.name.empty() ? std::string("(empty)") : std::string(f.name);
  if (f.theme.empty()) return Text{name, en_name};
  return Text{name + "(主题字体 " + std::string(f.theme) + ")", en_name + " (theme font " + std::string(f.theme) + ")"};
}

Text border_text(const docx::BorderSpec& b) {
  if (b.style == "none" || b.style.empty()) return Text{"无", "none"};
  static const std::pair<const char*, const char*> kStyles[] = {{"single", "单实线"}, {"dashed", "虚线"}, {"dotted", "点线"},
                                                                {"double", "双线"},   {"thick", "粗线"},  {"dashSmallGap", "短虚线"},
                                                                {"dotDash", "点划线"}};
  std::string zh(b.style);
  for (const auto& [en, z] : kStyles)
    if (b.style == en) zh = z;
  std::string w = short_number(b.size / 8.0);
  return Text{zh + " " + w + "磅", std::string(b.style) + " " + w + "pt"};
}

Text origin_text(const docx::Origin& o) {
  auto style_name = [&](Lang l) { return o.style ? docx::display_name(*o.style, l) : std::string("?"); };
  switch (o.source) {
    case docx::Source::none: return Text{"未设置,取 Word 默认值", "not set, Word's default"};
    case docx::Source::doc_defaults: return Text{"文档默认格式", "document defaults"};
    case docx::Source::table_style: return Text{"表格样式「" + style_name(Lang::zh) + "」", "table style '" + style_name(Lang::en) + "'"};
    case docx::Source::paragraph_style: return Text{"样式「" + style_name(Lang::zh) + "」", "style '" + style_name(Lang::en) + "'"};
    case docx::Source::numbering:
      return Text{"编号定义(numId " + std::to_string(o.num_id) + " 第 " + std::to_string(o.ilvl + 1) + " 级)",
                  "numbering (numId " + std::to_string(o.num_id) + " level " + std::to_string(o.ilvl + 1) + ")"};
    case docx::Source::direct_paragraph: return Text{"段落直接格式", "direct paragraph formatting"};
    case docx::Source::character_style:
      return Text{"字符样式「" + style_name(Lang::zh) + "」", "character style '" + style_name(Lang::en) + "'"};
    case docx::Source::direct: return Text{"直接格式", "direct formatting"};
  }
  return Text{"?", "?"};
}

}  // namespace bidfmt::rules
