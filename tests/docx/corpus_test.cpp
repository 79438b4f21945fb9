// Robustness and scale: every pandoc test DOCX checks without crash or hang (ctest's timeout);
// a 1,000-page document checks. Speed is measured by bench/, not here.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "api/bidfmt.h"
#include "docx/document.h"
#include "rules/check_fixture.h"
#include "rules/checker.h"

namespace bidfmt::testfix {
namespace {

namespace fs = std::filesystem;

TEST(Corpus, EveryPandocDocxChecksWithoutCrashOrHang) {
  std::vector<std::string> files = testkit::corpus_docx();
  if (files.empty()) GTEST_SKIP() << testkit::no_corpus();
  for (const std::string& f : files) {
    report::FileReport r = check(f, "");
    if (!r.checked) {
      EXPECT_EQ(r.error.zh.find('\n'), std::string::npos) << f;
      EXPECT_FALSE(r.error.en.empty()) << f;
    }
  }
}

TEST(Corpus, ReleasingTheMainXmlChangesNoFinding) {
  // A static check frees document.xml's tree before the rules run (they read the model only).
  std::vector<std::string> files = testkit::corpus_docx();
  if (files.empty()) GTEST_SKIP() << testkit::no_corpus();
  size_t compared = 0;
  for (const std::string& f : files) {
    std::unique_ptr<docx::Document> kept, released;
    try {
      kept = docx::Document::read(f, xx2014());
      released = docx::Document::read(f, xx2014());
    } catch (const Error&) {
      continue;  // not a readable DOCX: nothing to compare
    }
    released->release_main_xml();
    EXPECT_FALSE(released->package().document().document_element()) << f;
    rules::Findings a = rules::check_document(*kept, xx2014(), kProject);
    rules::Findings b = rules::check_document(*released, xx2014(), kProject);
    ASSERT_EQ(a.size(), b.size()) << f;
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].rule(), b[i].rule()) << f;
      EXPECT_EQ(a[i].message().zh, b[i].message().zh) << f;
      EXPECT_EQ(a[i].where().paragraph, b[i].where().paragraph) << f;
      EXPECT_EQ(a[i].where().excerpt(), b[i].where().excerpt()) << f;
    }
    compared += a.size();
  }
  EXPECT_GT(compared, 1000u) << "the corpus breaks many rules: the comparison must have something to compare";
}

TEST(Corpus, CliBatchOverTheFolder) {
  if (testkit::corpus_docx().empty()) GTEST_SKIP() << testkit::no_corpus();
  std::string dir = testkit::temp_dir("corpus-cli");
  testkit::RunResult r = testkit::run_cli({"check", testkit::corpus_dir() + "/pandoc-docx", "--format", "json", "-o", dir + "/r.json"});
  EXPECT_TRUE(r.status == 1 || r.status == 2) << r.status << r.err;
  // Every line on stderr is one file that could not be checked.
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);) EXPECT_EQ(line.rfind("bidfmt: ", 0), 0u) << line;
  std::string json = testkit::read_text(dir + "/r.json");
  EXPECT_NE(json.find("\"schema\": \"bidfmt-check-report\""), std::string::npos);
}

TEST(Scale, ThousandPagesCheck) {
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
  report::FileReport r = check(path);
  ASSERT_TRUE(r.checked) << r.error.en;
  // The copies repeat the typed caption numbers (表1-1 in every chapter); nothing else is wrong.
  EXPECT_GE(r.findings.size(), 799u);
  for (const rules::Finding& f : r.findings)
    ASSERT_TRUE((f.rule() == "table.caption" || f.rule() == "figure.caption") && f.kind() == "number") << dump(r).substr(0, 2000);
}

}  // namespace
}  // namespace bidfmt::testfix
