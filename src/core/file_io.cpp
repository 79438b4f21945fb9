// Whole-file reads and atomic writes.
#include "core/file_io.h"

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <vector>

#include "core/error.h"
#include "core/io_reason.h"

namespace bidfmt::core {
namespace fs = std::filesystem;

std::string read_file(const std::string& path, uint64_t max_bytes) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (fs::is_directory(st)) throw Error(path, 0, "是目录，不是文件", "is a directory");
  // /dev/zero, /dev/random, a tty or a socket would be read forever or block: only files and pipes.
  if (fs::is_character_file(st) || fs::is_block_file(st) || fs::is_socket(st))
    throw Error(path, 0, "是设备，不是普通文件", "is a device, not a regular file");
  const std::string limit = std::to_string(max_bytes >> 20) + " MiB";
  auto too_large = [&] { throw Error(path, 0, "文件过大（上限 " + limit + "）", "file too large (limit " + limit + ")"); };
  if (fs::is_regular_file(st)) {
    const uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > max_bytes) too_large();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, 0, std::string("无法读取文件：") + std::strerror(errno), std::string("cannot read: ") + std::strerror(errno));
  // Chunked, counting: a file that grows, a /proc file or a pipe may say nothing of its size.
  std::string data;
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto n = static_cast<size_t>(in.gcount());
    if (data.size() + n > max_bytes) too_large();
    data.append(buf.data(), n);
  }
  if (in.bad()) throw Error(path, 0, "读取失败", "read error");
  return data;
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  const fs::path pa = fs::u8path(a), pb = fs::u8path(b);
  if (fs::exists(pa, ec) && fs::exists(pb, ec)) {
    bool same = fs::equivalent(pa, pb, ec);
    if (!ec) return same;
  }
  const fs::path ca = fs::weakly_canonical(pa, ec);
  if (ec) return false;
  const fs::path cb = fs::weakly_canonical(pb, ec);
  return !ec && ca == cb;
}

namespace {
std::string temp_name_for(const std::string& path) {
  std::random_device rd;
  return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000);
}

// 「无法写入:磁盘空间不足」: the error for `path` (the file the user named) from an errno.
[[noreturn]] void cannot_write(const std::string& path, int err, const std::string& detail = "") {
  Text r = io_reason(err, Io::write);
  throw Error(path, 0, "无法写入:" + r.zh + (detail.empty() ? "" : "(" + detail + ")"),
              "cannot write: " + r.en + (detail.empty() ? "" : " (" + detail + ")"));
}

// Before anything is made: the folder must exist and take new files. Said of the folder the user
// named, in words, instead of an open() failure on a temp file inside it.
void check_folder(const std::string& path) {
  fs::path dir = fs::u8path(path).parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  const fs::file_status st = fs::status(dir, ec);
  if (!fs::exists(st)) cannot_write(path, ENOENT, dir.string());
  if (!fs::is_directory(st)) cannot_write(path, ENOTDIR, dir.string());
  if (::access(dir.c_str(), W_OK | X_OK) != 0) cannot_write(path, errno, dir.string());
}

// Flushes what any writer put into `tmp` to the disk: a full disk may only show here.
void sync_to_disk(const std::string& tmp, const std::string& path) {
  const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
  const bool ok = fd >= 0 && ::fsync(fd) == 0;
  const int err = errno;
  if (fd >= 0) ::close(fd);
  if (!ok) cannot_write(path, err);
}

// A character device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in place, never
// replaced by a file: the output is made in a private temp file, then copied in.
void write_through(const std::string& path, const std::function<void(const std::string&)>& produce) {
  std::string tmpl = (fs::temp_directory_path() / "bidfmt-out-XXXXXX").string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) throw Error(path, 0, "无法创建临时文件", "cannot create a temp file");
  ::close(fd);
  struct Remove {
    std::string p;
    ~Remove() {
      std::error_code ec;
      fs::remove(p, ec);
    }
  } remove{tmpl};
  produce(tmpl);
  std::ifstream in(tmpl, std::ios::binary);
  std::ofstream out(path, std::ios::binary);
  if (!in || !out) cannot_write(path, errno);
  errno = 0;
  out << in.rdbuf();
  out.flush();
  if (!out) cannot_write(path, errno ? errno : EIO);
}

}  // namespace

void write_path_atomically(const std::string& path, const std::function<void(const std::string&)>& produce) {
  std::error_code sec;
  const fs::file_status st = fs::status(path, sec);                                      // follows symlinks: /dev/stdout is one
  const bool system_path = path.rfind("/dev/", 0) == 0 || path.rfind("/proc/", 0) == 0;  // /dev/stdout, /dev/fd/1
  if (fs::is_character_file(st) || fs::is_fifo(st) || (system_path && fs::is_regular_file(st))) return write_through(path, produce);
  // Otherwise only a regular file (or nothing) is replaced: never a folder, a block device, a socket.
  if (fs::exists(st) && !fs::is_regular_file(st))
    throw Error(path, 0, fs::is_directory(st) ? "输出路径是目录" : "输出路径不是普通文件，拒绝替换",
                fs::is_directory(st) ? "the output path is a folder" : "the output path is not a regular file; refusing to replace it");
  check_folder(path);
  const std::string tmp = temp_name_for(path);
  try {
    try {
      produce(tmp);
    } catch (const Error& e) {
      // A writer (the zip library) names the file it was given: the user named `path`.
      if (e.file() != tmp) throw;
      throw Error(path, e.line(), e.message(Lang::zh), e.message(Lang::en));
    }
    sync_to_disk(tmp, path);
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) cannot_write(path, ec.value());
  } catch (...) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw;
  }
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& produce) {
  write_path_atomically(path, [&](const std::string& tmp) {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) cannot_write(path, errno);
    errno = 0;
    produce(out);
    out.flush();
    if (!out) cannot_write(path, errno ? errno : EIO);
    out.close();
    if (out.fail()) cannot_write(path, errno ? errno : EIO);
  });
}

}  // namespace bidfmt::core
