// ASCII-level text helpers.
#include "core/text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace bidfmt::core {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool equal_ascii_folded(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

namespace {
bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }
}  // namespace

bool has_controls(std::string_view s) {
  // Eight bytes at a time: a text report scans megabytes of excerpts and heading paths. A word
  // has a byte below 0x20 when subtracting 0x20 from every byte turns on the top bit of a byte
  // whose top bit was off, and a 0x7F byte when x ^ 0x7F7F… has a zero byte ("hasless" and
  // "haszero" of the Bit Twiddling Hacks; exact as a yes/no answer).
  constexpr uint64_t kOnes = 0x0101010101010101, kTops = 0x8080808080808080;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    const uint64_t del = x ^ (kOnes * 0x7F);
    if ((((x - kOnes * 0x20) & ~x) | ((del - kOnes) & ~del)) & kTops) return true;
  }
  for (; i < s.size(); ++i)
    if (is_control(static_cast<unsigned char>(s[i]))) return true;
  return false;
}

std::string escape_controls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (is_control(c)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

size_t display_columns(std::string_view s) {
  size_t width = 0;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    const int ea = c < 0 ? U_EA_NEUTRAL : u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
  }
  return width;
}

}  // namespace bidfmt::core
