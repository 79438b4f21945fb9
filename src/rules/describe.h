// Human forms of values (小四, 25.0mm, 1.5倍, 两端对齐) and of their origins, in zh and en, for messages.
#pragma once
#include <string>
#include <string_view>

#include "core/lang.h"
#include "docx/properties.h"

namespace bidfmt::rules {

Text size_text(int half_points);                  // 小四 / 12pt (小四)
Text mm_text(int twips);                          // 25.0mm
Text chars_text(int chars100);                    // 2字符 / 2 chars
Text line_text(int line, std::string_view rule);  // 1.5倍 / 1.5 lines; 固定值 20磅 / exactly 20pt
Text align_text(std::string_view jc);             // 两端对齐 / justified
Text bold_text(bool bold);                        // 加粗 / bold
Text font_text(const docx::FontRef& f);           // 等线(主题字体 minorEastAsia)
Text border_text(const docx::BorderSpec& b);      // 单实线 1.5磅 / single 1.5pt
Text plain(const std::string& s);                 // the same text in both languages

// Where a value came from: 直接格式 / 样式「正文」/ 文档默认格式 / … (en: direct formatting, …).
Text origin_text(const docx::Origin& o);

// A sentence for a wrong value: 「{what}为 {actual}({origin},覆盖了{below origin}的 {below}),应为
// {expected}」. `fmt` turns a value into Text; `fallback` is what Word uses when nothing sets it.
template <typename T, typename F>
Text wrong_value(const Text& what, const docx::Value<T>& v, const T& fallback, F fmt, const Text& expected) {
  Text actual = fmt(v.set() ? v.value : fallback);
  Text origin = origin_text(v.origin);
  Text zh_extra, en_extra;
  if (v.set() && v.below_origin.source != docx::Source::none &&
      (v.origin.source == docx::Source::direct || v.origin.source == docx::Source::direct_paragraph ||
       v.origin.source == docx::Source::numbering || v.origin.source == docx::Source::character_style)) {
    Text below = fmt(v.below);
    Text bo = origin_text(v.below_origin);
    zh_extra.zh = ",覆盖了" + bo.zh + "的 " + below.zh;
    en_extra.en = ", overriding " + below.en + " from " + bo.en;
  }
  return Text{what.zh + "为 " + actual.zh + "(" + origin.zh + zh_extra.zh + "),应为 " + expected.zh,
              what.en + " is " + actual.en + " (" + origin.en + en_extra.en + "); expected " + expected.en};
}

}  // namespace bidfmt::rules
