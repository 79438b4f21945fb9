// ZipWriter over minizip (zip.h), each entry deflated by libdeflate and handed to minizip raw.
// Deflate was most of a build's time with zlib (57 of 82 ms for a 1,000-page bid at level 6);
// libdeflate compresses a whole buffer at once, faster than zlib at each level; at its level 1
// (zip_writer.h) deflate takes a quarter of zlib level 6's time.
// The entry is plain deflate (method 8) as zlib writes it, so every zip reader takes it.
#include "package/zip_writer.h"

#include <libdeflate.h>
#include <minizip/zip.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "core/error.h"
#include "core/io_reason.h"

namespace bidfmt::package {
namespace {
// minizip says ZIP_ERRNO when the system failed (errno tells why: a full disk, no permission);
// its other codes are its own. core::write_path_atomically renames `path` (a temp file) to the
// output the user named.
[[noreturn]] void fail(const std::string& path, const std::string& what, int code) {
  if (code == ZIP_ERRNO) {
    const int err = errno;
    Text r = core::io_reason(err ? err : EIO, core::Io::write);
    throw Error(path, 0, "无法写入:" + r.zh, "cannot write: " + r.en);
  }
  throw Error(path, 0, "写入 zip 失败(" + what + ",代码 " + std::to_string(code) + ")",
              "cannot write zip (" + what + ", code " + std::to_string(code) + ")");
}
}  // namespace

ZipWriter::ZipWriter(const std::string& path, int level) : path_(path), level_(level) {
  errno = 0;
  zip_ = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  if (!zip_) fail(path_, "open", ZIP_ERRNO);
  if (level_ > 0) {
    deflater_ = libdeflate_alloc_compressor(level_);
    if (!deflater_) fail(path_, "deflate level " + std::to_string(level_), 0);
  }
}

ZipWriter::~ZipWriter() {
  if (zip_) zipClose(static_cast<zipFile>(zip_), nullptr);
  if (deflater_) libdeflate_free_compressor(static_cast<libdeflate_compressor*>(deflater_));
}

void ZipWriter::begin(const std::string& name) {
  if (in_entry_) end_entry();
  zip_fileinfo info;
  std::memset(&info, 0, sizeof info);
  info.tmz_date.tm_year = 1980;  // fixed date: byte-stable output
  info.tmz_date.tm_mday = 1;
  // raw = 1: minizip writes the headers and our bytes as they are; end_entry gives it the CRC and size.
  int rc = zipOpenNewFileInZip2_64(static_cast<zipFile>(zip_), name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
                                   level_ == 0 ? 0 : Z_DEFLATED, level_, level_ == 0 ? 0 : 1, 0);
  if (rc != ZIP_OK) fail(path_, name, rc);
  in_entry_ = true;
  entry_.clear();
}

void ZipWriter::write(std::string_view bytes) {
  if (deflater_) {  // deflated whole at end_entry
    entry_.append(bytes);
    return;
  }
  write_raw(bytes);
}

void ZipWriter::write_raw(std::string_view bytes) {
  while (!bytes.empty()) {
    unsigned chunk = static_cast<unsigned>(std::min<size_t>(bytes.size(), 1u << 30));
    int rc = zipWriteInFileInZip(static_cast<zipFile>(zip_), bytes.data(), chunk);
    if (rc != ZIP_OK) fail(path_, "write", rc);
    bytes.remove_prefix(chunk);
  }
}

void ZipWriter::end_entry() {
  in_entry_ = false;
  if (!deflater_) {
    int rc = zipCloseFileInZip(static_cast<zipFile>(zip_));
    if (rc != ZIP_OK) fail(path_, "close entry", rc);
    return;
  }
  deflate_entry(entry_);
  entry_.clear();
}

void ZipWriter::add(const std::string& name, std::string_view bytes) {
  begin(name);
  if (!deflater_) return write(bytes);
  in_entry_ = false;
  deflate_entry(bytes);  // straight from the caller's bytes, no copy
}

void ZipWriter::deflate_entry(std::string_view bytes) {
  auto* c = static_cast<libdeflate_compressor*>(deflater_);
  size_t bound = libdeflate_deflate_compress_bound(c, bytes.size());
  std::unique_ptr<char[]> out(new char[bound]);
  size_t n = libdeflate_deflate_compress(c, bytes.data(), bytes.size(), out.get(), bound);
  if (n == 0) fail(path_, "deflate", 0);
  write_raw(std::string_view(out.get(), n));
  uLong crc = libdeflate_crc32(0, bytes.data(), bytes.size());
  int rc = zipCloseFileInZipRaw64(static_cast<zipFile>(zip_), bytes.size(), crc);
  if (rc != ZIP_OK) fail(path_, "close entry", rc);
}

void ZipWriter::close() {
  if (in_entry_) end_entry();
  int rc = zipClose(static_cast<zipFile>(zip_), nullptr);
  zip_ = nullptr;
  if (rc != ZIP_OK) fail(path_, "close", rc);
}

}  // namespace bidfmt::package
