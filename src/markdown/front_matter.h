// YAML front matter: the `---` … `---` block at the top of a Markdown file (yaml-cpp).
#pragma once
#include <string>

#include "markdown/source_text.h"
#include "model/document.h"

namespace bidfmt::markdown {

struct FrontMatter {
  model::Meta meta;
  int body_line = 1;  // first line after the block (1 when there is none)
};

// Reads the front matter if line 1 is `---` followed by a non-blank line. Throws Error with
// the file line for malformed YAML, an unknown or repeated key, a wrong value type, or a
// missing closing `---`.
FrontMatter read_front_matter(const SourceText& src, const std::string& source);

// The same keys read from a YAML file of their own (`bidfmt build --meta bid.yaml`); lines in
// messages are the file's.
model::Meta read_meta_file_text(const std::string& yaml, const std::string& source);

}  // namespace bidfmt::markdown
