// Error formatting.
#include "core/error.h"

namespace bidfmt {

std::string Error::one_line(Lang lang) const {
  std::string s = file_;
  if (line_ > 0) s += ":" + std::to_string(line_);
  if (!s.empty()) s += ": ";
  s += message(lang);
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace bidfmt
