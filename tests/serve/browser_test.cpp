// The page in headless Chromium through Selenium (tests/serve/page_test.py): it opens, takes a
// DOCX with a broken margin, and shows the finding in the report. Labelled render in ctest.
#include "serve_support.h"

namespace bidfmt::testserve {
namespace {

TEST(ServeBrowser, ThePageChecksADocxAndShowsTheFinding) {
  if (!testkit::have_program("chromium") && !testkit::have_program("chromium-browser"))
    GTEST_SKIP() << "chromium not installed (scripts/install-deps.sh installs it)";
  if (!testkit::have_program("chromedriver")) GTEST_SKIP() << "chromedriver not installed (Debian: chromium-driver)";
  // Debian's python3-selenium belongs to the system python3, which another python3 on PATH
  // (pyenv, a venv) may hide.
  std::string python;
  for (const char* p : {"/usr/bin/python3", "python3"})
    if (python.empty() && testkit::run({p, "-c", "import selenium"}).status == 0) python = p;
  if (python.empty()) GTEST_SKIP() << "python3-selenium not installed";
  Running s({}, "browser");
  std::string url = "http://127.0.0.1:" + std::to_string(s.server->port()) + "/";
  std::string docx = broken_docx();
  // BIDFMT_SERVE_SCREENSHOT=path keeps a screenshot of the page with its report (the README's).
  const char* shot = std::getenv("BIDFMT_SERVE_SCREENSHOT");
  std::vector<std::string> argv = {python, testkit::source_dir() + "/tests/serve/page_test.py", url, docx, "page.margins"};
  if (shot && *shot) argv.push_back(shot);
  testkit::RunResult r = testkit::run(argv);
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("OK"), std::string::npos) << r.out << r.err;
  EXPECT_EQ(s.leftovers(), 0u);
}

}  // namespace
}  // namespace bidfmt::testserve
