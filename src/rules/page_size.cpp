// Rule page.size: every section's paper is A4 (portrait or landscape; A3 for drawings per the profile),
// and (Standard B, page.a3_at_end) the A3 sections after all the text.
#include <algorithm>
#include <cstdlib>

#include "docx/script.h"
#include "rules/describe.h"
#include "rules/rule.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "page.size",
    {"纸张大小", "paper size"},
    {"page.width", "page.height", "page.a3_width", "page.a3_height", "page.a3_at_end"},
    Severity::error,
    true,
};

Text paper_text(int w, int h) {
  Text a = mm_text(w), b = mm_text(h);
  return Text{a.zh + "×" + b.zh, a.en + " × " + b.en};
}

// Standard B: 「A3附图附表统一装订在全册的最后,并按章节次序排列」 (profile page.a3_at_end). An A3
// section with body text on A4 pages after it is in the middle of the bid: reported at the A3
// section, once. Moving sections is the writer's work (build), not fix's.
template <typename Fits>
void check_a3_at_end(const Context& ctx, Reporter& out, Fits fits) {
  const profile::Page& pg = ctx.profile.page;
  if (!pg.a3_at_end) return;
  const auto& sections = ctx.doc.sections();
  auto is_a3 = [&](const docx::Section& s) { return s.width && s.height && fits(*s.width, *s.height, pg.a3_width, pg.a3_height); };
  // The last section with text that is not on A3: every A3 section before it is in the middle.
  int last_text = 0;
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs) {
    if (p.section < 1 || static_cast<size_t>(p.section) > sections.size() || !ctx.in_body(p.section)) continue;
    if (is_a3(sections[static_cast<size_t>(p.section) - 1]) || docx::blank(p.text)) continue;
    last_text = std::max(last_text, p.section);
  }
  const size_t m = out.mark();
  for (const docx::Section& s : sections) {
    if (s.number >= last_text || !is_a3(s) || !ctx.in_body(s.number)) continue;
    out.add(
           "a3_position", ctx.at_section(s.number), Text{"全册最后", "at the end of the bid"},
           Text{"第 " + std::to_string(s.number) + " 节,其后还有正文", "section " + std::to_string(s.number) + ", with body text after it"},
           Text{"A3 页(第 " + std::to_string(s.number) + " 节)之后还有 A4 正文:A3附图附表应统一装订在全册的最后,并按章节次序排列",
                "the A3 pages (section " + std::to_string(s.number) +
                    ") have A4 body text after them: A3 figures and tables belong at the end of the bid, in chapter order"})
        .fixable = false;
  }
  out.about(m, ctx.cls("page.a3_at_end"));
}

void check(const Context& ctx, Reporter& out) {
  const profile::Page& pg = ctx.profile.page;
  const int tol = pg.tolerance.v;
  auto fits = [&](int w, int h, Twips pw, Twips ph) {
    return (std::abs(w - pw.v) <= tol && std::abs(h - ph.v) <= tol) || (std::abs(w - ph.v) <= tol && std::abs(h - pw.v) <= tol);
  };
  Text want = paper_text(pg.width.v, pg.height.v);
  const size_t m = out.mark();
  for (const docx::Section& s : ctx.doc.sections()) {
    if (!s.width || !s.height) {
      out.add("paper", ctx.at_section(s.number), want, Text{"未设置", "not set"},
              Text{"未设置纸张大小(w:pgSz),应为 " + want.zh, "no paper size is set (w:pgSz); expected " + want.en});
      continue;
    }
    // A3 is accepted for drawing sections (profile page.a3_*).
    if (fits(*s.width, *s.height, pg.width, pg.height) || fits(*s.width, *s.height, pg.a3_width, pg.a3_height)) continue;
    Text actual = paper_text(*s.width, *s.height);
    out.add("paper", ctx.at_section(s.number), want, actual,
            Text{"纸张为 " + actual.zh + ",应为 " + want.zh, "paper is " + actual.en + "; expected " + want.en});
  }
  out.about(m, std::max(ctx.cls("page.width"), ctx.cls("page.height")));
  check_a3_at_end(ctx, out, fits);
}

}  // namespace

const Rule& page_size_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
