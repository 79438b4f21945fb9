// The server: binding (loopback unless a token guards it), the token check, the body limit, one
// JSON error shape for every failure, the request log, and shutdown that drains.
#include "serve/server.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <signal.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <sstream>
#include <thread>

#include "core/error.h"
#include "report/json_writer.h"
#include "serve/job_queue.h"
#include "serve/routes.h"

namespace bidfmt::serve {

bool is_loopback(const std::string& host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  in_addr a{};
  return ::inet_pton(AF_INET, host.c_str(), &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

std::optional<uint64_t> parse_size(std::string_view text) {
  size_t i = 0;
  uint64_t n = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (n > (UINT64_MAX - 9) / 10) return std::nullopt;
    n = n * 10 + static_cast<uint64_t>(text[i] - '0');
  }
  if (i == 0 || n == 0) return std::nullopt;
  std::string unit;
  for (; i < text.size(); ++i) unit += static_cast<char>(text[i] >= 'a' && text[i] <= 'z' ? text[i] - 'a' + 'A' : text[i]);
  int shift = unit == "" || unit == "B"     ? 0
              : unit == "K" || unit == "KB" ? 10
              : unit == "M" || unit == "MB" ? 20
              : unit == "G" || unit == "GB" ? 30
                                            : -1;
  if (shift < 0 || n > (UINT64_MAX >> shift)) return std::nullopt;
  return n << shift;
}

bool same_secret(std::string_view a, std::string_view b) {
  size_t n = std::max(a.size(), b.size());
  volatile unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < n; ++i) {
    unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff = static_cast<unsigned char>(diff | (x ^ y));
  }
  return diff == 0;
}

// ---- what the routes share ----

Lang request_lang(const httplib::Request& req) { return field(req, "lang") == "en" ? Lang::en : Lang::zh; }

std::string field(const httplib::Request& req, const std::string& name) {
  if (req.has_file(name)) {
    httplib::MultipartFormData f = req.get_file_value(name);
    if (f.filename.empty()) return f.content;  // a text field, not a file
  }
  return req.has_param(name) ? req.get_param_value(name) : "";
}

bool flag_field(const httplib::Request& req, const std::string& name) {
  std::string v = field(req, name);
  return v == "1" || v == "true" || v == "on" || v == "yes";
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  std::ostringstream os;
  {
    report::JsonWriter w(os);
    w.begin_object();
    w.field("error", message);
    w.end_object();
  }
  res.status = status;
  res.set_content(os.str() + "\n", "application/json");
}

void send_error(httplib::Response& res, int status, Lang lang, const std::string& zh, const std::string& en) {
  send_error(res, status, lang == Lang::en ? en : zh);
}

// ---- the server ----

struct Server::Impl {
  ServeOptions options;
  JobQueue jobs;
  Context context{options, jobs};
  httplib::Server http;
  int port = 0;
  std::atomic<bool> in_run{false}, stopping{false};

  static int workers(const ServeOptions& o) {
    if (o.jobs > 0) return o.jobs;
    return std::max(2, static_cast<int>(std::thread::hardware_concurrency()));
  }
  explicit Impl(ServeOptions o)
      : options(std::move(o)),
        jobs(workers(options), options.queue > 0 ? options.queue : std::max(32, 4 * workers(options)), options.before_job) {}
};

Server::Server(ServeOptions o) {
  if (!is_loopback(o.host) && o.token.empty())
    throw Error(o.host, 0, "监听本机以外的地址需要 --token(请求须带 Authorization: Bearer 令牌)",
                "listening beyond this machine needs --token (requests then carry Authorization: Bearer TOKEN)");
  impl_ = std::make_unique<Impl>(std::move(o));
  Impl& m = *impl_;
  const ServeOptions& opt = m.options;
  const int workers = Impl::workers(opt);
  const int queue = opt.queue > 0 ? opt.queue : std::max(32, 4 * workers);
  // A connection thread for every job that may run or wait, and a few for the page and /healthz;
  // beyond the queue, a request gets its 503 from one of those.
  const size_t threads = static_cast<size_t>(workers + queue + 4);
  m.http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  m.http.set_payload_max_length(static_cast<size_t>(opt.max_upload));
  m.http.set_read_timeout(30, 0);
  m.http.set_write_timeout(30, 0);

  m.http.set_pre_routing_handler([&m](const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    if (m.options.token.empty() || req.path.rfind("/api/", 0) != 0) return httplib::Server::HandlerResponse::Unhandled;
    std::string auth = req.get_header_value("Authorization");
    const std::string bearer = "Bearer ";
    std::string given = auth.rfind(bearer, 0) == 0 ? auth.substr(bearer.size()) : std::string();
    if (same_secret(given, m.options.token)) return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("WWW-Authenticate", "Bearer");
    send_error(res, 401, request_lang(req), "需要令牌:请求头 Authorization: Bearer 令牌",
               "a token is required: Authorization: Bearer TOKEN");
    return httplib::Server::HandlerResponse::Handled;
  });
  // Errors httplib answers itself (413 over the limit, 404, 400 for a malformed request) get the
  // same JSON shape as the routes' own.
  m.http.set_error_handler(httplib::Server::HandlerWithResponse([&m](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    Lang lang = request_lang(req);
    int s = res.status;
    if (s == 413)
      send_error(res, s, lang, "上传超过上限(" + std::to_string(m.options.max_upload) + " 字节)",
                 "the upload is over the limit (" + std::to_string(m.options.max_upload) + " bytes)");
    else if (s == 404) send_error(res, s, lang, "没有这个地址", "no such address");
    else if (s == 405) send_error(res, s, lang, "该地址不接受此方法", "this address does not take this method");
    else
      send_error(res, s, lang, "请求无法处理(HTTP " + std::to_string(s) + ")",
                 "the request cannot be handled (HTTP " + std::to_string(s) + ")");
    return httplib::Server::HandlerResponse::Handled;
  }));
  m.http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {}
    send_error(res, 500, request_lang(req), "服务器内部错误:" + what, "internal error: " + what);
  });
  if (opt.log)
    // Method, path and status only: never a query string, a file name or a form field.
    m.http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::ostringstream line;
      line << "bidfmt serve: " << req.method << " " << req.path << " " << res.status << "\n";
      std::cerr << line.str() << std::flush;
    });

  add_page_routes(m.http);
  add_api_routes(m.http, m.context);

  if (opt.port == 0) {
    m.port = m.http.bind_to_any_port(opt.host);
    if (m.port <= 0) m.port = 0;
  } else if (m.http.bind_to_port(opt.host, opt.port)) {
    m.port = opt.port;
  }
  if (m.port == 0)
    throw Error(opt.host + ":" + std::to_string(opt.port), 0, "无法监听该地址(端口被占用或地址无效)",
                "cannot listen on this address (port in use or address invalid)");
}

Server::~Server() { shutdown(); }

int Server::port() const { return impl_->port; }

void Server::run() {
  Impl& m = *impl_;
  m.in_run = true;
  if (!m.stopping) m.http.listen_after_bind();  // returns after stop(), its connection threads joined
  m.in_run = false;
  m.jobs.drain();  // and jobs whose callers gave up (504) finish too
}

void Server::shutdown() {
  if (!impl_) return;
  Impl& m = *impl_;
  m.stopping = true;
  // httplib's stop() does nothing until the server is listening: when run() has begun, wait
  // (bounded) until it listens or has returned. run() looks at `stopping` after setting `in_run`,
  // so one of the two sees the other.
  for (int i = 0; i < 10000 && m.in_run && !m.http.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  m.http.stop();
}

// ---- `bidfmt serve` ----

int serve(const ServeOptions& options, Lang lang) {
  // SIGTERM and SIGINT are taken by one thread (sigwait), blocked everywhere else: every thread
  // started after this inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);  // a client that hangs up is a failed write, not the end of the server
  std::unique_ptr<Server> server;
  try {
    server = std::make_unique<Server>(options);
  } catch (const Error& e) {
    std::cerr << "bidfmt: " << e.one_line(lang) << "\n";
    return 2;
  }
  std::string host = options.host.find(':') != std::string::npos && options.host[0] != '[' ? "[" + options.host + "]" : options.host;
  std::cout << (lang == Lang::en ? "bidfmt serve: listening on http://" : "bidfmt serve:正在监听 http://") << host << ":" << server->port()
            << "/" << std::endl;
  std::atomic<bool> signalled{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    signalled = true;
    std::cerr << (lang == Lang::en ? "bidfmt serve: stopping; finishing running jobs\n" : "bidfmt serve:正在停止,等待进行中的任务完成\n");
    server->shutdown();
  });
  server->run();
  // run() returns after the waiter's shutdown(), or on its own if listening failed: then the
  // waiter is woken with the signal it waits for.
  if (!signalled) ::kill(::getpid(), SIGTERM);
  waiter.join();
  std::cerr << (lang == Lang::en ? "bidfmt serve: stopped\n" : "bidfmt serve:已停止\n");
  return 0;
}

}  // namespace bidfmt::serve
