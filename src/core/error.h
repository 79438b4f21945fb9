// Error: why an operation could not run, and where (file and line) — the library never prints.
#pragma once
#include <stdexcept>
#include <string>

#include "core/lang.h"

namespace bidfmt {

// A failure that stops a command: bad input, bad profile, unwritable output. The CLI turns it
// into one line on stderr and exit status 2. Messages come in Chinese and English.
class Error : public std::runtime_error {
 public:
  Error(std::string file, int line, std::string zh, std::string en)
      : std::runtime_error(zh), file_(std::move(file)), line_(line), en_(std::move(en)) {}
  const std::string& file() const { return file_; }
  int line() const { return line_; }  // 0 when no line applies
  std::string message(Lang lang) const { return lang == Lang::en ? en_ : what(); }
  // 「file:line: message」 — the one line the CLI prints.
  std::string one_line(Lang lang) const;

 private:
  std::string file_;
  int line_;
  std::string en_;
};

}  // namespace bidfmt
