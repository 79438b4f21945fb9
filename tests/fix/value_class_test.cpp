// fix changes only what check reports: a value the standard leaves open (a default of the
// profile) is left as the document has it, unless fix --strict.
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

}  // namespace
}  // namespace bidfmt::testfix
