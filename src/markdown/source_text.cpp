// Input normalisation: BOM, line endings, NUL bytes and UTF-8 validity (ICU's U8_NEXT), line index.
#include "markdown/source_text.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cstring>

#include "core/error.h"

namespace bidfmt::markdown {

namespace {

// Copies `in` with CRLF and lone CR turned into LF.
std::string normalise_line_endings(std::string_view in) {
  if (std::memchr(in.data(), '\r', in.size()) == nullptr) return std::string(in);
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '\r') {
      out.push_back('\n');
      if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

SourceText::SourceText(const std::string& bytes, const std::string& source) {
  std::string_view in(bytes);
  if (in.size() >= 3 && in.compare(0, 3, "\xEF\xBB\xBF") == 0) in.remove_prefix(3);
  if (in.size() > static_cast<size_t>(INT32_MAX)) throw Error(source, 0, "文件过大（超过 2 GB）", "file too large (over 2 GB)");
  text_ = normalise_line_endings(in);

  // One pass: line starts, NUL bytes, UTF-8 validity.
  starts_.reserve(text_.size() / 40 + 16);
  starts_.push_back(0);
  const auto* s = reinterpret_cast<const uint8_t*>(text_.data());
  const auto length = static_cast<int32_t>(text_.size());
  int32_t i = 0;
  while (i < length) {
    uint8_t b = s[i];
    if (b < 0x80) {
      if (b == '\n') {
        if (i + 1 < length) starts_.push_back(static_cast<size_t>(i) + 1);
      } else if (b == 0) {
        const int line = static_cast<int>(starts_.size());
        throw Error(source, line, "第" + std::to_string(line) + "行含有 NUL 字节（文件可能是 UTF-16 编码或二进制文件，请另存为 UTF-8）",
                    "line " + std::to_string(line) + " contains a NUL byte (UTF-16 or binary file? save it as UTF-8)");
      }
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      const int line = static_cast<int>(starts_.size());
      throw Error(source, line, "第" + std::to_string(line) + "行不是有效的 UTF-8 编码（文件可能是 GBK 编码，请另存为 UTF-8）",
                  "invalid UTF-8 on line " + std::to_string(line) + " (GBK? save the file as UTF-8)");
    }
  }
}

size_t SourceText::line_begin(int line) const {
  if (line < 1) return 0;
  if (line > line_count()) return text_.size();
  return starts_[static_cast<size_t>(line - 1)];
}

size_t SourceText::line_end(int line) const {
  if (line >= line_count()) return text_.size() - (!text_.empty() && text_.back() == '\n' ? 1 : 0);
  return line_begin(line + 1) - 1;
}

std::string_view SourceText::line(int line) const {
  size_t b = line_begin(line), e = line_end(line);
  if (e < b) e = b;
  return std::string_view(text_).substr(b, e - b);
}

int SourceText::line_of(size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<int>(it - starts_.begin());
}

int SourceText::line_of(const char* p) const {
  const char* base = text_.data();
  // Compare as integers: md4c's own strings lie outside the buffer.
  auto pi = reinterpret_cast<uintptr_t>(p), bi = reinterpret_cast<uintptr_t>(base);
  if (pi < bi || pi >= bi + text_.size()) return 0;
  return line_of(static_cast<size_t>(pi - bi));
}

}  // namespace bidfmt::markdown
