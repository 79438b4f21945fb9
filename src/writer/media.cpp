// PNG (IHDR, pHYs) and JPEG (SOFn, JFIF density) header reading.
#include "writer/media.h"

#include <cstdint>

#include "package/ooxml.h"

namespace bidfmt::writer {
namespace {

uint32_t be32(const std::string& b, size_t i) {
  return (uint32_t(uint8_t(b[i])) << 24) | (uint32_t(uint8_t(b[i + 1])) << 16) | (uint32_t(uint8_t(b[i + 2])) << 8) |
         uint32_t(uint8_t(b[i + 3]));
}
uint32_t be16(const std::string& b, size_t i) { return (uint32_t(uint8_t(b[i])) << 8) | uint32_t(uint8_t(b[i + 1])); }

bool png(const std::string& b, ImageInfo& info) {
  if (b.size() < 33 || b.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 || b.compare(12, 4, "IHDR") != 0) return false;
  info.extension = "png";
  info.content_type = package::content_type::kPng;
  info.width = be32(b, 16);
  info.height = be32(b, 20);
  // Walk chunks for pHYs (pixels per metre).
  size_t i = 8;
  while (i + 12 <= b.size()) {
    uint32_t len = be32(b, i);
    if (b.compare(i + 4, 4, "pHYs") == 0 && len >= 9 && i + 17 <= b.size()) {
      if (b[i + 16] == 1) {
        double px = be32(b, i + 8), py = be32(b, i + 12);
        if (px > 0 && py > 0) {
          info.dpi_x = px * 0.0254;
          info.dpi_y = py * 0.0254;
        }
      }
      break;
    }
    if (b.compare(i + 4, 4, "IDAT") == 0) break;
    i += 12 + static_cast<size_t>(len);
  }
  return info.width > 0 && info.height > 0;
}

bool jpeg(const std::string& b, ImageInfo& info) {
  if (b.size() < 4 || uint8_t(b[0]) != 0xFF || uint8_t(b[1]) != 0xD8) return false;
  info.extension = "jpeg";
  info.content_type = package::content_type::kJpeg;
  size_t i = 2;
  while (i + 4 <= b.size()) {
    if (uint8_t(b[i]) != 0xFF) return false;
    uint8_t marker = uint8_t(b[i + 1]);
    if (marker == 0xFF) {
      ++i;
      continue;
    }
    uint32_t len = be16(b, i + 2);
    if (marker == 0xE0 && len >= 14 && i + 16 <= b.size() && b.compare(i + 4, 5, std::string("JFIF\0", 5)) == 0) {
      uint8_t units = uint8_t(b[i + 11]);
      double dx = be16(b, i + 12), dy = be16(b, i + 14);
      if (units == 1 && dx > 0 && dy > 0) info.dpi_x = dx, info.dpi_y = dy;
      if (units == 2 && dx > 0 && dy > 0) info.dpi_x = dx * 2.54, info.dpi_y = dy * 2.54;
    }
    bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof && i + 9 <= b.size()) {
      info.height = be16(b, i + 5);
      info.width = be16(b, i + 7);
      return info.width > 0 && info.height > 0;
    }
    i += 2 + len;
  }
  return false;
}

}  // namespace

bool image_info(const std::string& bytes, ImageInfo& info) { return png(bytes, info) || jpeg(bytes, info); }

}  // namespace bidfmt::writer
