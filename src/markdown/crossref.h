// Cross-references in pandoc-crossref's syntax: `{#tbl:id}` / `{#fig:id}` after a caption (the
// heading's `{#sec:id}` is read with its other attributes, heading_numbers.h), and `@tbl:id`,
// `@fig:id`, `@sec:id` in text.
#pragma once
#include <string>
#include <string_view>

#include "model/document.h"

namespace bidfmt::markdown {

// True when `id` is a cross-reference id of a kind: 「sec:…」「tbl:…」「fig:…」.
bool is_crossref_id(std::string_view id);

// A trailing 「{#kind:id}」 on `text` (kind "tbl" or "fig"): removed from `text` (with the blanks
// before it) and returned as 「kind:id」; "" when `text` does not end with one.
std::string take_id_attribute(std::string& text, std::string_view kind);

// 「{#fig:id}」 and nothing else (blanks around it allowed): the id, else "".
std::string id_attribute_only(std::string_view text, std::string_view kind);

// Appends `s` to `out` as `proto`-formatted text, each 「@sec:…」「@tbl:…」「@fig:…」 in it as a
// reference span (Span::ref, ref_line = `line`). Returns false when `s` holds no reference (the
// caller then appends it as it does any text).
bool append_with_refs(model::Inlines& out, std::string_view s, const model::Span& proto, int line);

}  // namespace bidfmt::markdown
