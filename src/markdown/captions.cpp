// Typed captions: one ICU regular expression over the paragraph's text.
#include "markdown/captions.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

#include "markdown/inline_text.h"

namespace bidfmt::markdown {

namespace {

// Group 1 the label, 2 the number, 3 the name. A number is needed: 「表明」「图纸」 start sentences.
constexpr const char* kPattern =
    "^[\\s\\u3000]*([表图])[\\s\\u3000]*([0-9０-９]+(?:[.．\\-－–—][0-9０-９]+)*)[\\s\\u3000]*[:：、.]?[\\s\\u3000]*([^\\s\\u30000-9０-９.．\\-－–—:：、].*?)[\\s\\u3000]*$";

const icu::RegexPattern& pattern() {
  static const std::unique_ptr<icu::RegexPattern> compiled = [] {
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe;
    std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(kPattern), 0, pe, status));
    if (U_FAILURE(status)) throw std::logic_error(std::string("bad caption pattern: ") + u_errorName(status));
    return p;
  }();
  return *compiled;
}

}  // namespace

std::optional<TypedCaption> typed_caption(std::string_view text) {
  const std::string t(trim(text));
  if (t.empty() || t.size() > 60 * 4) return std::nullopt;
  // A sentence, not a caption: 「表1列出……。」
  for (const char* end : {"。", "；", ";", "，", ","})
    if (t.size() >= std::string(end).size() && t.compare(t.size() - std::string(end).size(), std::string::npos, end) == 0)
      return std::nullopt;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(t);
  if (u.length() > 60) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern().matcher(u, status));
  if (U_FAILURE(status) || !m->matches(status) || U_FAILURE(status)) return std::nullopt;
  TypedCaption c;
  std::string label, number;
  m->group(1, status).toUTF8String(label);
  m->group(2, status).toUTF8String(number);
  m->group(3, status).toUTF8String(c.name);
  if (U_FAILURE(status)) return std::nullopt;
  c.table = label == "表";
  c.number = label + number;
  return c;
}

}  // namespace bidfmt::markdown
