// `bidfmt serve`: the bid team's web page and HTTP API (src/serve; docs/serve.md). Compiled into
// both executables (src/CMakeLists.txt): bidfmt-serve runs the server; bidfmt parses the same
// options (its help is the same) and executes bidfmt-serve with its own arguments.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "cli/cli.h"
#include "core/error.h"
#include "serve/server.h"

#ifndef BIDFMT_VERSION
#define BIDFMT_VERSION "dev"
#endif

namespace bidfmt::cli {
namespace {

struct ServeArgs {
  serve::ServeOptions o;
  std::string port, max_upload, jobs, queue, timeout;
};

#ifdef BIDFMT_SERVE_IN_PROCESS
bool number(const std::string& s, int lo, int hi, int& out) {
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end || v < lo || v > hi) return false;
  out = static_cast<int>(v);
  return true;
}

int run_serve(ServeArgs& a, Lang lang, char**) {
  serve::ServeOptions& o = a.o;
  o.version = BIDFMT_VERSION;
  if (o.token.empty())
    if (const char* env = std::getenv("BIDFMT_TOKEN")) o.token = env;  // keeps the token out of `ps`
  if (!a.port.empty() && !number(a.port, 0, 65535, o.port))
    return usage_error(lang, "--port 应为 0–65535 的整数", "--port takes a number from 0 to 65535");
  if (!a.max_upload.empty()) {
    std::optional<uint64_t> n = serve::parse_size(a.max_upload);
    if (!n) return usage_error(lang, "--max-upload 应为大小,如 100MB", "--max-upload takes a size such as 100MB");
    o.max_upload = *n;
  }
  if (!a.jobs.empty() && !number(a.jobs, 1, 256, o.jobs)) return usage_error(lang, "--jobs 应为正整数", "--jobs takes a positive number");
  if (!a.queue.empty() && !number(a.queue, 1, 10000, o.queue))
    return usage_error(lang, "--queue 应为正整数", "--queue takes a positive number");
  if (!a.timeout.empty()) {
    int seconds = 0;
    if (!number(a.timeout, 1, 86400, seconds)) return usage_error(lang, "--timeout 应为秒数(1–86400)", "--timeout takes seconds (1–86400)");
    o.job_timeout = std::chrono::seconds(seconds);
  }
  return serve::serve(o, lang);
}
#else
// bidfmt-serve beside this executable (the build tree), else in ../libexec/bidfmt/ of its prefix
// (cmake --install, the .deb); "" when neither is there.
std::string serve_executable() {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  for (const fs::path& p : {self.parent_path() / "bidfmt-serve", self.parent_path().parent_path() / "libexec" / "bidfmt" / "bidfmt-serve"})
    if (access(p.c_str(), X_OK) == 0) return p.string();
  return "";
}

// The options were parsed here only for --help and usage errors; bidfmt-serve reads them again.
int run_serve(ServeArgs&, Lang, char** argv) {
  std::string exe = serve_executable();
  if (exe.empty())
    throw Error("", 0, "找不到 bidfmt-serve(应在 bidfmt 旁或 ../libexec/bidfmt/ 中);请重新安装 bidfmt",
                "bidfmt-serve is missing (it belongs beside bidfmt or in ../libexec/bidfmt/); reinstall bidfmt");
  execv(exe.c_str(), argv);
  std::string why = std::strerror(errno);
  throw Error(exe, 0, "无法启动:" + why, "cannot start: " + why);
}
#endif

}  // namespace

Command add_serve(CLI::App& root, Lang lang, char** argv) {
  auto a = std::make_shared<ServeArgs>();
  CLI::App* app = root.add_subcommand(
      "serve", tr(lang, "启动团队网页与 HTTP API(见 docs/serve.md)", "start the team's web page and HTTP API (docs/serve.md)"));
  app->add_option(
         "--host", a->o.host,
         tr(lang, "监听地址(默认 127.0.0.1;其他地址须同时给 --token)", "address to listen on (default 127.0.0.1; any other needs --token)"))
      ->type_name("HOST");
  app->add_option("--port", a->port, tr(lang, "端口(默认 8080;0 = 任选空闲端口)", "port (default 8080; 0 = any free port)"))
      ->type_name("PORT");
  app->add_option("--token", a->o.token,
                  tr(lang, "API 令牌(Authorization: Bearer;也可用环境变量 BIDFMT_TOKEN)",
                     "API token (Authorization: Bearer; or the BIDFMT_TOKEN environment variable)"))
      ->type_name("TOKEN");
  app->add_option("--max-upload", a->max_upload, tr(lang, "单次上传上限(默认 100MB)", "largest upload (default 100MB)"))->type_name("SIZE");
  app->add_option("-j,--jobs", a->jobs, tr(lang, "同时运行的任务数", "jobs run at once"))->type_name("N");
  app->add_option("--queue", a->queue, tr(lang, "排队任务上限(满时答 503)", "queued jobs at most (503 when full)"))->type_name("N");
  app->add_option("--timeout", a->timeout, tr(lang, "单个任务的时限,秒(超时答 504)", "time limit of one job in seconds (504 past it)"))
      ->type_name("SECONDS");
  add_lang_option(*app, lang);
  return {app, [a, lang, argv] { return run_serve(*a, lang, argv); }};
}

}  // namespace bidfmt::cli
