#include "serve/work_dir.h"

#include <stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "core/text.h"
#include "package/zip_reader.h"

namespace bidfmt::serve {
namespace fs = std::filesystem;

namespace {

void write_bytes(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw Error(path.filename().string(), 0, "无法写入临时文件", "cannot write a temp file");
}

}  // namespace

std::string plain_name(const std::string& upload_name) {
  std::string name = upload_name.substr(upload_name.find_last_of("/\\") == std::string::npos ? 0 : upload_name.find_last_of("/\\") + 1);
  if (name.empty() || name[0] == '.' || name.size() > 200) return "";
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7f) return "";
  return name;
}

bool has_ext(const std::string& name, const std::string& ext) {
  if (name.size() < ext.size()) return false;
  for (size_t i = 0; i < ext.size(); ++i)
    if (core::ascii_lower(name[name.size() - ext.size() + i]) != core::ascii_lower(ext[i])) return false;
  return true;
}

WorkDir::WorkDir(const std::string& root) {
  std::string base = root;
  if (base.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    base = tmp && *tmp ? tmp : "/tmp";
  }
  std::string templ = base + "/bidfmt-serve-XXXXXX";
  if (!::mkdtemp(templ.data())) throw Error(base, 0, "无法创建临时目录", "cannot create a temp folder");
  path_ = templ;
}

WorkDir::~WorkDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string WorkDir::save(const std::string& sub, const std::string& upload_name, const std::string& bytes, const std::string& ext,
                          const std::string& fallback) {
  std::string name = plain_name(upload_name);
  if (name.empty() || !has_ext(name, ext)) name = fallback;
  fs::path path = fs::path(path_) / sub / name;
  write_bytes(path, bytes);
  std::string shown = plain_name(upload_name).empty() ? fallback : plain_name(upload_name);
  names_.emplace_back(path.string(), shown);
  return path.string();
}

std::vector<std::string> WorkDir::unpack(const std::string& zip, const std::string& sub) {
  package::ZipLimits limits;
  limits.max_total = 256ull << 20;
  limits.max_entry = 128ull << 20;
  limits.max_entries = 1000;
  package::ZipReader reader(zip, limits);
  const fs::path root = fs::path(path_) / sub;
  std::vector<std::string> written;
  for (const std::string& name : reader.names()) {
    if (name.empty() || name.back() == '/') continue;  // a folder entry
    // ZipReader refuses absolute names and "..": this is the second lock on the same door.
    fs::path target = (root / name).lexically_normal();
    std::string rel = target.lexically_relative(root).string();
    if (rel.empty() || rel.rfind("..", 0) == 0)
      throw Error(zip, 0, "zip 中的文件名「" + name + "」指向目录之外", "the zip entry '" + name + "' points outside its folder");
    write_bytes(target, reader.get(name));
    written.push_back(target.string());
    names_.emplace_back(target.string(), name);
  }
  return written;
}

std::string WorkDir::scrub(std::string message) const {
  auto replace_all = [&](const std::string& from, const std::string& to) {
    for (size_t at = 0; !from.empty() && (at = message.find(from, at)) != std::string::npos; at += to.size())
      message.replace(at, from.size(), to);
  };
  // Longest first, so a file's path goes before the folder it is in.
  std::vector<std::pair<std::string, std::string>> all = names_;
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& [path, shown] : all) replace_all(path, shown);
  replace_all(path_ + "/", "");
  replace_all(path_, "");
  return message;
}

}  // namespace bidfmt::serve
