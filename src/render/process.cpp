// Child processes for the render layer: posix_spawn in a private process group, polled to a deadline.
#include "render/process.h"

#include "core/error.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <string_view>
#include <thread>

extern char** environ;

namespace bidfmt::render {
namespace {

// Sanitizer settings of an ASan/UBSan build of bidfmt (ASAN_OPTIONS, LD_PRELOAD of a sanitizer
// runtime, …) are not passed on: python3, soffice and poppler are not instrumented.
bool sanitizer_setting(std::string_view e) {
  for (std::string_view k : {"ASAN_OPTIONS=", "UBSAN_OPTIONS=", "LSAN_OPTIONS=", "MSAN_OPTIONS=", "TSAN_OPTIONS="})
    if (e.substr(0, k.size()) == k) return true;
  return e.substr(0, 11) == "LD_PRELOAD=" && e.find("san") != std::string_view::npos;
}

}  // namespace

TempDir::TempDir(const std::string& what) {
  std::string tmpl = (std::filesystem::temp_directory_path() / ("bidfmt-" + what + "-XXXXXX")).string();
  if (!::mkdtemp(tmpl.data())) throw Error("", 0, "无法创建临时目录", "cannot create a temp directory");
  path = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

std::string on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream ss(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(ss, dir, ':'))
    if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0) return dir + "/" + name;
  return "";
}

pid_t spawn_program(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env, int stdin_fd,
                    const std::string& output_file) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  if (stdin_fd >= 0) posix_spawn_file_actions_adddup2(&fa, stdin_fd, 0);
  else posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, output_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // Own process group: kill soffice too. An empty signal mask: a caller that blocks signals for
  // its own handling (bidfmt serve takes SIGTERM on one thread) must not pass that on to soffice.
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);
  posix_spawnattr_setpgroup(&attr, 0);
  sigset_t no_signals;
  sigemptyset(&no_signals);
  posix_spawnattr_setsigmask(&attr, &no_signals);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> env_store;
  for (char** e = environ; *e; ++e)
    if (!sanitizer_setting(*e)) env_store.emplace_back(*e);
  env_store.insert(env_store.end(), extra_env.begin(), extra_env.end());
  std::vector<char*> envp;
  for (std::string& e : env_store) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid;
  int rc = posix_spawn(&pid, args[0], &fa, &attr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  return rc == 0 ? pid : -1;
}

int wait_program(pid_t pid, int timeout_s) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  int status = 0;
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) return -1;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -2;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int run_program(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env, const std::string& output_file,
                int timeout_s) {
  pid_t pid = spawn_program(argv, extra_env, -1, output_file);
  if (pid < 0) return -1;
  return wait_program(pid, timeout_s);
}

}  // namespace bidfmt::render
