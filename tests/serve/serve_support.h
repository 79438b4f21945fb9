// Serve test support: a server started in this process on a free loopback port, the bidfmt binary
// started as `bidfmt serve` (its address read from its first line), and multipart uploads.
#pragma once
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "rules/broken_cases.h"
#include "serve/server.h"
#include "support/testkit.h"

namespace bidfmt::testserve {

using testfix::Parts;

// A Server on 127.0.0.1, any free port, running on its own thread until the object goes.
struct Running {
  std::unique_ptr<serve::Server> server;
  std::thread thread;
  std::string work_root;  // every request's temp folder goes here

  explicit Running(serve::ServeOptions o = {}, const std::string& name = "serve") {
    // Per process: ctest runs the tests of this file side by side, each in its own process.
    work_root = testkit::temp_dir("serve-work-" + name + "-" + std::to_string(::getpid()));
    o.host = "127.0.0.1";
    o.port = 0;
    o.work_root = work_root;
    o.log = false;
    if (o.jobs == 0) o.jobs = 2;
    server = std::make_unique<serve::Server>(o);
    thread = std::thread([this] { server->run(); });
  }
  ~Running() {
    server->shutdown();
    thread.join();
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", server->port());
    c.set_read_timeout(300, 0);
    c.set_write_timeout(60, 0);
    return c;
  }
  // Request folders left behind (none once every answer has been sent).
  size_t leftovers() const {
    size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(work_root)) ++n;
    return n;
  }
};

inline httplib::MultipartFormData file_part(const std::string& name, const std::string& content, const std::string& filename) {
  return {name, content, filename, "application/octet-stream"};
}
// POSTs a multipart form (a named function: a braced list alone is ambiguous among Client::Post's overloads).
inline httplib::Result upload(httplib::Client& c, const std::string& path, const httplib::MultipartFormDataItems& items) {
  return c.Post(path, items);
}
inline httplib::MultipartFormData text_part(const std::string& name, const std::string& value) { return {name, value, "", ""}; }

// The clean built document with its left margin wrong (page.margins: a finding, fixable).
inline std::string broken_docx() {
  Parts p = testfix::clean_parts();
  testfix::on_document(p, [](pugi::xml_document& d) { testfix::sect(d, 2).child("w:pgMar").attribute("w:left") = "1134"; });
  std::string dir = testkit::temp_dir("serve-broken-" + std::to_string(::getpid()));
  std::string path = dir + "/投标文件.docx";
  testkit::write_zip(path, p);
  return path;
}

inline std::string bytes_of(const std::string& path) { return testkit::read_text(path); }

// `bidfmt serve ARGS` as a child process; its stdout's first line gives the port.
struct Child {
  pid_t pid = -1;
  int port = 0;
  std::string first_line;
  // stderr goes to `err_path` when given.
  explicit Child(const std::vector<std::string>& args, const std::string& err_path = "") {
    int out[2];
    if (::pipe(out) != 0) return;
    pid = ::fork();
    if (pid == 0) {
      if (!err_path.empty()) {
        int fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) ::dup2(fd, 2);
      }
      ::dup2(out[1], 1);
      ::close(out[0]);
      ::close(out[1]);
      std::vector<char*> argv;
      std::string bin = testkit::binary();
      argv.push_back(bin.data());
      std::vector<std::string> copy = args;
      for (std::string& a : copy) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(bin.c_str(), argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    // The first line, or end of file when the server stopped at once.
    char c = 0;
    while (first_line.size() < 4096 && ::read(out[0], &c, 1) == 1 && c != '\n') first_line += c;
    ::close(out[0]);
    size_t colon = first_line.rfind(':');
    if (colon != std::string::npos) port = std::atoi(first_line.c_str() + colon + 1);
  }
  // Sends `sig` (0: none) and waits for the exit status (-1 when killed by a signal).
  int stop(int sig) {
    if (pid <= 0) return -1;
    if (sig) ::kill(pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  ~Child() {
    if (pid > 0) stop(SIGKILL);
  }
};

}  // namespace bidfmt::testserve
