// Rule header.text: body header shows the project name on the left and 「技术标」 on the right, in 小五.
#include <set>

#include "docx/script.h"
#include "rules/checks.h"
#include "rules/describe.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "header.text",
    {"正文页眉内容与字号", "body header text and size"},
    "正文页眉 页眉左侧“XXXXXX项目”,页眉右侧“技术标”,字体为小五号字。",
    Severity::error,
    true,
};

// What the header shows on its left and right, and how.
struct Layout {
  std::string left, right;
  const docx::Paragraph* para = nullptr;  // the paragraph holding the text (or the right cell's)
  bool right_aligned = false;
};

std::string cell_text(const docx::Story& st, const docx::Cell& c) {
  std::string t;
  for (int i : c.paragraphs) t += st.paragraphs[static_cast<size_t>(i)].text;
  return docx::trim(t);
}

Layout layout_of(const docx::Story& st) {
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
    for (const docx::TabStop& t : p.props->tabs)
      if (t.kind == "right" || t.kind == "end") l.right_aligned = true;
    return l;
  }
  return l;
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) s.replace(pos, from.size(), to);
  return s;
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
        out.add("missing", where, Text{"项目名称 / " + hf.header_right, "project name / " + hf.header_right}, Text{"无", "none"},
                Text{"第 " + sec + " 节(正文)没有" + kind_text.zh + "页眉", "section " + sec + " (body) has no " + kind_text.en + "header"});
        out.about(m, std::max(left_class, right_class));
        continue;
      }
      if (!seen.insert(part).second) continue;
      where.set_part(part);
      Layout l = layout_of(*st);
      if (l.para) {
        where.paragraph = l.para->number;
        where.set_excerpt(docx::excerpt(l.para->text, 30));
      }
      // Left: the project name.
      bool has_placeholder = hf.header_left.find("{project}") != std::string::npos;
      if (!ctx.project.empty() || !has_placeholder) {
        std::string want = replace(hf.header_left, "{project}", ctx.project);
        if (l.left != want)
          out.add("left_text", where, plain(want), plain(l.left),
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
