// The source tree follows its conventions (docs/conventions.md): the C++ of src/ and tests/ is
// formatted by .clang-format — clang-format 14, Debian's clang-format package, which
// scripts/install-deps.sh installs — whose ColumnLimit is the line limit.
#include <gtest/gtest.h>

#include <regex>

#include "support/testkit.h"

namespace bidfmt {
namespace {

TEST(Source, FollowsClangFormat) {
  testkit::RunResult r = testkit::run({"bash", testkit::source_dir() + "/scripts/format.sh", "--check"});
  EXPECT_EQ(r.status, 0) << "not formatted (run scripts/format.sh):\n" << r.out << r.err;
  // It looked at the tree: a check of no files would pass whatever the tree holds.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex("format\\.sh: ([0-9]+) files checked"))) << r.out << r.err;
  EXPECT_GT(std::stoi(m[1].str()), 200) << r.out;
}

}  // namespace
}  // namespace bidfmt
