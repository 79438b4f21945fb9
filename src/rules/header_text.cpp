// Rule header.text: body header shows the project name on the left and 「技术标」 on the right, in 小五.
#include <algorithm>
#include <cstdlib>
#include <set>

#include "docx/script.h"
#include "rules/checks.h"
#include "rules/describe.h"
#include "rules/kinds.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "header.text", {"正文页眉内容与字号", "body header text and size"}, {"header.left", "header.right", "header.size"}, Severity::error,
    true,
};

// What the header shows on its left and right, and how.
struct Layout {
  std::string left, right;
  const docx::Paragraph* para = nullptr;  // the paragraph holding the text (or the right cell's)
  bool right_aligned = false;
  int right_tab = -1;  // the right tab stop the right text is set at (one-paragraph layout), twips from the left margin
};

std::string cell_text(const docx::Story& st, const docx::Cell& c) {
  std::string t;
  for (int i : c.paragraphs) t += st.paragraphs[static_cast<size_t>(i)].text;
  return docx::trim(t);
}

Layout layout_of(const docx::Story& st, int header_size) {
  Layout l;
  // A borderless two-cell table: first cell left, last cell right.
  for (const docx::Table& t : st.tables) {
    if (t.depth != 0) continue;
    for (const docx::Row& r : t.rows) {
      if (r.cells.size() < 2) continue;
      l.left = cell_text(st, r.cells.front());
      l.right = cell_text(st, r.cells.back());
      for (int i : r.cells.back().paragraphs)
        if (visible(st.paragraphs[static_cast<size_t>(i)].text)) {
          l.para = &st.paragraphs[static_cast<size_t>(i)];
          l.right_aligned = l.para->props->jc.value == "right";
        }
      if (!l.left.empty() || !l.right.empty()) return l;
    }
  }
  // One paragraph: left text, tab(s), right text at a right tab stop.
  for (const docx::Paragraph& p : st.paragraphs) {
    if (p.table || !visible(p.text)) continue;
    l.para = &p;
    size_t first = p.text.find('\t'), last = p.text.rfind('\t');
    if (first == std::string::npos) {
      l.left = docx::trim(p.text);
      return l;
    }
    l.left = docx::trim(p.text.substr(0, first));
    l.right = docx::trim(p.text.substr(last + 1));
    l.right_aligned = p.right_ptab;
    if (p.right_ptab) return l;  // aligned at the margin whatever the width
    // The stop the right text lands on: each tab goes to the first custom stop beyond where the
    // text has got to (the left text's width estimated at the run's size: full width for CJK,
    // half for the rest). Word's own header style has a centre stop before the right one.
    std::vector<docx::TabStop> stops;
    for (const docx::TabStop& t : p.props->tabs)
      if (t.kind != "clear" && t.kind != "bar") stops.push_back(t);
    std::sort(stops.begin(), stops.end(), [](const docx::TabStop& a, const docx::TabStop& b) { return a.pos < b.pos; });
    int size = p.runs.empty() ? 0 : p.runs.front().props->size.value;
    if (size <= 0) size = header_size;
    int x = 0;
    const docx::TabStop* at = nullptr;
    std::string_view text = p.text;
    for (size_t i = 0; i < text.size();) {
      if (text[i] == '\t') {
        ++i;
        auto next = std::find_if(stops.begin(), stops.end(), [&](const docx::TabStop& t) { return t.pos > x; });
        if (next == stops.end()) {
          at = nullptr;
          break;
        }
        at = &*next;
        x = next->pos;
        continue;
      }
      char32_t c = docx::decode_utf8(text, i);
      if (!at) x += c >= 0x2E80 ? size * 10 : size * 5;  // half-points × 10 = twips of a full-width character
    }
    if (at && (at->kind == "right" || at->kind == "end")) {
      l.right_aligned = true;
      l.right_tab = at->pos;
    }
    return l;
  }
  return l;
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) s.replace(pos, from.size(), to);
  return s;
}

// True when the section's paper, left/right margins and gutter are the profile's (A4 or A3, either
// way round): the header's tab stop is judged against that text width. Otherwise page.size,
// page.margins or page.gutter speaks, and the header is judged once they are right.
bool page_as_profile(const Context& ctx, const docx::Section& s) {
  const profile::Page& pg = ctx.profile.page;
  const int tol = pg.tolerance.v;
  if (!s.width || !s.height || !s.margin_left || !s.margin_right) return false;
  auto near = [&](int a, int b) { return std::abs(a - b) <= tol; };
  auto fits = [&](Twips w, Twips h) {
    return (near(*s.width, w.v) && near(*s.height, h.v)) || (near(*s.width, h.v) && near(*s.height, w.v));
  };
  return (fits(pg.width, pg.height) || fits(pg.a3_width, pg.a3_height)) && near(*s.margin_left, pg.margin_left.v) &&
         near(*s.margin_right, pg.margin_right.v) && near(s.gutter.value_or(0), pg.gutter.v);
}

void check(const Context& ctx, Reporter& out) {
  const profile::HeaderFooter& hf = ctx.profile.header_footer;
  const profile::ValueClass left_class = ctx.cls("header.left"), right_class = ctx.cls("header.right");
  std::set<std::string> seen;
  for (const docx::Section& s : ctx.doc.sections()) {
    if (s.role != docx::SectionRole::body) continue;
    std::string sec = std::to_string(s.number);
    for (const auto& [kind, part] : shown_parts(ctx, s, true)) {
      const docx::Story* st = part.empty() ? nullptr : ctx.doc.story(part);
      Location where = ctx.at_section(s.number);
      size_t m = out.mark();
      if (!st || !st->has_content) {
        Text kind_text = kind == "first" ? Text{"首页", "first-page "} : kind == "even" ? Text{"偶数页", "even-page "} : Text{"", ""};
        out.add(
            kind::kMissing, where, Text{"项目名称 / " + hf.header_right, "project name / " + hf.header_right}, Text{"无", "none"},
            Text{"第 " + sec + " 节(正文)没有" + kind_text.zh + "页眉", "section " + sec + " (body) has no " + kind_text.en + "header"});
        out.about(m, std::max(left_class, right_class));
        continue;
      }
      where.set_part(part);
      Layout l = layout_of(*st, hf.header_size.v);
      if (l.para) {
        where.paragraph = l.para->number;
        where.set_excerpt(docx::excerpt(l.para->text, 30));
      }
      // The right tab stop against the text width of this section: a part shared by an A4 and an
      // A3 section, or an A3 section's own part copied from the A4 one, puts 「技术标」 far from
      // the right margin. Judged once per part and width; one character of the header's size is
      // within what a reader sees as aligned.
      if (l.right_tab >= 0 && l.right == hf.header_right && page_as_profile(ctx, s)) {
        int width = *s.width - *s.margin_left - *s.margin_right - (ctx.doc.gutter_at_top() ? 0 : s.gutter.value_or(0));
        int tol = std::max(ctx.profile.page.tolerance.v, hf.header_size.v * 10);
        if (std::abs(l.right_tab - width) > tol && seen.insert(part + "@" + std::to_string(width)).second) {
          Text pos = mm_text(l.right_tab), w = mm_text(width), gap = mm_text(std::abs(width - l.right_tab));
          bool short_of = l.right_tab < width;
          out.add("right_tab", where, Text{"右对齐制表位在版心右边界 " + w.zh, "right tab stop at the right margin, " + w.en},
                  Text{"右对齐制表位 " + pos.zh, "right tab stop at " + pos.en},
                  Text{"页眉右对齐制表位在 " + pos.zh + ",第 " + sec + " 节版心宽 " + w.zh + ":「" + l.right + "」" +
                           (short_of ? "距右边距约 " + gap.zh : "超出右边距约 " + gap.zh),
                       "the header's right tab stop is at " + pos.en + " but section " + sec + "'s text width is " + w.en + ": '" +
                           l.right + "' " +
                           (short_of ? "ends about " + gap.en + " before the right margin"
                                     : "runs about " + gap.en + " into the right margin")});
        }
      }
      if (!seen.insert(part).second) continue;
      // Left: the project name.
      bool has_placeholder = hf.header_left.find("{project}") != std::string::npos;
      if (!ctx.project.empty() || !has_placeholder) {
        std::string want = replace(hf.header_left, "{project}", ctx.project);
        if (l.left != want)
          out.add(
              "left_text", where, plain(want), plain(l.left),
              Text{"页眉左侧为「" + l.left + "」,应为「" + want + "」", "header left text is '" + l.left + "'; expected '" + want + "'"});
      } else if (l.left.empty()) {
        out.add("left_text", where, Text{"项目名称", "project name"}, Text{"无", "none"},
                Text{"页眉左侧没有项目名称", "the header has no project name on the left"});
      }
      out.about(m, left_class);
      m = out.mark();
      // Right: 「技术标」, right-aligned.
      if (l.right != hf.header_right) {
        out.add("right_text", where, plain(hf.header_right), plain(l.right),
                Text{"页眉右侧为「" + l.right + "」,应为「" + hf.header_right + "」",
                     "header right text is '" + l.right + "'; expected '" + hf.header_right + "'"});
      } else if (!l.right_aligned) {
        out.add("right_align", where, Text{"右对齐", "right-aligned"}, Text{"未右对齐", "not right-aligned"},
                Text{"页眉右侧文字「" + l.right + "」没有右对齐(需右对齐制表位或右对齐的单元格)",
                     "header right text '" + l.right + "' is not right-aligned (needs a right tab stop or a right-aligned cell)"});
      }
      out.about(m, right_class);
      m = out.mark();
      // Size: every visible run of the header.
      for (const docx::Paragraph& p : st->paragraphs) {
        Location at = ctx.at(p, part);
        at.section = s.number;
        if (check_size(ctx, out, p, hf.header_size, at, true)) break;
      }
      out.about(m, ctx.cls("header.size"));
    }
  }
}

}  // namespace

const Rule& header_text_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
