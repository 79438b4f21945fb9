// The AI-style drafts (tests/markdown/drafts): each builds, checks clean, and keeps every text
// fragment of its source — in the body, the tables and the footnotes. What the build removes on
// purpose (typed heading and caption numbers) it announces in a warning; only that may be missing.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

std::vector<std::string> drafts() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(testkit::source_dir() + "/tests/markdown/drafts"))
    if (e.path().extension() == ".md") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// A word character: a letter, a digit or a CJK ideograph — not punctuation, symbols or circled
// numbers, which separate fragments.
bool word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F)) return false;
  if (c >= 0xFF00 && c <= 0xFFEF) return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
  return c != 0xA0 && c != 0xB7 && c != 0xD7;
}

// The fragments of `text`: maximal runs of word characters, two characters or longer.
std::vector<std::string> fragments(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  size_t chars = 0;
  auto flush = [&] {
    if (chars >= 2) out.push_back(cur);
    cur.clear();
    chars = 0;
  };
  for (size_t i = 0; i < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : b & (0xFF >> (n + 1));
    for (size_t k = 1; k < n && i + k < text.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    if (word_char(c)) {
      cur.append(text, i, n);
      ++chars;
    } else {
      flush();
    }
    i += n;
  }
  flush();
  return out;
}

// The source's prose: without front matter, markup that is no text (tags, link targets, footnote
// labels, heading attributes, fence lines, the 「Table:」 keyword, entities).
std::string source_prose(const std::string& md) {
  std::string text = md;
  if (text.rfind("---\n", 0) == 0) text = text.substr(text.find("\n---\n", 3) + 5);
  std::stringstream in(text);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("```", 0) == 0 || line.rfind("~~~", 0) == 0) continue;
    if (!line.empty() && line[0] == '#') line = std::regex_replace(line, std::regex(R"(\{[^}]*\}\s*$)"), "");
    line = std::regex_replace(line, std::regex(R"(^Table:)"), "");
    out += line + "\n";
  }
  out = std::regex_replace(out, std::regex(R"(<[^>]*>)"), "");
  out = std::regex_replace(out, std::regex(R"(\]\([^)]*\))"), " ");
  out = std::regex_replace(out, std::regex(R"(\[\^[^\]]*\]:?)"), " ");
  out = std::regex_replace(out, std::regex(R"(&[#a-zA-Z0-9]+;)"), " ");
  return out;
}

// All text of the document body (cover, TOC, body, tables) and of the footnotes.
std::string docx_text(const std::map<std::string, std::string>& parts) {
  std::string out;
  for (const char* name : {"word/document.xml", "word/footnotes.xml"}) {
    auto it = parts.find(name);
    if (it == parts.end()) continue;
    pugi::xml_document doc;
    doc.load_string(it->second.c_str());
    for (const pugi::xpath_node& t : doc.select_nodes("//w:t")) out += t.node().text().get();
  }
  return out;
}

class Draft : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    dir_ = testkit::temp_dir("draft-" + fs::path(GetParam()).stem().string());
    docx_ = dir_ + "/out.docx";
    build_ = testkit::run_cli({"build", GetParam(), "-o", docx_});
    ASSERT_EQ(build_.status, 0) << build_.err;
  }
  std::string dir_, docx_;
  testkit::RunResult build_;
};

TEST_P(Draft, ChecksClean) {
  testkit::RunResult check = testkit::run_cli({"check", docx_});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  testkit::RunResult strict = testkit::run_cli({"check", docx_, "--format", "json"});
  EXPECT_EQ(strict.out.find("\"rule\""), std::string::npos) << strict.out;
}

// Standard B's profile (第一章 / 第一节, 黑体) builds the same draft as Standard B asks — one file
// per chapter (「各章单独做一个word文档」, --split-chapters) — and every chapter file checks clean.
TEST_P(Draft, ChecksCleanUnderStandardB) {
  const std::string out = dir_ + "/b";
  testkit::RunResult b = testkit::run_cli({"build", GetParam(), "--profile", "chapter-heiti", "--split-chapters", "-o", out});
  ASSERT_EQ(b.status, 0) << b.err;
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(out)) files += e.path().extension() == ".docx";
  EXPECT_GE(files, 1u);
  testkit::RunResult check = testkit::run_cli({"check", out, "--profile", "chapter-heiti"});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
}

// The whole-bid profile, split as a bid kept in several files: each chapter file numbers on from
// its chapter (七、 7.1 表7.1-1) and checks clean.
TEST_P(Draft, SplitChaptersCheckCleanUnderTheWholeBidProfile) {
  const std::string out = dir_ + "/a";
  testkit::RunResult b = testkit::run_cli({"build", GetParam(), "--split-chapters", "-o", out});
  ASSERT_EQ(b.status, 0) << b.err;
  testkit::RunResult check = testkit::run_cli({"check", out});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
}

TEST_P(Draft, EveryPartValidates) {
  for (const auto& [name, xml] : testkit::read_zip(docx_)) {
    if (name.rfind("word/media/", 0) == 0) continue;
    EXPECT_EQ(testkit::validate_part(name, xml), "") << name;
  }
}

TEST_P(Draft, NothingTypedIsLost) {
  // Numbers the build removed and said so: 「…手写的编号「第一章」已删除…」.
  std::set<std::string> removed;
  std::regex said("手写的编号「(.+?)」");  // bytes: no multibyte character in a bracket
  for (std::sregex_iterator it(build_.err.begin(), build_.err.end(), said), end; it != end; ++it)
    for (const std::string& f : fragments((*it)[1].str())) removed.insert(f);
  const std::string out = docx_text(testkit::read_zip(docx_));
  const std::vector<std::string> source = fragments(source_prose(testkit::read_text(GetParam())));
  ASSERT_GE(source.size(), 40u) << "a draft of some length";
  int lost = 0;
  for (const std::string& f : source) {
    if (out.find(f) != std::string::npos || removed.count(f)) continue;
    ADD_FAILURE() << "lost: 「" << f << "」";
    if (++lost > 20) break;
  }
}

INSTANTIATE_TEST_SUITE_P(Drafts, Draft, ::testing::ValuesIn(drafts()), [](const ::testing::TestParamInfo<std::string>& i) {
  std::string n = fs::path(i.param).stem().string();
  std::replace(n.begin(), n.end(), '-', '_');
  return n;
});

// The walk's own pieces: fragments split at punctuation and markup, text joined across runs.
TEST(DraftWalk, FragmentsSplitAtPunctuationAndMarkup) {
  EXPECT_EQ(fragments("（一）建设内容，共1,286盏"), (std::vector<std::string>{"建设内容", "共1", "286盏"}));
  EXPECT_EQ(fragments(source_prose("## 附件 {-}\nm<sup>2</sup>面积[^1]\n")), (std::vector<std::string>{"附件", "m2面积"}));
  // …and a fragment missing from the output text is reported.
  EXPECT_EQ(docx_text({{"word/document.xml",
                        "<w:document xmlns:w=\"x\"><w:p><w:r><w:t>附</w:t></w:r><w:r><w:t>件</w:t></w:r></w:p></w:document>"}}),
            "附件");
}

}  // namespace
}  // namespace bidfmt
