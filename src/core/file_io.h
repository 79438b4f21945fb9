// Reading whole files and writing them atomically (temp file in the same folder, then rename).
#pragma once
#include <functional>
#include <ostream>
#include <string>

namespace bidfmt::core {

// The file's bytes; throws Error naming the file when it cannot be read.
std::string read_file(const std::string& path);

// Writes `path` through `produce`, which streams into a temp file next to it; the temp file is
// renamed over `path` only when `produce` returns and every byte reached the disk. On any failure
// the temp file is removed and Error is thrown: no partial output is ever left at `path`.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& produce);

// Same, for a producer that writes to a file name itself (e.g. a zip library).
void write_path_atomically(const std::string& path, const std::function<void(const std::string& tmp)>& produce);

}  // namespace bidfmt::core
