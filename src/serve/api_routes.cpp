// The HTTP API: check, fix and build over the library, each job in its own temp folder on the
// job queue; the profiles and /healthz. docs/serve.md documents every field.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <sstream>

#include "api/bidfmt.h"
#include "core/error.h"
#include "core/file_io.h"
#include "markdown/reader.h"
#include "profile/profile.h"
#include "render/libreoffice.h"
#include "report/json_writer.h"
#include "serve/change_log.h"
#include "serve/routes.h"
#include "serve/work_dir.h"

namespace bidfmt::serve {
namespace fs = std::filesystem;
namespace {

const char* kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// What every job route reads from its request: the uploads, the profile and the override, saved
// into the request's own folder. The job owns it (shared), so the folder lives until the job
// ends even when the caller has given up (504), and not a moment longer.
struct Work {
  explicit Work(const std::string& root) : dir(root) {}
  WorkDir dir;
  Lang lang = Lang::zh;
  std::vector<std::string> inputs;  // saved uploads
  std::vector<std::string> shown;   // their names as the user gave them
  std::string profile = "xx-2014";
  std::vector<std::string> overrides;
  // What the job leaves for the answer.
  int status = 200;
  std::string body, type, error;
  std::vector<std::pair<std::string, std::string>> headers;
};

// A failure to answer with {"error": …}.
struct Refusal {
  int status;
  std::string zh, en;
};

void take_profile(const httplib::Request& req, Work& w) {
  std::string name = field(req, "profile");
  if (!name.empty()) {
    // Only bundled profiles: a path would let a request read any file on the server.
    std::vector<std::string> names = profile::bundled_names();
    if (std::find(names.begin(), names.end(), name) == names.end())
      throw Refusal{400, "没有名为「" + name + "」的格式配置(见 /api/profiles)", "no profile named '" + name + "' (see /api/profiles)"};
    w.profile = name;
  }
  if (req.has_file("override")) {
    httplib::MultipartFormData o = req.get_file_value("override");
    if (o.content.empty()) return;
    // profile::load refuses `extends` in an override, so an upload cannot pull in the server's files.
    w.overrides.push_back(w.dir.save("override", o.filename, o.content, ".yaml", "override.yaml"));
  }
}

// The `file` uploads, saved as sub-folders 1/, 2/, … so two files of one name do not collide.
void take_files(const httplib::Request& req, Work& w, const std::string& ext, const std::string& fallback, bool one) {
  auto range = req.files.equal_range("file");
  for (auto it = range.first; it != range.second; ++it) {
    const httplib::MultipartFormData& f = it->second;
    std::string sub = std::to_string(w.inputs.size() + 1);
    w.inputs.push_back(w.dir.save(sub, f.filename, f.content, ext, fallback));
    std::string shown = plain_name(f.filename);
    w.shown.push_back(shown.empty() ? fallback : shown);
  }
  if (w.inputs.empty()) throw Refusal{400, "缺少上传文件(multipart 字段 file)", "no upload (multipart field 'file')"};
  if (one && w.inputs.size() > 1) throw Refusal{400, "只接受一个文件", "takes exactly one file"};
}

// Runs the job on the queue and sends its answer, or the refusal, 503 (queue full) or 504 (time).
void answer(Context& c, httplib::Response& res, const std::shared_ptr<Work>& w, std::function<void(Work&)> job) {
  Lang lang = w->lang;
  try {
    JobQueue::Outcome out = c.jobs.run([w, job = std::move(job)] { job(*w); }, c.options.job_timeout);
    if (out == JobQueue::Outcome::full) {
      res.set_header("Retry-After", "10");
      return send_error(res, 503, lang, "服务器正忙(等待的任务已满),请稍后再试", "the server is busy (the queue is full); try again later");
    }
    if (out == JobQueue::Outcome::timeout) return send_error(res, 504, lang, "任务超时,未完成", "the job did not finish in time");
  } catch (const Refusal& r) {
    return send_error(res, r.status, lang, r.zh, r.en);
  } catch (const Error& e) {
    return send_error(res, 422, w->dir.scrub(e.one_line(lang)));
  }
  if (!w->error.empty()) return send_error(res, w->status, w->error);
  res.status = w->status;
  for (const auto& [k, v] : w->headers) res.set_header(k, v);
  res.set_header("Content-Type", w->type);
  res.body = std::move(w->body);
}

// Parses the request into a Work, or answers the refusal; null then.
std::shared_ptr<Work> prepare(Context& c, const httplib::Request& req, httplib::Response& res, const std::function<void(Work&)>& read) {
  Lang lang = request_lang(req);
  std::shared_ptr<Work> w;
  try {
    w = std::make_shared<Work>(c.options.work_root);
  } catch (const Error& e) {
    send_error(res, 500, e.one_line(lang));
    return nullptr;
  }
  w->lang = lang;
  try {
    take_profile(req, *w);
    read(*w);
    return w;
  } catch (const Refusal& r) {
    send_error(res, r.status, lang, r.zh, r.en);
  } catch (const Error& e) {  // an upload that cannot be unpacked
    send_error(res, 422, w->dir.scrub(e.one_line(lang)));
  }
  return nullptr;
}

void need_render(const char* what) {
  if (!render::available())
    throw Refusal{501, std::string(what) + " 需要服务器安装 LibreOffice 与 python3-uno",
                  std::string(what) + " needs LibreOffice and python3-uno on the server"};
}

// ---- POST /api/check ----

void check_route(Context& c, const httplib::Request& req, httplib::Response& res) {
  std::string format = field(req, "format");
  if (format.empty()) format = "json";
  std::optional<report::Format> fmt = report::parse_format(format);
  if (!fmt || *fmt == report::Format::text)
    return send_error(res, 400, request_lang(req), "format 只接受 json、html、sarif、junit", "format takes json, html, sarif or junit");
  const bool render = flag_field(req, "render"), annotate = flag_field(req, "annotate");
  const std::string project = field(req, "project");
  auto work = prepare(c, req, res, [&](Work& w) {
    take_files(req, w, ".docx", "document.docx", annotate);
    if (render) need_render("render");
  });
  if (!work) return;
  const std::string version = c.options.version;
  answer(c, res, work, [render, annotate, project, fmt, version](Work& w) {
    profile::Profile p = load_profile(w.profile, w.overrides);
    std::vector<report::FileReport> files;
    std::string annotated = w.dir.path() + "/annotated.docx";
    for (size_t i = 0; i < w.inputs.size(); ++i) {
      FileCheckOptions fo;
      fo.project = project;
      fo.render = render;
      fo.page_images = render && *fmt == report::Format::html;  // the report's thumbnails
      fo.lang = w.lang;
      if (annotate) fo.annotate = annotated;
      report::FileReport f = check_file(w.inputs[i], p, fo);
      f.path = w.shown[i];
      files.push_back(std::move(f));
    }
    bool any = false;
    size_t findings = 0;
    for (const report::FileReport& f : files) any |= f.checked, findings += f.findings.size();
    if (!any) {
      w.status = 422;
      w.error = w.dir.scrub(files[0].path + ": " + files[0].error.in(w.lang));
      return;
    }
    CheckResult r;
    r.profile_id = p.id;
    r.profile_source = w.dir.scrub(p.source);
    r.files = std::move(files);
    w.headers = {{"X-Bidfmt-Exit", std::to_string(r.exit_status())}, {"X-Bidfmt-Findings", std::to_string(findings)}};
    if (annotate) {
      w.body = core::read_file(annotated);
      w.type = kDocxType;
      w.headers.emplace_back("Content-Disposition", "attachment; filename=\"annotated.docx\"");
      return;
    }
    report::ReportOptions ro;
    ro.lang = w.lang;
    ro.tool_version = version;
    ro.profile_id = r.profile_id;
    ro.profile_source = r.profile_source;
    ro.quotes = p.quotes;
    std::ostringstream os;
    report::write_report(os, *fmt, r.files, ro);
    w.body = w.dir.scrub(os.str());
    w.type = *fmt == report::Format::html    ? "text/html; charset=utf-8"
             : *fmt == report::Format::junit ? "application/xml"
             : *fmt == report::Format::sarif ? "application/sarif+json"
                                             : "application/json";
  });
}

// ---- POST /api/fix ----

void fix_route(Context& c, const httplib::Request& req, httplib::Response& res) {
  const bool log = flag_field(req, "log");
  const std::string project = field(req, "project");
  auto work = prepare(c, req, res, [&](Work& w) { take_files(req, w, ".docx", "document.docx", true); });
  if (!work) return;
  answer(c, res, work, [log, project](Work& w) {
    FixOptions o;
    o.input = w.inputs[0];
    o.output = w.dir.path() + "/fixed.docx";
    o.profile = w.profile;
    o.overrides = w.overrides;
    o.project = project;
    FixResult r = fix_docx(o);
    w.headers = {{"X-Bidfmt-Changes", std::to_string(r.changes.size())}, {"X-Bidfmt-Remaining", std::to_string(r.remaining.size())}};
    if (log) {
      w.body = change_log_json(r, w.lang);
      w.type = "application/json";
      return;
    }
    w.body = core::read_file(o.output);
    w.type = kDocxType;
    w.headers.emplace_back("Content-Disposition", "attachment; filename=\"fixed.docx\"");
  });
}

// ---- POST /api/build ----

// The Markdown file of an unpacked zip: the only *.md in it (macOS's __MACOSX copies aside).
std::string markdown_of(const std::vector<std::string>& files, const std::string& root) {
  std::vector<std::string> md;
  for (const std::string& f : files) {
    std::string rel = fs::path(f).lexically_relative(root).string();
    if (rel.rfind("__MACOSX/", 0) == 0) continue;
    if (has_ext(f, ".md") || has_ext(f, ".markdown")) md.push_back(f);
  }
  if (md.size() != 1)
    throw Refusal{400, "zip 中应恰好有一个 Markdown 文件(.md),实有 " + std::to_string(md.size()) + " 个",
                  "the zip must hold exactly one Markdown file (.md); it holds " + std::to_string(md.size())};
  return md[0];
}

// Refuses images outside the request's folder: on a server, `![](/some/where.png)` must not
// put the server's own files into the answer.
void confine_images(const std::string& markdown, const std::string& root) {
  model::Document doc = markdown::read_file(markdown);
  const fs::path base = fs::weakly_canonical(root);
  for (const model::Block& b : doc.blocks)
    if (const auto* f = std::get_if<model::Figure>(&b)) {
      std::string rel = fs::weakly_canonical(f->path).lexically_relative(base).string();
      if (rel.empty() || rel.rfind("..", 0) == 0)
        throw Refusal{400, "第 " + std::to_string(f->line) + " 行的图片不在上传的文件中(请把图片和 Markdown 一起打包为 zip)",
                      "line " + std::to_string(f->line) + ": the image is not among the uploaded files (zip it with the Markdown)"};
    }
}

void build_route(Context& c, const httplib::Request& req, httplib::Response& res) {
  const bool pdf = flag_field(req, "pdf");
  auto work = prepare(c, req, res, [&](Work& w) {
    if (!req.has_file("file")) throw Refusal{400, "缺少上传文件(multipart 字段 file)", "no upload (multipart field 'file')"};
    httplib::MultipartFormData f = req.get_file_value("file");
    if (has_ext(f.filename, ".zip")) {
      std::string zip = w.dir.save("upload", f.filename, f.content, ".zip", "upload.zip");
      std::string root = w.dir.path() + "/src";
      w.inputs.push_back(markdown_of(w.dir.unpack(zip, "src"), root));
    } else if (has_ext(f.filename, ".md") || has_ext(f.filename, ".markdown")) {
      w.inputs.push_back(w.dir.save("src", f.filename, f.content, ".md", "document.md"));
    } else {
      throw Refusal{415, "build 接受 Markdown(.md)或含 Markdown 与图片的 zip",
                    "build takes Markdown (.md) or a zip of Markdown and images"};
    }
    if (pdf) need_render("pdf");
  });
  if (!work) return;
  answer(c, res, work, [pdf](Work& w) {
    confine_images(w.inputs[0], w.dir.path() + "/src");
    BuildOptions o;
    o.input = w.inputs[0];
    o.output = w.dir.path() + "/out/document.docx";
    fs::create_directories(w.dir.path() + "/out");
    o.profile = w.profile;
    o.overrides = w.overrides;
    if (pdf) o.pdf = w.dir.path() + "/out/document.pdf";
    BuildResult r = build(o);
    w.headers = {{"X-Bidfmt-Warnings", std::to_string(r.warnings.size())}};
    w.body = core::read_file(pdf ? o.pdf : o.output);
    w.type = pdf ? "application/pdf" : kDocxType;
    w.headers.emplace_back("Content-Disposition", pdf ? "attachment; filename=\"document.pdf\"" : "attachment; filename=\"document.docx\"");
  });
}

// ---- GET /api/profiles, /healthz ----

void profiles_route(const httplib::Request& req, httplib::Response& res) {
  std::ostringstream os;
  {
    report::JsonWriter w(os);
    w.begin_object();
    w.key("profiles");
    w.begin_array();
    for (const std::string& name : profile::bundled_names()) {
      profile::Profile p = profile::load(name);
      w.begin_object();
      w.field("id", name);
      w.field("name", p.name);
      w.field("default", name == "xx-2014");
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  (void)req;
  res.set_content(os.str() + "\n", "application/json");
}

}  // namespace

void add_api_routes(httplib::Server& server, Context& c) {
  server.Post("/api/check", [&c](const httplib::Request& req, httplib::Response& res) { check_route(c, req, res); });
  server.Post("/api/fix", [&c](const httplib::Request& req, httplib::Response& res) { fix_route(c, req, res); });
  server.Post("/api/build", [&c](const httplib::Request& req, httplib::Response& res) { build_route(c, req, res); });
  server.Get("/api/profiles", profiles_route);
  server.Get("/healthz", [&c](const httplib::Request&, httplib::Response& res) {
    std::ostringstream os;
    {
      report::JsonWriter w(os);
      w.begin_object();
      w.field("status", "ok");
      w.field("render", render::available());
      w.field("token", !c.options.token.empty());
      w.field("max_upload_mb", static_cast<int>(std::min<uint64_t>(c.options.max_upload >> 20, 1u << 30)));
      w.end_object();
    }
    res.set_content(os.str() + "\n", "application/json");
  });
}

}  // namespace bidfmt::serve
