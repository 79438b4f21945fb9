// Runs src/render/layout_pass.py (embedded) with Debian's python3-uno against a private soffice.
#include "render/libreoffice.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <thread>

#include "core/error.h"
#include "core/file_io.h"
#include "core/resources.h"

extern char** environ;

namespace bidfmt::render {
namespace fs = std::filesystem;
namespace {

std::string on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream ss(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(ss, dir, ':'))
    if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0) return dir + "/" + name;
  return "";
}

// Debian's python3 carries the uno module; a python3 earlier on PATH (pyenv…) may not.
std::string python() {
  if (::access("/usr/bin/python3", X_OK) == 0) return "/usr/bin/python3";
  return on_path("python3");
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "bidfmt-layout-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw Error("", 0, "无法创建临时目录", "cannot create a temp directory");
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

int run_with_timeout(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env,
                     const std::string& log, int timeout_s) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);  // own process group: kill soffice too
  posix_spawnattr_setpgroup(&attr, 0);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> env_store;
  for (char** e = environ; *e; ++e) env_store.emplace_back(*e);
  env_store.insert(env_store.end(), extra_env.begin(), extra_env.end());
  std::vector<char*> envp;
  for (std::string& e : env_store) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid;
  int rc = posix_spawn(&pid, args[0], &fa, &attr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return -1;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  int status = 0;
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -2;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

bool available() {
  std::string py = python();
  if (on_path("soffice").empty() || py.empty()) return false;
  return fs::exists("/usr/lib/python3/dist-packages/uno.py") || fs::exists("/usr/lib/libreoffice/program/uno.py");
}

LayoutResult layout(const std::string& docx, const LayoutOptions& options) {
  if (!available())
    throw Error(docx, 0, "需要 LibreOffice(soffice)和 python3-uno 才能分页;请先安装",
                "paginating needs LibreOffice (soffice) and python3-uno; install them first");
  TempDir tmp;
  std::string script = (tmp.path / "layout_pass.py").string();
  std::string json = (tmp.path / "layout.json").string();
  std::string log = (tmp.path / "log.txt").string();
  auto data = core::resource("src/render/layout_pass.py");
  core::write_file_atomically(script, [&](std::ostream& o) { o << *data; });
  std::vector<std::string> env;
  if (!std::getenv("FONTCONFIG_FILE")) {
    // Map 宋体/黑体 to Noto CJK where Windows fonts are absent (templates/fonts.conf).
    std::string fc = (tmp.path / "fonts.conf").string();
    auto conf = core::resource("templates/fonts.conf");
    core::write_file_atomically(fc, [&](std::ostream& o) { o << *conf; });
    env.push_back("FONTCONFIG_FILE=" + fc);
  }
  std::vector<std::string> argv{python(), script, fs::absolute(docx).string(), json};
  if (options.update_toc) argv.push_back("--update-toc");
  if (!options.pdf.empty()) {
    argv.push_back("--pdf");
    argv.push_back(fs::absolute(options.pdf).string());
  }
  if (!options.doc.empty()) {
    argv.push_back("--doc");
    argv.push_back(fs::absolute(options.doc).string());
  }
  int rc = run_with_timeout(argv, env, log, options.timeout_seconds);
  if (rc == -2) throw Error(docx, 0, "LibreOffice 分页超时", "LibreOffice layout timed out");
  if (rc != 0) {
    std::string msg = core::read_file(log);
    size_t nl = msg.find_last_not_of("\n ");
    msg = nl == std::string::npos ? "" : msg.substr(0, nl + 1);
    if (size_t cut = msg.rfind('\n'); cut != std::string::npos) msg = msg.substr(cut + 1);
    throw Error(docx, 0, "LibreOffice 分页失败:" + msg, "LibreOffice layout failed: " + msg);
  }
  LayoutResult r;
  YAML::Node n = YAML::Load(core::read_file(json));  // JSON is YAML 1.2 flow style
  for (const auto& e : n["toc"]) {
    std::string page = e[1].as<std::string>();
    int v = 0;
    try {
      v = std::stoi(page);
    } catch (const std::exception&) {
      v = 0;
    }
    r.toc.emplace_back(e[0].as<std::string>(), v);
  }
  if (n["body_pages"] && !n["body_pages"].IsNull()) r.body_pages = std::atoi(n["body_pages"].as<std::string>().c_str());
  r.pages = n["pages"].as<int>(0);
  return r;
}

}  // namespace bidfmt::render
