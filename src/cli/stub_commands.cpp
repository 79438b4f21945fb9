// check and fix entry points until their layers land (each says plainly that it is missing).
#include "cli/cli.h"

namespace bidfmt::cli {

int run_check(Args& args) {
  return usage_error(args.lang, "check 尚未实现", "check is not implemented yet");
}

int run_fix(Args& args) {
  return usage_error(args.lang, "fix 尚未实现", "fix is not implemented yet");
}

}  // namespace bidfmt::cli
