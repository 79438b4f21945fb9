// check, fix and --annotate on the files people have: a .doc, .rtf and .odt that LibreOffice makes
// here from a DOCX bidfmt built (nothing is stored), converted back by bidfmt through LibreOffice.
// One process (tests/CMakeLists.txt, label render): the fixtures are made once.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

const char* kProject = "测试项目工程";

// The road-bid sample built, then saved by LibreOffice as .doc, .rtf and .odt (and the .doc again
// under the name .wps, as WPS Office writes its OLE2 files).
struct Fixtures {
  std::string dir, docx;
  std::map<std::string, std::string> by_ext;
  std::string why_not;
};

const Fixtures& fixtures() {
  static const Fixtures f = [] {
    Fixtures x;
    if (!testkit::have_program("soffice")) {
      x.why_not = "no soffice on PATH";
      return x;
    }
    x.dir = testkit::temp_dir("convert");
    x.docx = x.dir + "/技术标.docx";
    testkit::RunResult b = testkit::run_cli({"build", testkit::source_dir() + "/samples/service-proposal.md", "-o", x.docx});
    if (b.status != 0) {
      x.why_not = "build failed: " + b.err;
      return x;
    }
    for (const char* ext : {"doc", "rtf", "odt"}) {
      testkit::RunResult c = testkit::run({"soffice", "-env:UserInstallation=file://" + x.dir + "/lo-profile", "--headless", "--convert-to",
                                           ext, "--outdir", x.dir + "/made", x.docx});
      std::string made = x.dir + "/made/技术标." + ext;
      if (c.status != 0 || !fs::exists(made)) {
        x.why_not = std::string("LibreOffice could not make the .") + ext + " fixture: " + c.err;
        return x;
      }
      x.by_ext[ext] = made;
    }
    fs::copy_file(x.by_ext["doc"], x.dir + "/made/技术标.wps");
    x.by_ext["wps"] = x.dir + "/made/技术标.wps";
    return x;
  }();
  return f;
}

#define REQUIRE_FIXTURES()                                               \
  do {                                                                   \
    if (!fixtures().why_not.empty()) GTEST_SKIP() << fixtures().why_not; \
  } while (0)

TEST(ConvertInputs, CheckReadsEachKindAndNamesTheFileTheUserGave) {
  REQUIRE_FIXTURES();
  for (const auto& [ext, path] : fixtures().by_ext) {
    SCOPED_TRACE(ext);
    testkit::RunResult r = testkit::run_cli({"check", path, "--project", kProject, "--format", "json"});
    EXPECT_LE(r.status, 1) << r.err;
    // One line says it is converted; nothing else on stderr.
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.rfind("bidfmt: " + path + ": ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("先用 LibreOffice 转换为 DOCX 再检查"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("\"" + path + "\""), std::string::npos) << "the report names the original file";
    EXPECT_EQ(r.out.find("bidfmt-convert"), std::string::npos) << "the report names a temp file";
    EXPECT_NE(r.out.find("\"status\": \"checked\""), std::string::npos) << r.out.substr(0, 2000);
    testkit::RunResult en = testkit::run_cli({"check", path, "--project", kProject, "--lang", "en"});
    EXPECT_NE(en.err.find("converting it to DOCX with LibreOffice first"), std::string::npos) << en.err;
  }
}

TEST(ConvertInputs, FixWritesADocxThatHasNothingFixableLeft) {
  REQUIRE_FIXTURES();
  for (const auto& [ext, path] : fixtures().by_ext) {
    SCOPED_TRACE(ext);
    std::string out = fixtures().dir + "/fixed-" + ext + ".docx";
    const std::string before = testkit::read_text(path);
    testkit::RunResult r = testkit::run_cli({"fix", path, "-o", out, "--project", kProject});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("先用 LibreOffice 转换为 DOCX 再修复"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("bidfmt-convert"), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("bidfmt-convert"), std::string::npos) << r.out;
    EXPECT_EQ(testkit::read_text(path), before) << "the input is never modified";
    ASSERT_TRUE(fs::exists(out));
    auto parts = testkit::read_zip(out);
    ASSERT_TRUE(parts.count("word/document.xml"));
    EXPECT_NE(parts.at("word/document.xml").find("备品备件清单"), std::string::npos) << "the words came through";
    testkit::RunResult c = testkit::run_cli({"check", out, "--project", kProject, "--format", "json"});
    EXPECT_LE(c.status, 1) << c.err;
    EXPECT_EQ(c.out.find("\"fixable\": true"), std::string::npos) << "check(fix(y)) has nothing fixable\n" << c.out.substr(0, 3000);
  }
  // --in-place would put DOCX bytes into a .doc: refused, nothing written.
  testkit::RunResult in_place = testkit::run_cli({"fix", fixtures().by_ext.at("doc"), "--in-place"});
  EXPECT_EQ(in_place.status, 2);
  EXPECT_NE(in_place.err.find("--in-place 只用于 .docx"), std::string::npos) << in_place.err;
  EXPECT_FALSE(fs::exists(fixtures().by_ext.at("doc") + ".bak"));
}

TEST(ConvertInputs, AnnotateMakesACommentedDocxOfAnOdt) {
  REQUIRE_FIXTURES();
  std::string out = fixtures().dir + "/批注版.docx";
  // A profile the document does not meet: findings to comment on.
  std::ofstream(fixtures().dir + "/tender.yaml") << "page:\n  margin_left: 35mm\n";
  testkit::RunResult r = testkit::run_cli(
      {"check", fixtures().by_ext.at("odt"), "--annotate", out, "--project", kProject, "--override", fixtures().dir + "/tender.yaml"});
  EXPECT_EQ(r.status, 1) << r.err;
  ASSERT_TRUE(fs::exists(out)) << r.err;
  auto parts = testkit::read_zip(out);
  ASSERT_TRUE(parts.count("word/comments.xml"));
  EXPECT_NE(parts.at("word/comments.xml").find("page.margins"), std::string::npos);
}

}  // namespace
}  // namespace bidfmt
