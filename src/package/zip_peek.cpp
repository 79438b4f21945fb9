// peek_entry over minizip's unzip.h: the central directory and one entry, nothing more.
#include "package/zip_peek.h"

#include <minizip/unzip.h>

#include <fstream>
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

bool is_encrypted_package(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(64u << 20, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  if (bytes.compare(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) != 0) return false;
  auto utf16le = [](std::string_view ascii) {
    std::string out;
    for (char c : ascii) out += {c, '\0'};
    return out;
  };
  return bytes.find(utf16le("EncryptedPackage")) != std::string::npos && bytes.find(utf16le("EncryptionInfo")) != std::string::npos;
}

}  // namespace bidfmt::package
