// Whole-file reads and atomic writes.
#include "core/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

#include "core/error.h"

namespace bidfmt::core {
namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw Error(path, 0, "是目录，不是文件", "is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, 0, std::string("无法读取文件：") + std::strerror(errno), std::string("cannot read: ") + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw Error(path, 0, "读取失败", "read error");
  return std::move(ss).str();
}

namespace {
std::string temp_name_for(const std::string& path) {
  std::random_device rd;
  return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000);
}
}  // namespace

void write_path_atomically(const std::string& path, const std::function<void(const std::string&)>& produce) {
  const std::string tmp = temp_name_for(path);
  try {
    produce(tmp);
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) throw Error(path, 0, "无法写入输出文件：" + ec.message(), "cannot write output: " + ec.message());
  } catch (...) {
    std::error_code ec;
    fs::remove(tmp, ec);
    throw;
  }
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& produce) {
  write_path_atomically(path, [&](const std::string& tmp) {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(path, 0, std::string("无法写入输出文件：") + std::strerror(errno), std::string("cannot write output: ") + std::strerror(errno));
    produce(out);
    out.flush();
    if (!out) throw Error(path, 0, "写入失败（磁盘已满或不可写）", "write failed (disk full or not writable)");
    out.close();
    if (out.fail()) throw Error(path, 0, "写入失败", "write failed");
  });
}

}  // namespace bidfmt::core
