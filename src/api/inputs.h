// The document a build reads from one or several input files (Markdown and JSON content mixed).
#pragma once
#include <string>
#include <vector>

#include "model/document.h"

namespace bidfmt {

// The model of one file, read by its extension (.json: JSON content; else Markdown).
model::Document read_input(const std::string& path);
bool is_json_input(const std::string& path);

// The files in order as one document; front matter from `meta_file` when given, else from the
// first file. Throws Error naming both files when a later file's front matter sets a value
// differently; each file's own errors name that file and line.
model::Document read_inputs(const std::vector<std::string>& paths, const std::string& meta_file);

}  // namespace bidfmt
