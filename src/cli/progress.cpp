// The progress line: one thread redraws it, so a LibreOffice pass of a minute still shows time passing.
#include "cli/progress.h"

#include <unistd.h>

#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "api/bidfmt.h"

namespace bidfmt::cli {
namespace {
std::condition_variable wake;
}

bool Progress::wanted(bool quiet) { return !quiet && ::isatty(2) != 0; }

Progress::Progress(bool show, Lang lang, std::string zh_what, std::string en_what, size_t total)
    : show_(show), lang_(lang), zh_(std::move(zh_what)), en_(std::move(en_what)), total_(total) {
  if (!show_) return;
  ticker_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
      draw();
      wake.wait_for(lock, std::chrono::milliseconds(500));
    }
  });
}

Progress::~Progress() {
  if (!show_) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake.notify_all();
  ticker_.join();
  std::cerr << "\r\033[K" << std::flush;
}

void Progress::draw() {
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  bool en = lang_ == Lang::en;
  std::ostringstream line;
  line << (en ? en_ : zh_);
  if (total_ > 0) line << " " << done_.load() << "/" << total_;
  if (long pages = pages_laid_out(); pages > 0) line << (en ? " · pages laid out " : " · 已排版 ") << pages << (en ? "" : " 页");
  char t[32];
  std::snprintf(t, sizeof t, " · %.0f s", s);
  line << t;
  std::cerr << "\r" << line.str() << "\033[K" << std::flush;
}

}  // namespace bidfmt::cli
