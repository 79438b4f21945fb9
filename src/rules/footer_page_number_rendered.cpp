// Rule footer.page-number, rendered side (check --render): every body page of the PDF shows
// 「第X页，共Y页」 with X = 1, 2, … from the first body page and Y = the number of body pages; cover
// and TOC pages show none. Called by footer_page_number.cpp.
#include <regex>

#include "rules/describe.h"
#include "rules/rendered_pages.h"

namespace bidfmt::rules {
namespace {

std::string squash(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r') continue;
    if (s.compare(i, 3, "\u3000") == 0) {
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

// The profile's footer text as a pattern over squashed text: {page} and {pages} capture digits,
// either comma matches.
struct FooterPattern {
  std::regex re;
  int page_group = 0, pages_group = 0;
};

FooterPattern pattern_for(const std::string& footer_text) {
  std::string t = squash(footer_text), re;
  FooterPattern fp;
  int group = 0;
  for (size_t i = 0; i < t.size();) {
    if (t.compare(i, 7, "{pages}") == 0) {
      re += "(\\d+)";
      fp.pages_group = ++group;
      i += 7;
    } else if (t.compare(i, 6, "{page}") == 0) {
      re += "(\\d+)";
      fp.page_group = ++group;
      i += 6;
    } else if (t[i] == ',' || t.compare(i, 3, "，") == 0) {
      re += "(?:,|，)";
      i += t[i] == ',' ? 1 : 3;
    } else {
      if (std::string("\\^$.|?*+()[]{}").find(t[i]) != std::string::npos) re += '\\';
      re += t[i++];
    }
  }
  fp.re = std::regex(re);
  return fp;
}

// The footer as shown on a page: the pattern searched in its last three lines of text.
struct Shown {
  bool found = false;
  int page = 0, pages = 0;
  std::string text;
};

Shown shown_on(const RenderedPage& page, const FooterPattern& fp) {
  std::vector<std::string> lines;
  size_t start = 0;
  const std::string& t = page.text;
  while (start <= t.size()) {
    size_t nl = t.find('\n', start);
    std::string line = squash(t.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (!line.empty()) lines.push_back(line);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  Shown s;
  for (size_t k = lines.size() > 3 ? lines.size() - 3 : 0; k < lines.size(); ++k) {
    std::smatch m;
    if (!std::regex_search(lines[k], m, fp.re)) continue;
    s.found = true;
    s.text = m[0].str();
    if (fp.page_group) s.page = std::atoi(m[static_cast<size_t>(fp.page_group)].str().c_str());
    if (fp.pages_group) s.pages = std::atoi(m[static_cast<size_t>(fp.pages_group)].str().c_str());
  }
  return s;
}

std::string pages_text(int a, int b, bool en) {
  std::string r = a == b ? std::to_string(a) : std::to_string(a) + "–" + std::to_string(b);
  return en ? (a == b ? "PDF page " : "PDF pages ") + r : "PDF 第 " + r + " 页";
}

// One finding per run of consecutive pages with the same trouble.
struct Run {
  std::string kind;
  int first = 0, last = 0;
  Shown first_shown;
  int first_expected = 0, last_actual = 0, last_expected = 0;
};

void check_pages(const Context& ctx, Reporter& out);

}  // namespace

void check_rendered_footers(const Context& ctx, Reporter& out) {
  if (!ctx.rendered || ctx.rendered->pages.empty()) return;
  size_t since = out.mark();
  check_pages(ctx, out);
  out.not_fixable(since);  // the layout is not something `bidfmt fix` changes
}

namespace {
void check_pages(const Context& ctx, Reporter& out) {
  const auto& pages = ctx.rendered->pages;
  int body_section = ctx.doc.first_body_section();
  if (body_section == 0) return;
  int first = section_first_page(ctx, body_section);
  if (first == 0 && !ctx.doc.has_front_matter()) first = 1;
  if (first == 0) return;
  FooterPattern fp = pattern_for(ctx.profile.header_footer.footer_text);
  int total = static_cast<int>(pages.size()) - first + 1;
  std::string want_shape = ctx.profile.header_footer.footer_text;
  // Cover and TOC pages: no page number.
  for (int p = 1; p < first; ++p) {
    Shown s = shown_on(pages[static_cast<size_t>(p) - 1], fp);
    if (!s.found) continue;
    out.add("rendered_front_page", at_page(ctx, p), Text{"无页码", "no page number"}, plain(s.text),
            Text{pages_text(p, p, false) + "(封面或目录)显示了页码「" + s.text + "」;封面和目录页不设页脚",
                 pages_text(p, p, true) + " (cover or TOC) shows the page number '" + s.text + "'; cover and TOC pages have no footer"});
  }
  std::vector<Run> runs;
  auto extend = [&](const std::string& kind, int p, const Shown& s, int expected, int actual) {
    for (Run& r : runs)
      if (r.kind == kind && r.last == p - 1 && (kind != "rendered_total" || r.last_actual == actual)) {
        r.last = p;
        r.last_actual = actual;
        r.last_expected = expected;
        return;
      }
    runs.push_back(Run{kind, p, p, s, expected, actual, expected});
  };
  for (int p = first; p <= static_cast<int>(pages.size()); ++p) {
    Shown s = shown_on(pages[static_cast<size_t>(p) - 1], fp);
    int want = p - first + 1;
    if (!s.found) {
      extend("rendered_missing", p, s, want, 0);
      continue;
    }
    if (fp.page_group && s.page != want) extend("rendered_number", p, s, want, s.page);
    if (fp.pages_group && s.pages != total) extend("rendered_total", p, s, total, s.pages);
  }
  for (const Run& r : runs) {
    Location where = at_page(ctx, r.first);
    std::string zh_pages = pages_text(r.first, r.last, false), en_pages = pages_text(r.first, r.last, true);
    if (r.kind == "rendered_missing") {
      out.add(r.kind, where, plain(want_shape), Text{"无", "none"},
              Text{zh_pages + "是正文页,但页脚没有显示「" + want_shape + "」形式的页码",
                   en_pages + " are body pages but show no page number of the form '" + want_shape + "'"});
    } else if (r.kind == "rendered_number") {
      std::string e = std::to_string(r.first_expected) + (r.last > r.first ? "…" + std::to_string(r.last_expected) : "");
      std::string a = std::to_string(r.first_shown.page) + (r.last > r.first ? "…" + std::to_string(r.last_actual) : "");
      out.add(r.kind, where, plain(e), plain(a),
              Text{zh_pages + "的页码显示为 " + a + ",应为 " + e + "(正文第一页为第 1 页,依次连续)",
                   en_pages + " are numbered " + a + "; expected " + e + " (the first body page is page 1, then in order)"});
    } else {
      std::string a = std::to_string(r.first_shown.pages);
      out.add(r.kind, where, plain("共" + std::to_string(total) + "页"), plain("共" + a + "页"),
              Text{zh_pages + "的页脚显示「共" + a + "页」,而渲染后正文共 " + std::to_string(total) + " 页",
                   en_pages + " show a total of " + a + " pages, but the rendered body has " + std::to_string(total) + " pages"});
    }
  }
}
}  // namespace

}  // namespace bidfmt::rules
