// Image facts the writer needs: type and pixel size of PNG and JPEG files (no decoding).
#pragma once
#include <string>

namespace bidfmt::writer {

struct ImageInfo {
  std::string extension;     // "png" / "jpeg"
  std::string content_type;  // image/png …
  long long width = 0, height = 0;
  double dpi_x = 0, dpi_y = 0;  // 0: the file states none (the profile's figures.dpi applies)
};

// Reads the header of an image file's bytes; returns false when it is not a PNG or JPEG we can size.
bool image_info(const std::string& bytes, ImageInfo& info);

}  // namespace bidfmt::writer
