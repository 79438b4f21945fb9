// JSON content writer: model::Document → docs/content.schema.json (what `bidfmt parse` writes).
#pragma once
#include <string>

#include "model/document.h"

namespace bidfmt::content {

// The document as JSON: keys in a fixed order, indented, UTF-8, ending in a newline. Image paths
// are written relative to `base_dir` (the folder the JSON goes to), with 「/」 separators.
std::string to_json(const model::Document& doc, const std::string& base_dir);

}  // namespace bidfmt::content
