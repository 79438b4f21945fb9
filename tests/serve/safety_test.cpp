// Safety and load: junk, oversized and traversal uploads refused with a JSON error while the
// server stays up; 16 concurrent checks all answered; a full queue answers 503 and a late job 504;
// the token guards the API (and a non-loopback bind without one is refused); SIGTERM drains.
#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>

#include "serve/work_dir.h"
#include "serve_support.h"

namespace bidfmt::testserve {
namespace {

void expect_refused(const httplib::Result& r, int status) {
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, status) << r->body;
  EXPECT_EQ(r->body.rfind("{", 0), 0u) << r->body;
  EXPECT_NE(r->body.find("\"error\""), std::string::npos) << r->body;
}

void expect_up(httplib::Client& c) {
  httplib::Result h = c.Get("/healthz");
  ASSERT_TRUE(h) << "the server went down";
  EXPECT_EQ(h->status, 200);
}

// A gate the test opens: jobs wait at it on the worker (ServeOptions::before_job).
struct Gate {
  std::mutex m;
  std::condition_variable cv;
  bool open = false;
  int waiting = 0;
  void pass() {
    std::unique_lock<std::mutex> lock(m);
    ++waiting;
    cv.notify_all();
    cv.wait(lock, [&] { return open; });
  }
  void wait_for_waiting(int n) {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [&] { return waiting >= n; });
  }
  void release() {
    std::lock_guard<std::mutex> lock(m);
    open = true;
    cv.notify_all();
  }
};

// Opens the gate when a test ends early, so the server it holds can drain.
struct OpenAtEnd {
  Gate& gate;
  ~OpenAtEnd() { gate.release(); }
};

TEST(ServeUnits, SizesLoopbackNamesAndSecrets) {
  EXPECT_EQ(serve::parse_size("100MB"), 100ull << 20);
  EXPECT_EQ(serve::parse_size("512k"), 512ull << 10);
  EXPECT_EQ(serve::parse_size("2G"), 2ull << 30);
  EXPECT_EQ(serve::parse_size("1048576"), 1048576u);
  for (const char* bad : {"", "MB", "0", "-1", "10 TB", "1.5MB", "99999999999999999999"}) EXPECT_FALSE(serve::parse_size(bad)) << bad;
  EXPECT_TRUE(serve::is_loopback("127.0.0.1"));
  EXPECT_TRUE(serve::is_loopback("127.1.2.3"));
  EXPECT_TRUE(serve::is_loopback("::1"));
  EXPECT_TRUE(serve::is_loopback("localhost"));
  for (const char* far : {"0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "128.0.0.1", "example.com"})
    EXPECT_FALSE(serve::is_loopback(far)) << far;
  EXPECT_TRUE(serve::same_secret("s3cret-token", "s3cret-token"));
  EXPECT_FALSE(serve::same_secret("s3cret-token", "s3cret-tokem"));
  EXPECT_FALSE(serve::same_secret("s3cret-token", "s3cret-token-longer"));
  EXPECT_FALSE(serve::same_secret("", "x"));
  EXPECT_EQ(serve::plain_name("C:\\Users\\王\\投标.docx"), "投标.docx");
  EXPECT_EQ(serve::plain_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(serve::plain_name(".hidden.docx"), "");
  EXPECT_EQ(serve::plain_name("a\nb.docx"), "");
}

TEST(ServeSafety, JunkUploadsAreRefusedAndTheServerStaysUp) {
  Running s({}, "junk");
  httplib::Client c = s.client();
  // Not a zip, a truncated DOCX, an empty file, a PDF named .docx.
  std::string docx = bytes_of(broken_docx());
  for (const std::string& junk : {std::string("not a document at all"), docx.substr(0, docx.size() / 2), std::string(),
                                  std::string("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")}) {
    SCOPED_TRACE("junk of " + std::to_string(junk.size()) + " bytes");
    expect_refused(upload(c, "/api/check", {file_part("file", junk, "junk.docx")}), 422);
    expect_refused(upload(c, "/api/fix", {file_part("file", junk, "junk.docx")}), 422);
    expect_up(c);
  }
  // Neither UTF-8, UTF-16 (no BOM) nor GB18030 (0x80 and 0xFF lead no character there).
  expect_refused(upload(c, "/api/build", {file_part("file", "\x80\xff junk \xff\x80", "x.md")}), 422);
  expect_refused(upload(c, "/api/build", {file_part("file", "PK\x03\x04 broken", "x.zip")}), 422);
  // Not multipart at all.
  expect_refused(c.Post("/api/check", "just text", "text/plain"), 400);
  expect_up(c);
  EXPECT_EQ(s.leftovers(), 0u);
}

TEST(ServeSafety, AnUploadOverTheLimitGets413) {
  serve::ServeOptions o;
  o.max_upload = 1 << 20;
  Running s(o, "limit");
  httplib::Client c = s.client();
  expect_refused(upload(c, "/api/check", {file_part("file", std::string(2 << 20, 'x'), "big.docx")}), 413);
  expect_up(c);
  EXPECT_EQ(s.leftovers(), 0u);
}

TEST(ServeSafety, ZipsWithTraversalBombsOrTooManyFilesAreRefused) {
  Running s({}, "zips");
  httplib::Client c = s.client();
  std::string dir = testkit::temp_dir("serve-bad-zips");
  const std::string md = "# 一、概述\n\n正文。\n";
  testkit::write_zip(dir + "/up.zip", {{"bid.md", md}, {"../../escaped.md", md}});
  testkit::write_zip(dir + "/abs.zip", {{"bid.md", md}, {"/tmp/escaped.png", "x"}});
  testkit::write_zip(dir + "/bomb.zip", {{"bid.md", md}, {"zeros.png", std::string(8 << 20, '\0')}});  // 8 MiB → a few KB
  std::map<std::string, std::string> many;
  for (int i = 0; i < 1001; ++i) many["f" + std::to_string(i) + ".txt"] = "x";
  many["bid.md"] = md;
  testkit::write_zip(dir + "/many.zip", many);
  for (const char* name : {"up.zip", "abs.zip", "bomb.zip", "many.zip"}) {
    httplib::Result r = upload(c, "/api/build", {file_part("file", bytes_of(dir + "/" + name), name)});
    expect_refused(r, 422);
    expect_up(c);
  }
  EXPECT_FALSE(std::filesystem::exists(s.work_root + "/../escaped.md"));
  EXPECT_FALSE(std::filesystem::exists("/tmp/escaped.png"));
  // Two Markdown files: which one is meant is not guessed.
  testkit::write_zip(dir + "/two.zip", {{"a.md", md}, {"b.md", md}});
  expect_refused(upload(c, "/api/build", {file_part("file", bytes_of(dir + "/two.zip"), "two.zip")}), 400);
  EXPECT_EQ(s.leftovers(), 0u);
}

TEST(ServeLoad, SixteenConcurrentChecksAreAllAnswered) {
  Running s({}, "load");
  const std::string docx = bytes_of(broken_docx());
  std::vector<std::future<std::pair<int, std::string>>> answers;
  for (int i = 0; i < 16; ++i)
    answers.push_back(std::async(std::launch::async, [&s, &docx] {
      httplib::Client c = s.client();
      httplib::Result r = upload(c, "/api/check", {file_part("file", docx, "bid.docx"), text_part("project", testfix::kProject)});
      return r ? std::make_pair(r->status, r->body) : std::make_pair(-1, httplib::to_string(r.error()));
    }));
  for (auto& a : answers) {
    auto [status, body] = a.get();
    EXPECT_EQ(status, 200) << body.substr(0, 300);
    EXPECT_NE(body.find("\"page.margins\""), std::string::npos);
  }
  EXPECT_EQ(s.leftovers(), 0u);
}

TEST(ServeLoad, AFullQueueAnswers503) {
  Gate gate;
  serve::ServeOptions o;
  o.jobs = 1;
  o.queue = 1;
  o.before_job = [&gate] { gate.pass(); };
  Running s(o, "queue");
  OpenAtEnd open_at_end{gate};
  const std::string docx = bytes_of(broken_docx());
  auto post = [&] {
    httplib::Client c = s.client();
    httplib::Result r = upload(c, "/api/check", {file_part("file", docx, "bid.docx")});
    return r ? r->status : -1;
  };
  auto running = std::async(std::launch::async, post);  // held at the gate, on the one worker
  gate.wait_for_waiting(1);
  // Two more: one takes the one place in the queue, the other finds it full. While the gate is
  // shut nothing else can answer, so the first answer to come back is the 503.
  std::future<int> more[2] = {std::async(std::launch::async, post), std::async(std::launch::async, post)};
  int first = -1;
  for (int i = 0; i < 3000 && first < 0; ++i)
    for (int k = 0; k < 2 && first < 0; ++k)
      if (more[k].wait_for(std::chrono::milliseconds(100)) == std::future_status::ready) first = k;
  ASSERT_GE(first, 0) << "no answer while the worker was held";
  EXPECT_EQ(more[first].get(), 503);
  gate.release();
  EXPECT_EQ(running.get(), 200);
  EXPECT_EQ(more[1 - first].get(), 200) << "the queued job ran once the worker was free";
  httplib::Client c = s.client();
  expect_up(c);
  EXPECT_EQ(s.leftovers(), 0u);
}

TEST(ServeLoad, AJobOverItsTimeAnswers504AndItsFolderGoesWhenItEnds) {
  Gate gate;
  serve::ServeOptions o;
  o.jobs = 1;
  o.job_timeout = std::chrono::milliseconds(200);
  o.before_job = [&gate] { gate.pass(); };
  Running s(o, "timeout");
  OpenAtEnd open_at_end{gate};
  httplib::Client c = s.client();
  // The job waits at the gate until the test opens it, which is after the 504 came back.
  expect_refused(upload(c, "/api/check", {file_part("file", bytes_of(broken_docx()), "bid.docx")}), 504);
  gate.release();
  expect_up(c);
  // The late job still owns its folder until it ends; the server drains it on shutdown.
  s.server->shutdown();
  s.thread.join();
  s.thread = std::thread([] {});
  EXPECT_EQ(s.leftovers(), 0u);
}

TEST(ServeSafety, TheTokenGuardsTheApi) {
  serve::ServeOptions o;
  o.token = "correct-horse-battery";
  Running s(o, "token");
  httplib::Client c = s.client();
  const std::string docx = bytes_of(broken_docx());
  expect_refused(upload(c, "/api/check", {file_part("file", docx, "bid.docx")}), 401);
  expect_refused(c.Get("/api/profiles"), 401);
  c.set_bearer_token_auth("correct-horse-batterz");
  expect_refused(upload(c, "/api/check", {file_part("file", docx, "bid.docx")}), 401);
  c.set_bearer_token_auth("correct-horse-battery");
  httplib::Result ok = upload(c, "/api/check", {file_part("file", docx, "bid.docx")});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  // The page and /healthz are open: the page asks for the token.
  httplib::Client open = s.client();
  httplib::Result page = open.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  httplib::Result h = open.Get("/healthz");
  ASSERT_TRUE(h);
  EXPECT_NE(h->body.find("\"token\": true"), std::string::npos) << h->body;
}

TEST(ServeSafety, ANonLoopbackBindNeedsAToken) {
  serve::ServeOptions o;
  o.host = "0.0.0.0";
  o.port = 0;
  o.log = false;
  EXPECT_THROW(serve::Server s(o), Error);  // refused before anything is bound
  testkit::RunResult r = testkit::run_cli({"serve", "--host", "0.0.0.0", "--port", "0"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--token"), std::string::npos) << r.err;
  testkit::RunResult bad = testkit::run_cli({"serve", "--max-upload", "lots"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--max-upload"), std::string::npos) << bad.err;
}

TEST(ServeSafety, ShutdownLetsARunningJobFinishAndAnswer) {
  Gate gate;
  serve::ServeOptions o;
  o.jobs = 1;
  o.before_job = [&gate] { gate.pass(); };
  Running s(o, "drain");
  OpenAtEnd open_at_end{gate};
  const std::string docx = bytes_of(broken_docx());
  auto running = std::async(std::launch::async, [&] {
    httplib::Client c = s.client();
    httplib::Result r = upload(c, "/api/check", {file_part("file", docx, "bid.docx")});
    return r ? r->status : -1;
  });
  gate.wait_for_waiting(1);
  s.server->shutdown();  // what SIGTERM does
  gate.release();
  EXPECT_EQ(running.get(), 200) << "the running job was answered";
  s.thread.join();
  s.thread = std::thread([] {});
  EXPECT_EQ(s.leftovers(), 0u);
}

TEST(ServeSafety, TheBinaryServesLogsNoUploadAndStopsOnSigterm) {
  std::string log = testkit::temp_dir("serve-binary-log") + "/stderr.txt";
  Child child({"serve", "--port", "0", "--jobs", "1"}, log);
  ASSERT_GT(child.port, 0) << "first line: " << child.first_line;
  EXPECT_NE(child.first_line.find("http://127.0.0.1:"), std::string::npos) << child.first_line;
  httplib::Client c("127.0.0.1", child.port);
  httplib::Result h = c.Get("/healthz");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
  httplib::Result r = upload(c, "/api/check?project=秘密项目名", {file_part("file", bytes_of(broken_docx()), "机密投标文件.docx")});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(child.stop(SIGTERM), 0);
  std::string logged = testkit::read_text(log);
  EXPECT_NE(logged.find("POST /api/check 200"), std::string::npos) << logged;
  EXPECT_EQ(logged.find("机密投标文件"), std::string::npos) << "no file name in the log";
  EXPECT_EQ(logged.find("秘密项目名"), std::string::npos) << "no query string in the log";
}

}  // namespace
}  // namespace bidfmt::testserve
