// fix changes only what check reports: a value the standard leaves open (a default of the
// profile) is left as the document has it, unless fix --strict.
#include <sstream>

#include "fix/fix_support.h"

namespace bidfmt::testfix {
namespace {

// A level-1 heading that inherits 两端对齐: Standard A says nothing of heading alignment.
std::string justified_heading(const std::string& name) {
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) {
    set_child(ppr_of(paragraph_with_text(d, "工程概况")), "w:jc", {{"w:val", "both"}});
  });
  std::string dir = testkit::temp_dir("fix-class-" + name);
  testkit::write_zip(dir + "/in.docx", p);
  return dir + "/in.docx";
}

std::string jc_of(const std::string& docx, const std::string& text) {
  pugi::xml_document d;
  d.load_string(testkit::read_zip(docx).at("word/document.xml").c_str());
  return paragraph_with_text(d, text).child("w:pPr").child("w:jc").attribute("w:val").value();
}

TEST(FixValueClass, DefaultsAreLeftAloneWithoutStrict) {
  const std::string in = justified_heading("plain");
  Fixed f = fix_path(in, "class-plain");
  EXPECT_FALSE(f.result.changed);
  EXPECT_TRUE(f.result.changes.empty());
  EXPECT_EQ(testkit::read_zip(f.output), testkit::read_zip(in));  // a byte copy
  EXPECT_EQ(jc_of(f.output, "工程概况"), "both");
}

TEST(FixValueClass, StrictFixesDefaultsToo) {
  const std::string in = justified_heading("strict");
  FixOptions o;
  o.input = in;
  o.output = testkit::temp_dir("fix-class-strict-out") + "/out.docx";
  o.project = kProject;
  o.strict = true;
  FixResult r = fix_docx(o);
  EXPECT_TRUE(r.changed);
  EXPECT_EQ(r.fixable_remaining(), 0u);
  FileCheckOptions co;
  co.project = kProject;
  co.strict = true;
  report::FileReport after = check_file(o.output, xx2014(), co);
  EXPECT_TRUE(after.findings.empty()) << dump(after);
  // The CLI takes the option too.
  testkit::RunResult cli = testkit::run_cli({"fix", in, "--dry-run", "--strict", "--project", kProject});
  EXPECT_EQ(cli.status, 0) << cli.err;
  EXPECT_EQ(cli.out.find("无需修改"), std::string::npos) << cli.out;
  testkit::RunResult plain = testkit::run_cli({"fix", in, "--dry-run", "--project", kProject});
  EXPECT_NE(plain.out.find("无需修改"), std::string::npos) << plain.out;
}

// The level-1 heading style as a reviewer's Word left it: 四号 (Standard A requires 小四: 「4.1一级
// 标题 … 小四号字」) and 两端对齐 (heading alignment is the standard's silence, a default).
std::string heading_style_broken(const std::string& name) {
  Parts p = clean_parts();
  edit(p, "word/styles.xml", [](pugi::xml_document& d) {
    pugi::xml_node s = first(d, "//w:style[@w:styleId='Heading1']");
    s.child("w:pPr").child("w:jc").attribute("w:val") = "both";
    s.child("w:rPr").child("w:sz").attribute("w:val") = "28";
    s.child("w:rPr").child("w:szCs").attribute("w:val") = "28";
  });
  std::string dir = testkit::temp_dir("fix-class-style-" + name);
  testkit::write_zip(dir + "/in.docx", p);
  return dir + "/in.docx";
}

pugi::xml_node heading1_style(pugi::xml_document& d, const std::string& docx) {
  d.load_string(testkit::read_zip(docx).at("word/styles.xml").c_str());
  return d.select_node("//w:style[w:name/@w:val='heading 1']").node();
}

std::set<std::string> heading_kinds(const report::FileReport& r) {
  std::set<std::string> k;
  for (const rules::Finding& f : r.findings)
    if (f.rule() == "heading.l1") k.insert(f.kind());
  return k;
}

TEST(FixValueClass, AStyleGetsOnlyWhatCheckReported) {
  const std::string in = heading_style_broken("plain");
  FileCheckOptions strict;
  strict.project = kProject;
  strict.strict = true;
  ASSERT_EQ(heading_kinds(check(in)), std::set<std::string>{"size"}) << dump(check(in));
  ASSERT_EQ(heading_kinds(check_file(in, xx2014(), strict)), (std::set<std::string>{"alignment", "size"}));

  Fixed f = fix_path(in, "class-style-plain");
  ASSERT_TRUE(f.result.changed);
  expect_fixed(f, "class-style-plain");
  pugi::xml_document d;
  pugi::xml_node s = heading1_style(d, f.output);
  ASSERT_TRUE(s);
  EXPECT_STREQ(s.child("w:rPr").child("w:sz").attribute("w:val").value(), "24");    // 小四, as required
  EXPECT_STREQ(s.child("w:pPr").child("w:jc").attribute("w:val").value(), "both");  // the default left alone
  EXPECT_TRUE(check(f.output).findings.empty()) << dump(check(f.output));
  // What --strict would still say: the alignment, and nothing else.
  EXPECT_EQ(heading_kinds(check_file(f.output, xx2014(), strict)), std::set<std::string>{"alignment"});
}

TEST(FixValueClass, AStyleGetsTheDefaultsTooWithStrict) {
  const std::string in = heading_style_broken("strict");
  FixOptions o;
  o.input = in;
  o.output = testkit::temp_dir("fix-class-style-strict-out") + "/out.docx";
  o.project = kProject;
  o.strict = true;
  FixResult r = fix_docx(o);
  ASSERT_TRUE(r.changed);
  EXPECT_EQ(r.fixable_remaining(), 0u);
  pugi::xml_document d;
  pugi::xml_node s = heading1_style(d, o.output);
  ASSERT_TRUE(s);
  EXPECT_STREQ(s.child("w:rPr").child("w:sz").attribute("w:val").value(), "24");
  EXPECT_STREQ(s.child("w:pPr").child("w:jc").attribute("w:val").value(), "left");  // the profile's default
  FileCheckOptions strict;
  strict.project = kProject;
  strict.strict = true;
  report::FileReport after = check_file(o.output, xx2014(), strict);
  EXPECT_TRUE(after.findings.empty()) << dump(after);
}

// Only the styles check reported change: the others keep their bytes.
TEST(FixValueClass, UnreportedStylesAreLeftAsTheyAre) {
  const std::string in = heading_style_broken("others");
  Fixed f = fix_path(in, "class-style-others");
  pugi::xml_document a, b;
  a.load_string(testkit::read_zip(in).at("word/styles.xml").c_str());
  b.load_string(testkit::read_zip(f.output).at("word/styles.xml").c_str());
  for (const char* id : {"Normal", "Heading2", "Heading3", "TableText", "TableCaption", "TOC1"}) {
    std::string xpath = std::string("//w:style[@w:styleId='") + id + "']";
    std::ostringstream x, y;
    a.select_node(xpath.c_str()).node().print(x, "", pugi::format_raw);
    b.select_node(xpath.c_str()).node().print(y, "", pugi::format_raw);
    EXPECT_EQ(x.str(), y.str()) << id;
  }
  std::ostringstream x, y;
  a.select_node("//w:docDefaults").node().print(x, "", pugi::format_raw);
  b.select_node("//w:docDefaults").node().print(y, "", pugi::format_raw);
  EXPECT_EQ(x.str(), y.str());
}

}  // namespace
}  // namespace bidfmt::testfix
