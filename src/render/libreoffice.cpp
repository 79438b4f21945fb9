// Runs src/render/layout_pass.py (embedded) with Debian's python3-uno on a pooled soffice (office_pool.h).
#include "render/libreoffice.h"

#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>

#include "core/error.h"
#include "core/file_io.h"
#include "core/resources.h"
#include "render/office_pool.h"
#include "render/process.h"

namespace bidfmt::render {
namespace fs = std::filesystem;

const char* const kInstallHint = "apt-get install libreoffice-writer-nogui python3-uno";
namespace {

// Debian's python3 carries the uno module; a python3 earlier on PATH (pyenv…) may not.
std::string python() {
  if (::access("/usr/bin/python3", X_OK) == 0) return "/usr/bin/python3";
  return on_path("python3");
}

int as_int(const YAML::Node& n, int fallback) {
  if (!n || n.IsNull()) return fallback;
  try {
    return static_cast<int>(n.as<double>());
  } catch (const std::exception&) {
    return fallback;
  }
}

// The timeout of one document: the option, or BIDFMT_LO_TIMEOUT seconds when set (operators, tests).
int timeout_for(const LayoutOptions& options) {
  const char* v = std::getenv("BIDFMT_LO_TIMEOUT");
  int t = v ? std::atoi(v) : 0;
  return t > 0 ? t : options.timeout_seconds;
}

}  // namespace

bool available() {
  std::string py = python();
  if (on_path("soffice").empty() || py.empty()) return false;
  return fs::exists("/usr/lib/python3/dist-packages/uno.py") || fs::exists("/usr/lib/libreoffice/program/uno.py");
}

LayoutResult layout(const std::string& docx, const LayoutOptions& options) {
  if (!available())
    throw Error(docx, 0, std::string("需要 LibreOffice(soffice)和 python3-uno 才能分页;请先安装(") + kInstallHint + ")",
                std::string("paginating needs LibreOffice (soffice) and python3-uno; install them first (") + kInstallHint + ")");
  TempDir tmp("layout");
  std::string json = (tmp.path / "layout.json").string();
  std::vector<std::string> job{fs::absolute(docx).string(), json};
  if (options.update_toc) job.push_back("--update-toc");
  if (!options.toc_mark.empty()) {
    job.push_back("--toc-mark");
    job.push_back(options.toc_mark);
  }
  if (!options.pdf.empty()) {
    job.push_back("--pdf");
    job.push_back(fs::absolute(options.pdf).string());
  }
  if (!options.doc.empty()) {
    job.push_back("--doc");
    job.push_back(fs::absolute(options.doc).string());
  }
  if (!options.docx.empty()) {
    job.push_back("--docx");
    job.push_back(fs::absolute(options.docx).string());
  }
  if (!options.anchors.empty()) {
    job.push_back("--anchors");
    job.push_back(options.anchors);
  }
  // One load of the document in a pooled soffice (office_pool.h): started once per worker.
  JobOutcome done = run_job(job, {}, timeout_for(options));
  if (done.kind == JobOutcome::timed_out) throw Error(docx, 0, "LibreOffice 分页超时", "LibreOffice layout timed out");
  if (done.kind != JobOutcome::ok)
    throw Error(docx, 0, "LibreOffice 分页失败:" + done.message, "LibreOffice layout failed: " + done.message);
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
  add_pages(r.pages);
  if (n["page_starts"])
    for (const auto& e : n["page_starts"]) r.page_starts.emplace_back(as_int(e[0], 0), as_int(e[1], 0));
  if (n["anchors"])
    for (const auto& kv : n["anchors"]) {
      Anchor a;
      const YAML::Node& v = kv.second;
      a.page = as_int(v[0], 0);
      a.y = as_int(v[1], 0);
      a.table_width = as_int(v[2], -1);
      a.table_last_page = as_int(v[3], 0);
      r.anchors[kv.first.as<std::string>()] = a;
    }
  return r;
}

void convert_to_docx(const std::string& input, const std::string& docx) {
  LayoutOptions o;
  o.update_toc = false;  // the document as it was saved: no field is refreshed
  o.docx = docx;
  try {
    layout(input, o);
  } catch (const Error& e) {
    throw Error(input, 0, "LibreOffice 无法将其转换为 DOCX(" + e.message(Lang::zh) + ")",
                "LibreOffice could not convert it to DOCX (" + e.message(Lang::en) + ")");
  }
  if (!fs::exists(docx)) throw Error(input, 0, "LibreOffice 未能转换为 DOCX", "LibreOffice could not convert it to DOCX");
}

std::vector<int> pdf_pages(const LayoutResult& r) {
  std::vector<int> out;
  int blank = 0;
  for (size_t i = 0; i < static_cast<size_t>(r.pages); ++i) {
    int layout_page = static_cast<int>(i) + 1;
    bool is_blank = i < r.page_starts.size() && r.page_starts[i].first != layout_page;
    if (is_blank) {
      ++blank;
      out.push_back(0);
    } else {
      out.push_back(layout_page - blank);
    }
  }
  return out;
}

}  // namespace bidfmt::render
