// bidfmt's public API: build a DOCX from Markdown, check a DOCX, fix a DOCX — all from one profile.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/lang.h"
#include "fix/fixer.h"
#include "model/document.h"
#include "profile/profile.h"
#include "report/report.h"

namespace bidfmt {

namespace rules {
struct Identity;  // rules/anonymous.h: the strings that identify a bidder (identity.yaml)
}

// ---- build ------------------------------------------------------------------------------

struct BuildOptions {
  std::string input;                   // Markdown (.md) or JSON content (.json, docs/content.schema.json) file
  std::vector<std::string> inputs;     // several such files, concatenated in order (empty: `input` alone)
  std::string meta;                    // front matter from this YAML file instead of the first input's; "" = none
  std::string output;                  // .docx to write (atomically); a folder with split_chapters
  std::string profile;                 // bundled name or path; "" = front matter's, else "xx-2014"
  std::vector<std::string> overrides;  // tender override files layered on the profile
  bool paginate = false;               // run a LibreOffice layout pass to fill TOC and footer page numbers
  std::string pdf;                     // also export this PDF (implies paginate); "" = none
  bool doc = false;                    // also write a Word 97–2003 .doc next to each .docx (LibreOffice)
  bool split_chapters = false;         // one DOCX per level-1 heading, named after it (output.per-chapter)
};

struct BuildResult {
  std::vector<model::Warning> warnings;  // e.g. typed heading numbers removed
  int body_pages = 0;                    // known after a layout pass, else 0
  std::vector<std::string> written;      // every file written
};

// Markdown → DOCX. Throws Error (file, line, message) when it cannot; writes nothing then.
BuildResult build(const BuildOptions& options);

// ---- parse ------------------------------------------------------------------------------

struct ParseResult {
  std::string json;                      // docs/content.schema.json, ending in a newline
  std::vector<model::Warning> warnings;  // the reader's, as build would report them
};

// Markdown (or JSON) → the JSON content that `build` reads back to the same document. Image paths
// are written relative to `json_dir`, the folder the JSON will be saved in. Throws Error as build.
ParseResult parse(const std::string& input, const std::string& json_dir);

// A Word template (.dotx) with every style, the numbering, header and footer of a profile, for
// writers who stay in Word or WPS.
void write_template(const std::string& profile, const std::string& output);

// A profile (profile::load) whose `quotes:` name only rules of the registry, which the profile
// layer cannot see. Throws Error naming the file and line, as for any other fault in a profile.
profile::Profile load_profile(const std::string& profile, const std::vector<std::string>& overrides = {});

// `bidfmt profiles show`: the fully resolved profile as YAML, each value with the file it came from.
std::string describe_profile(const std::string& profile, const std::vector<std::string>& overrides);

// ---- check ------------------------------------------------------------------------------

struct CheckOptions {
  std::vector<std::string> inputs;     // .docx files and folders (searched recursively for *.docx)
  std::string profile = "xx-2014";     // bundled name or path
  std::vector<std::string> overrides;  // tender override files laid over the profile (「以招标文件要求为准」)
  std::string project;                 // expected header left text; "" = it must merely be present
  int jobs = 0;                        // worker threads; 0 = one per core (at least 2)
  // Lay each file out with LibreOffice (render::available()) and check the rendered pages too:
  // footers as printed (footer.page-number), toc.page-numbers, and where the profile enables them
  // layout.short-last-page and table.same-width. Findings then carry their PDF page.
  bool render = false;
  bool page_images = false;  // with render: keep a small PNG of every page (HTML report)
  // Also write a copy of the (single) input with one Word comment per finding; "" = none.
  std::string annotate;
  Lang lang = Lang::zh;  // language of the comments
  // 暗标: also find whatever identifies the bidder (rule bid.anonymous) — contact details, ID-card
  // and licence numbers, names in the document properties, and the strings of `identity` (an
  // identity.yaml: names, people, other; giving one implies anonymous). The profile's
  // `anonymous: true` turns this on too.
  bool anonymous = false;
  std::string identity;
  // Also report findings on the profile's default values — values the standard leaves open —
  // as warnings marked 「标准未规定」 (without it they are not reported).
  bool strict = false;
  // Also run fix as a dry run and keep its change log (report::FileReport::fix_changes), which
  // the HTML report shows as 「fix 将做的修改」.
  bool fix_preview = false;

  // Called after each file, from the worker threads (serialised): files done, files in all.
  std::function<void(size_t done, size_t total)> progress;
};

struct CheckResult {
  std::string profile_id, profile_source;
  profile::Quotes quotes;                 // the profile's standard, sentence by rule ID (profile::Profile::quotes)
  std::vector<report::FileReport> files;  // in input order (folders expanded, sorted)
  // 0 no error-level findings, 1 findings, 2 some file could not be checked.
  int exit_status() const;
};

// Checks every input with the profile. Throws Error when the profile cannot be loaded or no
// input names a .docx; a file that cannot be read is reported in its FileReport and the batch
// goes on.
CheckResult check(const CheckOptions& options);

// Checks one file (no threads); never throws for a bad file.
report::FileReport check_file(const std::string& path, const profile::Profile& profile, const std::string& project);

// What check_file does besides the static check (the CheckOptions of the same names).
struct FileCheckOptions {
  std::string project;
  bool render = false, page_images = false;
  std::string annotate;
  Lang lang = Lang::zh;
  // 暗标 identity (CheckOptions::identity, loaded); null = run bid.anonymous only when the profile
  // says anonymous, then with no identity strings.
  const rules::Identity* identity = nullptr;
  bool strict = false;       // CheckOptions::strict
  bool fix_preview = false;  // CheckOptions::fix_preview
};
// Checks one file with those options; a file that cannot be checked, laid out or annotated is
// reported in the FileReport (checked = false), never thrown.
report::FileReport check_file(const std::string& path, const profile::Profile& profile, const FileCheckOptions& options);

// The .docx files an input names: the file itself, or a folder's *.docx (recursive, sorted,
// skipping Word's 「~$」 lock files).
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs);

// ---- fix --------------------------------------------------------------------------------

struct FixOptions {
  std::string input;                   // the .docx to fix; only read unless in_place
  std::string output;                  // the fixed .docx (written atomically); "" with in_place or dry_run
  bool in_place = false;               // replace the input, keeping the original as INPUT.bak
  bool dry_run = false;                // list what would change; write nothing
  std::string profile = "xx-2014";     // bundled name or path
  std::vector<std::string> overrides;  // tender override files laid over the profile
  std::string project;                 // header left text; "" = the left text of an existing header
  // 暗标: clear the names in the document properties and the authors of revisions and comments
  // (what check --anonymous reports as fixable); the text is only reported. `identity` as for
  // check. The profile's `anonymous: true` turns this on too.
  bool anonymous = false;
  std::string identity;
  // Also change what check --strict reports: the profile's default values (the standard leaves
  // them open). Without it fix acts only on what plain check reports.
  bool strict = false;
  // Leave the words as typed: text.punctuation and text.units are logged as not fixed.
  bool keep_text = false;
};

struct FixResult {
  // The change log (rules/change.h): every edit fix made (or, with dry_run, would make) — where,
  // which rule, the value before → after — and, marked not applied, what it saw and left alone
  // with the reason (a line that only looks like a heading). report/change_log.h prints it.
  std::vector<fix::Change> changes;
  std::vector<Text> notes;           // what it left alone: content controls, fields, tracked changes, …
  rules::Findings remaining;         // findings of the fixed document: those fix cannot repair
  std::string project;               // the project name the header carries
  std::string profile_id;            // the profile fixed against
  bool changed = false;              // false: the document already complied
  std::vector<std::string> written;  // files written: the output, and INPUT.bak with in_place
  // Remaining findings marked fixable (fix's invariant: none).
  size_t fixable_remaining() const;
};

// Makes a DOCX meet the profile without changing its words (every character of its paragraphs,
// cells, headers and notes stays; typed heading and caption numbers give way to generated ones).
// Parts it does not rewrite are copied byte for byte; a document that complies is copied as is.
// Throws Error naming the file when the input cannot be read, the output would overwrite the
// input (use in_place), or a header must be written and no project name is known.
FixResult fix_docx(const FixOptions& options);

// ---- LibreOffice ------------------------------------------------------------------------

// Pages LibreOffice has laid out so far in this process (the CLI's progress line).
long pages_laid_out();

}  // namespace bidfmt
