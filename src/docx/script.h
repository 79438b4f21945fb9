// Unicode helpers: which font slot (ascii / hAnsi / eastAsia / cs) Word uses for a character (ICU), UTF-8 excerpts.
#pragma once
#include <string>
#include <string_view>

namespace bidfmt::docx {

enum class FontSlot { none, ascii, h_ansi, east_asia, cs };

// The w:rFonts slot Word draws `c` with (§17.3.2.26): CJK scripts and wide/full-width characters
// use eastAsia; ASCII uses ascii; characters of East Asian width "ambiguous" (“ ” … — ·) use
// eastAsia when w:hint="eastAsia", else hAnsi; complex scripts use cs. Blanks and controls → none.
FontSlot font_slot(char32_t c, bool hint_east_asia);

// Calls f(char32_t) for each code point of UTF-8 `s` (invalid bytes become U+FFFD).
template <typename F>
void for_each_code_point(std::string_view s, F f);

// The first `max_chars` code points of `s` ("…" appended when cut), whitespace collapsed.
std::string excerpt(std::string_view s, size_t max_chars = 30);
// Number of code points.
size_t length_utf8(std::string_view s);
// `s` without leading/trailing white space (ASCII and U+3000).
std::string trim(std::string_view s);
// True when s is empty or only what trim() removes (spaces, tabs, line ends, U+3000); no copy.
bool blank(std::string_view s);

// True when two font names denote the same font: case-insensitive, and a Chinese font's
// Chinese and English names (宋体 = SimSun) are one font.
bool same_font(std::string_view a, std::string_view b);

// The code point at byte `i` of UTF-8 `s`, moving `i` past it (invalid bytes give U+FFFD): for
// loops that stop early; for_each_code_point walks it all.
char32_t decode_utf8(std::string_view s, size_t& i);

// ---- implementation ----
template <typename F>
void for_each_code_point(std::string_view s, F f) {
  size_t i = 0;
  while (i < s.size()) f(decode_utf8(s, i));
}

}  // namespace bidfmt::docx
