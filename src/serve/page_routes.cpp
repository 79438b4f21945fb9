// The page: index.html, page.css and page.js, compiled into the binary (src/serve/web, embedded by
// cmake/embed.cmake), so it works offline and nothing is fetched from elsewhere.
#include "core/resources.h"
#include "serve/routes.h"

namespace bidfmt::serve {
namespace {

// Only this origin: the page never loads or sends anything elsewhere. The report shown in the
// page (an iframe, sandboxed) keeps its inline style and script.
const char* kPolicy =
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; frame-src 'self' blob: data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'";

void send_resource(httplib::Response& res, const char* name, const char* type) {
  std::optional<std::string_view> data = core::resource(name);
  if (!data) return send_error(res, 404, "no such resource");
  res.set_content(data->data(), data->size(), type);
  res.set_header("Content-Security-Policy", kPolicy);
  res.set_header("Cache-Control", "no-cache");
}

}  // namespace

void add_page_routes(httplib::Server& server) {
  server.Get("/", [](const httplib::Request& req, httplib::Response& res) {
    send_resource(res, "src/serve/web/index.html", "text/html; charset=utf-8");
    // The page is in Chinese; ?lang=en marks it English and its script swaps the texts.
    if (request_lang(req) == Lang::en) {
      const std::string zh = "<html lang=\"zh-CN\">";
      size_t at = res.body.find(zh);
      if (at != std::string::npos) res.body.replace(at, zh.size(), "<html lang=\"en\">");
    }
  });
  server.Get("/page.css", [](const httplib::Request&, httplib::Response& res) {
    send_resource(res, "src/serve/web/page.css", "text/css; charset=utf-8");
  });
  server.Get("/page.js", [](const httplib::Request&, httplib::Response& res) {
    send_resource(res, "src/serve/web/page.js", "text/javascript; charset=utf-8");
  });
}

}  // namespace bidfmt::serve
