// Number labels: a small matcher that reads lvlText patterns such as "%1.%2" or "(%5)" in any numFmt.
#include "docx/labels.h"

#include <string>

#include "docx/numbering.h"
#include "docx/script.h"

namespace bidfmt::docx {
namespace {

int chinese_digit(char32_t c) {
  static const char32_t kDigits[] = {U'〇', U'一', U'二', U'三', U'四', U'五', U'六', U'七', U'八', U'九'};
  for (int i = 0; i < 10; ++i)
    if (kDigits[i] == c) return i;
  if (c == U'零') return 0;
  if (c == U'两') return 2;
  return -1;
}

bool is_numeral_char(char32_t c, std::string_view format) {
  if (format == "chineseCounting" || format == "chineseCountingThousand" || format == "japaneseCounting")
    return chinese_digit(c) >= 0 || c == U'十' || c == U'百' || c == U'千';
  if (format == "decimalEnclosedCircle" || format == "decimalEnclosedCircleChinese") return c >= 0x2460 && c <= 0x2473;
  if (format == "upperLetter") return c >= 'A' && c <= 'Z';
  if (format == "lowerLetter") return c >= 'a' && c <= 'z';
  if (format == "upperRoman") return std::u32string_view(U"IVXLCDM").find(c) != std::u32string_view::npos;
  if (format == "lowerRoman") return std::u32string_view(U"ivxlcdm").find(c) != std::u32string_view::npos;
  if (format == "ideographTraditional") return std::u32string_view(U"甲乙丙丁戊己庚辛壬癸").find(c) != std::u32string_view::npos;
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

bool single_char_format(std::string_view format) {
  return format == "decimalEnclosedCircle" || format == "decimalEnclosedCircleChinese" || format == "ideographTraditional";
}

}  // namespace

int parse_numeral(std::string_view s, std::string_view format) {
  std::u32string cs;
  for_each_code_point(s, [&](char32_t c) { cs += c; });
  if (cs.empty()) return -1;
  if (format == "chineseCounting" || format == "chineseCountingThousand" || format == "japaneseCounting") {
    int total = 0, digit = -1;
    for (char32_t c : cs) {
      int d = chinese_digit(c);
      if (d >= 0) {
        digit = digit > 0 ? digit * 10 + d : d;  // 〇 inside 一百〇五 keeps going
        continue;
      }
      int unit = c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : 0;
      if (!unit) return -1;
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    }
    return total + (digit > 0 ? digit : 0);
  }
  if (format == "decimalEnclosedCircle" || format == "decimalEnclosedCircleChinese")
    return cs.size() == 1 && cs[0] >= 0x2460 && cs[0] <= 0x2473 ? static_cast<int>(cs[0] - 0x2460 + 1) : -1;
  if (format == "upperLetter" || format == "lowerLetter") {
    char32_t base = format == "upperLetter" ? 'A' : 'a';
    for (char32_t c : cs)
      if (c != cs[0]) return -1;
    return static_cast<int>(cs[0] - base) + 1 + 26 * static_cast<int>(cs.size() - 1);
  }
  if (format == "upperRoman" || format == "lowerRoman") {
    int total = 0, prev = 0;
    for (auto it = cs.rbegin(); it != cs.rend(); ++it) {
      char32_t c = *it | 0x20;
      int v = c == 'i' ? 1 : c == 'v' ? 5 : c == 'x' ? 10 : c == 'l' ? 50 : c == 'c' ? 100 : c == 'd' ? 500 : c == 'm' ? 1000 : 0;
      if (!v) return -1;
      total += v < prev ? -v : v;
      prev = std::max(prev, v);
    }
    return total;
  }
  if (format == "ideographTraditional") {
    size_t pos = std::u32string_view(U"甲乙丙丁戊己庚辛壬癸").find(cs[0]);
    return cs.size() == 1 && pos != std::u32string_view::npos ? static_cast<int>(pos) + 1 : -1;
  }
  long v = 0;
  for (char32_t c : cs) {
    int d = c >= '0' && c <= '9' ? static_cast<int>(c - '0') : c >= 0xFF10 && c <= 0xFF19 ? static_cast<int>(c - 0xFF10) : -1;
    if (d < 0 || v > 100000000) return -1;
    v = v * 10 + d;
  }
  return static_cast<int>(v);
}

int title_levels(const profile::Profile& p) {
  int n = 0;
  for (const profile::HeadingLevel& h : p.headings) {
    if (h.rule.rfind("heading.l", 0) != 0) break;
    ++n;
  }
  return n ? n : 3;
}

std::vector<size_t> referenced_levels(std::string_view t) {
  std::vector<size_t> out;
  for (size_t i = 0; i + 1 < t.size(); ++i)
    if (t[i] == '%' && t[i + 1] >= '1' && t[i + 1] <= '9') out.push_back(static_cast<size_t>(t[i + 1] - '1'));
  return out;
}

std::string format_label(const std::vector<profile::NumberLevel>& levels, size_t index, const std::vector<int>& numbers) {
  if (index >= levels.size()) return "";
  const profile::NumberLevel& own = levels[index];
  std::string out;
  const std::string& t = own.text;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
      size_t k = static_cast<size_t>(t[i + 1] - '1');
      std::string_view format = own.legal || k >= levels.size() ? std::string_view("decimal") : std::string_view(levels[k].format);
      if (k == index) format = own.legal ? std::string_view("decimal") : std::string_view(own.format);
      out += format_number(k < numbers.size() ? numbers[k] : 1, format);
      ++i;
    } else {
      out += t[i];
    }
  }
  return out;
}

std::optional<LabelMatch> match_label(std::string_view text, const std::vector<profile::NumberLevel>& levels, size_t index) {
  if (index >= levels.size()) return std::nullopt;
  const profile::NumberLevel& own = levels[index];
  std::string_view pattern = own.text;
  LabelMatch m;
  size_t ti = 0;
  for (size_t pi = 0; pi < pattern.size();) {
    if (pattern[pi] == '%' && pi + 1 < pattern.size() && pattern[pi + 1] >= '1' && pattern[pi + 1] <= '9') {
      size_t k = static_cast<size_t>(pattern[pi + 1] - '1');
      std::string_view format = own.legal || k >= levels.size() ? std::string_view("decimal") : std::string_view(levels[k].format);
      if (k == index) format = own.format;
      if (own.legal && k == index && format != "decimal") format = "decimal";
      size_t start = ti, count = 0;
      while (ti < text.size()) {
        size_t next = ti;
        char32_t c = decode_utf8(text, next);
        if (!is_numeral_char(c, format)) break;
        ti = next;
        ++count;
        if (single_char_format(format)) break;
      }
      if (count == 0) return std::nullopt;
      int n = parse_numeral(text.substr(start, ti - start), format);
      if (n < 0) return std::nullopt;
      m.numbers.push_back(n);
      pi += 2;
      continue;
    }
    // A literal: the next code point of the pattern must match (ASCII and full-width forms of
    // punctuation are told apart, as the standard's 「、」 and 「.」 are different marks).
    size_t pnext = pi;
    char32_t pc = decode_utf8(pattern, pnext);
    if (ti >= text.size()) return std::nullopt;
    size_t tnext = ti;
    char32_t tc = decode_utf8(text, tnext);
    bool paren = (pc == '(' && tc == U'（') || (pc == ')' && tc == U'）');
    if (tc != pc && !paren) return std::nullopt;
    pi = pnext;
    ti = tnext;
  }
  m.length = ti;
  return m;
}

}  // namespace bidfmt::docx
