// Inline text helpers: character classes for soft breaks (ICU), HTML entities, span building.
#pragma once
#include <string>
#include <string_view>

#include "model/document.h"

namespace bidfmt::markdown {

// True for CJK characters: Han, kana, Hangul, Bopomofo (ICU script) or any East Asian wide or
// fullwidth character (CJK punctuation such as 「，」「。」). A soft break between two such
// characters joins the lines without a space.
bool is_cjk(char32_t c);
// The first / last code point of UTF-8 text (U+0000 when empty).
char32_t first_code_point(std::string_view s);
char32_t last_code_point(std::string_view s);

// The text of an HTML character reference (「&amp;」「&#x4E00;」); unknown names stay as written.
std::string decode_entity(std::string_view entity);

// True for an inline <br>, <br/> or <br />.
bool is_br_tag(std::string_view html);
// True when `s` is empty or only spaces, tabs, newlines and U+3000.
bool is_blank(std::string_view s);
// `s` without leading and trailing spaces, tabs, newlines and U+3000.
std::string_view trim(std::string_view s);

// The inlines as one plain string (a line break becomes a space).
std::string plain_text(const model::Inlines& text);

}  // namespace bidfmt::markdown
