// Text helpers shared by the layers (Unicode properties come from ICU).
#pragma once
#include <string>
#include <string_view>

namespace bidfmt::core {

// A-Z → a-z, every other byte as it is (style names, OPC part names: ECMA-376 Part 2 §9.1.1.1).
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string ascii_lower(std::string_view s);
// a and b equal but for the case of ASCII letters (no copies).
bool equal_ascii_folded(std::string_view a, std::string_view b);

// Control bytes (below 0x20, and 0x7F) as \xNN: text from a document or a zip entry name that is
// printed to a terminal or a report can carry no escape sequences.
std::string escape_controls(std::string_view s);

// Whether s holds such a byte (escape_controls would change it).
bool has_controls(std::string_view s);

// Columns a monospace terminal gives UTF-8 text: East Asian wide and fullwidth characters (ICU's
// East_Asian_Width) two, every other character — and each byte that is not UTF-8 — one.
size_t display_columns(std::string_view s);

}  // namespace bidfmt::core
