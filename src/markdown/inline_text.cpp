// Inline text helpers: CJK classes, HTML entities, plain text.
#include "markdown/inline_text.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace bidfmt::markdown {

bool is_cjk(char32_t c) {
  if (c < 0x1100) return false;  // fast path: Latin, Greek, Cyrillic, …
  const auto ea = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) return true;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode sc = uscript_getScript(static_cast<UChar32>(c), &status);
  return U_SUCCESS(status) &&
         (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA || sc == USCRIPT_HANGUL || sc == USCRIPT_BOPOMOFO);
}

char32_t first_code_point(std::string_view s) {
  if (s.empty()) return 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(std::min<size_t>(s.size(), 8)), c);
  return c < 0 ? 0 : static_cast<char32_t>(c);
}

char32_t last_code_point(std::string_view s) {
  if (s.empty()) return 0;
  const size_t keep = std::min<size_t>(s.size(), 8);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data() + s.size() - keep);
  auto i = static_cast<int32_t>(keep);
  UChar32 c;
  U8_PREV(p, 0, i, c);
  return c < 0 ? 0 : static_cast<char32_t>(c);
}

namespace {

void append_utf8(std::string& out, UChar32 c) {
  if (c <= 0 || c > 0x10FFFF || U_IS_SURROGATE(c)) c = 0xFFFD;
  uint8_t buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(buf, n, 4, c, err);
  if (err) return;
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

struct Entity {
  const char* name;
  char32_t cp;
};
// The named references a Chinese technical text plausibly uses; sorted by name.
constexpr Entity kEntities[] = {
    {"Alpha", 0x391},  {"Beta", 0x392},    {"Delta", 0x394},  {"Omega", 0x3A9},  {"Prime", 0x2033},  {"Sigma", 0x3A3},   {"alpha", 0x3B1},
    {"amp", '&'},      {"apos", '\''},     {"asymp", 0x2248}, {"beta", 0x3B2},   {"bull", 0x2022},   {"cent", 0xA2},     {"copy", 0xA9},
    {"darr", 0x2193},  {"deg", 0xB0},      {"delta", 0x3B4},  {"divide", 0xF7},  {"emsp", 0x2003},   {"ensp", 0x2002},   {"epsilon", 0x3B5},
    {"euro", 0x20AC},  {"frac12", 0xBD},   {"frac14", 0xBC},  {"frac34", 0xBE},  {"gamma", 0x3B3},   {"ge", 0x2265},     {"gt", '>'},
    {"harr", 0x2194},  {"hellip", 0x2026}, {"infin", 0x221E}, {"lambda", 0x3BB}, {"laquo", 0xAB},    {"larr", 0x2190},   {"ldquo", 0x201C},
    {"le", 0x2264},    {"lsquo", 0x2018},  {"lt", '<'},       {"mdash", 0x2014}, {"micro", 0xB5},    {"middot", 0xB7},   {"mu", 0x3BC},
    {"nbsp", 0xA0},    {"ndash", 0x2013},  {"ne", 0x2260},    {"omega", 0x3C9},  {"para", 0xB6},     {"permil", 0x2030}, {"phi", 0x3C6},
    {"pi", 0x3C0},     {"plusmn", 0xB1},   {"pound", 0xA3},   {"prime", 0x2032}, {"quot", '"'},      {"raquo", 0xBB},    {"rarr", 0x2192},
    {"rdquo", 0x201D}, {"reg", 0xAE},      {"rho", 0x3C1},    {"rsquo", 0x2019}, {"sect", 0xA7},     {"sigma", 0x3C3},   {"sup1", 0xB9},
    {"sup2", 0xB2},    {"sup3", 0xB3},     {"tau", 0x3C4},    {"theta", 0x3B8},  {"thinsp", 0x2009}, {"times", 0xD7},    {"trade", 0x2122},
    {"uarr", 0x2191},  {"yen", 0xA5},
};

}  // namespace

std::string decode_entity(std::string_view e) {
  std::string out;
  if (e.size() < 3 || e.front() != '&' || e.back() != ';') return std::string(e);
  std::string_view body = e.substr(1, e.size() - 2);
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string digits(body.substr(hex ? 2 : 1));
    if (digits.empty() || digits.size() > 8) return std::string(e);
    char* endp = nullptr;
    const long v = std::strtol(digits.c_str(), &endp, hex ? 16 : 10);
    if (*endp != '\0') return std::string(e);
    append_utf8(out, static_cast<UChar32>(v));
    return out;
  }
  auto it = std::lower_bound(std::begin(kEntities), std::end(kEntities), body,
                             [](const Entity& a, std::string_view b) { return std::string_view(a.name) < b; });
  if (it == std::end(kEntities) || std::string_view(it->name) != body) return std::string(e);
  append_utf8(out, static_cast<UChar32>(it->cp));
  return out;
}

bool is_br_tag(std::string_view h) {
  std::string s;
  for (char c : h)
    if (c != ' ' && c != '\t' && c != '\n') s.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  return s == "<br>" || s == "<br/>";
}

bool is_blank(std::string_view s) { return trim(s).empty(); }

std::string_view trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
    else if (s.size() >= 3 && s.compare(0, 3, "\xE3\x80\x80") == 0) s.remove_prefix(3);
    else break;
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
    else if (s.size() >= 3 && s.compare(s.size() - 3, 3, "\xE3\x80\x80") == 0) s.remove_suffix(3);
    else break;
  }
  return s;
}

std::string plain_text(const model::Inlines& text) {
  std::string out;
  for (const auto& s : text) out += s.line_break ? std::string(" ") : s.text;
  return out;
}

}  // namespace bidfmt::markdown
