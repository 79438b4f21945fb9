// The progress line of long work (src/cli/progress.h): drawn on stderr when it is a terminal (run
// here under util-linux `script`, which gives the command a pty), erased at the end; nothing with
// --quiet, nothing when stderr is a pipe or a file.
#include <gtest/gtest.h>

#include <filesystem>

#include "rules/check_fixture.h"

namespace bidfmt::testfix {
namespace {

namespace fs = std::filesystem;

// Eight copies of the clean document: a batch long enough for the line. One folder per test:
// ctest runs the tests of this file in parallel processes, and temp_dir empties its folder.
std::string eight_files(const std::string& test) {
  std::string d = testkit::temp_dir("progress-batch-" + test);
  for (int i = 1; i <= 8; ++i) fs::copy_file(clean_docx(), d + "/f" + std::to_string(i) + ".docx");
  return d;
}

// What a terminal shows while `bidfmt ARGS` runs (stdout and stderr both on the pty).
std::string on_a_terminal(const std::vector<std::string>& args, const std::string& name) {
  std::string dir = testkit::temp_dir("progress-" + name);
  std::string cmd = "'" + testkit::binary() + "'";
  for (const std::string& a : args) cmd += " '" + a + "'";
  testkit::RunResult r = testkit::run({"script", "-qec", cmd, dir + "/typescript"});
  EXPECT_LE(r.status, 1) << r.out << r.err;
  return testkit::read_text(dir + "/typescript");
}

TEST(Progress, ABatchOnATerminalShowsFilesDoneAndTotalThenErasesTheLine) {
  if (!testkit::have_program("script")) GTEST_SKIP() << "util-linux script not installed";
  const std::string files = eight_files("tty");
  std::string shown = on_a_terminal({"check", files, "--project", kProject, "-o", files + "/../report-tty.txt"}, "tty");
  EXPECT_NE(shown.find("已检查 "), std::string::npos) << shown;
  EXPECT_NE(shown.find("/8 · "), std::string::npos) << shown;
  EXPECT_NE(shown.find(" s"), std::string::npos) << "elapsed: " << shown;
  EXPECT_NE(shown.find("\r\033[K"), std::string::npos) << "erased at the end: " << shown;
}

TEST(Progress, QuietOnATerminalShowsNothing) {
  if (!testkit::have_program("script")) GTEST_SKIP() << "util-linux script not installed";
  const std::string files = eight_files("quiet");
  std::string shown = on_a_terminal({"check", files, "--project", kProject, "--quiet", "-o", files + "/../report-quiet.txt"}, "quiet");
  EXPECT_EQ(shown.find("已检查"), std::string::npos) << shown;
}

TEST(Progress, StderrThatIsNotATerminalGetsNothing) {
  const std::string files = eight_files("pipe");
  testkit::RunResult r = testkit::run_cli({"check", files, "--project", kProject, "-o", files + "/../report-pipe.txt"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

}  // namespace
}  // namespace bidfmt::testfix
