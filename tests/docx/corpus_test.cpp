// Robustness and scale: every pandoc test DOCX checks without crash or hang; a 1,000-page document checks fast.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <regex>

#include "api/bidfmt.h"
#include "rules/check_fixture.h"

namespace bidfmt::testfix {
namespace {

namespace fs = std::filesystem;


TEST(Corpus, EveryPandocDocxChecksWithoutCrashOrHang) {
  std::vector<std::string> files = testkit::corpus_docx();
  if (files.empty()) GTEST_SKIP() << "no corpus at " << testkit::shared_dir();
  for (const std::string& f : files) {
    auto t0 = std::chrono::steady_clock::now();
    report::FileReport r = check(f, "");
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_LT(s, 2.0) << f;
    if (!r.checked) {
      EXPECT_EQ(r.error.zh.find('\n'), std::string::npos) << f;
      EXPECT_FALSE(r.error.en.empty()) << f;
    }
  }
}

TEST(Corpus, CliBatchOverTheFolder) {
  if (testkit::corpus_docx().empty()) GTEST_SKIP();
  std::string dir = testkit::temp_dir("corpus-cli");
  testkit::RunResult r = testkit::run_cli({"check", testkit::shared_dir() + "/corpus/pandoc-docx", "--format", "json", "-o", dir + "/r.json"});
  EXPECT_TRUE(r.status == 1 || r.status == 2) << r.status << r.err;
  // Every line on stderr is one file that could not be checked.
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);) EXPECT_EQ(line.rfind("bidfmt: ", 0), 0u) << line;
  std::string json = testkit::read_text(dir + "/r.json");
  EXPECT_NE(json.find("\"schema\": \"bidfmt-check-report\""), std::string::npos);
}

TEST(Scale, ThousandPagesCheckFast) {
  // The body of the clean document repeated 800 times: about 23,000 paragraphs and 800 tables.
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) {
    pugi::xml_node body = d.document_element().child("w:body");
    pugi::xml_node start = paragraph_with_text(d, "工程概况");
    pugi::xml_node end = start;
    while (end && !end.child("w:pPr").child("w:sectPr")) end = end.next_sibling();
    ASSERT_TRUE(end);
    std::vector<pugi::xml_node> chunk;
    for (pugi::xml_node n = start; n != end; n = n.next_sibling()) chunk.push_back(n);
    for (int i = 0; i < 800; ++i)
      for (pugi::xml_node n : chunk) body.insert_copy_before(n, end);
  });
  std::string path = write(p, "scale");
  auto t0 = std::chrono::steady_clock::now();
  report::FileReport r = check(path);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(r.checked);
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
  EXPECT_LT(s, 1.0) << "checking ~1,000 pages took " << s << " s";
#else
  EXPECT_LT(s, 10.0) << "checking ~1,000 pages took " << s << " s";
#endif
}

}  // namespace
}  // namespace bidfmt::testfix
