// Rendered truth: each sample is built with a LibreOffice layout pass and exported to PDF; the
// PDF (read back with poppler) must show what a reader expects, page by page.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "render/libreoffice.h"
#include "render/pdf_text.h"
#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

// The project name from the sample's front matter (the header's left text).
std::string project_of(const std::string& md_path) {
  std::string md = testkit::read_text(md_path);
  std::smatch m;
  return std::regex_search(md, m, std::regex("\nproject:\\s*(.+)\n")) ? m[1].str() : "";
}

class RenderedSample : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!render::available() || !testkit::have_program("pdftotext")) GTEST_SKIP() << "LibreOffice/poppler not installed";
    // One build + layout per sample, shared by the tests of this executable.
    static std::map<std::string, std::vector<Page>> rendered;
    auto it = rendered.find(GetParam());
    if (it == rendered.end()) {
      std::string name = fs::path(GetParam()).stem().string();
      std::string dir = testkit::temp_dir("render-" + name);
      std::string docx = dir + "/" + name + ".docx", pdf = dir + "/" + name + ".pdf";
      testkit::RunResult r = testkit::run_cli({"build", GetParam(), "-o", docx, "--pdf", pdf});
      ASSERT_EQ(r.status, 0) << r.err;
      it = rendered.emplace(GetParam(), read_pdf(pdf)).first;
    }
    pages_ = it->second;
    ASSERT_GE(pages_.size(), 3u);
    // Body pages are those whose footer says 第X页; the cover and the TOC come first.
    for (size_t i = 0; i < pages_.size(); ++i)
      if (std::regex_search(squash(pages_[i].text), std::regex("第\\d+页(，|,)共\\d+页"))) body_.push_back(i);
  }
  std::vector<Page> pages_;
  std::vector<size_t> body_;
};

TEST_P(RenderedSample, FootersCountBodyPagesOnly) {
  ASSERT_FALSE(body_.empty());
  size_t y = body_.size();
  EXPECT_GE(y, 15u) << "samples must render to at least 15 body pages";
  for (size_t k = 0; k < body_.size(); ++k) {
    std::string want = "第" + std::to_string(k + 1) + "页，共" + std::to_string(y) + "页";
    std::string got = squash(pages_[body_[k]].text);
    EXPECT_NE(got.find(want), std::string::npos) << "PDF page " << body_[k] + 1 << " lacks " << want;
  }
  // Body pages are contiguous and run to the end.
  EXPECT_EQ(body_.back(), pages_.size() - 1);
  EXPECT_EQ(body_.back() - body_.front() + 1, body_.size());
}

TEST_P(RenderedSample, CoverAndTocPagesHaveNoHeaderOrFooter) {
  ASSERT_FALSE(body_.empty());
  ASSERT_GE(body_.front(), 2u) << "cover and TOC come before the body";
  std::string project = project_of(GetParam());
  for (size_t i = 0; i < body_.front(); ++i) {
    std::string t = squash(pages_[i].text);
    EXPECT_EQ(t.find("页，共"), std::string::npos) << "page " << i + 1;
    // No header line: the project name and 「技术标」 never share the first line.
    std::string top = squash(first_line(pages_[i].text));
    EXPECT_FALSE(top.find(project) != std::string::npos && top.find("技术标") != std::string::npos)
        << "page " << i + 1 << " has a header: " << top;
  }
  EXPECT_NE(squash(pages_[1].text).find("目录"), std::string::npos);
}

TEST_P(RenderedSample, EveryBodyPageHasTheHeader) {
  std::string project = project_of(GetParam());
  ASSERT_FALSE(project.empty());
  for (size_t i : body_) {
    std::string top = squash(first_line(pages_[i].text));
    EXPECT_EQ(top.find(project), 0u) << "page " << i + 1 << ": " << top;
    EXPECT_NE(top.find("技术标"), std::string::npos) << "page " << i + 1 << ": " << top;
  }
}

TEST_P(RenderedSample, PagesAreA4OrLandscapeWhereAsked) {
  for (size_t i = 0; i < pages_.size(); ++i) {
    double w = pages_[i].width_pt, h = pages_[i].height_pt;
    bool a4 = std::abs(w - 595.3) < 1.5 && std::abs(h - 841.9) < 1.5;
    bool a4_landscape = std::abs(h - 595.3) < 1.5 && std::abs(w - 841.9) < 1.5;
    bool a3_landscape = std::abs(h - 841.9) < 1.5 && std::abs(w - 1190.6) < 1.5;
    EXPECT_TRUE(a4 || a4_landscape || a3_landscape) << "page " << i + 1 << ": " << w << "x" << h;
  }
  std::string md = testkit::read_text(GetParam());
  bool wants_landscape = md.find("::: landscape") != std::string::npos;
  bool has_landscape = std::any_of(pages_.begin(), pages_.end(), [](const Page& p) { return p.width_pt > p.height_pt; });
  EXPECT_EQ(wants_landscape, has_landscape);
}

TEST_P(RenderedSample, HeadingNumbersAndCaptionsAppearInOrder) {
  std::string body;
  for (size_t i : body_) body += squash(pages_[i].text);
  size_t pos = 0;
  for (const char* want : {"一、", "1.1", "1.1.1", "二、", "2.1"}) {
    size_t at = body.find(want, pos);
    ASSERT_NE(at, std::string::npos) << want << " missing after offset " << pos;
    pos = at;
  }
  EXPECT_EQ(body.find("一.1"), std::string::npos) << "legal numbering ignored (LibreOffice < 24?)";
  EXPECT_TRUE(std::regex_search(body, std::regex("表\\d+(\\.\\d+)?-1"))) << "no table caption 表x.y-1";
}

TEST_P(RenderedSample, TocListsHeadingsWithNumbersAndRightPages) {
  ASSERT_FALSE(body_.empty());
  std::string toc;
  for (size_t i = 1; i < body_.front(); ++i) toc += pages_[i].text + "\n";
  EXPECT_NE(squash(toc).find("一、"), std::string::npos);
  EXPECT_NE(squash(toc).find("1.1"), std::string::npos);
  // Each level-1 TOC line's page number is the body page where that heading is printed.
  std::regex line_re(R"(^\s*((?:一|二|三|四|五|六|七|八|九|十)+、)\s*(\S+?)(?:\.|…|\s)+(\d+)\s*$)");
  int checked = 0;
  std::stringstream ss(toc);
  for (std::string line; std::getline(ss, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, line_re)) continue;
    std::string title = squash(m[1].str() + m[2].str());
    size_t page = std::stoul(m[3]);
    ASSERT_GE(page, 1u);
    ASSERT_LE(page, body_.size()) << line;
    EXPECT_NE(squash(pages_[body_[page - 1]].text).find(title), std::string::npos) << "TOC says " << title << " is on body page " << page;
    ++checked;
  }
  EXPECT_GE(checked, 3) << toc;
}

std::vector<std::string> samples() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(testkit::source_dir() + "/samples"))
    if (e.path().extension() == ".md") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Samples, RenderedSample, ::testing::ValuesIn(samples()), [](const ::testing::TestParamInfo<std::string>& i) {
  std::string n = fs::path(i.param).stem().string();
  std::replace(n.begin(), n.end(), '-', '_');
  return n;
});

}  // namespace
}  // namespace bidfmt

namespace bidfmt {
namespace {

// A level-4 heading directly under 1.1 must not use up 1.1.1 (LibreOffice counts skipped levels
// of a shared list, ooxml-notes §11): deep headings number in groups of their own.
TEST(RenderedNumbering, DeepHeadingDoesNotShiftTheNextLevel3) {
  if (!render::available() || !testkit::have_program("pdftotext")) GTEST_SKIP() << "LibreOffice/poppler not installed";
  std::string dir = testkit::temp_dir("render-deep");
  std::ofstream(dir + "/t.md") << "---\nproject: 测试\ntoc: false\ncover: false\n---\n\n# 第一\n\n## 第二\n\n#### 第四级\n\n正文。\n\n"
                                  "### 第三级\n\n正文。\n\n#### 再四级\n\n1. 列表一\n2. 列表二\n\n### 又三级\n\n正文。\n";
  testkit::RunResult r = testkit::run_cli({"build", dir + "/t.md", "-o", dir + "/t.docx", "--pdf", dir + "/t.pdf"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::string text;
  for (const Page& p : read_pdf(dir + "/t.pdf")) text += squash(p.text);
  EXPECT_NE(text.find("1.1.1第三级"), std::string::npos) << text;
  EXPECT_NE(text.find("1.1.2又三级"), std::string::npos) << text;
  EXPECT_NE(text.find("1、再四级"), std::string::npos) << text;
}

// Cross-references on the page: LibreOffice shows the REF fields' numbers where the text refers
// to a heading or table, under both profiles (their numbers differ).
TEST(RenderedCrossref, ReferencesShowTheirNumbersOnThePage) {
  if (!render::available() || !testkit::have_program("pdftotext")) GTEST_SKIP() << "LibreOffice/poppler not installed";
  std::string dir = testkit::temp_dir("render-xref");
  std::ofstream(dir + "/t.md") << "---\nproject: 测试\ntoc: false\ncover: false\n---\n\n# 概况 {#sec:a}\n\n## 人员 {#sec:b}\n\n"
                                  "### 岗位 {#sec:c}\n\n见@sec:a、@sec:b、@sec:c和@tbl:t。\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n"
                                  "Table: 人员表 {#tbl:t}\n";
  for (const auto& [profile, want] : {std::make_pair("xx-2014", "见一、、1.1、1.1.1和表1.1-1。"),
                                      std::make_pair("chapter-heiti", "见第一章、第一节、1.1和表1-1.1-1。")}) {
    const std::string pdf = dir + "/" + profile + ".pdf";
    testkit::RunResult r =
        testkit::run_cli({"build", dir + "/t.md", "--profile", profile, "-o", dir + "/" + profile + ".docx", "--pdf", pdf});
    ASSERT_EQ(r.status, 0) << r.err;
    std::string text;
    for (const Page& p : read_pdf(pdf)) text += squash(p.text);
    EXPECT_NE(text.find(want), std::string::npos) << profile << ": " << text;
  }
}

// Three ways to the same numbers: a build reads its TOC's page numbers from a draft whose TOC is
// plain lines (LibreOffice computes their PAGEREF fields as it lays the pages out) — with --pdf
// as the PDF export left them, with --paginate alone after a refresh of the fields; with --doc the
// draft keeps its TOC field, which LibreOffice updates, for the Word 97 copy. All must write the
// same DOCX: the same TOC numbers and footer totals.
TEST(RenderedPagination, PlainDraftAndUpdatedTocFieldGiveTheSameNumbers) {
  if (!render::available()) GTEST_SKIP() << "LibreOffice not installed";
  std::string dir = testkit::temp_dir("render-three-ways");
  std::string md = testkit::source_dir() + "/samples/road-bid.md";
  ASSERT_EQ(testkit::run_cli({"build", md, "-o", dir + "/plain.docx", "--paginate"}).status, 0);
  testkit::RunResult r = testkit::run_cli({"build", md, "-o", dir + "/field.docx", "--doc"});
  ASSERT_EQ(r.status, 0) << r.err;
  ASSERT_TRUE(fs::exists(dir + "/field.doc"));
  r = testkit::run_cli({"build", md, "-o", dir + "/exported.docx", "--pdf", dir + "/exported.pdf"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::map<std::string, std::string> plain = testkit::read_zip(dir + "/plain.docx");
  ASSERT_EQ(testkit::run_cli({"build", md, "-o", dir + "/estimate.docx"}).status, 0);
  // (Compared as booleans: a failure names the part instead of printing two whole documents.)
  ASSERT_FALSE(testkit::read_zip(dir + "/estimate.docx").at("word/document.xml") == plain.at("word/document.xml"))
      << "the estimated numbers happen to be the laid-out ones: this sample cannot tell the ways apart";
  for (const char* other : {"field.docx", "exported.docx"})
    for (const auto& [name, xml] : testkit::read_zip(dir + "/" + other)) {
      if (name.rfind("word/", 0) != 0) continue;
      ASSERT_TRUE(plain.count(name)) << other << ": " << name;
      EXPECT_TRUE(plain.at(name) == xml) << other << ": " << name << " differs";
    }
}

}  // namespace
}  // namespace bidfmt
