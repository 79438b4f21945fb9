// ZipWriter over minizip (zip.h).
#include "package/zip_writer.h"

#include <minizip/zip.h>

#include <cerrno>
#include <cstring>

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
}

ZipWriter::~ZipWriter() {
  if (zip_) zipClose(static_cast<zipFile>(zip_), nullptr);
}

void ZipWriter::begin(const std::string& name) {
  if (in_entry_) end_entry();
  zip_fileinfo info;
  std::memset(&info, 0, sizeof info);
  info.tmz_date.tm_year = 1980;  // fixed date: byte-stable output
  info.tmz_date.tm_mday = 1;
  int rc = zipOpenNewFileInZip64(static_cast<zipFile>(zip_), name.c_str(), &info, nullptr, 0, nullptr, 0,
                                 nullptr, level_ == 0 ? 0 : Z_DEFLATED, level_, 0);
  if (rc != ZIP_OK) fail(path_, name, rc);
  in_entry_ = true;
}

void ZipWriter::write(std::string_view bytes) {
  while (!bytes.empty()) {
    unsigned chunk = static_cast<unsigned>(std::min<size_t>(bytes.size(), 1u << 30));
    int rc = zipWriteInFileInZip(static_cast<zipFile>(zip_), bytes.data(), chunk);
    if (rc != ZIP_OK) fail(path_, "write", rc);
    bytes.remove_prefix(chunk);
  }
}

void ZipWriter::end_entry() {
  int rc = zipCloseFileInZip(static_cast<zipFile>(zip_));
  in_entry_ = false;
  if (rc != ZIP_OK) fail(path_, "close entry", rc);
}

void ZipWriter::close() {
  if (in_entry_) end_entry();
  int rc = zipClose(static_cast<zipFile>(zip_), nullptr);
  zip_ = nullptr;
  if (rc != ZIP_OK) fail(path_, "close", rc);
}

}  // namespace bidfmt::package
