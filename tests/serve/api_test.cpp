// The HTTP API against a started server with a real HTTP client (httplib::Client): check in every
// format, fix and its change log, build from Markdown and from a zip, the profiles, and that each
// request's temp folder is gone once it is answered.
#include <rapidjson/document.h>

#include "serve_support.h"

namespace bidfmt::testserve {
namespace {

rapidjson::Document json(const std::string& body) {
  rapidjson::Document d;
  d.Parse(body.c_str(), body.size());
  EXPECT_FALSE(d.HasParseError()) << body.substr(0, 300);
  return d;
}

// The answer is {"error": "…"} with a non-empty message.
void expect_error_json(const httplib::Result& r, int status) {
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, status) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  rapidjson::Document d = json(r->body);
  ASSERT_TRUE(d.IsObject() && d.HasMember("error") && d["error"].IsString()) << r->body;
  EXPECT_GT(d["error"].GetStringLength(), 0u);
}

TEST(ServeApi, HealthAndProfiles) {
  Running s;
  httplib::Client c = s.client();
  httplib::Result h = c.Get("/healthz");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
  rapidjson::Document d = json(h->body);
  EXPECT_STREQ(d["status"].GetString(), "ok");
  EXPECT_FALSE(d["token"].GetBool());
  httplib::Result p = c.Get("/api/profiles");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->status, 200);
  rapidjson::Document ps = json(p->body);
  ASSERT_TRUE(ps["profiles"].IsArray());
  bool has_default = false;
  for (const auto& e : ps["profiles"].GetArray()) has_default |= std::string(e["id"].GetString()) == "xx-2014" && e["default"].GetBool();
  EXPECT_TRUE(has_default) << p->body;
  expect_error_json(c.Get("/no/such/page"), 404);
}

TEST(ServeApi, CheckAnswersTheReportInEachFormat) {
  Running s;
  httplib::Client c = s.client();
  const std::string docx = bytes_of(broken_docx());
  httplib::Result r = upload(c, "/api/check", {file_part("file", docx, "投标文件.docx"), text_part("project", testfix::kProject)});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(r->get_header_value("X-Bidfmt-Exit"), "1");
  rapidjson::Document d = json(r->body);
  ASSERT_TRUE(d.HasMember("files") && d["files"].IsArray() && d["files"].Size() == 1) << r->body.substr(0, 500);
  const auto& f = d["files"][0];
  EXPECT_STREQ(f["path"].GetString(), "投标文件.docx") << "the report names the upload, not the server's temp path";
  EXPECT_NE(r->body.find("\"page.margins\""), std::string::npos);
  EXPECT_EQ(r->body.find(s.work_root), std::string::npos) << "no temp path in the answer";

  struct Want {
    const char* format;
    const char* type;
    const char* marker;
  };
  for (Want w : {Want{"html", "text/html; charset=utf-8", "<!DOCTYPE html>"},
                 Want{"sarif", "application/sarif+json", "\"version\": \"2.1.0\""}, Want{"junit", "application/xml", "<testsuites"}}) {
    httplib::Result x =
        upload(c, "/api/check",
               {file_part("file", docx, "投标文件.docx"), text_part("format", w.format), text_part("project", testfix::kProject)});
    ASSERT_TRUE(x);
    EXPECT_EQ(x->status, 200) << w.format << ": " << x->body.substr(0, 300);
    EXPECT_EQ(x->get_header_value("Content-Type"), w.type) << w.format;
    EXPECT_NE(x->body.find(w.marker), std::string::npos) << w.format;
    EXPECT_NE(x->body.find("page.margins"), std::string::npos) << w.format;
  }
  // English messages with lang=en.
  httplib::Result e = upload(c, "/api/check", {file_part("file", docx, "bid.docx"), text_part("lang", "en"), text_part("format", "html")});
  ASSERT_TRUE(e);
  EXPECT_NE(e->body.find("<html lang=\"en\">"), std::string::npos);
  expect_error_json(upload(c, "/api/check", {file_part("file", docx, "bid.docx"), text_part("format", "pdf")}), 400);
  expect_error_json(upload(c, "/api/check", {file_part("file", docx, "bid.docx"), text_part("profile", "/etc/passwd")}), 400);
  expect_error_json(upload(c, "/api/check", {text_part("format", "json")}), 400);
  EXPECT_EQ(s.leftovers(), 0u);
}

TEST(ServeApi, SeveralFilesMakeOneReport) {
  Running s;
  httplib::Client c = s.client();
  const std::string docx = bytes_of(broken_docx());
  httplib::Result r = upload(
      c, "/api/check", {file_part("file", docx, "一.docx"), file_part("file", docx, "一.docx"), file_part("file", "junk", "坏.docx")});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  rapidjson::Document d = json(r->body);
  ASSERT_EQ(d["files"].Size(), 3u);
  EXPECT_STREQ(d["files"][0]["path"].GetString(), "一.docx");
  EXPECT_STREQ(d["files"][1]["path"].GetString(), "一.docx") << "two uploads of one name do not collide";
  EXPECT_STREQ(d["files"][2]["path"].GetString(), "坏.docx");
  EXPECT_STRNE(d["files"][2]["status"].GetString(), "checked");
  EXPECT_EQ(r->get_header_value("X-Bidfmt-Exit"), "2") << "as the CLI: a file could not be checked";
  EXPECT_EQ(s.leftovers(), 0u);
}

TEST(ServeApi, ThePageIsSelfContained) {
  Running s;
  httplib::Client c = s.client();
  httplib::Result page = c.Get("/");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<html lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(page->body.find(">检查</button>"), std::string::npos);
  EXPECT_NE(page->body.find("版面核对"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  httplib::Result en = c.Get("/?lang=en");
  ASSERT_TRUE(en);
  EXPECT_NE(en->body.find("<html lang=\"en\">"), std::string::npos);
  for (const char* path : {"/", "/page.js", "/page.css"}) {
    httplib::Result r = c.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    // Nothing from elsewhere: no absolute URLs, no imports.
    for (const char* bad : {"http://", "https://", "//cdn", "@import", "url("})
      EXPECT_EQ(r->body.find(bad), std::string::npos) << path << ": " << bad;
  }
}

TEST(ServeApi, ATenderOverrideIsLaidOverTheProfile) {
  Running s;
  httplib::Client c = s.client();
  const std::string docx = bytes_of(broken_docx());
  // The override asks for a 20 mm left margin: the sections at 22 mm are now the wrong ones.
  const std::string yaml = "page:\n  margin_left: 20mm\n";
  httplib::Result r =
      upload(c, "/api/check",
             {file_part("file", docx, "bid.docx"), file_part("override", yaml, "招标要求.yaml"), text_part("project", testfix::kProject)});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("\"expected\": \"20.0mm\""), std::string::npos) << r->body.substr(0, 1500);
  EXPECT_EQ(r->body.find("\"expected\": \"22.0mm\""), std::string::npos) << r->body.substr(0, 1500);
  // An override may not reach other files of the server.
  expect_error_json(
      upload(c, "/api/check", {file_part("file", docx, "bid.docx"), file_part("override", "extends: /etc/x.yaml\n", "o.yaml")}), 422);
  // A broken override is named in the error.
  httplib::Result bad = upload(c, "/api/check", {file_part("file", docx, "bid.docx"), file_part("override", "page: [1, 2\n", "坏.yaml")});
  expect_error_json(bad, 422);
  EXPECT_EQ(bad->body.find(s.work_root), std::string::npos) << bad->body;
}

TEST(ServeApi, FixAnswersTheFixedDocumentAndItsChangeLog) {
  Running s;
  httplib::Client c = s.client();
  const std::string docx = bytes_of(broken_docx());
  httplib::Result r = upload(c, "/api/fix", {file_part("file", docx, "bid.docx"), text_part("project", testfix::kProject)});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(r->body.rfind("PK", 0), 0u);
  EXPECT_NE(r->get_header_value("X-Bidfmt-Changes"), "0");
  // The fixed copy checks without the finding.
  std::string dir = testkit::temp_dir("serve-fixed");
  testfix::write_file(dir + "/fixed.docx", r->body);
  report::FileReport after = testfix::check(dir + "/fixed.docx");
  ASSERT_TRUE(after.checked);
  EXPECT_EQ(testfix::rule_ids(after).count("page.margins"), 0u);

  httplib::Result log =
      upload(c, "/api/fix", {file_part("file", docx, "bid.docx"), text_part("project", testfix::kProject), text_part("log", "1")});
  ASSERT_TRUE(log);
  ASSERT_EQ(log->status, 200) << log->body;
  rapidjson::Document d = json(log->body);
  EXPECT_TRUE(d["changed"].GetBool());
  ASSERT_TRUE(d["changes"].IsArray());
  ASSERT_GT(d["changes"].Size(), 0u);
  EXPECT_TRUE(d["changes"][0]["what"].IsString());
  EXPECT_EQ(s.leftovers(), 0u);
}

TEST(ServeApi, CheckWithAnnotateAnswersTheCommentedCopy) {
  Running s;
  httplib::Client c = s.client();
  httplib::Result r =
      upload(c, "/api/check",
             {file_part("file", bytes_of(broken_docx()), "bid.docx"), text_part("annotate", "1"), text_part("project", testfix::kProject)});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  std::string dir = testkit::temp_dir("serve-annotated");
  testfix::write_file(dir + "/a.docx", r->body);
  std::map<std::string, std::string> parts = testkit::read_zip(dir + "/a.docx");
  ASSERT_TRUE(parts.count("word/comments.xml"));
  EXPECT_NE(parts["word/comments.xml"].find("page.margins"), std::string::npos);
}

TEST(ServeApi, BuildFromMarkdownAndFromAZip) {
  Running s;
  httplib::Client c = s.client();
  const std::string md = testfix::kMarkdown;
  // kMarkdown names images/plan.png: a lone Markdown file cannot carry it.
  expect_error_json(upload(c, "/api/build", {file_part("file", md, "bid.md")}), 422);
  std::string plain = "---\nproject: 测试项目工程\ntitle: 施工组织设计\n---\n\n# 总体概述\n\n正文。\n";
  httplib::Result one = upload(c, "/api/build", {file_part("file", plain, "bid.md")});
  ASSERT_TRUE(one);
  ASSERT_EQ(one->status, 200) << one->body;
  EXPECT_EQ(one->body.rfind("PK", 0), 0u);

  std::string dir = testkit::temp_dir("serve-zip");
  testkit::write_zip(
      dir + "/bid.zip",
      {{"bid/bid.md", md}, {"bid/images/plan.png", std::string(reinterpret_cast<const char*>(testfix::kPng), sizeof testfix::kPng)}});
  httplib::Result z = upload(c, "/api/build", {file_part("file", bytes_of(dir + "/bid.zip"), "bid.zip")});
  ASSERT_TRUE(z);
  ASSERT_EQ(z->status, 200) << z->body;
  testfix::write_file(dir + "/built.docx", z->body);
  report::FileReport built = testfix::check(dir + "/built.docx");
  ASSERT_TRUE(built.checked);
  EXPECT_TRUE(built.findings.empty()) << "check(build(x)) is clean";
  std::map<std::string, std::string> parts = testkit::read_zip(dir + "/built.docx");
  bool has_image = false;
  for (const auto& [name, bytes] : parts) has_image |= name.rfind("word/media/", 0) == 0;
  EXPECT_TRUE(has_image);

  // An image outside the upload is refused, not read from the server's disk.
  testfix::write_file(dir + "/outside.png", std::string(reinterpret_cast<const char*>(testfix::kPng), sizeof testfix::kPng));
  std::string outside = "# 一、概述\n\n![图](" + dir + "/outside.png)\n";
  expect_error_json(upload(c, "/api/build", {file_part("file", outside, "x.md")}), 400);
  expect_error_json(upload(c, "/api/build", {file_part("file", "hello", "notes.txt")}), 415);
  EXPECT_EQ(s.leftovers(), 0u);
}

}  // namespace
}  // namespace bidfmt::testserve
