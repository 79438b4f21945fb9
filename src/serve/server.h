// bidfmt serve: the bid team's web page and an HTTP API, a thin layer over the library
// (api/bidfmt.h) on cpp-httplib. docs/serve.md describes the API and the limits.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/lang.h"

namespace bidfmt::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                                                 // 0: any free port (Server::port() says which)
  std::string token;                                               // "" = none; a host other than loopback requires one
  uint64_t max_upload = 100ull << 20;                              // bytes of one request body; over it → 413
  int jobs = 0;                                                    // checks, fixes and builds at once; 0 = one per core (at least 2)
  int queue = 0;                                                   // jobs waiting for a worker; 0 = 32 (or 4 × jobs if more); full → 503
  std::chrono::milliseconds job_timeout{std::chrono::minutes(5)};  // no answer by then → 504
  std::string work_root;                                           // where each request's temp dir goes; "" = $TMPDIR or /tmp
  std::string version = "dev";                                     // the tool version the reports name
  bool log = true;  // one line per request on stderr: method, path, status (never a file name)
  // For tests: runs on the worker just before each job (a test holds jobs here to fill the queue
  // or to pass the time limit without waiting for a slow document).
  std::function<void()> before_job;
};

// 127.0.0.0/8, ::1 and "localhost": the addresses only this machine reaches.
bool is_loopback(const std::string& host);

// "100MB", "512KB", "2G", "1048576" → bytes (K, M, G are 1024-based; B optional, any case);
// nullopt when it is not a positive size.
std::optional<uint64_t> parse_size(std::string_view text);

// Equal secrets, compared in constant time for a given length (every byte is looked at whatever
// the first difference), so the time of an answer does not tell how much of a guessed token was right.
bool same_secret(std::string_view a, std::string_view b);

class Server {
 public:
  // Binds the address. Throws Error when the host is not loopback and no token is given, or the
  // address cannot be bound.
  explicit Server(ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  int port() const;
  // Answers requests until shutdown(); returns when every running and queued job has finished
  // and its answer has been sent.
  void run();
  // Stops taking connections; what is running finishes (callable from any thread, also before run).
  void shutdown();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// `bidfmt serve`: runs a Server until SIGTERM or SIGINT, then drains it. Prints the address on
// stdout once it listens. Returns the exit status (0; 2 when it cannot start, the reason on stderr).
int serve(const ServeOptions& options, Lang lang);

}  // namespace bidfmt::serve
