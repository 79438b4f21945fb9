// Figure images: URL rejection, path resolution, %-decoding fallback, PNG/JPEG magic check.
#include "markdown/images.h"

#include <filesystem>
#include <fstream>

#include "core/error.h"

namespace bidfmt::markdown {

namespace fs = std::filesystem;

namespace {

// 「http://…」「data:…」: a scheme of two or more letters before the colon (「C:\…」 is a path).
bool is_url(const std::string& ref) {
  const size_t colon = ref.find(':');
  if (colon == std::string::npos || colon < 2) return false;
  for (size_t i = 0; i < colon; ++i) {
    const char c = ref[i];
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// 「images/%E5%9B%BE.png」 → 「images/图.png」; "" when there is nothing to decode.
std::string percent_decoded(const std::string& s) {
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
      i += 2;
      changed = true;
    } else {
      out.push_back(s[i]);
    }
  }
  return changed ? out : std::string();
}

fs::path resolve(const std::string& ref, const std::string& base_dir) {
  fs::path p = fs::u8path(ref);
  if (p.is_relative() && !base_dir.empty()) p = fs::u8path(base_dir) / p;
  return p.lexically_normal();
}

}  // namespace

std::string resolve_image(const std::string& ref, const std::string& base_dir, const std::string& source, int line) {
  const std::string shown = "「" + ref + "」";
  const std::string shown_en = "\"" + ref + "\"";
  if (ref.empty()) throw Error(source, line, "图片路径为空", "image path is empty");
  if (is_url(ref))
    throw Error(source, line, "图片" + shown + "是网址：bidfmt 不下载网络图片，请先保存到本地并写相对路径",
                "image " + shown_en + " is a URL: bidfmt does not download; save the image locally and use its path");

  std::error_code ec;
  fs::path path = resolve(ref, base_dir);
  if (!fs::exists(path, ec)) {
    const std::string decoded = percent_decoded(ref);
    if (!decoded.empty() && fs::exists(resolve(decoded, base_dir), ec)) path = resolve(decoded, base_dir);
  }
  if (!fs::exists(path, ec))
    throw Error(source, line, "找不到图片文件" + shown + "（" + path.u8string() + "）",
                "image file " + shown_en + " not found (" + path.u8string() + ")");
  if (!fs::is_regular_file(path, ec)) throw Error(source, line, "图片" + shown + "不是文件", "image " + shown_en + " is not a file");

  std::ifstream in(path, std::ios::binary);
  char magic[4] = {0, 0, 0, 0};
  if (in) in.read(magic, 4);
  if (!in.is_open() || in.bad()) throw Error(source, line, "无法读取图片文件" + shown, "cannot read image file " + shown_en);
  if (in.gcount() == 0) throw Error(source, line, "图片文件" + shown + "是空文件", "image file " + shown_en + " is empty");
  const std::string m(magic, 4);
  const bool png = m == "\x89PNG";
  const bool jpeg = m.compare(0, 3, "\xFF\xD8\xFF") == 0;
  if (!png && !jpeg)
    throw Error(source, line, "图片" + shown + "不是 PNG 或 JPEG 文件（bidfmt 只接受这两种格式）",
                "image " + shown_en + " is not a PNG or JPEG file (bidfmt accepts only these)");
  return path.u8string();
}

}  // namespace bidfmt::markdown
