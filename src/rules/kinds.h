// Finding kinds that fix acts on: the rules emit them and fix selects findings by them, so both
// name them from here (a kind is part of the JSON and SARIF reports, docs/rules.md).
#pragma once

namespace bidfmt::rules::kind {

inline constexpr const char* kMissing = "missing";                 // header.text, footer.page-number
inline constexpr const char* kRestart = "restart";                 // footer.page-number
inline constexpr const char* kNumberFormat = "number_format";      // footer.page-number, heading.*
inline constexpr const char* kNumberSequence = "number_sequence";  // heading.*
inline constexpr const char* kTotalPages = "total_pages";          // footer.page-number
inline constexpr const char* kListNumber = "list_number";          // heading.depth
inline constexpr const char* kMetadata = "metadata";               // bid.anonymous

}  // namespace bidfmt::rules::kind
