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
  for (const rules::Finding& x : f) k.insert(x.kind());
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
    EXPECT_EQ(x.rule(), "bid.anonymous");
    EXPECT_FALSE(x.fixable) << x.kind();  // body text is reported, never changed
  }
}

std::multiset<std::string> found(const rules::Findings& f, const std::string& kind) {
  std::multiset<std::string> out;
  for (const rules::Finding& x : f)
    if (x.kind() == kind) out.insert(x.actual().zh);
  return out;
}

TEST(Anonymous, SpacedPhoneNumbersAreFoundAndQuotedAsWritten) {
  std::string docx = built(
      "电话 027-8888 6666，手机 139 1234 5678，深圳 0755 8888 6666，境外 +86 139 1234 5678，"
      "传真（027）8765 4321，值班 １３９１２３４５６７８。",
      "");
  auto doc = docx::Document::read(docx, profile::load("xx-2014"));
  rules::Findings f = rules::check_anonymous(*doc, rules::Identity{});
  EXPECT_EQ(found(f, "phone"), (std::multiset<std::string>{"027-8888 6666", "139 1234 5678", "0755 8888 6666", "+86 139 1234 5678",
                                                           "（027）8765 4321", "１３９１２３４５６７８"}));
  for (const rules::Finding& x : f) {
    if (x.kind() == "phone") {
      EXPECT_NE(x.message().zh.find("「" + x.actual().zh + "」"), std::string::npos) << x.message().zh;
    }
  }
}

TEST(Anonymous, NumbersThatAreNoPhonesStayUnreported) {
  std::string docx = built("规范 GB 50204-2015，工期 2019 2020 2021 年，造价 1 234 567 元，桩号 K12+345，全长 2.860 km，见表1.1-1。", "");
  auto doc = docx::Document::read(docx, profile::load("xx-2014"));
  EXPECT_TRUE(found(rules::check_anonymous(*doc, rules::Identity{}), "phone").empty());
}

TEST(Anonymous, FindingsQuoteTheDocumentNotTheFoldedText) {
  std::string docx = built("统一社会信用代码 91420100MA4K1234XY，由ＡＢＣ建设承建，网址 WWW.Example.COM。", "");
  auto doc = docx::Document::read(docx, profile::load("xx-2014"));
  rules::Identity id;
  id.names = {"abc建设"};
  rules::Findings f = rules::check_anonymous(*doc, id);
  EXPECT_EQ(found(f, "licence"), std::multiset<std::string>{"91420100MA4K1234XY"});
  EXPECT_EQ(found(f, "identity"), std::multiset<std::string>{"ＡＢＣ建设"});
  EXPECT_EQ(found(f, "url"), std::multiset<std::string>{"WWW.Example.COM"});
}

TEST(Anonymous, FindsTheBidderInDocumentProperties) {
  std::string docx = built("正文。", "某某建设集团有限公司");
  auto doc = docx::Document::read(docx, profile::load("xx-2014"));
  rules::Identity id;
  id.names = {"某某建设集团有限公司"};
  rules::Findings f = rules::check_anonymous(*doc, id);
  bool metadata = false;
  for (const rules::Finding& x : f)
    if (x.where().part() == "docProps/core.xml") metadata = x.fixable;
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

// An alias inside the full name is one finding (the name), an alias on its own is another.
TEST(Anonymous, AliasInsideTheFullNameIsNotReportedTwice) {
  std::string docx = built("本工程由湖北楚衡路桥建设有限公司承建。\n\n楚衡路桥承诺按期完工。", "");
  auto doc = docx::Document::read(docx, profile::load("xx-2014"));
  rules::Identity id = rules::load_identity(testkit::source_dir() + "/samples/identity.yaml");  // the bundled example
  std::multiset<std::string> found;
  for (const rules::Finding& x : rules::check_anonymous(*doc, id))
    if (x.kind() == "identity") found.insert(x.actual().zh + "@" + std::to_string(x.where().paragraph));
  ASSERT_EQ(found.size(), 2u) << ::testing::PrintToString(found);
  std::set<std::string> names;
  for (const std::string& f : found) names.insert(f.substr(0, f.find('@')));
  EXPECT_EQ(names, (std::set<std::string>{"湖北楚衡路桥建设有限公司", "楚衡路桥"}));
}

// Revision and comment authors name people: metadata, fixable; the comment's words are text.
TEST(Anonymous, AuthorsOfCommentsAndRevisionsAreMetadata) {
  if (testkit::corpus_file("test_docx_comments.docx").empty()) GTEST_SKIP() << testkit::no_corpus();
  std::string corpus = testkit::corpus_dir() + "/pandoc-docx/";
  for (const char* name : {"test_docx_comments.docx", "test_docx_track_changes_insertion.docx"}) {
    SCOPED_TRACE(name);
    auto doc = docx::Document::read(corpus + name, profile::load("xx-2014"));
    rules::Findings f = rules::check_anonymous(*doc, rules::Identity{});
    std::set<std::string> parts;
    for (const rules::Finding& x : f)
      if (x.kind() == "metadata") {
        EXPECT_TRUE(x.fixable);
        parts.insert(x.where().part());
      }
    if (std::string(name) == "test_docx_comments.docx") {
      EXPECT_TRUE(parts.count("word/comments.xml")) << "comment author";
      EXPECT_TRUE(parts.count("docProps/core.xml")) << "dc:creator";
    } else {
      EXPECT_TRUE(parts.count("word/document.xml")) << "w:ins author";
    }
  }
}

// ---- the command line: check --anonymous, --identity, a profile's anonymous: true, build --------

std::string bid_with_bidder(const std::string& dir, const std::string& body = "本工程采用C30混凝土。") {
  write_file(dir + "/bid.md", "---\nproject: 测试项目工程\nbidder: 某某建设集团有限公司\n---\n\n# 工程概况\n\n" + body + "\n");
  return dir + "/bid.md";
}

TEST(AnonymousCli, OnlyWhenAskedAndIdentityFromTheFile) {
  std::string dir = testkit::temp_dir("anonymous-cli");
  std::string md = bid_with_bidder(dir);
  ASSERT_EQ(testkit::run_cli({"build", md, "-o", dir + "/b.docx"}).status, 0);
  // A normal check knows nothing of 暗标.
  testkit::RunResult plain = testkit::run_cli({"check", dir + "/b.docx", "--project", "测试项目工程"});
  EXPECT_EQ(plain.status, 0) << plain.out;
  // --anonymous: the bidder in dc:creator is a finding, fixable.
  testkit::RunResult anon = testkit::run_cli({"check", dir + "/b.docx", "--project", "测试项目工程", "--anonymous", "--format", "json"});
  EXPECT_EQ(anon.status, 1) << anon.out;
  EXPECT_NE(anon.out.find("\"rule\": \"bid.anonymous\""), std::string::npos) << anon.out;
  EXPECT_NE(anon.out.find("docProps/core.xml"), std::string::npos) << anon.out;
  // --identity: the bidder's name on the cover is found too (and --identity alone implies --anonymous).
  write_file(dir + "/id.yaml", "names: [某某建设集团有限公司]\n");
  testkit::RunResult id =
      testkit::run_cli({"check", dir + "/b.docx", "--project", "测试项目工程", "--identity", dir + "/id.yaml", "--lang", "en"});
  EXPECT_EQ(id.status, 1);
  EXPECT_NE(id.out.find("the bidder's identity: the text contains '某某建设集团有限公司'"), std::string::npos) << id.out;
  // A missing or malformed identity file: exit 2, one line naming it.
  testkit::RunResult missing = testkit::run_cli({"check", dir + "/b.docx", "--identity", dir + "/none.yaml"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find(dir + "/none.yaml"), std::string::npos) << missing.err;
  write_file(dir + "/bad.yaml", "names: [甲]\nphone: 1\n");
  testkit::RunResult bad = testkit::run_cli({"check", dir + "/b.docx", "--identity", dir + "/bad.yaml"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("bad.yaml:2"), std::string::npos) << bad.err;
}

// A profile (here a tender's override) with anonymous: true: build leaves the bidder out and warns,
// check runs the rule without being asked, and check(build(x)) is clean.
TEST(AnonymousCli, ProfileTurnsItOnForBuildAndCheck) {
  std::string dir = testkit::temp_dir("anonymous-profile");
  std::string md = bid_with_bidder(dir);
  write_file(dir + "/tender.yaml", "anonymous: true\n");
  testkit::RunResult b = testkit::run_cli({"build", md, "-o", dir + "/b.docx", "--override", dir + "/tender.yaml"});
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_NE(b.err.find("暗标:投标人「某某建设集团有限公司」未写入封面和文档属性"), std::string::npos) << b.err;
  auto parts = testkit::read_zip(dir + "/b.docx");
  EXPECT_EQ(parts.at("word/document.xml").find("某某建设集团有限公司"), std::string::npos);
  EXPECT_EQ(parts.at("docProps/core.xml").find("某某建设集团有限公司"), std::string::npos);
  testkit::RunResult c = testkit::run_cli({"check", dir + "/b.docx", "--project", "测试项目工程", "--override", dir + "/tender.yaml"});
  EXPECT_EQ(c.status, 0) << c.out;
  // The same document built without the override is not anonymous, and the profile's rule says so.
  ASSERT_EQ(testkit::run_cli({"build", md, "-o", dir + "/named.docx"}).status, 0);
  testkit::RunResult named =
      testkit::run_cli({"check", dir + "/named.docx", "--project", "测试项目工程", "--override", dir + "/tender.yaml"});
  EXPECT_EQ(named.status, 1) << named.out;
  EXPECT_NE(named.out.find("bid.anonymous"), std::string::npos) << named.out;
}

// Build reports identifying words it cannot change (they are the writer's).
TEST(AnonymousCli, BuildWarnsOfIdentifyingText) {
  std::string dir = testkit::temp_dir("anonymous-build-text");
  std::string md = bid_with_bidder(dir, "联系电话 13812345678。");
  write_file(dir + "/tender.yaml", "anonymous: true\n");
  testkit::RunResult b = testkit::run_cli({"build", md, "-o", dir + "/b.docx", "--override", dir + "/tender.yaml", "--lang", "en"});
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_NE(b.err.find("phone number: the text contains '13812345678'"), std::string::npos) << b.err;
  EXPECT_NE(testkit::read_zip(dir + "/b.docx").at("word/document.xml").find("13812345678"), std::string::npos) << "words are kept";
}

// Every bundled sample, built anonymous, checks clean anonymous (check(build(x)) holds here too).
TEST(AnonymousCli, SamplesBuildCleanWhenAnonymous) {
  std::string dir = testkit::temp_dir("anonymous-samples");
  write_file(dir + "/tender.yaml", "anonymous: true\n");
  for (const char* name : {"road-bid", "service-proposal"}) {
    SCOPED_TRACE(name);
    std::string out = dir + "/" + name + ".docx";
    testkit::RunResult b =
        testkit::run_cli({"build", testkit::source_dir() + "/samples/" + name + ".md", "-o", out, "--override", dir + "/tender.yaml"});
    ASSERT_EQ(b.status, 0) << b.err;
    testkit::RunResult c = testkit::run_cli({"check", out, "--override", dir + "/tender.yaml"});
    EXPECT_EQ(c.status, 0) << c.out;
  }
}

}  // namespace
}  // namespace bidfmt
