// The encodings a Markdown file arrives in: UTF-8 (with or without a BOM), UTF-16 with a BOM (what
// Windows Notepad calls "Unicode"), and GB18030/GBK (what a Chinese Windows editor saves as ANSI).
#pragma once
#include <string>

namespace bidfmt::markdown {

struct Decoded {
  std::string utf8;      // the text as UTF-8 (a UTF-8 input is returned as it is)
  std::string encoding;  // "UTF-16LE", "UTF-16BE" or "GB18030" when converted; "" for UTF-8
};

// BOM FF FE / FE FF → UTF-16 (little / big endian); a UTF-8 BOM or valid UTF-8 → as it is; invalid
// UTF-8 that ICU's GB18030 converter decodes without an illegal sequence → GB18030 (GBK is a
// subset). Anything else is returned unchanged, for SourceText to name the line with bad bytes.
// Conversion is ICU's (ucnv), stopping at the first illegal sequence.
Decoded to_utf8(std::string bytes);  // by value: a UTF-8 input is moved, not copied

}  // namespace bidfmt::markdown
