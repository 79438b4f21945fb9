// check --render over several files: one pooled LibreOffice for the batch (render/office_pool.h).
// The batch gives each file the findings it gets alone; a document on which soffice crashes or
// hangs (the test hook BIDFMT_TEST_LO_FAULT) costs only that document, reported as not checked
// (exit 2), while the others are checked as before.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "render/libreoffice.h"
#include "render/office_pool.h"
#include "render/pdf.h"
#include "report/json_value.h"
#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

bool can_render() { return render::available() && render::poppler_available(); }

// Three small documents, built once with a layout pass: a clean one, one whose body prints a page
// more than its footers say (a render-only finding), one with a table.
struct Batch {
  std::string dir;
  std::vector<std::string> files;
};

const Batch& batch() {
  static Batch b = [] {
    Batch out;
    out.dir = testkit::temp_dir("render-batch");
    const std::string head = "---\nproject: 批量测试\ncover: false\n---\n\n";
    std::ofstream(out.dir + "/a.md") << head << "# 概况\n\n正文一。\n\n## 范围\n\n正文二。\n\n# 方案\n\n正文三。\n";
    std::ofstream(out.dir + "/b.md") << head << "# 进度\n\n正文。\n\n## 计划\n\n正文。\n";
    std::ofstream(out.dir + "/c.md") << head << "# 设备\n\n| 名称 | 数量 |\n|---|---|\n| 挖掘机 | 2 |\n| 压路机 | 3 |\n";
    for (const char* n : {"a", "b", "c"}) {
      std::string docx = out.dir + "/" + n + ".docx";
      testkit::RunResult r = testkit::run_cli({"build", out.dir + "/" + n + ".md", "-o", docx, "--paginate"});
      EXPECT_EQ(r.status, 0) << r.err;
      out.files.push_back(docx);
    }
    // b: a page break after the body's end, so the footers' 共Y页 is one short once laid out.
    auto parts = testkit::read_zip(out.files[1]);
    std::string& xml = parts.at("word/document.xml");
    xml.insert(xml.rfind("<w:sectPr"), "<w:p><w:pPr><w:pageBreakBefore/></w:pPr></w:p>");
    testkit::write_zip(out.files[1], parts);
    return out;
  }();
  return b;
}

testkit::RunResult check(const std::vector<std::string>& files, const std::vector<std::string>& env = {}) {
  std::vector<std::string> argv{testkit::binary(), "check", "--render", "--jobs", "1", "--format", "json", "--lang", "en"};
  argv.insert(argv.end(), files.begin(), files.end());
  return testkit::run(argv, env);
}

// One file's findings as a comparable text: rule, kind, page, paragraph, message per finding.
std::string findings(const jsontest::Value& file) {
  std::string s;
  for (const jsontest::Value& f : file["findings"].items) {
    s += f["rule"].s + "|" + (f.has("kind") ? f["kind"].s : "") + "|";
    if (f.has("location")) {
      const jsontest::Value& l = f["location"];
      s += (l.has("page") ? std::to_string(static_cast<int>(l["page"].n)) : "-") + "|" +
           (l.has("paragraph") ? std::to_string(static_cast<int>(l["paragraph"].n)) : "-");
    }
    s += "|" + f["message"].s + "\n";
  }
  return s;
}

class RenderBatch : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!can_render()) GTEST_SKIP() << "LibreOffice/poppler not installed";
  }
};

TEST_F(RenderBatch, SeveralFilesGiveTheFindingsEachGetsAlone) {
  const Batch& b = batch();
  testkit::RunResult all = check(b.files);
  ASSERT_EQ(all.status, 1) << all.err;  // b has its footer finding
  jsontest::Value report = jsontest::parse(all.out);
  ASSERT_EQ(report["files"].items.size(), 3u);
  for (size_t i = 0; i < b.files.size(); ++i) {
    testkit::RunResult one = check({b.files[i]});
    ASSERT_NE(one.status, 2) << one.err;
    jsontest::Value alone = jsontest::parse(one.out);
    EXPECT_EQ(report["files"][i]["status"].s, "checked");
    EXPECT_EQ(findings(report["files"][i]), findings(alone["files"][0])) << b.files[i];
  }
  EXPECT_NE(findings(report["files"][1]).find("footer.page-number"), std::string::npos) << findings(report["files"][1]);
}

// A copy of b under a name the fault hook matches.
std::string faulty_copy(const std::string& name) {
  std::string path = batch().dir + "/" + name + ".docx";
  fs::copy_file(batch().files[1], path, fs::copy_options::overwrite_existing);
  return path;
}

void expect_only_the_faulty_one_lost(const testkit::RunResult& r, const std::string& faulty) {
  EXPECT_EQ(r.status, 2) << r.err;
  jsontest::Value report = jsontest::parse(r.out);
  ASSERT_EQ(report["files"].items.size(), 3u);
  EXPECT_EQ(report["files"][0]["status"].s, "checked");
  EXPECT_EQ(report["files"][1]["status"].s, "error");
  EXPECT_NE(report["files"][1]["error"].s.find("LibreOffice"), std::string::npos) << report["files"][1]["error"].s;
  EXPECT_EQ(report["files"][2]["status"].s, "checked");
  EXPECT_NE(r.err.find(faulty), std::string::npos) << "the lost file is named on stderr: " << r.err;
  // The others' findings are what they are alone: the worker after the fault is a fresh one.
  jsontest::Value a = jsontest::parse(check({batch().files[0]}).out), c = jsontest::parse(check({batch().files[2]}).out);
  EXPECT_EQ(findings(report["files"][0]), findings(a["files"][0]));
  EXPECT_EQ(findings(report["files"][2]), findings(c["files"][0]));
}

TEST_F(RenderBatch, ADocumentThatCrashesLibreOfficeCostsOnlyItself) {
  std::string bad = faulty_copy("lo-crash");
  testkit::RunResult r = check({batch().files[0], bad, batch().files[2]}, {"BIDFMT_TEST_LO_FAULT=crash:lo-crash"});
  expect_only_the_faulty_one_lost(r, bad);
  jsontest::Value report = jsontest::parse(r.out);
  EXPECT_NE(report["files"][1]["error"].s.find("crashed"), std::string::npos) << report["files"][1]["error"].s;
}

TEST_F(RenderBatch, ADocumentThatHangsLibreOfficeCostsOnlyItself) {
  std::string bad = faulty_copy("lo-hang");
  testkit::RunResult r = check({batch().files[0], bad, batch().files[2]}, {"BIDFMT_TEST_LO_FAULT=hang:lo-hang", "BIDFMT_LO_TIMEOUT=40"});
  expect_only_the_faulty_one_lost(r, bad);
  jsontest::Value report = jsontest::parse(r.out);
  EXPECT_NE(report["files"][1]["error"].s.find("timed out"), std::string::npos) << report["files"][1]["error"].s;
}

// soffice dies after a document's job is answered (as it closes the document): that document is
// checked, and so is the next one, on a soffice the worker starts anew.
TEST_F(RenderBatch, LibreOfficeDyingAfterAnAnsweredJobCostsNoDocument) {
  std::string after = faulty_copy("lo-crash-after");
  testkit::RunResult r = check({batch().files[0], after, batch().files[2]}, {"BIDFMT_TEST_LO_FAULT=crash-after:lo-crash-after"});
  ASSERT_EQ(r.status, 1) << r.err;  // the copy of b has its footer finding
  jsontest::Value report = jsontest::parse(r.out);
  ASSERT_EQ(report["files"].items.size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(report["files"][i]["status"].s, "checked") << i << ": " << r.err;
  jsontest::Value c = jsontest::parse(check({batch().files[2]}).out);
  EXPECT_EQ(findings(report["files"][2]), findings(c["files"][0]));
  EXPECT_NE(findings(report["files"][1]).find("footer.page-number"), std::string::npos) << findings(report["files"][1]);
}

// In-process: a worker lays out BIDFMT_LO_MAX_DOCS documents, then a fresh one takes over, and the
// numbers do not change with the worker.
TEST_F(RenderBatch, AWorkerIsReplacedAfterItsShareOfDocuments) {
  const Batch& b = batch();
  ::setenv("BIDFMT_LO_MAX_DOCS", "2", 1);
  render::shut_down_workers();
  int before = render::pool_counts().workers_started;
  render::LayoutOptions lo;
  std::vector<render::LayoutResult> results;
  for (int i = 0; i < 3; ++i) results.push_back(render::layout(b.files[0], lo));
  ::unsetenv("BIDFMT_LO_MAX_DOCS");
  EXPECT_EQ(render::pool_counts().workers_started - before, 2);
  for (const render::LayoutResult& r : results) {
    EXPECT_EQ(r.pages, results[0].pages);
    EXPECT_EQ(r.body_pages, results[0].body_pages);
    EXPECT_EQ(r.toc, results[0].toc);
  }
  EXPECT_GT(results[0].pages, 0);
  render::shut_down_workers();
}

}  // namespace
}  // namespace bidfmt
