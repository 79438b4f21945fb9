// A progress line on stderr for long work (check --render, many files, a LibreOffice build): files
// done/total, pages laid out, elapsed — redrawn in place twice a second, erased at the end. Only
// when stderr is a terminal and not --quiet: a log or a pipe gets nothing.
#pragma once
#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

#include "core/lang.h"

namespace bidfmt::cli {

class Progress {
 public:
  // `what`: the line's verb (已检查 / checked, 已生成 / built); `total` files (0 = not counted).
  Progress(bool show, Lang lang, std::string zh_what, std::string en_what, size_t total);
  ~Progress();  // erases the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void file_done() { ++done_; }
  bool shown() const { return show_; }
  // The rule for showing it: stderr is a terminal and --quiet was not given.
  static bool wanted(bool quiet);

 private:
  void draw();
  bool show_;
  Lang lang_;
  std::string zh_, en_;
  size_t total_;
  std::atomic<size_t> done_{0};
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::mutex mu_;
  bool stop_ = false;
  std::thread ticker_;
};

}  // namespace bidfmt::cli
