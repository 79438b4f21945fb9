// bidfmt fix on the command line: the input is never modified without --in-place, --in-place keeps
// a .bak, --dry-run writes nothing, failures are one line naming the file with exit status 2.
#include <gtest/gtest.h>

#include "fix/fix_support.h"

namespace bidfmt::testfix {
namespace {

namespace fs = std::filesystem;

// The clean document with its body margins broken: something to fix.
std::string broken_copy(const std::string& name) {
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) {
    for (pugi::xpath_node x : d.select_nodes("//w:pgMar")) x.node().attribute("w:left") = "1800";
  });
  std::string dir = testkit::temp_dir("fix-cli-" + name);
  std::string path = dir + "/投标文件.docx";
  testkit::write_zip(path, p);
  return path;
}

size_t files_in(const std::string& dir) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}));
}

TEST(FixCli, OutputLeavesTheInputAlone) {
  std::string in = broken_copy("output");
  std::string before = file_bytes(in);
  std::string out = fs::path(in).parent_path().string() + "/投标文件-规范.docx";
  testkit::RunResult r = testkit::run_cli({"fix", in, "-o", out, "--project", kProject});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(file_bytes(in), before);
  EXPECT_FALSE(fs::exists(in + ".bak"));
  EXPECT_TRUE(check(out).findings.empty()) << dump(check(out));
  EXPECT_NE(r.out.find("已修复"), std::string::npos) << r.out;
}

TEST(FixCli, InPlaceKeepsABackup) {
  std::string in = broken_copy("in-place");
  std::string before = file_bytes(in);
  testkit::RunResult r = testkit::run_cli({"fix", in, "--in-place", "--project", kProject});
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_TRUE(fs::exists(in + ".bak"));
  EXPECT_EQ(file_bytes(in + ".bak"), before);
  EXPECT_NE(file_bytes(in), before);
  EXPECT_TRUE(check(in).findings.empty()) << dump(check(in));
  // A second --in-place finds nothing to do and touches nothing, the backup included.
  std::string fixed = file_bytes(in);
  testkit::RunResult again = testkit::run_cli({"fix", in, "--in-place", "--project", kProject});
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(file_bytes(in), fixed);
  EXPECT_EQ(file_bytes(in + ".bak"), before);
}

TEST(FixCli, DryRunWritesNothing) {
  std::string in = broken_copy("dry-run");
  std::string dir = fs::path(in).parent_path().string();
  std::string before = file_bytes(in);
  testkit::RunResult r = testkit::run_cli({"fix", in, "--dry-run", "--project", kProject});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(files_in(dir), 1u);
  EXPECT_EQ(file_bytes(in), before);
  // The log names each value changed, before → after, under its section.
  EXPECT_NE(r.out.find("  第 1 节\n    [page.margins] 左边距:31.8mm → 22.0mm\n"), std::string::npos) << r.out;
  testkit::RunResult en = testkit::run_cli({"fix", in, "--dry-run", "--project", kProject, "--lang", "en"});
  EXPECT_NE(en.out.find("  section 1\n    [page.margins] left margin: 31.8mm → 22.0mm\n"), std::string::npos) << en.out;
  EXPECT_EQ(files_in(dir), 1u);
}

TEST(FixCli, RefusesToOverwriteTheInput) {
  std::string in = broken_copy("same");
  std::string before = file_bytes(in);
  testkit::RunResult r = testkit::run_cli({"fix", in, "-o", in});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--in-place"), std::string::npos) << r.err;
  EXPECT_EQ(file_bytes(in), before);
}

TEST(FixCli, NoProjectNameAnywhereIsAnError) {
  // No header to take the project name from, and no --project: exit 2, one line naming the file.
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) {
    for (pugi::xpath_node x : d.select_nodes("//w:headerReference")) x.parent().remove_child(x.node());
  });
  std::string dir = testkit::temp_dir("fix-cli-no-project");
  testkit::write_zip(dir + "/in.docx", p);
  testkit::RunResult r = testkit::run_cli({"fix", dir + "/in.docx", "-o", dir + "/out.docx"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(dir + "/in.docx"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--project"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/out.docx"));
  testkit::RunResult ok = testkit::run_cli({"fix", dir + "/in.docx", "-o", dir + "/out.docx", "--project", kProject});
  EXPECT_EQ(ok.status, 0) << ok.err;
  EXPECT_TRUE(check(dir + "/out.docx").findings.empty()) << dump(check(dir + "/out.docx"));
}

TEST(FixCli, NotADocxIsExitTwo) {
  std::string dir = testkit::temp_dir("fix-cli-not-docx");
  write_file(dir + "/a.docx", "not a zip");
  testkit::RunResult r = testkit::run_cli({"fix", dir + "/a.docx", "-o", dir + "/b.docx"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(dir + "/a.docx"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/b.docx"));
  testkit::RunResult missing = testkit::run_cli({"fix", dir + "/none.docx", "-o", dir + "/b.docx"});
  EXPECT_EQ(missing.status, 2);
}

TEST(FixCli, ProjectFromTheExistingHeader) {
  // Without --project the header's left text names the project; the fixed header keeps it.
  std::string in = broken_copy("header-project");
  std::string out = fs::path(in).parent_path().string() + "/out.docx";
  testkit::RunResult r = testkit::run_cli({"fix", in, "-o", out});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(check(out, kProject).findings.empty()) << dump(check(out, kProject));
}

}  // namespace
}  // namespace bidfmt::testfix

namespace bidfmt::testfix {
namespace {

TEST(FixCli, ProfileAndTenderOverride) {
  // A tender that wants 30 mm left margins, and Standard B, each applied to the clean document.
  std::string dir = testkit::temp_dir("fix-cli-override");
  std::ofstream(dir + "/tender.yaml") << "page:\n  margin_left: 30mm\n";
  testkit::RunResult r = testkit::run_cli({"fix", clean_docx(), "-o", dir + "/a.docx", "--override", dir + "/tender.yaml"});
  ASSERT_EQ(r.status, 0) << r.err;
  profile::Profile tender = profile::load("xx-2014", {dir + "/tender.yaml"});
  report::FileReport a = check_file(dir + "/a.docx", tender, kProject);
  EXPECT_TRUE(a.findings.empty()) << dump(a);
  EXPECT_TRUE(rule_ids(check(dir + "/a.docx")).count("page.margins"));

  testkit::RunResult b = testkit::run_cli({"fix", clean_docx(), "-o", dir + "/b.docx", "--profile", "chapter-heiti"});
  ASSERT_EQ(b.status, 0) << b.err;
  report::FileReport rb = check_file(dir + "/b.docx", profile::load("chapter-heiti"), kProject);
  // Its two chapters in one file are what fix cannot change (「各章单独做一个word文档」: the
  // writer splits it, or build --split-chapters does); nothing else is left.
  ASSERT_EQ(rb.findings.size(), 1u) << dump(rb);
  EXPECT_EQ(rb.findings[0].rule() + "/" + rb.findings[0].kind(), "output.per-chapter/chapters");
  EXPECT_FALSE(rb.findings[0].fixable);
  expect_same_words(clean_docx(), dir + "/b.docx");
  testkit::RunResult again = testkit::run_cli({"fix", dir + "/b.docx", "-o", dir + "/b2.docx", "--profile", "chapter-heiti"});
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(file_bytes(dir + "/b2.docx"), file_bytes(dir + "/b.docx"));
}

}  // namespace
}  // namespace bidfmt::testfix
