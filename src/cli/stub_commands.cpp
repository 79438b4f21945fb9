// The fix entry point until its layer lands (it says plainly that it is missing).
#include "cli/cli.h"

namespace bidfmt::cli {

int run_fix(Args& args) {
  return usage_error(args.lang, "fix 尚未实现", "fix is not implemented yet");
}

}  // namespace bidfmt::cli
