// 暗标: identity strings and contact details are found in text, headers, properties; width-insensitive.
#include <set>

#include "docx/document.h"
#include "rules/anonymous.h"
#include "rules/check_fixture.h"

namespace bidfmt {
namespace {
using namespace testfix;

std::string built(const std::string& body, const std::string& bidder) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string dir = testkit::temp_dir(std::string("anonymous-") + info->name());
  write_file(dir + "/bid.md", "---\nproject: 测试项目工程\nbidder: " + bidder + "\n---\n\n# 工程概况\n\n" + body + "\n");
  testkit::RunResult b = testkit::run_cli({"build", dir + "/bid.md", "-o", dir + "/b.docx"});
  EXPECT_EQ(b.status, 0) << b.err;
  return dir + "/b.docx";
}

std::multiset<std::string> kinds(const rules::Findings& f) {
  std::multiset<std::string> k;
  for (const rules::Finding& x : f) k.insert(x.kind);
  return k;
}

TEST(Anonymous, FindsContactDetailsAndIdentity) {
  std::string docx = built(
      "联系人张三，电话 13812345678 或 027-87654321，邮箱 zhang.san@example.com，网址 www.example.com。"
      "身份证号 420102199001011234，统一社会信用代码 91420100MA4K1234XY。本工程由ＡＢＣ建设承建。",
      "");
  auto doc = docx::Document::read(docx, profile::load("xx-2014"));
  rules::Identity id;
  id.names = {"abc建设"};  // full-width and case differ from the text
  id.people = {"张三"};
  rules::Findings f = rules::check_anonymous(*doc, id);
  std::multiset<std::string> k = kinds(f);
  EXPECT_EQ(k.count("phone"), 2u);
  EXPECT_EQ(k.count("email"), 1u);
  EXPECT_EQ(k.count("url"), 1u);
  EXPECT_EQ(k.count("id_card"), 1u);
  EXPECT_EQ(k.count("licence"), 1u);
  EXPECT_EQ(k.count("identity"), 2u);
  for (const rules::Finding& x : f) {
    EXPECT_EQ(x.rule, "bid.anonymous");
    EXPECT_FALSE(x.fixable) << x.kind;  // body text is reported, never changed
  }
}

TEST(Anonymous, FindsTheBidderInDocumentProperties) {
  std::string docx = built("正文。", "某某建设集团有限公司");
  auto doc = docx::Document::read(docx, profile::load("xx-2014"));
  rules::Identity id;
  id.names = {"某某建设集团有限公司"};
  rules::Findings f = rules::check_anonymous(*doc, id);
  bool metadata = false;
  for (const rules::Finding& x : f)
    if (x.where.part == "docProps/core.xml") metadata = x.fixable;
  EXPECT_TRUE(metadata);
}

TEST(Anonymous, CleanTextHasNoFindings) {
  std::string docx = built("本工程采用C30混凝土，工期120天，见表1.1-1，规范GB 50204-2015。", "");
  auto doc = docx::Document::read(docx, profile::load("xx-2014"));
  rules::Identity id;
  id.names = {"某某建设集团有限公司"};
  EXPECT_TRUE(rules::check_anonymous(*doc, id).empty());
}

TEST(Anonymous, IdentityFileErrorsNameTheLine) {
  std::string dir = testkit::temp_dir("anonymous-identity");
  write_file(dir + "/id.yaml", "names: [甲公司]\nphones: [1]\n");
  try {
    rules::load_identity(dir + "/id.yaml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.line(), 2);
  }
  write_file(dir + "/ok.yaml", "names: [甲公司, 甲]\npeople: 张三\n");
  rules::Identity id = rules::load_identity(dir + "/ok.yaml");
  EXPECT_EQ(id.names.size(), 2u);
  EXPECT_EQ(id.people.size(), 1u);
}

}  // namespace
}  // namespace bidfmt
