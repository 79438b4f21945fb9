// Messages in the user's terms: the output file the user named (never a temp file), and the reason
// in words — 「目录不存在」「没有写入权限」「磁盘空间不足」 — for every command that writes.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

const char* kGood = "---\nproject: 测试工程\n---\n\n# 工程概况\n\n正文。\n";

struct Inputs {
  std::string dir, md, docx;
};

Inputs setup(const std::string& name) {
  Inputs s;
  s.dir = testkit::temp_dir("messages-" + name);
  s.md = s.dir + "/in.md";
  s.docx = s.dir + "/in.docx";
  std::ofstream(s.md) << kGood;
  EXPECT_EQ(testkit::run_cli({"build", s.md, "-o", s.docx}).status, 0);
  return s;
}

// Every command that writes a file the user names, writing to `out`.
std::vector<std::vector<std::string>> writers(const Inputs& s, const std::string& out) {
  return {{"build", s.md, "-o", out}, {"fix", s.docx, "-o", out}, {"check", s.docx, "-o", out}, {"template", "-o", out}};
}

// One line naming `out`, with `reason`; exit 2; no temp file anywhere in the line.
void expect_reason(const testkit::RunResult& r, const std::string& out, const std::string& reason) {
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(r.err.rfind("bidfmt: " + out + ": ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(reason), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(".tmp"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("代码"), std::string::npos) << "a code instead of words: " << r.err;
}

TEST(CliMessages, OutputInAFolderThatDoesNotExist) {
  Inputs s = setup("no-folder");
  const std::string out = s.dir + "/missing/dir/x.docx";
  for (const auto& args : writers(s, out)) {
    SCOPED_TRACE(args.front());
    expect_reason(testkit::run_cli(args), out, "目录不存在");
    std::vector<std::string> en = args;
    en.insert(en.end(), {"--lang", "en"});
    expect_reason(testkit::run_cli(en), out, "folder does not exist");
    EXPECT_FALSE(fs::exists(s.dir + "/missing"));
  }
}

TEST(CliMessages, OutputInAFolderWithoutWritePermission) {
  Inputs s = setup("read-only");
  const std::string ro = s.dir + "/read-only";
  fs::create_directory(ro);
  ::chmod(ro.c_str(), 0555);
  const std::string out = ro + "/x.docx";
  // root writes anywhere: the command then runs as nobody (setpriv, util-linux).
  std::vector<std::string> as;
  if (::geteuid() == 0) {
    if (!testkit::have_program("setpriv")) GTEST_SKIP() << "running as root without setpriv: cannot drop the permission";
    as = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    // The test folders and the binary are world-readable (root's umask 022); the inputs too.
    for (const std::string& f : {s.md, s.docx}) ::chmod(f.c_str(), 0644);
  }
  for (const auto& args : writers(s, out)) {
    SCOPED_TRACE(args.front());
    std::vector<std::string> argv = as;
    argv.push_back(testkit::binary());
    argv.insert(argv.end(), args.begin(), args.end());
    expect_reason(testkit::run(argv), out, "没有写入权限");
    argv.insert(argv.end(), {"--lang", "en"});
    expect_reason(testkit::run(argv), out, "no permission to write");
  }
  EXPECT_TRUE(fs::is_empty(ro));
}

TEST(CliMessages, DiskFull) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  Inputs s = setup("full");
  for (const auto& args : writers(s, "/dev/full")) {
    SCOPED_TRACE(args.front());
    expect_reason(testkit::run_cli(args), "/dev/full", "磁盘空间不足");
    std::vector<std::string> en = args;
    en.insert(en.end(), {"--lang", "en"});
    expect_reason(testkit::run_cli(en), "/dev/full", "disk full");
  }
}

TEST(CliMessages, OutputPathThatIsAFileInsteadOfAFolder) {
  Inputs s = setup("not-folder");
  const std::string out = s.md + "/x.docx";  // in.md is a file
  expect_reason(testkit::run_cli({"build", s.md, "-o", out}), out, "路径中有一段不是目录");
}

}  // namespace
}  // namespace bidfmt
