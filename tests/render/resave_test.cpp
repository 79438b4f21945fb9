// Every sample's build output, opened and saved again as DOCX by LibreOffice (its own serialisation:
// per-cell borders and no table borders, its style names, its section and field markup), still
// checks with no finding at any severity: check judges what is drawn, not how it is written.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "foreign/foreign_docs.h"
#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

std::string project_in(const std::string& md_path) {
  std::string md = testkit::read_text(md_path);
  std::smatch m;
  return std::regex_search(md, m, std::regex("\nproject:\\s*(.+)\n")) ? m[1].str() : "";
}

TEST(LibreOfficeResave, EverySampleChecksClean) {
  if (!testkit::have_program("soffice")) GTEST_SKIP() << "soffice (LibreOffice) is not installed";
  std::string dir = testkit::temp_dir("lo-resave");
  fs::copy(testkit::source_dir() + "/samples", dir + "/samples", fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  std::vector<std::string> samples, built;
  for (const auto& e : fs::directory_iterator(dir + "/samples"))
    if (e.path().extension() == ".md") samples.push_back(e.path().string());
  std::sort(samples.begin(), samples.end());
  ASSERT_GE(samples.size(), 2u);
  for (const std::string& md : samples) {
    std::string out = dir + "/" + fs::path(md).stem().string() + ".docx";
    testkit::RunResult b = testkit::run_cli({"build", md, "-o", out});
    ASSERT_EQ(b.status, 0) << md << ": " << b.err;
    built.push_back(out);
  }
  // One soffice run for all, with a private user profile.
  std::vector<std::string> argv = {"soffice",      "-env:UserInstallation=file://" + dir + "/lo-profile",
                                   "--headless",   "--norestore",
                                   "--convert-to", "docx:MS Word 2007 XML",
                                   "--outdir",     dir + "/lo"};
  argv.insert(argv.end(), built.begin(), built.end());
  testkit::RunResult lo = testkit::run(argv);
  ASSERT_EQ(lo.status, 0) << lo.err;
  for (const std::string& md : samples) {
    std::string resaved = dir + "/lo/" + fs::path(md).stem().string() + ".docx";
    ASSERT_TRUE(fs::exists(resaved)) << resaved << "\n" << lo.out << lo.err;
    // LibreOffice rewrote the tables' borders onto every cell: the test is about that shape.
    std::string xml = testkit::read_zip(resaved).at("word/document.xml");
    EXPECT_NE(xml.find("<w:tcBorders>"), std::string::npos) << resaved;
    testkit::RunResult c = testkit::run_cli({"check", resaved, "--project", project_in(md)});
    EXPECT_EQ(c.status, 0) << resaved << "\n" << c.out << c.err;
  }
}

// The bids of tests/foreign (Word, WPS, LibreOffice and localized shapes), saved again by
// LibreOffice: its re-serialisation of table styles (conditional parts become cell borders),
// sections and fields still checks clean.
TEST(LibreOfficeResave, ForeignBidsCheckClean) {
  if (!testkit::have_program("soffice")) GTEST_SKIP() << "soffice (LibreOffice) is not installed";
  std::string dir = testkit::temp_dir("lo-resave-foreign");
  std::vector<std::string> names, argv = {"soffice",      "-env:UserInstallation=file://" + dir + "/lo-profile",
                                          "--headless",   "--norestore",
                                          "--convert-to", "docx:MS Word 2007 XML",
                                          "--outdir",     dir + "/lo"};
  for (const foreign::Shape& s : {foreign::word2016(), foreign::wps(), foreign::libreoffice(), foreign::localized()}) {
    argv.push_back(foreign::write(s, {}, "resave-" + s.name));
    names.push_back("resave-" + s.name);
  }
  testkit::RunResult lo = testkit::run(argv);
  ASSERT_EQ(lo.status, 0) << lo.err;
  for (const std::string& n : names) {
    std::string resaved = dir + "/lo/" + n + ".docx";
    ASSERT_TRUE(fs::exists(resaved)) << resaved << "\n" << lo.out << lo.err;
    testkit::RunResult c = testkit::run_cli({"check", resaved, "--project", foreign::kProject});
    EXPECT_EQ(c.status, 0) << resaved << "\n" << c.out << c.err;
  }
}

}  // namespace
}  // namespace bidfmt
