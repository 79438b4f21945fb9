// The two executables (src/CMakeLists.txt): bidfmt does not load the web server's libraries —
// cpp-httplib and the OpenSSL and brotli it brings, 4 MB of resident pages in every build, check
// and fix — and `bidfmt serve` reaches bidfmt-serve, which checks the options itself.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "support/testkit.h"

namespace bidfmt {
namespace {

// The shared libraries the dynamic loader maps for `exe` (ldd, from Debian's libc-bin).
std::string loaded_libraries(const std::string& exe) {
  std::string out;
  FILE* p = popen(("ldd '" + exe + "' 2>&1").c_str(), "r");
  if (!p) return out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  return out;
}

TEST(CliExecutables, BidfmtLoadsNoWebServerLibraries) {
  std::string bidfmt = testkit::binary();
  std::string libs = loaded_libraries(bidfmt);
  ASSERT_NE(libs.find("libpugixml"), std::string::npos) << libs;  // ldd answered
  for (const char* lib : {"libcpp-httplib", "libssl", "libcrypto", "libbrotli"})
    EXPECT_EQ(libs.find(lib), std::string::npos) << lib << " in\n" << libs;
  std::string serve = (std::filesystem::path(bidfmt).parent_path() / "bidfmt-serve").string();
  EXPECT_NE(loaded_libraries(serve).find("libcpp-httplib"), std::string::npos);
}

TEST(CliExecutables, ServeRunsBidfmtServe) {
  // The option is read by bidfmt-serve (bidfmt only parses it for help): its message proves it ran.
  testkit::RunResult r = testkit::run_cli({"serve", "--timeout", "0", "--lang", "en"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--timeout takes seconds"), std::string::npos) << r.err;
  testkit::RunResult help = testkit::run_cli({"serve", "--help", "--lang", "en"});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("--max-upload"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace bidfmt
