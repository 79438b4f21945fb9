// Rule layout.short-last-page (render-only, Standard B): a chapter's last page is not less than half full.
#include <algorithm>
#include <cmath>

#include "docx/script.h"
#include "rules/describe.h"
#include "rules/rendered_pages.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "layout.short-last-page",
    {"每章最后一页不少于半页(渲染后核对)", "a chapter's last page is at least half full (rendered)"},
    {"render.short_last_page", "render.last_page_min_fill"},
    Severity::warning,
    false,
};

// How full the text area of a page is: the lowest line of text between the margins, 0–1; -1 when
// the page shows no text there.
double fill_of(const RenderedPage& page, double top, double bottom) {
  double low = -1;
  for (const RenderedLine& l : page.lines)
    if (l.y_min >= top - 2 && l.y_max <= bottom + 2) low = std::max(low, l.y_max);
  if (low < 0 || bottom <= top) return -1;
  return std::clamp((low - top) / (bottom - top), 0.0, 1.0);
}

int page_of_paragraph(const Context& ctx, int index) {
  auto it = ctx.rendered->paragraphs.find(index);
  return it == ctx.rendered->paragraphs.end() ? 0 : it->second.page;
}

bool applies(const Context& ctx) { return ctx.rendered && ctx.profile.render.short_last_page; }

void check(const Context& ctx, Reporter& out) {
  if (!applies(ctx)) return;
  const size_t m = out.mark();
  const auto& ps = ctx.doc.body().paragraphs;
  std::vector<int> chapters;  // level-1 headings of the body
  for (const docx::Paragraph& p : ps)
    if (p.role == docx::Role::heading && p.heading_level == 1 && ctx.in_body(p.section)) chapters.push_back(p.index);
  for (size_t c = 0; c < chapters.size(); ++c) {
    int begin = chapters[c];
    int end = c + 1 < chapters.size() ? chapters[c + 1] : static_cast<int>(ps.size());
    int last = -1;  // the chapter's last paragraph with content
    for (int i = end - 1; i > begin && last < 0; --i)
      if (ps[static_cast<size_t>(i)].role != docx::Role::empty && ctx.in_body(ps[static_cast<size_t>(i)].section)) last = i;
    if (last < 0) continue;
    int first_page = page_of_paragraph(ctx, begin), last_page = page_of_paragraph(ctx, last);
    if (first_page <= 0 || last_page <= first_page) continue;                           // one page: nothing to move up
    if (c + 1 < chapters.size() && page_of_paragraph(ctx, end) == last_page) continue;  // the next chapter goes on there
    if (static_cast<size_t>(last_page) > ctx.rendered->pages.size()) continue;
    const RenderedPage& page = ctx.rendered->pages[static_cast<size_t>(last_page) - 1];
    const docx::Paragraph& lp = ps[static_cast<size_t>(last)];
    const docx::Section& s = ctx.doc.sections()[static_cast<size_t>(std::max(1, lp.section)) - 1];
    double top = s.margin_top.value_or(ctx.profile.page.margin_top.v) / 20.0;
    double bottom = page.height_pt - s.margin_bottom.value_or(ctx.profile.page.margin_bottom.v) / 20.0;
    double fill = fill_of(page, top, bottom);
    if (fill < 0 || fill >= ctx.profile.render.last_page_min_fill) continue;
    int percent = static_cast<int>(std::lround(fill * 100));
    Location where = ctx.at(lp);
    where.page = last_page;
    std::string name = docx::excerpt(ps[static_cast<size_t>(begin)].shown(), 30);
    // 「半页」 when the profile asks for half a page (the standard's words), else the share.
    const double want = ctx.profile.render.last_page_min_fill;
    const std::string want_percent = std::to_string(static_cast<int>(std::lround(want * 100))) + "%";
    const Text least = want == 0.5 ? Text{"半页", "half a page"} : Text{want_percent, want_percent};
    out.add("short_last_page", where, Text{"至少" + least.zh, "at least " + least.en},
            Text{"约 " + std::to_string(percent) + "%", "about " + std::to_string(percent) + "%"},
            Text{"「" + name + "」的最后一页(PDF 第 " + std::to_string(last_page) + " 页)只排了约 " + std::to_string(percent) + "%,少于" +
                     least.zh + ";宜调整排版,将这部分内容调至上页",
                 "the last page of '" + name + "' (PDF page " + std::to_string(last_page) + ") is only about " + std::to_string(percent) +
                     "% full, less than " + least.en + "; adjust the layout to move it up to the page before"});
  }
  out.about(m, ctx.cls("render.short_last_page"));
}

}  // namespace

const Rule& layout_short_last_page_rule() {
  static const Rule r{kInfo, check, applies};
  return r;
}

}  // namespace bidfmt::rules
