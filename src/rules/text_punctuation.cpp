// Rule text.punctuation: Chinese text uses full-width marks (，；：？！（）), not ASCII ones.
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include "rules/rule.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "text.punctuation",
    {"中文标点", "Chinese punctuation"},
    "技术标内,除序号、图表序号的“.”外,其余标点符号均在半角中文状态输入。",
    Severity::error,
    false,  // replacing marks changes the text: reported, never fixed
};

bool is_cjk(UChar32 c) {
  UErrorCode st = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(c, &st);
  return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA || s == USCRIPT_BOPOMOFO;
}

const char* full_width(UChar32 c) {
  switch (c) {
    case ',': return "，";
    case ';': return "；";
    case ':': return "：";
    case '?': return "？";
    case '!': return "！";
    case '(': return "（";
    case ')': return "）";
    default: return nullptr;
  }
}

// ASCII , ; : ? ! ( ) standing next to Chinese text. The dot (1.1, 表1.1-1) is never flagged;
// 「10,000」「Figure 1: x」 are not Chinese text.
std::vector<UChar32> ascii_marks_in_chinese(const std::string& text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  std::vector<UChar32> cps;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    cps.push_back(c);
    i += U16_LENGTH(c);
  }
  auto neighbour = [&](size_t i, int step) -> UChar32 {
    for (long k = static_cast<long>(i) + step; k >= 0 && k < static_cast<long>(cps.size()); k += step)
      if (!u_isUWhiteSpace(cps[static_cast<size_t>(k)])) return cps[static_cast<size_t>(k)];
    return 0;
  };
  std::vector<UChar32> found;
  for (size_t i = 0; i < cps.size(); ++i) {
    UChar32 c = cps[i];
    if (!full_width(c)) continue;
    UChar32 before = neighbour(i, -1), after = neighbour(i, +1);
    // Brackets: Chinese on either side. Other marks: Chinese follows, or Chinese precedes and
    // no Latin word follows (「Note: see」 stays, 「全长约3km;工期」 does not).
    bool chinese = c == '(' || c == ')' ? is_cjk(before) || is_cjk(after)
                                        : is_cjk(after) || (is_cjk(before) && !u_isalpha(after));
    if (chinese) found.push_back(c);
  }
  return found;
}

bool applies(const Context& ctx) { return ctx.profile.text.punctuation; }

void check(const Context& ctx, Reporter& out) {
  if (!applies(ctx)) return;
  const size_t m = out.mark();
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs) {
    using docx::Role;
    if (p.role == Role::empty || p.role == Role::toc || p.role == Role::cover || !ctx.in_body(p.section)) continue;
    std::vector<UChar32> marks = ascii_marks_in_chinese(p.text);
    if (marks.empty()) continue;
    std::string ascii, wide;
    for (UChar32 c : marks) {
      icu::UnicodeString(c).toUTF8String(ascii);
      wide += full_width(c);
    }
    out.add("ascii_mark", ctx.at(p), Text{wide, wide}, Text{ascii, ascii},
            Text{"中文文字中使用了半角标点「" + ascii + "」,应为全角「" + wide + "」",
                 "ASCII punctuation '" + ascii + "' in Chinese text; use full-width '" + wide + "'"});
  }
  out.about(m, ctx.cls("text.punctuation"));
}

}  // namespace

const Rule& text_punctuation_rule() {
  static const Rule r{kInfo, check, applies};
  return r;
}

}  // namespace bidfmt::rules
