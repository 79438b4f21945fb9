// The AI-style drafts rendered by LibreOffice: what a reader of the PDF must see — generated
// heading and caption numbers in place of the typed ones, merged header cells' text, footnote
// text at the foot of the page, unnumbered appendices.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "render/libreoffice.h"
#include "render/pdf_text.h"
#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

struct Expect {
  std::vector<std::string> present;  // squashed PDF text contains each
  std::vector<std::string> absent;
};

const std::map<std::string, Expect>& expectations() {
  static const std::map<std::string, Expect> e = {
      {"chat-title-typed-numbers",
       {{"一、项目概况", "1.1建设内容", "表1.2-1服务指标表", "指标要求", "节假日不超过4小时", "集中控制箱按每50盏路灯一台配置",
         "依据最新区域电网排放因子公告", "POST/api/lamp/switch", "附件1：主要设备清单"},
        {"一、一、", "（一）建设内容", "三、附件", "表1-1服务指标表", "[^1]", "~~"}}},
      {"deep-start-html",
       {{"一、项目理解", "1.224小时服务热线", "2.23D激光扫描复核", "表1.1-1养护道路一览表", "表2.2-1主要设备表", "2.2.1复核流程",
         "三、24小时应急保障"},
        {"0.1", "四、附表", "2.2.2", "<span"}}},
      {"chapters-figures-code",
       {{"一、工程概况", "1.1编制依据", "图1.2-1施工总平面布置图", "表2.1-1工序工期表", "及项目所在地的地方标准", "H=h1+h2"},
        {"第一章", "第一节"}}},
      {"mixed-habits",
       {{"一、服务承诺", "以发包人书面通知为准", "质量控制点一览表", "隐蔽工程验收（全员参与）", "营业执照复印件"},
        {"三、附件", "一、一、"}}},
  };
  return e;
}

class RenderedDraft : public ::testing::TestWithParam<std::string> {};

TEST_P(RenderedDraft, PdfShowsWhatTheDraftSays) {
  if (!render::available() || !testkit::have_program("pdftotext")) GTEST_SKIP() << "LibreOffice/poppler not installed";
  const std::string name = fs::path(GetParam()).stem().string();
  auto want = expectations().find(name);
  ASSERT_NE(want, expectations().end()) << "no expectations for draft " << name;
  std::string dir = testkit::temp_dir("render-draft-" + name);
  testkit::RunResult r = testkit::run_cli({"build", GetParam(), "-o", dir + "/d.docx", "--pdf", dir + "/d.pdf"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::string text;
  for (const Page& p : read_pdf(dir + "/d.pdf")) text += squash(p.text);
  for (const std::string& s : want->second.present) EXPECT_NE(text.find(s), std::string::npos) << "missing 「" << s << "」";
  for (const std::string& s : want->second.absent) EXPECT_EQ(text.find(s), std::string::npos) << "unexpected 「" << s << "」";
}

std::vector<std::string> drafts() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(testkit::source_dir() + "/tests/markdown/drafts"))
    if (e.path().extension() == ".md") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Drafts, RenderedDraft, ::testing::ValuesIn(drafts()), [](const ::testing::TestParamInfo<std::string>& i) {
  std::string n = fs::path(i.param).stem().string();
  std::replace(n.begin(), n.end(), '-', '_');
  return n;
});

}  // namespace
}  // namespace bidfmt
