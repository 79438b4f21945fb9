// PDF text for the render tests: pages as pdftotext lays them out, with their sizes (poppler).
#pragma once
#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/testkit.h"

namespace bidfmt {

struct Page {
  std::string text;
  double width_pt = 0, height_pt = 0;
};

inline std::vector<Page> read_pdf(const std::string& pdf) {
  testkit::RunResult t = testkit::run({"pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"});
  std::vector<Page> pages;
  std::stringstream ss(t.out);
  std::string chunk;
  while (std::getline(ss, chunk, '\f')) pages.push_back(Page{chunk});
  if (!pages.empty() && pages.back().text.find_first_not_of(" \n") == std::string::npos) pages.pop_back();
  testkit::RunResult info = testkit::run({"pdfinfo", "-f", "1", "-l", "9999", pdf});
  std::regex size_re(R"(Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+))");
  for (std::sregex_iterator it(info.out.begin(), info.out.end(), size_re), end; it != end; ++it) {
    size_t n = std::stoul((*it)[1]) - 1;
    if (n < pages.size()) pages[n].width_pt = std::stod((*it)[2]), pages[n].height_pt = std::stod((*it)[3]);
  }
  return pages;
}

inline std::string first_line(const std::string& page) {
  std::stringstream ss(page);
  for (std::string line; std::getline(ss, line);)
    if (line.find_first_not_of(' ') != std::string::npos) return line;
  return "";
}

inline std::string squash(std::string s) {  // pdftotext spreads CJK with spaces in -layout mode
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n'; }), s.end());
  return s;
}

}  // namespace bidfmt
