// Shared pieces of the command-line front end: argument scanning and the subcommand entry points.
#pragma once
#include <string>
#include <vector>

#include "core/lang.h"

namespace bidfmt::cli {

// Arguments after the subcommand name, with --lang already taken out.
struct Args {
  std::vector<std::string> items;
  Lang lang = Lang::zh;
  // Takes "--name VALUE" (or --name=VALUE) out of items; returns false when absent.
  bool take(const std::string& name, std::string& value);
  // Takes the flag "--name" out of items.
  bool flag(const std::string& name);
  // Takes every "--name VALUE" (repeatable options such as --override).
  std::vector<std::string> take_all(const std::string& name);
  // Remaining items starting with '-' (unknown options), for the error message.
  std::string first_unknown_option() const;
};

int run_build(Args& args);
int run_check(Args& args);
int run_fix(Args& args);
int run_profiles(Args& args);
int run_template(Args& args);
int run_explain(Args& args);
int run_serve(Args& args);

// Called first in main. The process heap is reserved ahead and marked for transparent huge pages
// (madvise): a 1,000-page check touches some 70 MB, and faulting it in 4 KB at a time — 17,000 page
// faults, each zeroing a page — took a quarter of the run; in 2 MB pages it takes a few dozen.
// Linux with glibc only; elsewhere (and where the kernel leaves THP off) it does nothing.
void heap_on_huge_pages();

// Prints a one-line error (Chinese or English) and returns exit status 2.
int usage_error(Lang lang, const std::string& zh, const std::string& en);

}  // namespace bidfmt::cli
