// Finding the words of text.units and text.punctuation: ICU scripts, NFKC and regular expressions
// over the paragraph's text, positions kept in the text's own UTF-8 bytes.
#include "rules/text_words.h"

#include <unicode/normalizer2.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <memory>

namespace bidfmt::rules {
namespace {

bool is_cjk(UChar32 c) {
  UErrorCode st = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(c, &st);
  return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA || s == USCRIPT_BOPOMOFO;
}

// The text's code points and the byte each starts at (one more entry: the text's end).
struct CodePoints {
  std::vector<UChar32> cps;
  std::vector<size_t> byte;
  explicit CodePoints(const std::string& text) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    size_t b = 0;
    for (int32_t i = 0; i < u.length();) {
      UChar32 c = u.char32At(i);
      cps.push_back(c);
      byte.push_back(b);
      b += static_cast<size_t>(U8_LENGTH(c));
      i += U16_LENGTH(c);
    }
    byte.push_back(b);
  }
};

std::unique_ptr<icu::RegexPattern> compile(const icu::UnicodeString& re) {
  UErrorCode st = U_ZERO_ERROR;
  UParseError pe;
  std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(re, pe, st));
  if (U_FAILURE(st)) p.reset();
  return p;
}

// Code point ranges [from, to) of web addresses and e-mail addresses in `u`.
std::vector<std::pair<int32_t, int32_t>> addresses(const icu::UnicodeString& u) {
  static thread_local std::unique_ptr<icu::RegexPattern> pattern =
      compile(icu::UnicodeString::fromUTF8("(?i)(?:[a-z][a-z0-9+.-]*://|www\\.)[^\\s，。；、“”（）]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+"));
  std::vector<std::pair<int32_t, int32_t>> out;
  if (!pattern) return out;
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern->matcher(u, st));
  while (U_SUCCESS(st) && m->find(st)) {
    int32_t a = m->start(st), b = m->end(st);
    out.emplace_back(u.countChar32(0, a), u.countChar32(0, b));
  }
  return out;
}

std::string nfkc(const std::string& s) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(st);
  if (U_FAILURE(st)) return s;
  std::string out;
  n->normalize(icu::UnicodeString::fromUTF8(s), st).toUTF8String(out);
  return U_SUCCESS(st) ? out : s;
}

}  // namespace

std::vector<Word> marks_in_chinese(const std::string& text, const profile::TextRules& rules) {
  std::vector<Word> found;
  if (rules.marks.empty()) return found;
  CodePoints t(text);
  auto mark_of = [&](UChar32 c) -> const std::pair<std::string, std::string>* {
    std::string s;
    icu::UnicodeString(c).toUTF8String(s);
    for (const auto& m : rules.marks)
      if (m.first == s) return &m;
    return nullptr;
  };
  auto neighbour = [&](size_t i, int step) -> UChar32 {
    for (long k = static_cast<long>(i) + step; k >= 0 && k < static_cast<long>(t.cps.size()); k += step)
      if (!u_isUWhiteSpace(t.cps[static_cast<size_t>(k)])) return t.cps[static_cast<size_t>(k)];
    return 0;
  };
  std::vector<std::pair<int32_t, int32_t>> skip;
  bool any = false;
  for (UChar32 c : t.cps) any = any || mark_of(c);
  if (!any) return found;
  skip = addresses(icu::UnicodeString::fromUTF8(text));
  for (size_t i = 0; i < t.cps.size(); ++i) {
    const auto* m = mark_of(t.cps[i]);
    if (!m) continue;
    if (std::any_of(skip.begin(), skip.end(),
                    [&](const auto& r) { return static_cast<int32_t>(i) >= r.first && static_cast<int32_t>(i) < r.second; }))
      continue;
    UChar32 c = t.cps[i], before = neighbour(i, -1), after = neighbour(i, +1);
    // Brackets: Chinese on either side. Other marks: Chinese follows, or Chinese precedes and
    // no Latin word follows (「Note: see」 stays, 「全长约3km;工期」 does not).
    bool bracket = c == '(' || c == ')';
    bool chinese = bracket ? is_cjk(before) || is_cjk(after) : is_cjk(after) || (is_cjk(before) && !u_isalpha(after));
    if (chinese) found.push_back(Word{t.byte[i], t.byte[i + 1] - t.byte[i], m->first, m->second, "", false});
  }
  // A pair of brackets is written one way: 「(1)施工」 is 「（1）施工」, never 「(1）施工」.
  std::vector<size_t> open;
  auto flagged = [&](size_t i) { return std::any_of(found.begin(), found.end(), [&](const Word& w) { return w.begin == t.byte[i]; }); };
  std::vector<Word> more;
  for (size_t i = 0; i < t.cps.size(); ++i) {
    if (t.cps[i] == '(') open.push_back(i);
    if (t.cps[i] != ')' || open.empty()) continue;
    size_t o = open.back();
    open.pop_back();
    for (size_t k : {o, i})
      if (flagged(o) != flagged(i) && !flagged(k))
        if (const auto* m = mark_of(t.cps[k])) more.push_back(Word{t.byte[k], t.byte[k + 1] - t.byte[k], m->first, m->second, "", false});
  }
  found.insert(found.end(), more.begin(), more.end());
  std::sort(found.begin(), found.end(), [](const Word& a, const Word& b) { return a.begin < b.begin; });
  return found;
}

std::vector<Word> units_in(const std::string& text, const profile::TextRules& rules) {
  std::vector<Word> out;
  if (rules.unit_words.empty()) return out;
  // Every form, longest first (平方米 before 米): the Chinese words, their English abbreviations
  // and those abbreviations' NFKC forms (m² and m2).
  struct Form {
    std::string text, unit, english;
    bool chinese;
  };
  std::vector<Form> forms;
  for (const auto& [zh, en] : rules.unit_words) {
    std::string unit = nfkc(en);
    forms.push_back({zh, unit, en, true});
    for (const std::string& e : {en, unit})
      if (std::none_of(forms.begin(), forms.end(), [&](const Form& f) { return f.text == e; })) forms.push_back({e, unit, e, false});
  }
  std::stable_sort(forms.begin(), forms.end(), [](const Form& a, const Form& b) { return a.text.size() > b.text.size(); });
  icu::UnicodeString alternatives;
  for (const Form& f : forms) {
    if (alternatives.length()) alternatives.append(u'|');
    alternatives.append(icu::UnicodeString::fromUTF8("\\Q" + f.text + "\\E"));
  }
  std::unique_ptr<icu::RegexPattern> pattern = compile(icu::UnicodeString::fromUTF8("\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?\\s*(") + alternatives +
                                                       icu::UnicodeString::fromUTF8(")(?![A-Za-z0-9²³])"));
  if (!pattern) return out;
  // NFKC per code point (full-width digits and letters become ASCII), ² and ³ kept; each
  // normalised UTF-16 unit remembers the code point it came from.
  CodePoints t(text);
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(st);
  icu::UnicodeString u;
  std::vector<size_t> from;  // normalised UTF-16 index → code point index
  for (size_t i = 0; i < t.cps.size(); ++i) {
    UChar32 c = t.cps[i];
    icu::UnicodeString piece(c);
    if (c != 0xB2 && c != 0xB3 && n && U_SUCCESS(st)) {
      UErrorCode s2 = U_ZERO_ERROR;
      icu::UnicodeString norm = n->normalize(piece, s2);
      if (U_SUCCESS(s2)) piece = norm;
    }
    u.append(piece);
    from.insert(from.end(), static_cast<size_t>(piece.length()), i);
  }
  from.push_back(t.cps.size());
  st = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern->matcher(u, st));
  while (U_SUCCESS(st) && m->find(st)) {
    int32_t a = m->start(1, st), b = m->end(1, st);
    std::string unit;
    m->group(1, st).toUTF8String(unit);
    for (const Form& f : forms) {
      if (f.text != unit) continue;
      size_t first = from[static_cast<size_t>(a)], last = from[static_cast<size_t>(b - 1)] + 1;
      out.push_back(Word{t.byte[first], t.byte[last] - t.byte[first], text.substr(t.byte[first], t.byte[last] - t.byte[first]), f.english,
                         f.unit, f.chinese});
      break;
    }
  }
  return out;
}

}  // namespace bidfmt::rules
