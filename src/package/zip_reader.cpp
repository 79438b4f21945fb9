// ZipReader over minizip (unzip.h): names, sizes and ratios are checked before and while inflating.
#include "package/zip_reader.h"

#include <minizip/unzip.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <set>

#include "core/error.h"
#include "core/text.h"
#include "package/zip_peek.h"

namespace bidfmt::package {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& zh, const std::string& en) { throw Error(path, 0, zh, en); }

struct Closer {
  void operator()(void* z) const { unzClose(static_cast<unzFile>(z)); }
};

// A name never to use as a part name: empty, absolute, a drive, backslashes, control
// characters, or a ".." segment (zip slip).
bool unsafe_name(const std::string& n) {
  if (n.empty() || n[0] == '/' || n.find('\\') != std::string::npos) return true;
  if (n.find(':') != std::string::npos) return true;
  for (unsigned char c : n)
    if (c < 0x20 || c == 0x7f) return true;
  size_t pos = 0;
  while (pos <= n.size()) {
    size_t next = n.find('/', pos);
    if (next == std::string::npos) next = n.size();
    if (n.compare(pos, next - pos, "..") == 0 && next - pos == 2) return true;
    pos = next + 1;
  }
  return false;
}

// An entry name as a message shows it: control bytes as \xNN (no terminal escapes from a
// hostile name), at most 200 bytes.
std::string shown(const std::string& n) {
  std::string out = core::escape_controls(std::string_view(n).substr(0, 200));
  return n.size() > 200 ? out + "…" : out;
}

// OPC part names compare case-insensitively (ECMA-376 Part 2 §9.1.1.1): ASCII folding.
std::string folded(const std::string& n) { return core::ascii_lower(n); }

// Throws the reason a file minizip cannot open is no DOCX, from its first bytes.
[[noreturn]] void explain_not_zip(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) fail(path, std::string("无法读取文件:") + std::strerror(errno), std::string("cannot read: ") + std::strerror(errno));
  unsigned char head[8] = {0};
  size_t n = std::fread(head, 1, sizeof head, f);
  std::fseek(f, 0, SEEK_END);
  long size = std::ftell(f);
  std::fclose(f);
  const std::string h(reinterpret_cast<char*>(head), n);
  if (size == 0) fail(path, "文件为空(0 字节),不是 DOCX", "the file is empty (0 bytes), not a DOCX");
  if (h.compare(0, 4, "\xD0\xCF\x11\xE0") == 0 && is_encrypted_package(path))
    fail(path, "文件设了打开密码(加密的 DOCX),无法读取:请在 Word 或 WPS 中取消密码(文件 → 信息 → 保护文档 → 用密码进行加密,清空)后另存再试",
         "the file is password-protected (an encrypted DOCX) and cannot be read: remove the password in Word or WPS (File → Info → "
         "Protect Document → Encrypt with Password, clear it), save, and try again");
  if (h.compare(0, 4, "\xD0\xCF\x11\xE0") == 0)
    fail(path, "不是 DOCX:这是 Word 97-2003(.doc)文件或加密(设了打开密码)的 DOCX,请用 Word 另存为未加密的 .docx",
         "not a DOCX: this is a Word 97-2003 (.doc) file or a password-protected DOCX; save it as an unencrypted .docx");
  if (h.compare(0, 5, "%PDF-") == 0) fail(path, "不是 DOCX:这是 PDF 文件", "not a DOCX: this is a PDF file");
  if (h.compare(0, 5, "{\\rtf") == 0) fail(path, "不是 DOCX:这是 RTF 文件", "not a DOCX: this is an RTF file");
  if (h.compare(0, 2, "PK") == 0)
    fail(path, "zip 文件已截断或损坏(找不到 zip 目录),可能是下载不完整",
         "the zip file is truncated or damaged (no zip directory): an incomplete download?");
  fail(path, "不是有效的 DOCX(zip)文件,或文件已损坏", "not a valid DOCX (zip) file, or the file is damaged");
}

}  // namespace

ZipReader::ZipReader(const std::string& path, const ZipLimits& limits) : path_(path) {
  std::unique_ptr<void, Closer> zip(unzOpen64(path.c_str()));
  if (!zip) explain_not_zip(path);
  unzFile z = static_cast<unzFile>(zip.get());
  unz_global_info64 gi;
  if (unzGetGlobalInfo64(z, &gi) != UNZ_OK) fail(path, "zip 目录无法读取", "cannot read the zip directory");
  auto too_many = [&](uint64_t n) {
    fail(path, "zip 条目过多(" + std::to_string(n) + ",上限 " + std::to_string(limits.max_entries) + ")",
         "too many zip entries (" + std::to_string(n) + ", limit " + std::to_string(limits.max_entries) + ")");
  };
  if (gi.number_entry > limits.max_entries) too_many(gi.number_entry);
  auto bomb = [&](const std::string& name, const std::string& why_zh, const std::string& why_en) {
    fail(path, "zip 条目「" + shown(name) + "」解压后过大(疑似 zip 炸弹):" + why_zh,
         "zip entry '" + shown(name) + "' expands too far (zip bomb?): " + why_en);
  };
  const std::string mib_total = std::to_string(limits.max_total >> 20) + " MiB";
  const std::string mib_entry = std::to_string(limits.max_entry >> 20) + " MiB";

  uint64_t total = 0;
  size_t count = 0;
  std::set<std::string> seen;  // folded names
  int rc = unzGoToFirstFile(z);
  std::vector<char> buf(1 << 16);
  while (rc == UNZ_OK) {
    // minizip stops at number_entry, except for the 0xffff "overflow hack": count here too.
    if (++count > limits.max_entries) too_many(count);
    unz_file_info64 info;
    char name_buf[1024];
    if (unzGetCurrentFileInfo64(z, &info, name_buf, sizeof name_buf, nullptr, 0, nullptr, 0) != UNZ_OK)
      fail(path, "zip 条目信息无法读取(文件已损坏)", "cannot read a zip entry header (the file is damaged)");
    // minizip leaves the buffer unterminated when the name does not fit.
    if (info.size_filename >= sizeof name_buf)
      fail(path, "zip 条目名过长(" + std::to_string(info.size_filename) + " 字节)",
           "zip entry name too long (" + std::to_string(info.size_filename) + " bytes)");
    std::string name(name_buf, info.size_filename);
    if (unsafe_name(name)) fail(path, "zip 条目名不安全:「" + shown(name) + "」", "unsafe zip entry name: '" + shown(name) + "'");
    if ((info.flag & 1) || (info.flag & 0x40) || info.compression_method == 99)
      fail(path, "zip 条目「" + shown(name) + "」已加密", "zip entry '" + shown(name) + "' is encrypted");
    if (!seen.insert(folded(name)).second) fail(path, "zip 条目重复:「" + shown(name) + "」", "duplicate zip entry: '" + shown(name) + "'");
    const bool is_dir = name.back() == '/';
    if (is_dir) {
      rc = unzGoToNextFile(z);
      continue;
    }
    if (info.compression_method != 0 && info.compression_method != Z_DEFLATED)
      fail(path, "zip 条目「" + shown(name) + "」使用了不支持的压缩方法 " + std::to_string(info.compression_method),
           "zip entry '" + shown(name) + "' uses compression method " + std::to_string(info.compression_method) +
               ", which bidfmt does not read");
    // The declared size is not trusted, but one over the limit needs no inflating to refuse.
    if (info.uncompressed_size > limits.max_entry) bomb(name, "声明大小超过 " + mib_entry, "declared size over " + mib_entry);
    if (total + info.uncompressed_size > limits.max_total) bomb(name, "合计超过 " + mib_total, "all entries together over " + mib_total);

    if (unzOpenCurrentFile(z) != UNZ_OK)
      fail(path, "zip 条目「" + shown(name) + "」无法打开(文件已损坏)",
           "cannot open zip entry '" + shown(name) + "' (the file is damaged)");
    const uint64_t start = unzGetCurrentFileZStreamPos64(z);
    std::string data;
    data.reserve(static_cast<size_t>(std::min<uint64_t>(info.uncompressed_size, 16u << 20)));
    for (;;) {
      int n = unzReadCurrentFile(z, buf.data(), static_cast<unsigned>(buf.size()));
      if (n < 0) {
        unzCloseCurrentFile(z);
        fail(path, "zip 条目「" + shown(name) + "」已损坏(解压失败)", "zip entry '" + shown(name) + "' is damaged (inflate failed)");
      }
      if (n == 0) break;
      data.append(buf.data(), static_cast<size_t>(n));
      total += static_cast<uint64_t>(n);
      // The ratio uses the compressed bytes actually read, not the size the directory claims.
      const uint64_t read = unzGetCurrentFileZStreamPos64(z) - start;
      const bool ratio_bad =
          data.size() > (1u << 20) && static_cast<double>(data.size()) > limits.max_ratio * static_cast<double>(read + 1);
      if (data.size() > limits.max_entry || total > limits.max_total || ratio_bad) {
        unzCloseCurrentFile(z);
        if (ratio_bad)
          bomb(name, "压缩比超过 " + std::to_string(static_cast<int>(limits.max_ratio)) + ":1",
               "compression ratio over " + std::to_string(static_cast<int>(limits.max_ratio)) + ":1");
        if (data.size() > limits.max_entry) bomb(name, "超过 " + mib_entry, "over " + mib_entry);
        bomb(name, "合计超过 " + mib_total, "all entries together over " + mib_total);
      }
    }
    // minizip checks the CRC only when exactly the declared size came out.
    if (unzCloseCurrentFile(z) == UNZ_CRCERROR)
      fail(path, "zip 条目「" + shown(name) + "」校验和(CRC)错误,文件已损坏",
           "zip entry '" + shown(name) + "' has a bad CRC (the file is damaged)");
    if (data.size() != info.uncompressed_size)
      fail(path, "zip 条目「" + shown(name) + "」已损坏(解压后大小与目录不符)",
           "zip entry '" + shown(name) + "' is damaged (its size does not match the zip directory)");
    names_.push_back(name);
    entries_.emplace(name, std::move(data));
    rc = unzGoToNextFile(z);
  }
  if (rc != UNZ_END_OF_LIST_OF_FILE) fail(path, "zip 文件已截断或损坏", "zip file is truncated or damaged");
}

const std::string* ZipReader::find(const std::string& name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : &it->second;
}

std::string* ZipReader::find_mutable(const std::string& name) {
  auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : &it->second;
}

const std::string& ZipReader::get(const std::string& name) const {
  const std::string* s = find(name);
  if (!s) fail(path_, "缺少部件「" + name + "」", "missing part '" + name + "'");
  return *s;
}

}  // namespace bidfmt::package
