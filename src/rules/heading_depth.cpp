// Rule heading.depth: at most three heading levels; deeper items numbered 1、 (1) ① A a 1, 小四, indented 2 characters.
#include <set>

#include "docx/labels.h"
#include "docx/script.h"
#include "rules/checks.h"
#include "rules/describe.h"
#include "rules/heading_common.h"
#include "rules/kinds.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "heading.depth",
    {"标题层级与深层编号", "heading depth and the numbering below it"},
    {"{h}.number", "{h}.size", "{h}.first_line_indent", "lists.ordered"},
    Severity::error,
    true,
};

std::string sequence_text(const std::vector<profile::NumberLevel>& levels) {
  std::string s;
  for (size_t i = 0; i < levels.size(); ++i) {
    std::vector<int> ones(levels.size(), 1);
    if (i) s += " ";
    s += docx::format_label(levels, i, ones);
  }
  return s;
}

// A number typed at the start of a body paragraph in the shape 「1.」 followed by Chinese text
// (「1.测量放样」, 「2. 填筑试验段」): a deep item labelled as a decimal, where the standard's
// first deep label is 「1、」. 「1.5m」 and 「1.1  标题」 are not: a digit follows the dot.
// Returns the typed label, or "".
std::string typed_dot_label(const std::string& text) {
  const std::string t = docx::trim(text);
  size_t i = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  if (i == 0 || i > 3) return "";
  size_t after = i;
  char32_t dot = docx::decode_utf8(t, after);
  if (dot != '.' && dot != U'．') return "";
  const std::string label = t.substr(0, after);
  while (after < t.size() && t[after] == ' ') ++after;
  if (after >= t.size()) return "";
  char32_t next = docx::decode_utf8(t, after);
  return docx::font_slot(next, false) == docx::FontSlot::east_asia ? label : "";
}

void check(const Context& ctx, Reporter& out) {
  const profile::Profile& pf = ctx.profile;
  std::vector<profile::NumberLevel> levels = heading_numbers(pf);
  int max_level = pf.headings.empty() ? 0 : pf.headings.back().level;
  int titles = docx::title_levels(pf);
  // The numbering definitions the title headings number through (一、/1.1/1.1.1): an item on a
  // deeper level of one of them continues the headings, so its level 4 (ilvl 3) is the first of
  // the deep sequence 1、 (1) ①; a separate list starts that sequence at its own first level.
  std::set<std::string_view> heading_lists;
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs)
    if (p.role == docx::Role::heading && p.level && p.heading_level <= titles && p.ilvl < titles)
      heading_lists.insert(ctx.doc.numbering().abstract_of(p.num_id));
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs) {
    Location at = ctx.at(p);
    if (p.role == docx::Role::heading && p.heading_level > titles) {
      const profile::HeadingLevel* h = pf.heading(p.heading_level);
      if (h && h->rule != kInfo.id) continue;  // a level with a rule of its own
      if (!h) {
        out.add("too_deep", at, Text{"最多 " + std::to_string(max_level) + " 级", "at most " + std::to_string(max_level) + " levels"},
                Text{std::to_string(p.heading_level) + " 级", "level " + std::to_string(p.heading_level)},
                Text{"标题为第 " + std::to_string(p.heading_level) + " 级,超出规定的层级(标题最多 " + std::to_string(titles) +
                         " 级,以下按 " + sequence_text(pf.lists.ordered) + " 依次下编)",
                     "heading level " + std::to_string(p.heading_level) + " is deeper than allowed (at most " + std::to_string(titles) +
                         " heading levels; below them number items " + sequence_text(pf.lists.ordered) + ")"})
            .fixable = false;
        continue;
      }
      const std::string key = "headings." + std::to_string(p.heading_level) + ".";
      size_t mark = out.mark();
      std::string shown = heading_shown(p);
      auto m = docx::match_label(shown, levels, static_cast<size_t>(p.heading_level) - 1);
      if (!m) {
        std::vector<int> ones(levels.size(), 1);
        std::string want = docx::trim(docx::format_label(levels, static_cast<size_t>(p.heading_level) - 1, ones));
        std::string actual = p.label.empty() ? std::string("无编号") : p.label;
        out.add(kind::kNumberFormat, at, plain(want), p.label.empty() ? Text{"无编号", "no number"} : plain(p.label),
                Text{"第 " + std::to_string(p.heading_level) + " 级编号应为「" + want + "」形式,实际为「" + actual + "」",
                     "level-" + std::to_string(p.heading_level) + " number must look like '" + want + "'; it is '" +
                         (p.label.empty() ? std::string("no number") : p.label) + "'"});
      }
      out.about(mark, ctx.cls(key + "number"));
      out.about(ctx.cls(key + "size"), [&] { check_size(ctx, out, p, h->format.size, at, true); });
      out.about(ctx.cls(key + "first_line_indent"), [&] { check_first_line(ctx, out, p, h->format.first_line, at, false); });
      continue;
    }
    if (p.role == docx::Role::body && ctx.in_body(p.section) && !pf.lists.ordered.empty()) {
      const std::string typed = typed_dot_label(p.text);
      if (!typed.empty() && !docx::match_label(docx::trim(p.text), pf.lists.ordered, 0)) {
        std::vector<int> ones(pf.lists.ordered.size(), 1);
        const std::string want = docx::format_label(pf.lists.ordered, 0, ones);
        const size_t mark = out.mark();
        out.add(kind::kListNumber, at, plain(want), plain(typed),
                Text{"编号「" + typed + "」应为「" + want + "」形式(顺序 " + sequence_text(pf.lists.ordered) + ")",
                     "the number '" + typed + "' must look like '" + want + "' (sequence " + sequence_text(pf.lists.ordered) + ")"})
            .fixable = false;  // a typed number is the writer's text
        out.about(mark, ctx.cls("lists.ordered.1"));
      }
      continue;
    }
    if (p.role == docx::Role::list_item && p.level && p.level->format != "bullet" && !p.label.empty()) {
      size_t idx = static_cast<size_t>(p.ilvl);
      if (p.ilvl >= titles && heading_lists.count(ctx.doc.numbering().abstract_of(p.num_id))) idx -= static_cast<size_t>(titles);
      if (idx >= pf.lists.ordered.size()) {
        out.add("list_depth", at,
                Text{"最多 " + std::to_string(pf.lists.ordered.size()) + " 级",
                     "at most " + std::to_string(pf.lists.ordered.size()) + " levels"},
                Text{std::to_string(idx + 1) + " 级", "level " + std::to_string(idx + 1)},
                Text{"列表为第 " + std::to_string(idx + 1) + " 级,超出规定的 " + sequence_text(pf.lists.ordered) + " 顺序",
                     "list level " + std::to_string(idx + 1) + " is deeper than the sequence " + sequence_text(pf.lists.ordered)})
            .fixable = false;
        continue;
      }
      auto m = docx::match_label(p.label, pf.lists.ordered, idx);
      const size_t mark = out.mark();
      if (!m || m->length != p.label.size()) {
        std::vector<int> ones(pf.lists.ordered.size(), 1);
        std::string want = docx::format_label(pf.lists.ordered, idx, ones);
        out.add(kind::kListNumber, at, plain(want), plain(p.label),
                Text{"第 " + std::to_string(idx + 1) + " 级列表编号应为「" + want + "」形式(顺序 " + sequence_text(pf.lists.ordered) +
                         "),实际为「" + p.label + "」",
                     "level-" + std::to_string(idx + 1) + " list number must look like '" + want + "' (sequence " +
                         sequence_text(pf.lists.ordered) + "); it is '" + p.label + "'"});
      }
      out.about(mark, ctx.cls("lists.ordered." + std::to_string(idx + 1)));
    }
  }
}

}  // namespace

const Rule& heading_depth_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
