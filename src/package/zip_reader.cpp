// ZipReader over minizip (unzip.h).
#include "package/zip_reader.h"

#include <minizip/unzip.h>

#include <memory>

#include "core/error.h"

namespace bidfmt::package {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& zh, const std::string& en) {
  throw Error(path, 0, zh, en);
}

struct Closer {
  void operator()(void* z) const { unzClose(static_cast<unzFile>(z)); }
};

bool unsafe_name(const std::string& n) {
  if (n.empty() || n[0] == '/' || n.find('\\') != std::string::npos) return true;
  if (n.find(':') != std::string::npos) return true;
  size_t pos = 0;
  while (pos <= n.size()) {
    size_t next = n.find('/', pos);
    if (next == std::string::npos) next = n.size();
    if (n.compare(pos, next - pos, "..") == 0 && next - pos == 2) return true;
    pos = next + 1;
  }
  return false;
}

}  // namespace

ZipReader::ZipReader(const std::string& path, const ZipLimits& limits) : path_(path) {
  std::unique_ptr<void, Closer> zip(unzOpen64(path.c_str()));
  if (!zip) fail(path, "不是有效的 DOCX(zip)文件,或文件已损坏", "not a valid DOCX (zip) file, or the file is damaged");
  unzFile z = static_cast<unzFile>(zip.get());
  unz_global_info64 gi;
  if (unzGetGlobalInfo64(z, &gi) != UNZ_OK) fail(path, "zip 目录无法读取", "cannot read the zip directory");
  if (gi.number_entry > limits.max_entries)
    fail(path, "zip 条目过多(" + std::to_string(gi.number_entry) + ")", "too many zip entries (" + std::to_string(gi.number_entry) + ")");
  uint64_t total = 0;
  int rc = unzGoToFirstFile(z);
  std::vector<char> buf(1 << 16);
  while (rc == UNZ_OK) {
    unz_file_info64 info;
    char name_buf[1024];
    if (unzGetCurrentFileInfo64(z, &info, name_buf, sizeof name_buf, nullptr, 0, nullptr, 0) != UNZ_OK)
      fail(path, "zip 条目信息无法读取", "cannot read a zip entry header");
    std::string name(name_buf);
    if (info.flag & 1) fail(path, "zip 条目「" + name + "」已加密", "zip entry '" + name + "' is encrypted");
    if (unsafe_name(name)) fail(path, "zip 条目名不安全:「" + name + "」", "unsafe zip entry name: '" + name + "'");
    if (entries_.count(name)) fail(path, "zip 条目重复:「" + name + "」", "duplicate zip entry: '" + name + "'");
    bool is_dir = !name.empty() && name.back() == '/';
    std::string data;
    if (!is_dir) {
      if (unzOpenCurrentFile(z) != UNZ_OK) fail(path, "zip 条目「" + name + "」无法打开", "cannot open zip entry '" + name + "'");
      for (;;) {
        int n = unzReadCurrentFile(z, buf.data(), static_cast<unsigned>(buf.size()));
        if (n < 0) {
          unzCloseCurrentFile(z);
          fail(path, "zip 条目「" + name + "」已损坏(解压失败)", "zip entry '" + name + "' is damaged (inflate failed)");
        }
        if (n == 0) break;
        data.append(buf.data(), static_cast<size_t>(n));
        total += static_cast<uint64_t>(n);
        bool ratio_bad = data.size() > (1u << 20) &&
                         static_cast<double>(data.size()) > limits.max_ratio * static_cast<double>(info.compressed_size + 1);
        if (data.size() > limits.max_entry || total > limits.max_total || ratio_bad) {
          unzCloseCurrentFile(z);
          fail(path, "zip 解压后过大(疑似 zip 炸弹)", "zip expands too far (zip bomb?)");
        }
      }
      if (unzCloseCurrentFile(z) == UNZ_CRCERROR)
        fail(path, "zip 条目「" + name + "」校验和错误", "zip entry '" + name + "' has a bad CRC");
      names_.push_back(name);
      entries_.emplace(name, std::move(data));
    }
    rc = unzGoToNextFile(z);
  }
  if (rc != UNZ_END_OF_LIST_OF_FILE) fail(path, "zip 文件已截断或损坏", "zip file is truncated or damaged");
}

const std::string* ZipReader::find(const std::string& name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : &it->second;
}

const std::string& ZipReader::get(const std::string& name) const {
  const std::string* s = find(name);
  if (!s) fail(path_, "缺少部件「" + name + "」", "missing part '" + name + "'");
  return *s;
}

}  // namespace bidfmt::package
