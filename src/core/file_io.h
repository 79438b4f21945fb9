// Reading whole files and writing them atomically (temp file in the same folder, then rename).
#pragma once
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

namespace bidfmt::core {

// Inputs larger than this are refused (Markdown, profiles, images): 1 GiB.
inline constexpr uint64_t kMaxInputBytes = 1ull << 30;

// The file's bytes; throws Error naming the file when it cannot be read, is a directory or a
// device (/dev/zero, a tty), or holds more than `max_bytes`.
std::string read_file(const std::string& path, uint64_t max_bytes = kMaxInputBytes);

// True when `a` and `b` name the same file: the same inode when both exist (symlinks and hard
// links included), else the same canonical path. Used to refuse an output that would overwrite
// an input.
bool same_file(const std::string& a, const std::string& b);

// Writes `path` through `produce`, which streams into a temp file next to it; the temp file is
// renamed over `path` only when `produce` returns and every byte reached the disk (fsync). On any
// failure the temp file is removed and Error is thrown: no partial output is ever left at `path`.
// A folder or a block device at `path` is refused; a character device or pipe (/dev/null,
// /dev/stdout, a FIFO) is written in place from a private temp file, never replaced.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& produce);

// Same, for a producer that writes to a file name itself (e.g. a zip library).
void write_path_atomically(const std::string& path, const std::function<void(const std::string& tmp)>& produce);

}  // namespace bidfmt::core
