// The page in headless Chromium through Selenium (tests/serve/page_test.py): it opens, takes a
// DOCX with a broken margin, and shows the finding in the report. Labelled render in ctest.
#include "render/libreoffice.h"
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

namespace bidfmt::testserve {
namespace {

// 「版面核对」 through the API: LibreOffice lays the pages out, the HTML report carries their
// thumbnails; and build with pdf=1 answers the PDF. Labelled render with the browser test.
TEST(ServeRender, RenderCheckAndPdfBuild) {
  if (!render::available()) GTEST_SKIP() << "LibreOffice with python3-uno not installed";
  Running s({}, "render");
  httplib::Client c = s.client();
  httplib::Result r = upload(c, "/api/check",
                             {file_part("file", bytes_of(broken_docx()), "bid.docx"), text_part("render", "1"), text_part("format", "html"),
                              text_part("project", testfix::kProject)});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body.substr(0, 500);
  EXPECT_NE(r->body.find("data:image/png;base64,"), std::string::npos) << "page thumbnails";
  EXPECT_NE(r->body.find("page.margins"), std::string::npos);
  std::string md = "---\nproject: 测试项目工程\ntitle: 施工组织设计\n---\n\n# 总体概述\n\n正文。\n";
  httplib::Result pdf = upload(c, "/api/build", {file_part("file", md, "bid.md"), text_part("pdf", "1")});
  ASSERT_TRUE(pdf);
  ASSERT_EQ(pdf->status, 200) << pdf->body.substr(0, 500);
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf->body.rfind("%PDF", 0), 0u);
  EXPECT_EQ(s.leftovers(), 0u);
}

}  // namespace
}  // namespace bidfmt::testserve
