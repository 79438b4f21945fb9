// Markdown input encodings through ICU's converters (ucnv).
#include "markdown/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <climits>
#include <memory>
#include <optional>
#include <utility>

namespace bidfmt::markdown {
namespace {

bool valid_utf8(const std::string& s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// `bytes` decoded from `codepage`, or nothing when the converter meets an illegal or unmappable
// sequence (the callback stops instead of substituting U+FFFD).
std::optional<std::string> convert(const char* data, size_t size, const char* codepage) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(codepage, &status), ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status) || size > static_cast<size_t>(INT32_MAX / 2)) return std::nullopt;
  const auto length = static_cast<int32_t>(size);
  icu::UnicodeString text;
  UChar* buf = text.getBuffer(length + 1);  // a byte never makes more than one UTF-16 unit here
  int32_t units = ucnv_toUChars(cnv.get(), buf, length + 1, data, length, &status);
  text.releaseBuffer(U_SUCCESS(status) ? units : 0);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace

Decoded to_utf8(std::string bytes) {
  auto starts = [&](const char* bom) { return bytes.compare(0, 2, bom) == 0; };
  if (bytes.size() >= 2 && (starts("\xFF\xFE") || starts("\xFE\xFF"))) {
    const char* cp = starts("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE";
    // ICU's UTF-16LE/BE converters keep a BOM as U+FEFF: it is skipped first.
    if (auto s = convert(bytes.data() + 2, bytes.size() - 2, cp)) return {*s, cp};
    return {std::move(bytes), ""};
  }
  if (valid_utf8(bytes)) return {std::move(bytes), ""};
  if (auto s = convert(bytes.data(), bytes.size(), "GB18030")) return {std::move(*s), "GB18030"};
  return {std::move(bytes), ""};
}

}  // namespace bidfmt::markdown
