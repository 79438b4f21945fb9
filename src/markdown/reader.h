// Markdown reader: CommonMark + GFM tables (md4c) with YAML front matter (yaml-cpp) → model::Document.
#pragma once
#include <string>
#include <vector>

#include "model/document.h"

namespace bidfmt::markdown {

// Parses `text` (the bytes of file `source`). Relative image paths resolve against `base_dir`.
// Throws Error naming the file and line for: invalid UTF-8, malformed or unknown front matter
// keys, a missing or unreadable image. Typed heading numbers are removed with a Warning.
// With `deferred_outline` (one of several files of a build): the outline is left as written and
// the lines of the headings whose typed number was removed are put there; the caller runs
// normalize_outline (markdown/outline.h) on the joined document.
model::Document read(const std::string& text, const std::string& source, const std::string& base_dir,
                     std::vector<int>* deferred_outline = nullptr);

// Reads and parses the file at `path`: UTF-8, or UTF-16 with a BOM, or GB18030/GBK (converted,
// with a warning naming the encoding; markdown/encoding.h).
model::Document read_file(const std::string& path, std::vector<int>* deferred_outline = nullptr);

}  // namespace bidfmt::markdown
