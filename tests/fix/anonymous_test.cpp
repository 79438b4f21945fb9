// fix --anonymous (暗标): the names check --anonymous finds in document properties and in the
// authors of revisions and comments are cleared; the words — body, notes, comments — stay, and
// identifying text is still reported, never changed.
#include <gtest/gtest.h>

#include "fix/fix_support.h"
#include "rules/anonymous.h"

namespace bidfmt::testfix {
namespace {

namespace fs = std::filesystem;

const rules::Identity kNoIdentity;

size_t count_kind(const rules::Findings& fs, bool metadata) {
  size_t n = 0;
  for (const rules::Finding& f : fs) n += f.rule() == "bid.anonymous" && (f.kind() == "metadata") == metadata;
  return n;
}

report::FileReport check_anonymous(const std::string& path) {
  FileCheckOptions o;
  o.project = kProject;
  o.identity = &kNoIdentity;
  return check_file(path, xx2014(), o);
}

TEST(FixAnonymous, CorpusNamesClearedWordsKept) {
  std::vector<std::string> files = testkit::corpus_docx();
  if (files.empty()) GTEST_SKIP() << testkit::no_corpus();
  std::string dir = testkit::temp_dir("fix-anonymous-corpus");
  int with_names = 0;
  for (const std::string& in : files) {
    report::FileReport before = check_anonymous(in);
    ASSERT_TRUE(before.checked) << in << ": " << before.error.en;
    if (count_kind(before.findings, true) == 0) continue;
    ++with_names;
    std::string name = fs::path(in).stem().string();
    SCOPED_TRACE(name);
    FixOptions o;
    o.input = in;
    o.output = dir + "/" + name + ".docx";
    o.project = kProject;
    o.anonymous = true;
    if (is_strict(in)) {
      expect_strict_refused([&] { fix_docx(o); }, in);
      continue;
    }
    FixResult r = fix_docx(o);
    EXPECT_EQ(r.fixable_remaining(), 0u) << dump_findings(r.remaining);
    report::FileReport after = check_anonymous(o.output);
    ASSERT_TRUE(after.checked);
    EXPECT_EQ(count_kind(after.findings, true), 0u) << dump_findings(after.findings);
    // Identifying text (a URL in the body, say) is reported as before: fix never edits words for 暗标.
    EXPECT_EQ(count_kind(after.findings, false), count_kind(before.findings, false)) << dump_findings(after.findings);
    expect_same_words(in, o.output);
    expect_valid_parts(in, o.output);
    auto a = testkit::read_zip(in), b = testkit::read_zip(o.output);
    if (a.count("word/comments.xml")) {
      EXPECT_EQ(paragraph_texts(a.at("word/comments.xml")), paragraph_texts(b.at("word/comments.xml")));
    }
  }
  EXPECT_GE(with_names, 10) << "the corpus should hold documents with authors to clear";
}

TEST(FixAnonymous, OnlyWhenAskedOrTheProfileSaysSo) {
  std::string in = testkit::corpus_file("test_docx_comments.docx");
  if (in.empty()) GTEST_SKIP() << testkit::no_corpus();
  std::string dir = testkit::temp_dir("fix-anonymous-ask");
  FixOptions o;
  o.input = in;
  o.output = dir + "/plain.docx";
  o.project = kProject;
  fix_docx(o);
  auto plain = testkit::read_zip(o.output);
  EXPECT_NE(plain.at("docProps/core.xml").find("Jesse Rosenthal"), std::string::npos) << "a plain fix keeps the properties";
  EXPECT_NE(plain.at("word/comments.xml").find("w:author=\"Jesse Rosenthal\""), std::string::npos);

  write_file(dir + "/tender.yaml", "anonymous: true\n");
  o.output = dir + "/tender.docx";
  o.overrides = {dir + "/tender.yaml"};
  FixResult r = fix_docx(o);
  auto anon = testkit::read_zip(o.output);
  EXPECT_EQ(anon.at("docProps/core.xml").find("Jesse Rosenthal"), std::string::npos);
  EXPECT_EQ(anon.at("word/comments.xml").find("Jesse Rosenthal"), std::string::npos);
  bool logged = false;
  for (const fix::Change& c : r.changes) logged |= c.where.part() == "docProps/core.xml";
  EXPECT_TRUE(logged) << "the change is listed (--dry-run shows it)";
}

}  // namespace
}  // namespace bidfmt::testfix
