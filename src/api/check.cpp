// check(): expand inputs, read each DOCX and run the rules on a thread pool, collect one report per file.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

#include "api/bidfmt.h"
#include "docx/document.h"
#include "rules/checker.h"

namespace bidfmt {
namespace fs = std::filesystem;

namespace {

bool is_docx(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".docx" && p.filename().string().rfind("~$", 0) != 0;
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

report::FileReport check_file(const std::string& path, const profile::Profile& profile, const std::string& project) {
  report::FileReport r;
  r.path = path;
  try {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw Error(path, 0, "文件不存在", "no such file");
    if (fs::is_directory(path, ec)) throw Error(path, 0, "是文件夹,不是 .docx 文件", "is a folder, not a .docx file");
    std::unique_ptr<docx::Document> doc = docx::Document::read(path, profile);
    r.findings = rules::check_document(*doc, profile, project);
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
  profile::Profile profile = profile::load(o.profile, o.overrides);
  std::vector<std::string> files = expand_inputs(o.inputs);
  if (files.empty())
    throw Error("", 0, "没有要检查的 .docx 文件", "no .docx files to check");
  CheckResult result;
  result.profile_id = profile.id;
  result.profile_source = profile.source;
  result.files.resize(files.size());
  unsigned cores = std::max(2u, std::thread::hardware_concurrency());
  size_t jobs = o.jobs > 0 ? static_cast<size_t>(o.jobs) : cores;
  jobs = std::min(jobs, files.size());
  std::atomic<size_t> next{0};
  std::mutex progress_mu;
  size_t done = 0;
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < files.size();) {
      result.files[i] = check_file(files[i], profile, o.project);
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
