// bidfmt explain: rule metadata from the registry; docs/rules.md is generated from it and current.
#include <gtest/gtest.h>

#include "support/testkit.h"

namespace bidfmt {
namespace {

TEST(Explain, OneRule) {
  testkit::RunResult r = testkit::run_cli({"explain", "page.margins"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("页边距为上下25mm"), std::string::npos) << r.out;
  testkit::RunResult en = testkit::run_cli({"explain", "page.margins", "--lang", "en"});
  EXPECT_NE(en.out.find("fixable"), std::string::npos) << en.out;
  EXPECT_EQ(testkit::run_cli({"explain", "no.such.rule"}).status, 2);
}

TEST(Explain, DocsRulesIsGeneratedFromTheRegistry) {
  testkit::RunResult r = testkit::run_cli({"explain", "--all", "--markdown"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(testkit::read_text(testkit::source_dir() + "/docs/rules.md"), r.out)
      << "regenerate: bidfmt explain --all --markdown > docs/rules.md";
}

}  // namespace
}  // namespace bidfmt
