// Output safety: a full disk, a read-only folder, an output that names an input, a device — the
// input is never harmed, no partial output or .tmp-* file is left, an existing output stays whole.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "hardening/hardening.h"
#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;
using hardening::Measured;

const char* kMd = "---\nproject: 输出测试\n---\n\n# 工程概况\n\n正文。\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";

std::string sample_md(const std::string& dir) {
  std::string md = dir + "/in.md";
  hardening::write_bytes(md, kMd);
  return md;
}

// Nothing in `dir` but `expected` (file names).
void expect_only(const std::string& dir, std::set<std::string> expected) {
  std::set<std::string> found;
  for (const auto& e : fs::directory_iterator(dir)) found.insert(e.path().filename().string());
  EXPECT_EQ(found, expected);
}

// A tmpfs mounted for one test; unmounted on scope exit. ok() is false where mounting is not
// allowed (not root, or a container without CAP_SYS_ADMIN).
class Tmpfs {
 public:
  Tmpfs(const std::string& dir, const std::string& options) : dir_(dir) {
    fs::create_directories(dir);
    ok_ = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) == 0;
  }
  ~Tmpfs() {
    if (ok_) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  bool ok() const { return ok_; }
  bool remount_read_only() { return ::mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0; }

 private:
  std::string dir_;
  bool ok_ = false;
};

void expect_refused(const Measured& r, const std::string& needle) {
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(hardening::line_count(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
  EXPECT_FALSE(hardening::sanitizer_report(r.err)) << r.err;
}

// --- a full disk --------------------------------------------------------------------------------

TEST(OutputHardening, FileSizeLimitActsAsAFullDisk) {
  // RLIMIT_FSIZE makes every write past 4 KiB fail with EFBIG, as ENOSPC would: works unprivileged.
  std::string dir = testkit::temp_dir("out-fsize");
  std::string md = sample_md(dir);
  std::string out = dir + "/out.docx";
  Measured r = hardening::run_bidfmt({"build", md, "-o", out, "--lang", "en"}, hardening::Limits{60, 4096});
  expect_refused(r, "out.docx");
  expect_only(dir, {"in.md"});
  EXPECT_EQ(testkit::read_text(md), kMd);
}

TEST(OutputHardening, FullTmpfsLeavesThePreviousOutputWhole) {
  std::string dir = testkit::temp_dir("out-full");
  Tmpfs mnt(dir + "/disk", "size=64k");
  if (!mnt.ok()) GTEST_SKIP() << "cannot mount a tmpfs here (needs root); FileSizeLimitActsAsAFullDisk covers the case";
  std::string md = sample_md(dir);
  std::string out = dir + "/disk/out.docx";
  hardening::write_bytes(out, "previous");
  {  // fill the disk but for a few bytes
    std::ofstream filler(dir + "/disk/filler", std::ios::binary);
    const std::string kb(1024, 'x');
    while (filler.write(kb.data(), static_cast<std::streamsize>(kb.size())) && filler.flush()) {}
  }
  Measured r = hardening::run_bidfmt({"build", md, "-o", out, "--lang", "en"});
  expect_refused(r, "out.docx");
  EXPECT_EQ(testkit::read_text(out), "previous");
  expect_only(dir + "/disk", {"out.docx", "filler"});
  EXPECT_EQ(testkit::read_text(md), kMd);
}

TEST(OutputHardening, CheckReportOnAFullDisk) {
  std::string dir = testkit::temp_dir("out-report-full");
  std::string md = sample_md(dir);
  std::string docx = dir + "/in.docx";
  ASSERT_EQ(hardening::run_bidfmt({"build", md, "-o", docx}).status, 0);
  const std::string why = hardening::missing_subcommand("check");
  if (!why.empty()) GTEST_SKIP() << why;
  Measured r =
      hardening::run_bidfmt({"check", docx, "--format", "json", "-o", dir + "/report.json", "--lang", "en"}, hardening::Limits{60, 64});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_FALSE(hardening::sanitizer_report(r.err)) << r.err;
  expect_only(dir, {"in.md", "in.docx"});
}

// --- read-only --------------------------------------------------------------------------------

TEST(OutputHardening, ReadOnlyFolder) {
  std::string dir = testkit::temp_dir("out-ro");
  std::string ro = dir + "/ro";
  Tmpfs mnt(ro, "size=1m");
  std::string md;
  if (mnt.ok()) {
    md = sample_md(ro);
    ASSERT_TRUE(mnt.remount_read_only());
  } else if (::geteuid() != 0) {
    fs::create_directories(ro);
    md = sample_md(ro);
    fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
  } else {
    GTEST_SKIP() << "root without mount: permissions do not stop root";
  }
  Measured r = hardening::run_bidfmt({"build", md, "-o", ro + "/out.docx", "--lang", "en"});
  expect_refused(r, "out.docx");
  expect_only(ro, {"in.md"});
  EXPECT_EQ(testkit::read_text(md), kMd);
  if (!mnt.ok()) fs::permissions(ro, fs::perms::owner_all);
}

// --- an output that names an input --------------------------------------------------------------

TEST(OutputHardening, OutputEqualToTheInputIsRefusedBeforeAnythingIsWritten) {
  std::string dir = testkit::temp_dir("out-same");
  std::string md = sample_md(dir);
  const auto mtime = fs::last_write_time(md);
  for (const std::string& out : {md, dir + "/./in.md", dir + "/../out-same/in.md"}) {
    Measured r = hardening::run_bidfmt({"build", md, "-o", out, "--lang", "en"});
    expect_refused(r, "input");
  }
  EXPECT_EQ(testkit::read_text(md), kMd);
  EXPECT_TRUE(fs::last_write_time(md) == mtime);
  expect_only(dir, {"in.md"});
}

TEST(OutputHardening, OutputThroughASymlinkOrHardLinkToTheInput) {
  std::string dir = testkit::temp_dir("out-links");
  std::string md = sample_md(dir);
  fs::create_symlink(md, dir + "/sym.docx");
  fs::create_hard_link(md, dir + "/hard.docx");
  expect_refused(hardening::run_bidfmt({"build", md, "-o", dir + "/sym.docx", "--lang", "en"}), "input");
  expect_refused(hardening::run_bidfmt({"build", md, "-o", dir + "/hard.docx", "--lang", "en"}), "input");
  EXPECT_EQ(testkit::read_text(md), kMd);
  expect_only(dir, {"in.md", "sym.docx", "hard.docx"});
}

TEST(OutputHardening, OutputEqualToAnImageOrTheProfile) {
  std::string dir = testkit::temp_dir("out-image");
  fs::copy_file(testkit::source_dir() + "/samples/images/site-plan.png", dir + "/fig.png");
  const std::string png = testkit::read_text(dir + "/fig.png");
  std::string md = dir + "/in.md";
  hardening::write_bytes(md, "# 图\n\n![总平面图](fig.png)\n");
  expect_refused(hardening::run_bidfmt({"build", md, "-o", dir + "/fig.png", "--lang", "en"}), "fig.png");
  EXPECT_TRUE(testkit::read_text(dir + "/fig.png") == png);
  fs::copy_file(testkit::source_dir() + "/styles/xx-2014.yaml", dir + "/p.yaml");
  expect_refused(hardening::run_bidfmt({"build", md, "-o", dir + "/p.yaml", "--profile", dir + "/p.yaml", "--lang", "en"}), "p.yaml");
  EXPECT_EQ(testkit::read_text(dir + "/p.yaml"), testkit::read_text(testkit::source_dir() + "/styles/xx-2014.yaml"));
  expect_only(dir, {"in.md", "fig.png", "p.yaml"});
}

TEST(OutputHardening, PdfEqualToTheInput) {
  std::string dir = testkit::temp_dir("out-pdf");
  std::string md = sample_md(dir);
  Measured r = hardening::run_bidfmt({"build", md, "-o", dir + "/out.docx", "--pdf", md, "--lang", "en"});
  EXPECT_EQ(r.status, 2) << r.err;  // refused (or LibreOffice is missing): either way nothing written
  EXPECT_EQ(testkit::read_text(md), kMd);
  expect_only(dir, {"in.md"});
}

// --- odd output paths ---------------------------------------------------------------------------

TEST(OutputHardening, OutputIsAFolder) {
  std::string dir = testkit::temp_dir("out-dir");
  std::string md = sample_md(dir);
  fs::create_directories(dir + "/out.docx/keep");
  expect_refused(hardening::run_bidfmt({"build", md, "-o", dir + "/out.docx", "--lang", "en"}), "folder");
  EXPECT_TRUE(fs::is_directory(dir + "/out.docx/keep"));
  expect_only(dir, {"in.md", "out.docx"});
}

TEST(OutputHardening, DevNullIsWrittenNotReplaced) {
  std::string dir = testkit::temp_dir("out-null");
  std::string md = sample_md(dir);
  Measured r = hardening::run_bidfmt({"build", md, "-o", "/dev/null"});
  EXPECT_EQ(r.status, 0) << r.err;
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << "/dev/null was replaced by a file";
  for (const auto& e : fs::directory_iterator("/dev"))
    EXPECT_EQ(e.path().filename().string().find("null.tmp"), std::string::npos) << e.path();
}

TEST(OutputHardening, DevStdoutStreamsTheDocx) {
  std::string dir = testkit::temp_dir("out-stdout");
  std::string md = sample_md(dir);
  Measured r = hardening::run_bidfmt({"build", md, "-o", "/dev/stdout"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.compare(0, 2, "PK"), 0);
  EXPECT_TRUE(fs::is_symlink("/dev/stdout") || fs::is_character_file("/dev/stdout"));
}

TEST(OutputHardening, FailedBuildLeavesNoTempFiles) {
  // The output folder after every kind of failure holds exactly what it held before.
  std::string dir = testkit::temp_dir("out-fail");
  std::string bad = dir + "/bad.md";
  hardening::write_bytes(bad, "# 图\n\n![缺失](missing.png)\n");
  hardening::write_bytes(dir + "/out.docx", "previous");
  expect_refused(hardening::run_bidfmt({"build", bad, "-o", dir + "/out.docx", "--lang", "en"}), "missing.png");
  EXPECT_EQ(testkit::read_text(dir + "/out.docx"), "previous");
  expect_only(dir, {"bad.md", "out.docx"});
}

}  // namespace
}  // namespace bidfmt
