// The change log: fix prints every change (where, which rule, before → after), --dry-run prints the
// same and writes nothing, --log writes it as JSON with the keys docs/fix.md documents; headings
// keep the structure their typed numbers spell out; a compliant document comes out untouched.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <fstream>

#include "fix/fix_support.h"

namespace bidfmt::testfix {
namespace {

namespace fs = std::filesystem;

// Puts `text` in the paragraph now reading `now`: style `style` ("" = none), no numbering, and
// optionally bold or a wrong direct size (a finding check reports).
void retype(pugi::xml_document& d, const char* now, const char* text, const char* style, bool bold, bool small) {
  pugi::xml_node para = paragraph_with_text(d, now);
  ASSERT_TRUE(para) << now;
  pugi::xml_node ppr = para.child("w:pPr");
  ppr.remove_child("w:numPr");
  ppr.remove_child("w:pStyle");
  if (*style) {
    pugi::xml_node ps = ppr.prepend_child("w:pStyle");
    ps.append_attribute("w:val") = style;
  }
  pugi::xml_node r = para.child("w:r");
  r.child("w:t").text() = text;
  if (bold || small) {
    pugi::xml_node rpr = r.child("w:rPr") ? r.child("w:rPr") : r.prepend_child("w:rPr");
    if (bold) rpr.append_child("w:b");
    if (small) rpr.append_child("w:sz").append_attribute("w:val") = "18";
  }
}

// Headings typed by hand as a writer does: 「第一部分」 and 「第二部分：…」, 「5、」「6、」「7、」 (one in the
// wrong heading style, one plain), 「1.1」 as plain text, and a bold line that is only bold.
Parts typed_sequences() {
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) {
    retype(d, "工程概况", "第一部分 工程概况", "Heading1", false, true);
    retype(d, "编制依据", "5、编制依据", "Heading2", false, true);
    retype(d, "编制原则", "6、编制原则", "Heading3", false, true);
    retype(d, "深层标题", "深层标题", "", true, false);
    retype(d, "施工部署", "7、施工部署", "", false, false);
    retype(d, "主要施工方法", "第二部分：主要施工方法", "", true, false);
    retype(d, "测量工程", "1.1 测量工程", "", false, false);
  });
  return p;
}

std::string style_of(const std::string& docx, const std::string& text) {
  pugi::xml_document d;
  d.load_string(testkit::read_zip(docx).at("word/document.xml").c_str());
  for (pugi::xpath_node x : d.select_nodes("//w:body/w:p")) {
    std::string t;
    for (pugi::xpath_node tn : x.node().select_nodes(".//w:t")) t += tn.node().text().get();
    if (t == text) return x.node().child("w:pPr").child("w:pStyle").attribute("w:val").value();
  }
  return "<no paragraph '" + text + "'>";
}

TEST(FixLog, TypedSequencesKeepTheirStructure) {
  Fixed f = fix_parts(typed_sequences(), "typed-sequences");
  ASSERT_TRUE(f.result.changed);
  expect_fixed(f, "typed-sequences");
  // 「第二部分」 is 「第一部分」's sibling, and stays in the words; 「6、」 is 「5、」's sibling whatever its style.
  EXPECT_EQ(style_of(f.output, "第一部分 工程概况"), "Heading1");
  EXPECT_EQ(style_of(f.output, "第二部分：主要施工方法"), "Heading1");
  EXPECT_EQ(style_of(f.output, "编制依据"), "Heading2");
  EXPECT_EQ(style_of(f.output, "编制原则"), "Heading2");
  EXPECT_EQ(style_of(f.output, "施工部署"), "Heading2");
  EXPECT_EQ(style_of(f.output, "测量工程"), "Heading2");
  // Only bold: left alone, and said so.
  EXPECT_EQ(style_of(f.output, "深层标题"), "");
  bool reported = false;
  for (const fix::Change& c : f.result.changes) reported |= !c.applied && c.where.excerpt() == "深层标题";
  EXPECT_TRUE(reported);
}

TEST(FixLog, EveryPromotionAndRenumberingIsLogged) {
  Fixed f = fix_parts(typed_sequences(), "typed-log");
  auto has = [&](const std::string& kind, const std::string& before, const std::string& after) {
    for (const fix::Change& c : f.result.changes)
      if (c.applied && c.kind == kind && c.before.zh == before && c.after.zh == after) return true;
    return false;
  };
  EXPECT_TRUE(has("promote", "正文", "标题 2"));  // 7、施工部署, 1.1 测量工程
  EXPECT_TRUE(has("promote", "正文", "标题 1"));  // 第二部分：主要施工方法
  EXPECT_TRUE(has("level", "标题 3", "标题 2"));  // 6、编制原则
  EXPECT_TRUE(has("renumber", "5、", "1.1"));
  EXPECT_TRUE(has("renumber", "6、", "1.2"));
  EXPECT_TRUE(has("renumber", "7、", "1.3"));
  EXPECT_TRUE(has("size", "小五", "小四") || has("size", "9磅", "小四")) << [&] {
    std::string s;
    for (const fix::Change& c : f.result.changes) s += c.kind + " " + c.before.zh + " → " + c.after.zh + "\n";
    return s;
  }();
}

// The text log of --dry-run, compared with tests/golden/fix/typed-sequences.txt (changed only
// through BIDFMT_ACCEPT_GOLDEN=1, then reviewed in git). Nothing is written.
TEST(FixLog, GoldenDryRunLog) {
  std::string dir = testkit::temp_dir("fix-log-golden");
  testkit::write_zip(dir + "/in.docx", typed_sequences());
  testkit::RunResult r = testkit::run_cli({"fix", dir + "/in.docx", "--dry-run", "--project", kProject});
  ASSERT_EQ(r.status, 0) << r.err;
  std::string file = testkit::source_dir() + "/tests/golden/fix/typed-sequences.txt";
  if (const char* acc = std::getenv("BIDFMT_ACCEPT_GOLDEN"); acc && std::string(acc) == "1") std::ofstream(file, std::ios::binary) << r.out;
  std::string want = testkit::read_text(file);
  ASSERT_FALSE(want.empty()) << "no golden " << file << " (run once with BIDFMT_ACCEPT_GOLDEN=1)";
  EXPECT_EQ(r.out, want);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 1);  // nothing written
  testkit::RunResult en = testkit::run_cli({"fix", dir + "/in.docx", "--dry-run", "--project", kProject, "--lang", "en"});
  EXPECT_NE(en.out.find("made a heading: continues the numbering of heading '第一部分'"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("Left alone"), std::string::npos) << en.out;
}

// Every key docs/fix.md lists, with its type, in every change of a written log.
void expect_documented_log(const std::string& path, bool dry_run) {
  std::string text = testkit::read_text(path);
  rapidjson::Document d;
  ASSERT_FALSE(d.Parse(text.c_str()).HasParseError()) << path;
  ASSERT_TRUE(d.IsObject());
  EXPECT_STREQ(d["schema"].GetString(), "bidfmt-fix-log");
  EXPECT_EQ(d["version"].GetInt(), 1);
  ASSERT_TRUE(d["tool"].IsObject());
  EXPECT_TRUE(d["tool"]["name"].IsString() && d["tool"]["version"].IsString());
  for (const char* k : {"profile", "lang", "input", "output"}) EXPECT_TRUE(d.HasMember(k) && d[k].IsString()) << k;
  for (const char* k : {"dry_run", "in_place", "changed"}) EXPECT_TRUE(d.HasMember(k) && d[k].IsBool()) << k;
  EXPECT_EQ(d["dry_run"].GetBool(), dry_run);
  EXPECT_EQ(d["output"].GetString() == std::string(), dry_run);
  ASSERT_TRUE(d["changes"].IsArray());
  int applied = 0, left = 0;
  for (const auto& c : d["changes"].GetArray()) {
    ASSERT_TRUE(c.IsObject());
    ASSERT_TRUE(c.HasMember("applied") && c["applied"].IsBool());
    (c["applied"].GetBool() ? applied : left)++;
    for (const char* k : {"rule", "kind", "what", "before", "after"}) EXPECT_TRUE(c.HasMember(k) && c[k].IsString()) << k;
    for (const char* k : {"what_i18n", "before_i18n", "after_i18n"}) {
      ASSERT_TRUE(c.HasMember(k) && c[k].IsObject()) << k;
      EXPECT_TRUE(c[k]["zh"].IsString() && c[k]["en"].IsString()) << k;
    }
    ASSERT_TRUE(c.HasMember("location") && c["location"].IsObject());
    const auto& l = c["location"];
    for (const char* k : {"part", "heading_path", "excerpt"}) EXPECT_TRUE(l.HasMember(k) && l[k].IsString()) << k;
    for (const char* k : {"section", "paragraph", "table"}) EXPECT_TRUE(l.HasMember(k) && l[k].IsInt()) << k;
    EXPECT_EQ(c.MemberCount(), 10u) << "a key docs/fix.md does not list";
  }
  ASSERT_TRUE(d["notes"].IsArray());
  for (const auto& n : d["notes"].GetArray()) EXPECT_TRUE(n["text"].IsString() && n["text_i18n"].IsObject());
  const auto& s = d["summary"];
  ASSERT_TRUE(s.IsObject());
  EXPECT_EQ(s["applied"].GetInt(), applied);
  EXPECT_EQ(s["left_alone"].GetInt(), left);
  EXPECT_TRUE(s["fixable_remaining"].IsInt() && s["unfixable_remaining"].IsInt());
  EXPECT_EQ(d.MemberCount(), 13u) << "a key docs/fix.md does not list";
}

TEST(FixLog, WrittenLogsHaveTheDocumentedKeys) {
  std::string dir = testkit::temp_dir("fix-log-json");
  testkit::write_zip(dir + "/in.docx", typed_sequences());
  testkit::RunResult dry = testkit::run_cli({"fix", dir + "/in.docx", "--dry-run", "--project", kProject, "--log", dir + "/dry.json"});
  ASSERT_EQ(dry.status, 0) << dry.err;
  expect_documented_log(dir + "/dry.json", true);
  testkit::RunResult real = testkit::run_cli(
      {"fix", dir + "/in.docx", "-o", dir + "/out.docx", "--project", kProject, "--log", dir + "/real.json", "--lang", "en"});
  ASSERT_EQ(real.status, 0) << real.err;
  expect_documented_log(dir + "/real.json", false);
  // The log of the real run lists what the dry run said it would do.
  rapidjson::Document a, b;
  a.Parse(testkit::read_text(dir + "/dry.json").c_str());
  b.Parse(testkit::read_text(dir + "/real.json").c_str());
  EXPECT_EQ(a["changes"].Size(), b["changes"].Size());
  EXPECT_GT(a["summary"]["applied"].GetInt(), 0);
  // Compliant in: the log says so and lists nothing applied.
  testkit::RunResult again = testkit::run_cli({"fix", dir + "/out.docx", "--dry-run", "--project", kProject, "--log", dir + "/again.json"});
  ASSERT_EQ(again.status, 0) << again.err;
  expect_documented_log(dir + "/again.json", true);
  rapidjson::Document c;
  c.Parse(testkit::read_text(dir + "/again.json").c_str());
  EXPECT_FALSE(c["changed"].GetBool());
  EXPECT_EQ(c["summary"]["applied"].GetInt(), 0);
}

TEST(FixLog, CompliantInNothingOut) {
  std::string dir = testkit::temp_dir("fix-log-compliant");
  std::string in = dir + "/clean.docx";
  fs::copy_file(clean_docx(), in);
  testkit::RunResult r = testkit::run_cli({"fix", in, "-o", dir + "/out.docx", "--project", kProject});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("无需修改"), std::string::npos) << r.out;
  EXPECT_EQ(testkit::read_text(dir + "/out.docx"), testkit::read_text(in));  // a byte copy
  auto before = fs::last_write_time(in);
  testkit::RunResult ip = testkit::run_cli({"fix", in, "--in-place", "--project", kProject, "--lang", "en"});
  ASSERT_EQ(ip.status, 0) << ip.err;
  EXPECT_NE(ip.out.find("nothing to change"), std::string::npos) << ip.out;
  EXPECT_EQ(fs::last_write_time(in), before);
  EXPECT_FALSE(fs::exists(in + ".bak"));
}

// check --format html shows what fix would change (a dry run: the checked file stays as it was).
TEST(FixLog, HtmlReportShowsWhatFixWouldChange) {
  std::string dir = testkit::temp_dir("fix-log-html");
  testkit::write_zip(dir + "/in.docx", typed_sequences());
  std::string before = testkit::read_text(dir + "/in.docx");
  testkit::RunResult r = testkit::run_cli({"check", dir + "/in.docx", "--project", kProject, "--format", "html", "-o", dir + "/r.html"});
  EXPECT_EQ(r.status, 1) << r.err;
  std::string html = testkit::read_text(dir + "/r.html");
  size_t at = html.find("<section class=\"fix-preview\"><h3>fix 将做的修改</h3>");
  ASSERT_NE(at, std::string::npos);
  std::string preview = html.substr(at, html.find("</section>", at) - at);
  EXPECT_NE(
      preview.find(
          "<td><code>heading.l2</code></td><td>设为标题:接续标题「6、」的编号</td><td class=\"ev\">正文</td><td class=\"ev\">标题 2</td>"),
      std::string::npos)
      << preview;
  EXPECT_NE(preview.find("不修改(需人工判断)"), std::string::npos);
  EXPECT_NE(preview.find("深层标题"), std::string::npos);
  EXPECT_EQ(testkit::read_text(dir + "/in.docx"), before);
  // A compliant document: 「无需修改」.
  testkit::RunResult clean = testkit::run_cli({"check", clean_docx(), "--project", kProject, "--format", "html", "-o", dir + "/c.html"});
  EXPECT_EQ(clean.status, 0) << clean.err;
  EXPECT_NE(testkit::read_text(dir + "/c.html").find("<h3>fix 将做的修改</h3>\n<p>无需修改</p>"), std::string::npos);
}

// A table caption below its table goes above it (the profile's side), and the log says so.
TEST(FixLog, CaptionMovedToTheProfilesSide) {
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) {
    pugi::xml_node cap = paragraph_with_text(d, "表1-1 工程概况统计表");
    ASSERT_TRUE(cap);
    pugi::xml_node table = cap.next_sibling("w:tbl");
    ASSERT_TRUE(table);
    cap.parent().insert_move_after(cap, table);
  });
  std::string broken = write(p, "caption-below");
  bool position = false;
  for (const rules::Finding& x : check(broken).findings) position |= x.rule() == "table.caption" && x.kind() == "position" && x.fixable;
  EXPECT_TRUE(position);
  Fixed f = fix_path(broken, "caption-below");
  expect_nothing_fixable(f);
  expect_valid_parts(f.input, f.output);
  expect_idempotent(f, "caption-below");
  pugi::xml_document d;
  d.load_string(testkit::read_zip(f.output).at("word/document.xml").c_str());
  pugi::xml_node cap = paragraph_with_text(d, "表1-1 工程概况统计表");
  ASSERT_TRUE(cap);
  EXPECT_STREQ(cap.next_sibling().name(), "w:tbl");
  // The same words, one paragraph in another place.
  std::vector<std::string> a = paragraph_texts(p.at("word/document.xml")),
                           b = paragraph_texts(testkit::read_zip(f.output).at("word/document.xml"));
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  EXPECT_EQ(a, b);
  bool logged = false;
  for (const fix::Change& c : f.result.changes) logged |= c.kind == "position" && c.before.zh == "下方" && c.after.zh == "上方";
  EXPECT_TRUE(logged);
}

// ISO Strict: the clean document, one body paragraph in a wrong size, with its WordprocessingML and relationship namespaces in their
// Strict form. check reads it; fix refuses it whole (exit 2, a clear message, nothing written).
TEST(FixLog, StrictDocumentsAreRefusedNotHalfFixed) {
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) { retype(d, "复测正文。", "复测正文。", "", false, true); });
  const std::pair<std::string, std::string> strict[] = {
      {"http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"},
      {"http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"}};
  for (auto& [name, xml] : p) {
    if (name.find(".xml") == std::string::npos) continue;
    for (const auto& [from, to] : strict)
      for (size_t at = xml.find(from); at != std::string::npos; at = xml.find(from, at + to.size())) xml.replace(at, from.size(), to);
  }
  std::string dir = testkit::temp_dir("fix-log-strict");
  testkit::write_zip(dir + "/strict.docx", p);
  report::FileReport checked = check(dir + "/strict.docx");
  EXPECT_TRUE(checked.checked) << checked.error.en;
  testkit::RunResult r = testkit::run_cli({"fix", dir + "/strict.docx", "-o", dir + "/out.docx", "--project", kProject});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("Strict OOXML"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("strict.docx"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/out.docx"));
}

}  // namespace
}  // namespace bidfmt::testfix
