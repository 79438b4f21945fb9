// The language of user-facing messages: Chinese by default, English with --lang en.
#pragma once
#include <string>

namespace bidfmt {

enum class Lang { zh, en };

// A message in both languages.
struct Text {
  std::string zh;
  std::string en;
  const std::string& in(Lang l) const { return l == Lang::en ? en : zh; }
};

}  // namespace bidfmt
