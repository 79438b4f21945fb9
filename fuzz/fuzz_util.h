// Helpers shared by the fuzz targets: a per-process scratch file for readers that take a path.
#pragma once
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

namespace bidfmt::fuzz {

// A scratch directory for this process ($TMPDIR or /tmp), created once, removed at exit. The
// name lives on the heap: an atexit handler may run after function-local statics are destroyed.
inline const std::string& scratch_dir() {
  static const std::string* dir = [] {
    const char* t = std::getenv("TMPDIR");
    auto* d = new std::string(std::string(t && *t ? t : "/tmp") + "/bidfmt-fuzz-" + std::to_string(::getpid()));
    ::mkdir(d->c_str(), 0700);  // an existing one is fine
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(scratch_dir(), ec);
    });
    return d;
  }();
  return *dir;
}

// Writes the input to `name` in the scratch directory and returns its path.
inline std::string write_scratch(const char* name, const uint8_t* data, size_t size) {
  std::string path = scratch_dir() + "/" + name;
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (size && std::fwrite(data, 1, size, f) != size) std::abort();
  std::fclose(f);
  return path;
}

}  // namespace bidfmt::fuzz
