// Fix over every DOCX of every corpus (testkit::corpus_docx: the shared corpus — pandoc's test files
// from Word, Google Docs, LibreOffice — and the folders of BIDFMT_EXTRA_CORPUS): no crash, nothing
// fixable left by a fresh check, the words unchanged, rewritten parts as valid as they were,
// idempotent, Strict documents refused whole, and every result opens in LibreOffice (one soffice
// run converts them all to PDF).
#include <gtest/gtest.h>

#include <iostream>

#include "fix/fix_support.h"

namespace bidfmt::testfix {
namespace {

namespace fs = std::filesystem;

TEST(FixCorpus, EveryDocumentFixesAndOpensInLibreOffice) {
  std::vector<std::string> files = testkit::corpus_docx();
  if (files.empty()) GTEST_SKIP() << testkit::no_corpus();
  std::string dir = testkit::temp_dir("fix-corpus");
  std::vector<std::string> outputs;
  int strict = 0, unreadable = 0;
  for (const std::string& in : files) {
    std::string name = fs::path(in).stem().string();
    SCOPED_TRACE(name);
    FixOptions o;
    o.input = in;
    o.output = dir + "/" + name + ".docx";
    o.project = "测试项目";
    // A file check cannot read (a damaged zip, an encrypted or .doc file) fix refuses with the same
    // one-line error, writing nothing.
    if (report::FileReport c = check_file(in, xx2014(), "测试项目"); !c.checked) {
      try {
        fix_docx(o);
        ADD_FAILURE() << "fix wrote a file check cannot read";
      } catch (const Error& e) {
        EXPECT_EQ(e.file(), in);
      }
      EXPECT_FALSE(fs::exists(o.output));
      ++unreadable;
      continue;
    }
    if (is_strict(in)) {
      expect_strict_refused([&] { fix_docx(o); }, in);
      EXPECT_FALSE(fs::exists(o.output)) << "a refused fix wrote " << o.output;
      ++strict;
      continue;
    }
    FixResult r;
    try {
      r = fix_docx(o);
    } catch (const Error& e) {
      ADD_FAILURE() << "fix failed: " << e.one_line(Lang::en);
      continue;
    }
    outputs.push_back(o.output);
    // check(fix(y)) has nothing fixable — by fix's account and by a fresh check — and the main
    // story's words are unchanged (typed heading and caption numbers aside).
    Fixed f{in, o.output, r};
    expect_nothing_fixable(f, "测试项目");
    expect_same_words(in, o.output, r.changes);
    expect_valid_parts(in, o.output);
    // fix(fix(x)) == fix(x)
    FixOptions again = o;
    again.input = o.output;
    again.output = dir + "/" + name + ".again.docx";
    FixResult r2 = fix_docx(again);
    EXPECT_FALSE(r2.changed);
    EXPECT_EQ(file_bytes(again.output), file_bytes(o.output));
    fs::remove(again.output);
  }
  std::cout << files.size() << " documents: " << outputs.size() << " fixed, " << strict << " Strict refused, " << unreadable
            << " unreadable\n";
  if (!testkit::have_program("soffice")) GTEST_SKIP() << "soffice (LibreOffice) is not installed: PDF conversion not tried";
  std::vector<std::string> argv = {
      "soffice", "-env:UserInstallation=file://" + dir + "/lo-profile", "--headless", "--convert-to", "pdf", "--outdir", dir + "/pdf"};
  argv.insert(argv.end(), outputs.begin(), outputs.end());
  testkit::RunResult lo = testkit::run(argv);
  EXPECT_EQ(lo.status, 0) << lo.err;
  for (const std::string& out : outputs) {
    std::string pdf = dir + "/pdf/" + fs::path(out).stem().string() + ".pdf";
    EXPECT_TRUE(fs::exists(pdf) && fs::file_size(pdf) > 0) << "LibreOffice made no PDF of " << out;
  }
}

TEST(FixCorpus, WhatFixLeavesAloneIsReported) {
  std::string in = testkit::corpus_file("test_docx_golden_track_changes_insertion.docx");
  std::string sdt = testkit::corpus_file("test_docx_sdt_elements.docx");
  if (in.empty() || sdt.empty()) GTEST_SKIP() << testkit::no_corpus();
  FixResult r = fix_path(in, "notes-tracked", "测试项目").result;
  bool tracked = false;
  for (const Text& n : r.notes) tracked |= n.en.find("tracked change") != std::string::npos;
  EXPECT_TRUE(tracked);
  FixResult s = fix_path(sdt, "notes-sdt", "测试项目").result;
  bool controls = false;
  for (const Text& n : s.notes) controls |= n.en.find("content control") != std::string::npos;
  EXPECT_TRUE(controls);
}

}  // namespace
}  // namespace bidfmt::testfix
