// Every DOCX of ../shared/corpus/pandoc-docx through `bidfmt check` (and `bidfmt fix` once it
// exists): each within 10 s, with a report or a one-line refusal — no crash, no sanitizer report
// (the ASan build of the suite runs this with leak detection on).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "hardening/hardening.h"
#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

TEST(CorpusHardening, CheckEveryCorpusFile) {
  const std::vector<std::string> files = testkit::corpus_docx();
  if (files.empty()) GTEST_SKIP() << testkit::no_corpus();
  const std::string why = hardening::missing_subcommand("check");
  if (!why.empty()) GTEST_SKIP() << why;
  double slowest = 0;
  for (const std::string& f : files) {
    for (const char* format : {"text", "json"}) {
      hardening::Measured r = hardening::run_bidfmt({"check", f, "--format", format}, hardening::Limits{30});
      slowest = std::max(slowest, r.seconds);
      EXPECT_FALSE(r.timed_out) << f;
      EXPECT_LE(r.status, 2) << f << "\n" << r.err.substr(0, 4000);
      EXPECT_FALSE(hardening::sanitizer_report(r.err)) << f << "\n" << r.err.substr(0, 4000);
      if (r.status == 2) EXPECT_EQ(hardening::line_count(r.err), 1u) << f << "\n" << r.err.substr(0, 2000);
      else EXPECT_FALSE(r.out.empty()) << f;
    }
  }
  RecordProperty("slowest_seconds", std::to_string(slowest));
}

TEST(CorpusHardening, FixEveryCorpusFile) {
  const std::vector<std::string> files = testkit::corpus_docx();
  if (files.empty()) GTEST_SKIP() << testkit::no_corpus();
  const std::string why = hardening::missing_subcommand("fix");
  if (!why.empty()) GTEST_SKIP() << why << "; the corpus goes through fix once it lands";
  const std::string dir = testkit::temp_dir("corpus-fix");
  for (const std::string& f : files) {
    const std::string before = testkit::read_text(f);
    const std::string out = dir + "/" + fs::path(f).filename().string();
    hardening::Measured r = hardening::run_bidfmt({"fix", f, "-o", out, "--project", "测试项目"}, hardening::Limits{30});
    EXPECT_FALSE(r.timed_out) << f;
    EXPECT_LE(r.status, 2) << f << "\n" << r.err.substr(0, 4000);
    EXPECT_FALSE(hardening::sanitizer_report(r.err)) << f << "\n" << r.err.substr(0, 4000);
    if (r.status == 2) {
      EXPECT_EQ(hardening::line_count(r.err), 1u) << f << "\n" << r.err.substr(0, 2000);
    }
    EXPECT_TRUE(testkit::read_text(f) == before) << "fix changed its input " << f;
    if (r.status <= 1 && fs::exists(out)) {
      hardening::Measured c = hardening::run_bidfmt({"check", out, "--project", "测试项目"}, hardening::Limits{30});
      EXPECT_LE(c.status, 1) << "fix output does not check: " << f << "\n" << c.err.substr(0, 2000);
      EXPECT_FALSE(hardening::sanitizer_report(c.err)) << f;
    }
  }
}

}  // namespace
}  // namespace bidfmt
