// `bidfmt serve`: the bid team's web page and HTTP API (src/serve; docs/serve.md).
#include <cstdlib>

#include "cli/cli.h"
#include "serve/server.h"

#ifndef BIDFMT_VERSION
#define BIDFMT_VERSION "dev"
#endif

namespace bidfmt::cli {

int run_serve(Args& args) {
  serve::ServeOptions o;
  o.version = BIDFMT_VERSION;
  std::string port, max_upload, jobs, queue, timeout;
  args.take("--host", o.host);
  args.take("--token", o.token);
  if (o.token.empty())
    if (const char* env = std::getenv("BIDFMT_TOKEN")) o.token = env;  // keeps the token out of `ps`
  auto number = [](const std::string& s, int lo, int hi, int& out) {
    char* end = nullptr;
    long v = std::strtol(s.c_str(), &end, 10);
    if (s.empty() || *end || v < lo || v > hi) return false;
    out = static_cast<int>(v);
    return true;
  };
  if (args.take("--port", port) && !number(port, 0, 65535, o.port))
    return usage_error(args.lang, "--port 应为 0–65535 的整数", "--port takes a number from 0 to 65535");
  if (args.take("--max-upload", max_upload)) {
    std::optional<uint64_t> n = serve::parse_size(max_upload);
    if (!n) return usage_error(args.lang, "--max-upload 应为大小,如 100MB", "--max-upload takes a size such as 100MB");
    o.max_upload = *n;
  }
  if ((args.take("--jobs", jobs) || args.take("-j", jobs)) && !number(jobs, 1, 256, o.jobs))
    return usage_error(args.lang, "--jobs 应为正整数", "--jobs takes a positive number");
  if (args.take("--queue", queue) && !number(queue, 1, 10000, o.queue))
    return usage_error(args.lang, "--queue 应为正整数", "--queue takes a positive number");
  int seconds = 0;
  if (args.take("--timeout", timeout)) {
    if (!number(timeout, 1, 86400, seconds))
      return usage_error(args.lang, "--timeout 应为秒数(1–86400)", "--timeout takes seconds (1–86400)");
    o.job_timeout = std::chrono::seconds(seconds);
  }
  if (std::string u = args.first_unknown_option(); !u.empty())
    return usage_error(args.lang, "未知选项「" + u + "」", "unknown option '" + u + "'");
  if (!args.items.empty())
    return usage_error(args.lang, "serve 不接受文件参数", "serve takes no file arguments");
  return serve::serve(o, args.lang);
}

}  // namespace bidfmt::cli
