// Unicode helpers over ICU character properties: font slots, UTF-8 decoding, excerpts, font names.
#include "docx/script.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "core/text.h"

namespace bidfmt::docx {

char32_t decode_utf8(std::string_view s, size_t& i) {
  int32_t idx = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), idx, static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(idx);
  return c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c);
}

namespace {

// ICU's answer for one code point, before the w:hint: a slot, or "ambiguous" (East Asian
// width A: east_asia with the eastAsia hint, else hAnsi).
enum class Class : uint8_t { none, ascii, h_ansi, east_asia, cs, ambiguous, unknown };

Class classify(UChar32 u) {
  if (u_isUWhiteSpace(u) || u_iscntrl(u) || u == 0x200B || u == 0xFEFF) return Class::none;
  if (u < 0x80) return Class::ascii;
  UErrorCode err = U_ZERO_ERROR;
  switch (uscript_getScript(u, &err)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO:
    case USCRIPT_YI: return Class::east_asia;
    case USCRIPT_ARABIC:
    case USCRIPT_HEBREW:
    case USCRIPT_SYRIAC:
    case USCRIPT_THAANA:
    case USCRIPT_THAI:
    case USCRIPT_DEVANAGARI: return Class::cs;
    default: break;
  }
  int width = u_getIntPropertyValue(u, UCHAR_EAST_ASIAN_WIDTH);
  if (width == U_EA_WIDE || width == U_EA_FULLWIDTH) return Class::east_asia;
  if (width == U_EA_AMBIGUOUS) return Class::ambiguous;
  return Class::h_ansi;
}

}  // namespace

FontSlot font_slot(char32_t c, bool hint_east_asia) {
  UChar32 u = static_cast<UChar32>(c);
  // Every character of a document is classified (check_fonts): ICU's answers for the Basic
  // Multilingual Plane are remembered per thread, 64 KB, filled as characters are met.
  Class k;
  if (u >= 0 && u < 0x10000) {
    static thread_local std::array<Class, 0x10000> memo = [] {
      std::array<Class, 0x10000> m;
      m.fill(Class::unknown);
      return m;
    }();
    Class& slot = memo[static_cast<size_t>(u)];
    if (slot == Class::unknown) slot = classify(u);
    k = slot;
  } else {
    k = classify(u);
  }
  switch (k) {
    case Class::none: return FontSlot::none;
    case Class::ascii: return FontSlot::ascii;
    case Class::east_asia: return FontSlot::east_asia;
    case Class::cs: return FontSlot::cs;
    case Class::ambiguous: return hint_east_asia ? FontSlot::east_asia : FontSlot::h_ansi;
    default: return FontSlot::h_ansi;
  }
}

size_t length_utf8(std::string_view s) {
  size_t n = 0;
  for_each_code_point(s, [&](char32_t) { ++n; });
  return n;
}

namespace {
// What trim() removes: ASCII spaces, tabs and line ends, and U+3000 (the ideographic space).
// The byte length of such a character starting at byte i of s, or 0; and of one ending at byte e.
size_t blank_at(std::string_view s, size_t i) {
  if (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) return 1;
  return s.compare(i, 3, "\u3000") == 0 ? 3 : 0;
}
size_t blank_before(std::string_view s, size_t e) {
  if (e >= 1 && blank_at(s, e - 1) == 1) return 1;
  return e >= 3 && blank_at(s, e - 3) == 3 ? 3 : 0;
}
}  // namespace

std::string trim(std::string_view s) {
  size_t b = 0;
  while (size_t n = blank_at(s, b)) b += n;
  std::string_view rest = s.substr(b);
  size_t e = rest.size();
  while (size_t n = blank_before(rest, e)) e -= n;
  return std::string(rest.substr(0, e));
}

bool blank(std::string_view s) {
  size_t i = 0;
  while (size_t n = blank_at(s, i)) i += n;
  return i == s.size();
}

std::string excerpt(std::string_view s, size_t max_chars) {
  std::string out;
  out.reserve(std::min(s.size(), max_chars * 4) + 4);  // UTF-8: up to 4 bytes a code point; "…" is 3
  size_t n = 0, i = 0;
  size_t kept = std::string_view::npos;  // start of the stretch of kept characters not yet appended
  auto flush = [&](size_t end) {
    if (kept != std::string_view::npos) out.append(s.substr(kept, end - kept));
    kept = std::string_view::npos;
  };
  auto cut = [&](size_t end) {
    flush(end);
    return std::move(out += "…");
  };
  bool space = false;
  while (i < s.size()) {
    size_t start = i;
    char32_t c = decode_utf8(s, i);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      flush(start);
      space = !out.empty();
      continue;
    }
    if (space) {
      if (n + 1 >= max_chars) return cut(start);
      out += ' ';
      ++n;
      space = false;
    }
    if (n >= max_chars) return cut(start);
    if (kept == std::string_view::npos) kept = start;
    ++n;
  }
  flush(s.size());
  return out;
}

namespace {
// a and b equal with spaces dropped and ASCII letters lower-cased (font names are compared so;
// no copies and no locale: this runs for every run of a document).
bool equal_folded(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  for (;;) {
    while (i < a.size() && a[i] == ' ') ++i;
    while (j < b.size() && b[j] == ' ') ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (core::ascii_lower(a[i]) != core::ascii_lower(b[j])) return false;
    ++i, ++j;
  }
}
}  // namespace

bool same_font(std::string_view a, std::string_view b) {
  if (equal_folded(a, b)) return true;
  // Each alias pairs a Chinese name with an ASCII one: two ASCII names (or two Chinese ones) that
  // differ are different fonts. (This runs for every run of a document.)
  auto ascii = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  };
  const bool a_ascii = ascii(a);
  if (a_ascii == ascii(b)) return false;
  // The localised and English names of the common Chinese fonts (as in fontTable w:altName).
  static const std::pair<const char*, const char*> kAliases[] = {{"宋体", "simsun"},
                                                                 {"新宋体", "nsimsun"},
                                                                 {"黑体", "simhei"},
                                                                 {"仿宋", "fangsong"},
                                                                 {"仿宋_gb2312", "fangsong_gb2312"},
                                                                 {"楷体", "kaiti"},
                                                                 {"楷体_gb2312", "kaiti_gb2312"},
                                                                 {"微软雅黑", "microsoftyahei"},
                                                                 {"等线", "dengxian"},
                                                                 {"隶书", "lisu"},
                                                                 {"幼圆", "youyuan"}};
  for (const auto& [zh, en] : kAliases)  // a's alias pair, then b against its other name
    if (equal_folded(a, a_ascii ? en : zh)) return equal_folded(b, a_ascii ? zh : en);
  return false;
}

}  // namespace bidfmt::docx
