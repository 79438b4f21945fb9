// The fix driver: passes of read → check → fix → commit until a pass changes nothing, each pass
// reading the previous one's result as check would (so every fixer acts on resolved formatting).
#include "fix/fixer.h"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string_view>

#include "core/error.h"
#include "core/file_io.h"
#include "fix/fixes.h"
#include "fix/workspace.h"
#include "package/ooxml.h"
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
// document's parsed styles are read until then; the numbering goes in when anything refers to it).
void run_pass(Workspace& ws) {
  ws.edit(ws.doc().body().part);  // most fixers edit paragraphs and tables of the main part in place
  plan_styles(ws);
  plan_numbering(ws);
  fix_headings(ws);
  fix_captions(ws);
  fix_words(ws);
  fix_tables(ws);
  fix_paragraphs(ws);
  fix_header_footer(ws);
  fix_page_setup(ws);
  fix_metadata(ws);
  fix_lists(ws);
  install_styles(ws);  // first: a heading style it installs or patches may refer to the heading numbering
  install_numbering(ws);
}

// ISO/IEC 29500 Strict (namespaces under purl.oclc.org): check reads it, but the parts fix writes
// or merges in (the profile's styles, numbering, headers and footers) are transitional, and a
// package of both is neither. Refused whole rather than half-fixed (docs/fix.md).
void refuse_strict(const std::string& path, const Entries& entries, const std::string& main_part) {
  auto it = entries.bytes.find(main_part);
  if (it == entries.bytes.end()) return;
  pugi::xml_document d;
  if (!d.load_buffer(it->second.data(), it->second.size(), pugi::parse_minimal)) return;
  for (pugi::xml_attribute a : d.document_element().attributes())
    if (std::string_view(a.value()) == package::ns::kStrictW)
      throw Error(path, 0, "这是 Strict OOXML 文档,fix 不修改它;请在 Word 中另存为“Word 文档(*.docx)”后再修复",
                  "this is a Strict OOXML document, which fix does not change; save it in Word as 'Word Document (*.docx)' and fix that");
}

// One entry per edit: a value worked on over several passes is one change, from the value check
// first saw to the one it ended with; what was left alone is said once.
std::vector<Change> merged(std::vector<Change> changes) {
  std::vector<Change> out;
  std::map<std::string, size_t> seen;
  for (Change& c : changes) {
    std::string key = c.where.part() + "|" + std::to_string(c.where.section) + "|" + std::to_string(c.where.table) + "|" +
                      std::to_string(c.where.paragraph) + "|" + c.rule + "|" + c.kind + "|" + (c.applied ? "1" : "0");
    bool one_value = !c.kind.empty() && !(c.before.zh.empty() && c.after.zh.empty());
    auto it = seen.find(key);
    if (it != seen.end() && (one_value || !c.applied || c.what.zh == out[it->second].what.zh)) {
      if (c.applied) out[it->second].after = std::move(c.after);
      continue;
    }
    seen[key] = out.size();
    out.push_back(std::move(c));
  }
  return out;
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
      // fix changes only what check reports (a default value the standard leaves open is reported
      // only with --strict). Compliant in, nothing out: with nothing fixable the first pass
      // touches nothing at all; a later pass stops there.
      if (std::none_of(ws.findings().begin(), ws.findings().end(), [](const rules::Finding& f) { return f.fixable; })) {
        if (pass > 0) log_renumbering(ws.doc(), journal);
        out.remaining = ws.findings();
        settled = true;
        break;
      }
      if (pass == 0) refuse_strict(path, entries, ws.doc().package().main_part());
      run_pass(ws);
      if (!ws.commit()) {
        log_renumbering(ws.doc(), journal);
        out.remaining = ws.findings();
        settled = true;
        break;
      }
      out.changed = true;
      // Each pass's package under the input's own name: a Standard B chapter's number may come
      // from its file name (「第二章 工程概况.docx」), and each pass reads it as check will.
      const fs::path dir = fs::path(tmp.path()) / ("pass" + std::to_string(pass + 1));
      fs::create_directories(dir);
      current = (dir / fs::u8path(path).filename()).string();
      write_entries(entries, current);
    }
    if (!settled) {
      std::unique_ptr<docx::Document> last = docx::Document::read(current, profile);
      out.remaining = rules::check_document(*last, profile, project, nullptr, options.identity, options.strict);
      log_renumbering(*last, journal);
    }
    out.changes = merged(std::move(journal.changes));
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
