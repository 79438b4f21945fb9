// core/text.h: control-byte detection (word-at-a-time, so every byte value at every position of
// a word and of the tail is tried against the plain definition) and ASCII case folding.
#include <gtest/gtest.h>

#include <string>

#include "core/text.h"

namespace bidfmt::core {
namespace {

bool control(unsigned char c) { return c < 0x20 || c == 0x7F; }

TEST(HasControls, EveryByteValueAtEveryPositionOfAWordAndOfTheTail) {
  for (size_t length : {1, 7, 8, 9, 16, 19}) {
    for (size_t at = 0; at < length; ++at) {
      for (int v = 0; v < 256; ++v) {
        std::string s(length, 'a');
        s[at] = static_cast<char>(v);
        EXPECT_EQ(has_controls(s), control(static_cast<unsigned char>(v))) << "length " << length << " byte " << v << " at " << at;
      }
    }
  }
}

TEST(HasControls, TextWithoutControlsIncludingHighBytes) {
  EXPECT_FALSE(has_controls(""));
  EXPECT_FALSE(has_controls("二、主要施工方法 › 2.3 管网工程「混凝土 C30」…"));
  std::string high;
  for (int v = 0x80; v < 0x100; ++v) high += static_cast<char>(v);
  EXPECT_FALSE(has_controls(high));
  EXPECT_TRUE(has_controls(high + "\x1b"));
  EXPECT_TRUE(has_controls("第一章\t概述"));
  EXPECT_EQ(escape_controls("a\x1b[31mb\x7f"), "a\\x1B[31mb\\x7F");
}

TEST(EqualAsciiFolded, IgnoresTheCaseOfAsciiLettersOnly) {
  EXPECT_TRUE(equal_ascii_folded("Intense Quote", "intense quote"));
  EXPECT_TRUE(equal_ascii_folded("", ""));
  EXPECT_FALSE(equal_ascii_folded("Quote", "Quote "));
  EXPECT_FALSE(equal_ascii_folded("Quote", "Quot"));
  EXPECT_FALSE(equal_ascii_folded("[", "{"));  // 0x5B and 0x7B differ by the case bit but are no letters
  EXPECT_EQ(ascii_lower("Heading 1 标题"), "heading 1 标题");
}

}  // namespace
}  // namespace bidfmt::core
