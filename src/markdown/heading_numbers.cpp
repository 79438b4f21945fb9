// Typed heading numbers: one ICU regular expression per heading level, matched at the start.
#include "markdown/heading_numbers.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>
#include <stdexcept>

#include "markdown/inline_text.h"

namespace bidfmt::markdown {

namespace {

// Group 1 is the number; the trailing whitespace (U+3000 included) is matched but not reported.
#define CN "[一二三四五六七八九十百零〇]+"
#define AR "[0-9０-９]+"
#define DOT "[.．]"
// A number such as 1.1 ends in 、, a final dot, or whitespace — never in a further digit.
#define DOTTED_END "(?:、|" DOT "(?![0-9０-９])|(?=[\\s\\u3000]))"
constexpr const char* kPatterns[6] = {
    // 1: 第一章 第1章 第一部分 / 一、 一. / 1、 1.
    "^((?:第(?:" CN "|" AR ")(?:章|部分)[、:：.．]?)|(?:" CN "[、.．])|(?:" AR "(?:、|" DOT "(?![0-9０-９]))))",
    // 2: 1.1 1.1、
    "^(" AR DOT AR DOTTED_END ")",
    // 3: 1.1.1
    "^(" AR DOT AR DOT AR DOTTED_END ")",
    // 4: 1、 1.
    "^(" AR "(?:、|" DOT "(?![0-9０-９])))",
    // 5: (1) （1）
    "^([(（]" AR "[)）])",
    // 6: ① … ㊿
    "^([\\u2460-\\u2473\\u3251-\\u325F\\u32B1-\\u32BF])",
};
// Any level: drafts type the numbers of whatever scheme they like at whatever level —
// 第一章 第一节 一、 （一） 1.1.1 1.1 1. 1、 （1） 1） ①.
constexpr const char* kAnyLevel = "^((?:第(?:" CN "|" AR
                                  ")(?:章|节|部分|篇|条)[、:：.．]?)"
                                  "|(?:[(（]" CN
                                  "[)）])"
                                  "|(?:" CN
                                  "[、.．])"
                                  "|(?:" AR "(?:" DOT AR "){1,4}" DOTTED_END
                                  ")"
                                  "|(?:" AR "(?:、|" DOT
                                  "(?![0-9０-９])))"
                                  "|(?:[(（]" AR
                                  "[)）])"
                                  "|(?:" AR
                                  "[)）])"
                                  "|(?:[\\u2460-\\u2473\\u3251-\\u325F\\u32B1-\\u32BF]))";
#undef CN
#undef AR
#undef DOT
#undef DOTTED_END

// Patterns 1–6 by level, [6] any level.
const icu::RegexPattern& pattern(int level) {
  static const std::array<std::unique_ptr<icu::RegexPattern>, 7> compiled = [] {
    std::array<std::unique_ptr<icu::RegexPattern>, 7> out;
    for (size_t i = 0; i < out.size(); ++i) {
      UErrorCode status = U_ZERO_ERROR;
      UParseError pe;
      const char* p = i < 6 ? kPatterns[i] : kAnyLevel;
      icu::UnicodeString re = icu::UnicodeString::fromUTF8(std::string(p) + "[\\s\\u3000]*");
      out[i].reset(icu::RegexPattern::compile(re, 0, pe, status));
      if (U_FAILURE(status)) throw std::logic_error(std::string("bad heading pattern: ") + u_errorName(status));
    }
    return out;
  }();
  return *compiled[static_cast<size_t>(level - 1)];
}

// Removes leading ASCII whitespace and U+3000 from `s`.
void trim_left(std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') ++i;
    else if (s.compare(i, 3, "\xE3\x80\x80") == 0) i += 3;
    else break;
  }
  s.erase(0, i);
}

}  // namespace

std::string strip_heading_number(int level, model::Inlines& text) {
  if (level < 1 || level > 6 || text.empty() || text.front().line_break) return "";
  const std::string& first = text.front().text;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(first);
  UErrorCode status = U_ZERO_ERROR;
  // The level's own scheme first, then any other.
  std::unique_ptr<icu::RegexMatcher> m(pattern(level).matcher(u, status));
  if (U_FAILURE(status)) return "";
  if (!m->lookingAt(status) || U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    m.reset(pattern(7).matcher(u, status));
    if (U_FAILURE(status) || !m->lookingAt(status) || U_FAILURE(status)) return "";
  }
  const int32_t number_end = m->end(1, status);
  const int32_t match_end = m->end(status);
  if (U_FAILURE(status)) return "";

  std::string number, rest;
  u.tempSubString(0, number_end).toUTF8String(number);
  u.tempSubString(match_end).toUTF8String(rest);

  // Keep a heading that would be left empty.
  bool nothing_left = is_blank(rest);
  for (size_t i = 1; nothing_left && i < text.size(); ++i) nothing_left = !text[i].line_break && is_blank(text[i].text);
  if (nothing_left) return "";

  text.front().text = std::move(rest);
  // 「**一、** 工程概况」: drop the emptied span and the whitespace that followed the number.
  while (!text.empty() && !text.front().line_break && text.front().text.empty()) {
    text.erase(text.begin());
    if (!text.empty() && !text.front().line_break) trim_left(text.front().text);
  }
  return number;
}

}  // namespace bidfmt::markdown

namespace bidfmt::markdown {

bool strip_unnumbered_mark(model::Inlines& text, std::string* id) {
  // The attribute block ends the heading's last text span.
  size_t last = text.size();
  while (last > 0 && !text[last - 1].line_break && is_blank(text[last - 1].text) && !text[last - 1].footnote && text[last - 1].ref.empty())
    --last;
  if (last == 0 || text[last - 1].line_break || text[last - 1].footnote || !text[last - 1].ref.empty()) return false;
  std::string& s = text[last - 1].text;
  const std::string_view t = trim(s);
  if (t.size() < 3 || t.back() != '}') return false;
  const size_t open = t.rfind('{');
  if (open == std::string_view::npos) return false;
  // Every word an attribute: -, .class, #id or key=value (else it is text: 「集合{x}」).
  const std::string_view inner = t.substr(open + 1, t.size() - open - 2);
  bool unnumbered = false, any = false;
  std::string found_id;
  size_t i = 0;
  while (i < inner.size()) {
    while (i < inner.size() && inner[i] == ' ') ++i;
    size_t j = i;
    while (j < inner.size() && inner[j] != ' ') ++j;
    if (j == i) break;
    const std::string_view word = inner.substr(i, j - i);
    any = true;
    if (word == "-" || word == ".unnumbered") unnumbered = true;
    else if (id && word.size() > 5 && word.substr(0, 5) == "#sec:") found_id = std::string(word.substr(1));
    else if (word[0] != '.' && word[0] != '#' && word.find('=') == std::string_view::npos) return false;
    i = j;
  }
  // Any pandoc attribute block goes (「{#id}」 is no text); only 「-」/「.unnumbered」 unnumber.
  if (!any) return false;
  const size_t cut = static_cast<size_t>(t.data() - s.data()) + open;
  s.resize(cut);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  if (s.empty()) text.erase(text.begin() + static_cast<long>(last - 1));
  if (id && !found_id.empty()) *id = found_id;
  return unnumbered;
}

}  // namespace bidfmt::markdown
