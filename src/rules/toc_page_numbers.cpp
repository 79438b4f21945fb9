// Rule toc.page-numbers (render-only): each TOC entry's page number is the page its heading is printed on.
#include <algorithm>
#include <map>
#include <regex>

#include "docx/script.h"
#include "rules/describe.h"
#include "rules/rendered_pages.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "toc.page-numbers",
    {"目录页码与标题所在页一致(渲染后核对)", "TOC page numbers match the headings' pages (rendered)"},
    {},  // compares the TOC with the rendered pages: no profile value
    Severity::error,
    false,
};

// Text without blanks, tab leaders' dots and ellipses: how a TOC entry and a heading compare.
std::string squash(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '.') continue;
    if (s.compare(i, 3, "\u3000") == 0 || s.compare(i, 3, "\u2026") == 0) {  // ideographic space, ellipsis
      i += 2;
      continue;
    }
    if (s.compare(i, 2, "\u00b7") == 0) {  // middle dot leader
      i += 1;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

// The page number printed at the end of a TOC entry, and the entry's title before it.
bool split_entry(const std::string& text, std::string& title, int& page) {
  size_t end = text.find_last_not_of(" \t\r\n");
  if (end == std::string::npos) return false;
  size_t b = end + 1;
  while (b > 0 && std::isdigit(static_cast<unsigned char>(text[b - 1]))) --b;
  if (b == end + 1 || end + 1 - b > 6) return false;
  page = std::stoi(text.substr(b, end + 1 - b));
  title = text.substr(0, b);
  return true;
}

// The bookmark the entry points at: its hyperlink's w:anchor or its PAGEREF field's argument.
std::string target_of(const docx::Paragraph& p) {
  std::string instr;
  std::vector<pugi::xml_node> stack{p.node};
  std::string anchor;
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    std::string_view name = n.name();
    if (name == "w:hyperlink" && anchor.empty()) anchor = n.attribute("w:anchor").value();
    if (name == "w:instrText") instr += n.text().get();
    if (name == "w:fldSimple") instr += std::string(" ") + n.attribute("w:instr").value() + " ";
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling())
      if (c.type() == pugi::node_element) stack.push_back(c);
  }
  std::smatch m;
  static const std::regex pageref(R"(PAGEREF\s+"?([^\s"\\]+))", std::regex::icase);
  if (std::regex_search(instr, m, pageref)) return m[1].str();
  return anchor;
}

bool applies(const Context& ctx) { return ctx.rendered != nullptr; }

void check(const Context& ctx, Reporter& out) {
  if (!applies(ctx)) return;
  const auto& ps = ctx.doc.body().paragraphs;
  std::map<std::string, int> bookmark_at;
  std::vector<int> headings;
  for (const docx::Paragraph& p : ps) {
    for (const std::string& b : p.bookmarks) bookmark_at.emplace(b, p.index);
    if (p.role == docx::Role::heading && ctx.in_body(p.section)) headings.push_back(p.index);
  }
  size_t next_heading = 0;  // entries follow the headings' order: match by text from here on
  for (const docx::Paragraph& p : ps) {
    if (p.role != docx::Role::toc) continue;
    std::string title;
    int shown = 0;
    if (!split_entry(p.text, title, shown)) continue;
    int heading = -1;
    std::string target = target_of(p);
    if (auto it = bookmark_at.find(target); !target.empty() && it != bookmark_at.end()) heading = it->second;
    if (heading < 0) {
      std::string want = squash(title);
      for (size_t k = next_heading; k < headings.size() && heading < 0; ++k) {
        const docx::Paragraph& h = ps[static_cast<size_t>(headings[k])];
        std::string a = squash(h.shown()), b = squash(h.text);
        if (!want.empty() &&
            (want == a || want == b || (b.size() >= 6 && want.size() > b.size() && want.compare(want.size() - b.size(), b.size(), b) == 0)))
          heading = headings[k];
      }
    }
    if (heading < 0) continue;
    auto hk = std::find(headings.begin(), headings.end(), heading);
    if (hk != headings.end()) next_heading = static_cast<size_t>(hk - headings.begin()) + 1;
    auto placed = ctx.rendered->paragraphs.find(heading);
    if (placed == ctx.rendered->paragraphs.end() || placed->second.page <= 0) continue;
    int actual = printed_number(ctx, placed->second.page);
    if (actual == shown) continue;
    Location where = ctx.at(p);
    if (auto tp = ctx.rendered->paragraphs.find(p.index); tp != ctx.rendered->paragraphs.end()) where.page = tp->second.page;
    std::string name = docx::excerpt(ps[static_cast<size_t>(heading)].shown(), 30);
    out.add("page", where, plain(std::to_string(actual)), plain(std::to_string(shown)),
            Text{"目录中「" + name + "」的页码为 " + std::to_string(shown) + ",而该标题印在第 " + std::to_string(actual) +
                     " 页(渲染后 PDF 第 " + std::to_string(placed->second.page) + " 页);请更新目录",
                 "the TOC gives page " + std::to_string(shown) + " for '" + name + "', which is printed on page " + std::to_string(actual) +
                     " (PDF page " + std::to_string(placed->second.page) + "); update the TOC"});
  }
}

}  // namespace

const Rule& toc_page_numbers_rule() {
  static const Rule r{kInfo, check, applies};
  return r;
}

}  // namespace bidfmt::rules
