// Test helpers shared by every test executable: paths, temp dirs, running the CLI, reading parts.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace bidfmt::testkit {

std::string source_dir();  // the repository root
std::string shared_dir();  // ../shared (only the default of corpus_dir(); tests need nothing from it)
// The ECMA-376 schemas validate_part uses: tests/data/ooxml-xsd in the repository.
std::string schema_dir();
// The foreign corpus (pandoc's DOCX test files from Word, Google Docs, LibreOffice): not part of
// the repository. $BIDFMT_CORPUS_DIR, else the BIDFMT_CORPUS_DIR the build was configured with
// (default ../shared/corpus). Its tests are skipped when it is absent, saying so (no_corpus()).
std::string corpus_dir();
// The DOCX files of the corpus (corpus_dir(), searched recursively) and of the folders of the
// environment variable BIDFMT_EXTRA_CORPUS (colon-separated, for local runs such as Apache POI's
// test documents), sorted; empty when absent.
std::vector<std::string> corpus_docx();
// One file of corpus_dir()/pandoc-docx by name ("" when it is absent).
std::string corpus_file(const std::string& name);
// Why a corpus test is skipped: "no corpus at PATH (set BIDFMT_CORPUS_DIR …)".
std::string no_corpus();
std::string binary();  // the bidfmt executable
// A fresh empty directory for one test (under the build tree).
std::string temp_dir(const std::string& name);

struct RunResult {
  int status = -1;  // exit status
  std::string out, err;
};
// Runs the bidfmt CLI with `args` (no shell), capturing stdout and stderr.
RunResult run_cli(const std::vector<std::string>& args);
// Runs any program (argv[0] looked up on PATH), capturing output; env entries "K=V" are added.
RunResult run(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});

// All entries of a zip (DOCX) file.
std::map<std::string, std::string> read_zip(const std::string& path);
// Writes a zip file from entries (for building broken fixtures).
void write_zip(const std::string& path, const std::map<std::string, std::string>& entries);
// Writes `text` to dir/name; returns that path.
std::string write_text(const std::string& dir, const std::string& name, const std::string& text);

// Validates `xml` (the bytes of part `part_name`) against the ECMA-376 schema that governs it;
// returns "" when valid, else libxml2's messages.
std::string validate_part(const std::string& part_name, const std::string& xml);

bool have_program(const std::string& name);
std::string read_text(const std::string& path);

}  // namespace bidfmt::testkit
