// ZipReader: reads the entries of an OPC package (DOCX) with minizip, within size limits.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace bidfmt::package {

// Limits against zip bombs, checked while inflating.
struct ZipLimits {
  uint64_t max_total = 1ull << 30;    // bytes uncompressed, all entries
  uint64_t max_entry = 512ull << 20;  // bytes uncompressed, one entry
  size_t max_entries = 10000;
  double max_ratio = 200.0;  // uncompressed / compressed, for entries over 1 MiB
};

// All entries of a zip file, by name. Throws Error naming the file when it is not a readable
// zip: not a zip (a .doc, PDF or RTF is named as such), empty, truncated, bad CRC or size,
// encrypted, an unsupported compression method, over a limit, an unsafe name (absolute, "..",
// backslash, drive, control character) or a duplicate name (compared case-insensitively, as
// OPC part names are).
class ZipReader {
 public:
  explicit ZipReader(const std::string& path, const ZipLimits& limits = {});
  // Entry names in archive order.
  const std::vector<std::string>& names() const { return names_; }
  bool has(const std::string& name) const { return entries_.count(name) > 0; }
  // The entry's bytes; throws Error when absent.
  const std::string& get(const std::string& name) const;
  const std::string* find(const std::string& name) const;
  // The entry's bytes for parsing in place (they are changed by it); null when absent.
  std::string* find_mutable(const std::string& name);
  // Frees the entry's bytes once they are no longer needed (the main part, read into a model):
  // has(), get() and find() treat it as absent afterwards; names() still lists it.
  void release(const std::string& name) { entries_.erase(name); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::vector<std::string> names_;
  std::map<std::string, std::string> entries_;
};

}  // namespace bidfmt::package
