// The fix driver: passes of read → check → fix → commit until a pass changes nothing, each pass
// reading the previous one's result as check would (so every fixer acts on resolved formatting).
#include "fix/fixer.h"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>

#include "core/error.h"
#include "core/file_io.h"
#include "fix/fixes.h"
#include "fix/workspace.h"
#include "package/zip_reader.h"
#include "package/zip_writer.h"
#include "rules/checker.h"

namespace bidfmt::fix {
namespace {

namespace fs = std::filesystem;

// Passes after which fix stops even if findings remain (a pass that changes nothing ends it earlier).
constexpr int kMaxPasses = 6;

// A private folder for the passes' intermediate packages, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "bidfmt-fix-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw Error("", 0, "无法创建临时目录", "cannot create a temporary folder");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

Entries read_entries(const std::string& path) {
  package::ZipReader zip(path);
  Entries e;
  for (const std::string& name : zip.names()) e.put(name, zip.get(name));
  return e;
}

void write_entries(const Entries& e, const std::string& path) {
  package::ZipWriter zip(path);
  for (const std::string& name : e.names) zip.add(name, e.bytes.at(name));
  zip.close();
}

// Runs one pass's fixers in their order: first what the styles and numbering will be called here,
// then the fixers that read the document, then the two that rewrite styles and numbering (the
// document's parsed styles are read until then).
void run_pass(Workspace& ws) {
  ws.edit(ws.doc().body().part);  // most fixers edit paragraphs and tables of the main part in place
  plan_styles(ws);
  plan_numbering(ws);
  fix_headings(ws);
  fix_captions(ws);
  fix_tables(ws);
  fix_paragraphs(ws);
  fix_header_footer(ws);
  fix_page_setup(ws);
  fix_metadata(ws);
  fix_lists(ws);
  install_numbering(ws);
  install_styles(ws);
}

}  // namespace

Outcome fix_file(const std::string& path, const profile::Profile& profile, const Options& options) {
  Outcome out;
  try {
    Entries entries = read_entries(path);
    Generated generated(profile);
    Journal journal;
    journal.input = path;
    std::string project = options.project;
    {
      std::unique_ptr<docx::Document> original = docx::Document::read(path, profile);
      if (project.empty()) project = project_from_header(*original, profile);
      journal.notes = notes_for(*original, entries.names);
    }
    TempDir tmp;
    std::string current = path;
    bool settled = false;
    for (int pass = 0; pass < kMaxPasses; ++pass) {
      Options pass_options = options;
      pass_options.project = project;
      Workspace ws(current, profile, pass_options, entries, generated, journal);
      // fix changes only what check reports: with nothing fixable reported (a default value the
      // standard leaves open is reported only with --strict), the pass changes nothing.
      if (std::none_of(ws.findings().begin(), ws.findings().end(), [](const rules::Finding& f) { return f.fixable; })) {
        out.remaining = ws.findings();
        settled = true;
        break;
      }
      run_pass(ws);
      if (!ws.commit()) {
        out.remaining = ws.findings();
        settled = true;
        break;
      }
      out.changed = true;
      current = tmp.path() + "/pass" + std::to_string(pass + 1) + ".docx";
      write_entries(entries, current);
    }
    if (!settled) {
      std::unique_ptr<docx::Document> last = docx::Document::read(current, profile);
      out.remaining = rules::check_document(*last, profile, project, nullptr, options.identity, options.strict);
    }
    out.changes = std::move(journal.changes);
    out.notes = std::move(journal.notes);
    out.project = project;
    if (out.changed)
      for (const std::string& name : entries.names) out.package.emplace_back(name, entries.bytes.at(name));
  } catch (const Error& e) {
    if (e.file() == path) throw;
    throw Error(path, 0, e.message(Lang::zh), e.message(Lang::en));  // an intermediate file: name the input
  }
  return out;
}

void write_package(const Outcome& outcome, const std::string& path) {
  core::write_path_atomically(path, [&](const std::string& tmp) {
    package::ZipWriter zip(tmp);
    for (const auto& [name, bytes] : outcome.package) zip.add(name, bytes);
    zip.close();
  });
}

}  // namespace bidfmt::fix
