// The Markdown input as checked UTF-8 text with LF line endings and a line index.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bidfmt::markdown {

class SourceText {
 public:
  // Skips a UTF-8 BOM and turns CRLF (and a lone CR) into LF. Throws Error naming `source` and
  // the line for a NUL byte or invalid UTF-8.
  SourceText(const std::string& bytes, const std::string& source);

  const std::string& text() const { return text_; }
  int line_count() const { return static_cast<int>(starts_.size()); }
  // Offset of the first byte of `line` (1-based); text().size() past the last line.
  size_t line_begin(int line) const;
  // Offset of the line's LF (or the end of the text).
  size_t line_end(int line) const;
  std::string_view line(int line) const;
  // The 1-based line holding byte `offset`.
  int line_of(size_t offset) const;
  // The line of a pointer into text(), or 0 when `p` points elsewhere (md4c's own strings).
  int line_of(const char* p) const;

 private:
  std::string text_;
  std::vector<size_t> starts_;  // offset of each line's first byte
};

}  // namespace bidfmt::markdown
