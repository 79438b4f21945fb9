// The routes of `bidfmt serve` and what they share: the options, the job queue, and how a
// request's fields, language and errors are read and written.
#pragma once
#include <httplib.h>

#include <string>

#include "core/lang.h"
#include "serve/job_queue.h"
#include "serve/server.h"

namespace bidfmt::serve {

struct Context {
  const ServeOptions& options;
  JobQueue& jobs;
};

// GET /, /page.css, /page.js: the page, from the embedded resources (src/serve/web).
void add_page_routes(httplib::Server& server);
// POST /api/check, /api/fix, /api/build; GET /api/profiles, /healthz.
void add_api_routes(httplib::Server& server, Context& context);

// The language a request asks for: lang=en (query or form field) → English, else Chinese.
Lang request_lang(const httplib::Request& req);
// A text field from the multipart form or the query string; "" when absent.
std::string field(const httplib::Request& req, const std::string& name);
// A flag field: 1, true, on, yes.
bool flag_field(const httplib::Request& req, const std::string& name);
// Answers `status` with {"error": message} (JSON written by report::JsonWriter).
void send_error(httplib::Response& res, int status, const std::string& message);
void send_error(httplib::Response& res, int status, Lang lang, const std::string& zh, const std::string& en);

}  // namespace bidfmt::serve
