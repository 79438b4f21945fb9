// Markdown reader: CommonMark + GFM tables (md4c) with YAML front matter (yaml-cpp) → model::Document.
#pragma once
#include <string>

#include "model/document.h"

namespace bidfmt::markdown {

// Parses `text` (the bytes of file `source`). Relative image paths resolve against `base_dir`.
// Throws Error naming the file and line for: invalid UTF-8, malformed or unknown front matter
// keys, a missing or unreadable image. Typed heading numbers are removed with a Warning.
model::Document read(const std::string& text, const std::string& source, const std::string& base_dir);

// Reads and parses the file at `path`: UTF-8, or UTF-16 with a BOM, or GB18030/GBK (converted,
// with a warning naming the encoding; markdown/encoding.h).
model::Document read_file(const std::string& path);

}  // namespace bidfmt::markdown
