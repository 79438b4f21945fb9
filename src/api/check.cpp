// check(): expand inputs, read each DOCX and run the rules on a thread pool, collect one report per file.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

#include "annotate/annotate.h"
#include "api/bidfmt.h"
#include "api/render_check.h"
#include "core/text.h"
#include "docx/document.h"
#include "render/libreoffice.h"
#include "render/office_pool.h"
#include "render/pdf.h"
#include "rules/anonymous.h"
#include "rules/checker.h"

namespace bidfmt {
namespace fs = std::filesystem;

namespace {

bool is_docx(const fs::path& p) {
  return core::equal_ascii_folded(p.extension().string(), ".docx") && p.filename().string().rfind("~$", 0) != 0;
}

}  // namespace

int CheckResult::exit_status() const {
  int status = 0;
  for (const report::FileReport& f : files) {
    if (!f.checked) return 2;
    if (rules::count(f.findings).errors > 0) status = 1;
  }
  return status;
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
           it.increment(ec)) {
        std::error_code fec;
        if (it->is_regular_file(fec) && is_docx(it->path())) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(in);  // a missing or odd file is reported by check_file
    }
  }
  return out;
}

namespace {

// What fix would change, for the HTML report: a dry run of fix on the same file.
void preview_fix(report::FileReport& r, const std::string& path, const profile::Profile& profile, const std::string& project,
                 const rules::Identity* identity) {
  try {
    fix::Options fo;
    fo.project = project;
    fo.identity = identity;
    r.fix_changes = fix::fix_file(path, profile, fo).changes;
    r.fix_previewed = true;
  } catch (const Error& e) {
    r.fix_error = Text{e.message(Lang::zh), e.message(Lang::en)};
  }
}

}  // namespace

report::FileReport check_file(const std::string& path, const profile::Profile& profile, const std::string& project) {
  FileCheckOptions o;
  o.project = project;
  return check_file(path, profile, o);
}

report::FileReport check_file(const std::string& path, const profile::Profile& profile, const FileCheckOptions& o) {
  report::FileReport r;
  r.path = path;
  try {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw Error(path, 0, "文件不存在", "no such file");
    if (fs::is_directory(path, ec)) throw Error(path, 0, "是文件夹,不是 .docx 文件", "is a folder, not a .docx file");
    static const rules::Identity no_identity;  // the profile's anonymous: true, called without options
    const rules::Identity* identity = o.identity ? o.identity : profile.anonymous ? &no_identity : nullptr;
    // The static rules read the model only; the 暗标 scan, the layout pass and the annotated
    // copy go back to the main part's XML.
    const bool model_only = !identity && !o.render && o.annotate.empty();
    std::unique_ptr<docx::Document> doc =
        docx::Document::read(path, profile, model_only ? docx::Document::MainXml::release : docx::Document::MainXml::keep);
    r.findings = rules::check_document(*doc, profile, o.project, nullptr, identity, o.strict);
    r.idle_rules = rules::idle_rules(*doc, profile, nullptr, identity);
    if (o.render) {
      // The static findings tell which paragraphs to locate; then every rule runs on the pages.
      detail::RenderedCheck rc = detail::render_document(*doc, profile, r.findings, o.page_images);
      r.findings = rules::check_document(*doc, profile, o.project, &rc.rendered, identity, o.strict);
      r.idle_rules = rules::idle_rules(*doc, profile, &rc.rendered, identity);
      r.rendered = true;
      r.pages = std::move(rc.pages);
      r.finding_y = detail::finding_heights(rc, *doc, r.findings);
    }
    if (!o.annotate.empty()) annotate::write_comments(*doc, r.findings, o.annotate, o.lang);
    if (o.fix_preview) preview_fix(r, path, profile, o.project, o.identity);
  } catch (const Error& e) {
    r.checked = false;
    r.error = Text{e.message(Lang::zh), e.message(Lang::en)};
  } catch (const std::bad_alloc&) {
    r.checked = false;
    r.error = Text{"内存不足", "out of memory"};
  } catch (const std::exception& e) {
    r.checked = false;
    r.error = Text{std::string("无法读取:") + e.what(), std::string("cannot read: ") + e.what()};
  }
  return r;
}

CheckResult check(const CheckOptions& o) {
  if (o.render && !render::available())
    throw Error("", 0, "--render 需要 LibreOffice(soffice)和 python3-uno,本机未安装",
                "--render needs LibreOffice (soffice) and python3-uno, which are not installed");
  if (o.render && !render::poppler_available())
    throw Error("", 0, "--render 需要 poppler-utils(pdftotext、pdftoppm),本机未安装",
                "--render needs poppler-utils (pdftotext, pdftoppm), which are not installed");
  profile::Profile profile = load_profile(o.profile, o.overrides);
  std::vector<std::string> files = expand_inputs(o.inputs);
  if (files.empty()) throw Error("", 0, "没有要检查的 .docx 文件", "no .docx files to check");
  if (!o.annotate.empty() && files.size() != 1)
    throw Error(o.annotate, 0, "--annotate 只能用于一个 .docx 文件", "--annotate takes exactly one .docx file to check");
  const std::optional<rules::Identity> identity = rules::identity_for(o.anonymous, o.identity, profile.anonymous);
  FileCheckOptions fo;
  if (identity) fo.identity = &*identity;
  fo.strict = o.strict;
  fo.project = o.project;
  fo.render = o.render;
  fo.page_images = o.render && o.page_images;
  fo.annotate = o.annotate;
  fo.lang = o.lang;
  fo.fix_preview = o.fix_preview;
  CheckResult result;
  result.profile_id = profile.id;
  result.profile_source = profile.source;
  result.quotes = profile.quotes;
  result.files.resize(files.size());
  unsigned cores = std::max(2u, std::thread::hardware_concurrency());
  // A file per core, --render too: a LibreOffice worker per thread (six chapter files on two
  // cores: 2.7 s, against 3.0 s with one worker the two threads take turns with and 4.3 s with
  // one thread). soffice starts while the files are read and checked.
  size_t jobs = std::min(o.jobs > 0 ? static_cast<size_t>(o.jobs) : cores, files.size());
  if (o.render) render::prestart_workers(static_cast<int>(jobs));
  std::atomic<size_t> next{0};
  std::mutex progress_mu;
  size_t done = 0;
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < files.size();) {
      result.files[i] = check_file(files[i], profile, fo);
      if (o.progress) {
        std::lock_guard<std::mutex> lock(progress_mu);
        o.progress(++done, files.size());
      }
    }
  };
  if (jobs <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (size_t t = 0; t < jobs; ++t) pool.emplace_back(work);
    for (std::thread& t : pool) t.join();
  }
  return result;
}

}  // namespace bidfmt
