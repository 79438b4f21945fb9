// The LibreOffice worker pool: workers talk over a socketpair (fd 0 of layout_pass.py --serve).
// A job is its arguments, each NUL-terminated, closed by an empty one; the answer one line.
#include "render/office_pool.h"

#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>

#include "core/file_io.h"
#include "core/resources.h"
#include "render/process.h"

namespace bidfmt::render {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

// Debian's python3 carries the uno module; a python3 earlier on PATH (pyenv…) may not.
std::string python() {
  if (::access("/usr/bin/python3", X_OK) == 0) return "/usr/bin/python3";
  return on_path("python3");
}

// The persistent user profiles: $XDG_CACHE_HOME/bidfmt/lo-profile (else ~/.cache/…), one slot per
// soffice running at once (layout_pass.py locks a slot); "" = none, a fresh temp profile per worker.
std::string profile_base() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  fs::path base;
  if (xdg && *xdg == '/') base = xdg;
  else if (home && *home == '/') base = fs::path(home) / ".cache";
  else return "";
  return (base / "bidfmt" / "lo-profile").string();
}

// The last non-empty line of a worker's log (what python printed before it ended).
std::string last_line(const std::string& file) {
  std::string msg;
  try {
    msg = core::read_file(file);
  } catch (const std::exception&) {
    return "";
  }
  size_t nl = msg.find_last_not_of("\n ");
  msg = nl == std::string::npos ? "" : msg.substr(0, nl + 1);
  if (size_t cut = msg.rfind('\n'); cut != std::string::npos) msg = msg.substr(cut + 1);
  return msg;
}

class Worker {
 public:
  Worker() : dir_("lo-worker") {}
  ~Worker() { kill(); }
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Starts python + soffice; the first job waits for its "ready" (so soffice starts while the
  // caller does other work: prestart_workers).
  JobOutcome launch(const std::vector<std::string>& env) {
    std::string script = (dir_.path / "layout_pass.py").string();
    log_ = (dir_.path / "log.txt").string();
    auto data = core::resource("src/render/layout_pass.py");
    core::write_file_atomically(script, [&](std::ostream& o) { o << *data; });
    std::vector<std::string> full_env = env;
    if (!std::getenv("FONTCONFIG_FILE")) {
      // Map 宋体/黑体 to Noto CJK where Windows fonts are absent (templates/fonts.conf).
      std::string fc = (dir_.path / "fonts.conf").string();
      auto conf = core::resource("templates/fonts.conf");
      core::write_file_atomically(fc, [&](std::ostream& o) { o << *conf; });
      full_env.push_back("FONTCONFIG_FILE=" + fc);
    }
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return {JobOutcome::failed, "socketpair"};
    std::vector<std::string> argv{python(), script};
    if (std::string base = profile_base(); !base.empty()) {
      argv.push_back("--profile-dir");
      argv.push_back(base);
    }
    argv.push_back("--serve");
    pid_ = spawn_program(argv, full_env, sv[1], log_);
    ::close(sv[1]);
    fd_ = sv[0];
    if (pid_ < 0) return {JobOutcome::failed, "cannot start " + argv[0]};
    return {};
  }

  JobOutcome run(const std::vector<std::string>& job, Clock::time_point deadline) {
    if (!ready_) {  // soffice started: the worker said so once
      std::string line;
      JobOutcome r = read_line(line, deadline);
      if (r.kind != JobOutcome::ok) return r;
      if (line != "ready") return ended("");
      ready_ = true;
    }
    std::string msg;
    for (const std::string& a : job) msg.append(a).push_back('\0');
    msg.push_back('\0');
    for (size_t sent = 0; sent < msg.size();) {
      ssize_t n = ::send(fd_, msg.data() + sent, msg.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return ended("");
      sent += static_cast<size_t>(n);
    }
    ++documents;
    std::string line;
    JobOutcome r = read_line(line, deadline);
    if (r.kind != JobOutcome::ok) return r;
    if (line == "ok") return {};
    if (line.compare(0, 5, "fail ") == 0) return {JobOutcome::failed, line.substr(5)};
    return ended(line.compare(0, 5, "dead ") == 0 ? line.substr(5) : "");
  }

  bool usable() const { return pid_ > 0; }

  // At exit: close the channel and leave; the worker closes soffice on its own (its profile lock
  // goes with it) while the user already has the prompt back. Not for a long-lived process,
  // which must reap its children: stop() then.
  void detach() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    pid_ = -1;
  }
  int documents = 0;

  // Closing the channel ends the worker (it closes soffice, which leaves its profile clean); one
  // that does not end in time is killed with its soffice.
  void stop() {
    if (pid_ <= 0) return;
    ::close(fd_);
    fd_ = -1;
    wait_program(pid_, 30);
    pid_ = -1;
  }

 private:
  void kill() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (pid_ > 0) {
      ::kill(-pid_, SIGKILL);
      int status;
      ::waitpid(pid_, &status, 0);
    }
    pid_ = -1;
  }

  // The worker (or its soffice) is gone: reap it, say why.
  JobOutcome ended(const std::string& why) {
    kill();
    std::string msg = !why.empty() ? why : last_line(log_);
    return {JobOutcome::failed, msg.empty() ? "LibreOffice exited" : msg};
  }

  JobOutcome read_line(std::string& line, Clock::time_point deadline) {
    for (;;) {
      if (size_t nl = buffer_.find('\n'); nl != std::string::npos) {
        line = buffer_.substr(0, nl);
        buffer_.erase(0, nl + 1);
        return {};
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) {
        kill();
        return {JobOutcome::timed_out, ""};
      }
      pollfd p{fd_, POLLIN, 0};
      int rc = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
      if (rc < 0 && errno == EINTR) continue;
      if (rc <= 0) continue;
      char chunk[4096];
      ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return ended("");
      buffer_.append(chunk, static_cast<size_t>(n));
    }
  }

  TempDir dir_;
  std::string log_;
  pid_t pid_ = -1;
  int fd_ = -1;
  bool ready_ = false;
  std::string buffer_;
};

struct Pool {
  std::mutex mu;
  std::vector<std::unique_ptr<Worker>> idle;
  PoolCounts counts;
  ~Pool() {  // the process is ending
    for (auto& w : idle) w->detach();
  }
  void stop_all() {
    std::vector<std::unique_ptr<Worker>> ending;
    {
      std::lock_guard<std::mutex> lock(mu);
      ending.swap(idle);
    }
    for (auto& w : ending) w->stop();
  }
};

Pool& pool() {
  static Pool p;
  return p;
}

}  // namespace

int documents_per_worker() {
  const char* v = std::getenv("BIDFMT_LO_MAX_DOCS");
  int n = v ? std::atoi(v) : 0;
  return n > 0 ? n : 50;
}

JobOutcome run_job(const std::vector<std::string>& job, const std::vector<std::string>& env, int timeout_s) {
  Pool& p = pool();
  std::unique_ptr<Worker> w;
  {
    std::lock_guard<std::mutex> lock(p.mu);
    if (!p.idle.empty()) {
      w = std::move(p.idle.back());
      p.idle.pop_back();
    }
  }
  // The deadline covers starting soffice too: a worker that cannot start in time is a timeout.
  auto deadline = Clock::now() + std::chrono::seconds(timeout_s);
  if (!w) {
    w = std::make_unique<Worker>();
    {
      std::lock_guard<std::mutex> lock(p.mu);
      ++p.counts.workers_started;
    }
    JobOutcome started = w->launch(env);
    if (started.kind != JobOutcome::ok) return started;
  }
  JobOutcome r = w->run(job, deadline);
  bool keep = w->usable() && w->documents < documents_per_worker();
  {
    std::lock_guard<std::mutex> lock(p.mu);
    ++p.counts.documents;
    if (keep) p.idle.push_back(std::move(w));
  }
  if (w) w->stop();  // retired after its share of documents (or already ended): closed cleanly
  return r;
}

void prestart_workers(int n) {
  Pool& p = pool();
  for (int i = 0; i < n; ++i) {
    auto w = std::make_unique<Worker>();
    if (w->launch({}).kind != JobOutcome::ok) return;  // the job that needs it says why
    std::lock_guard<std::mutex> lock(p.mu);
    ++p.counts.workers_started;
    p.idle.push_back(std::move(w));
  }
}

PoolCounts pool_counts() {
  std::lock_guard<std::mutex> lock(pool().mu);
  return pool().counts;
}

void add_pages(int pages) {
  std::lock_guard<std::mutex> lock(pool().mu);
  pool().counts.pages += pages;
}

void shut_down_workers() { pool().stop_all(); }

}  // namespace bidfmt::render
