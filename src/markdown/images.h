// Figure images: resolving `![名称](path)` to a local PNG or JPEG file.
#pragma once
#include <string>

namespace bidfmt::markdown {

// The path of image reference `ref` (relative to `base_dir` unless absolute). Throws Error
// (source, line) naming `ref` when it is a URL, missing, unreadable, or not PNG/JPEG.
std::string resolve_image(const std::string& ref, const std::string& base_dir, const std::string& source, int line);

}  // namespace bidfmt::markdown
