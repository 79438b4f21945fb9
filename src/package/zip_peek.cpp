// peek_entry over minizip's unzip.h: the central directory and one entry, nothing more.
#include "package/zip_peek.h"

#include <minizip/unzip.h>

#include <memory>

namespace bidfmt::package {

std::optional<std::string> peek_entry(const std::string& path, const std::string& name, size_t max) {
  std::unique_ptr<void, int (*)(unzFile)> zip(unzOpen64(path.c_str()), unzClose);
  if (!zip) return std::nullopt;
  if (unzLocateFile(zip.get(), name.c_str(), 1) != UNZ_OK) return std::nullopt;  // 1: case-sensitive
  if (unzOpenCurrentFile(zip.get()) != UNZ_OK) return std::nullopt;
  std::string bytes(max, '\0');
  int n = unzReadCurrentFile(zip.get(), bytes.data(), static_cast<unsigned>(max));
  unzCloseCurrentFile(zip.get());
  if (n < 0) return std::nullopt;
  bytes.resize(static_cast<size_t>(n));
  return bytes;
}

}  // namespace bidfmt::package
