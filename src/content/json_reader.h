// JSON content reader: a document following docs/content.schema.json → model::Document.
#pragma once
#include <string>

#include "model/document.h"

namespace bidfmt::content {

// Parses `text` (the bytes of file `source`) and validates it against the embedded schema before
// anything is built. Relative image paths resolve against `base_dir`. Throws Error naming the file
// and line for a JSON syntax error (the column in the message), and naming the JSON path
// (「/blocks/12/rows/3/cells/0」) and the reason for a document the schema or the model refuses.
model::Document read(const std::string& text, const std::string& source, const std::string& base_dir);

// Reads and parses the JSON file at `path` (UTF-8).
model::Document read_file(const std::string& path);

}  // namespace bidfmt::content
