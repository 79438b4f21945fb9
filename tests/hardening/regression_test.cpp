// Every saved fuzz finding (tests/hardening/inputs/) replayed through the fuzz target that found
// it: by extension, .md → Markdown reader + writer, .yaml → profile parser + writer, .zip → zip
// reader, .docx → zip reader and the check pipeline. Only a bidfmt::Error may come out.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "support/testkit.h"
#include "targets.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

void replay(const std::string& path) {
  const std::string bytes = testkit::read_text(path);
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const std::string ext = fs::path(path).extension().string();
  try {
    if (ext == ".md") fuzz::markdown_one(data, bytes.size(), testkit::source_dir() + "/samples");
    if (ext == ".yaml") fuzz::profile_one(data, bytes.size());
    if (ext == ".zip" || ext == ".docx") fuzz::zip_one(data, bytes.size());
#ifdef BIDFMT_FUZZ_HAVE_DOCX
    if (ext == ".docx") fuzz::docx_one(data, bytes.size());
#endif
  } catch (const std::exception& e) {
    ADD_FAILURE() << path << ": not a bidfmt::Error: " << e.what();
  }
}

TEST(FuzzRegression, EverySavedInputIsRefusedOrRead) {
  std::vector<std::string> inputs;
  for (const auto& e : fs::directory_iterator(testkit::source_dir() + "/tests/hardening/inputs"))
    if (e.is_regular_file()) inputs.push_back(e.path().string());
  std::sort(inputs.begin(), inputs.end());
  ASSERT_FALSE(inputs.empty());
  for (const std::string& in : inputs) {
    SCOPED_TRACE(in);
    replay(in);
  }
}

}  // namespace
}  // namespace bidfmt
