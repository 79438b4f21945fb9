// A part that is not valid UTF-8 or not well-formed XML (Word refuses to open either) is not
// checked as if it were fine: check and fix stop with one line naming the file, the part and the
// byte offset, exit 2, and write nothing.
#include <filesystem>

#include "rules/check_fixture.h"

namespace bidfmt::testfix {
namespace {

// The clean document with bytes inserted into the first w:t of the body; returns the path and
// the byte offset of the first inserted byte within word/document.xml.
std::pair<std::string, size_t> with_bytes_in_text(const std::string& name, const std::string& bytes) {
  Parts p = clean_parts();
  std::string& xml = p.at("word/document.xml");
  const std::string anchor = "复测正文";
  size_t at = xml.find(anchor);
  EXPECT_NE(at, std::string::npos);
  at += std::string("复测").size();
  xml.insert(at, bytes);
  return {write(p, name), at};
}

TEST(InvalidPart, InvalidUtf8InsideTextIsExitTwoNamingPartAndOffset) {
  auto [path, offset] = with_bytes_in_text("bad-utf8", std::string("\xC3\x28\xFF", 3));
  const std::string where = "byte " + std::to_string(offset);
  testkit::RunResult c = testkit::run_cli({"check", path, "--lang", "en"});
  EXPECT_EQ(c.status, 2) << c.out << c.err;
  EXPECT_NE(c.err.find(path), std::string::npos) << c.err;
  EXPECT_NE(c.err.find("word/document.xml"), std::string::npos) << c.err;
  EXPECT_NE(c.err.find(where), std::string::npos) << c.err;
  EXPECT_NE(c.err.find("UTF-8"), std::string::npos) << c.err;
  const std::string out = testkit::temp_dir("bad-utf8-fix") + "/out.docx";
  testkit::RunResult f = testkit::run_cli({"fix", path, "-o", out, "--project", kProject});
  EXPECT_EQ(f.status, 2) << f.out << f.err;
  EXPECT_NE(f.err.find("word/document.xml"), std::string::npos) << f.err;
  EXPECT_NE(f.err.find("字节 " + std::to_string(offset)), std::string::npos) << f.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(InvalidPart, EncodedSurrogateAndOverlongFormsAreInvalid) {
  // CESU-style surrogates and an overlong 「/」 are not UTF-8 either.
  for (const std::string& bytes : {std::string("\xED\xA0\x80"), std::string("\xC0\xAF"), std::string("\xE6\x88")}) {
    auto [path, offset] = with_bytes_in_text("bad-utf8-form", bytes);
    testkit::RunResult c = testkit::run_cli({"check", path, "--lang", "en"});
    EXPECT_EQ(c.status, 2) << c.out;
    EXPECT_NE(c.err.find("byte " + std::to_string(offset)), std::string::npos) << c.err;
  }
}

TEST(InvalidPart, MalformedXmlIsExitTwoNamingPartAndOffset) {
  auto [path, offset] = with_bytes_in_text("bad-xml", "<w:b>");
  testkit::RunResult c = testkit::run_cli({"check", path, "--lang", "en"});
  EXPECT_EQ(c.status, 2) << c.out;
  EXPECT_NE(c.err.find("word/document.xml"), std::string::npos) << c.err;
  EXPECT_NE(c.err.find("not well-formed"), std::string::npos) << c.err;
  EXPECT_NE(c.err.find("byte "), std::string::npos) << c.err;
}

TEST(InvalidPart, ValidChineseTextStillChecksClean) {
  auto [path, offset] = with_bytes_in_text("good-utf8", "，中文全角ＡＢＣ😀");
  (void)offset;
  testkit::RunResult c = testkit::run_cli({"check", path, "--project", kProject});
  EXPECT_EQ(c.status, 0) << c.out << c.err;
}

}  // namespace
}  // namespace bidfmt::testfix
