// Rule page.size: every section's paper is A4 (portrait or landscape; A3 for drawings per the profile).
#include <algorithm>
#include <cstdlib>

#include "rules/describe.h"
#include "rules/rule.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "page.size",
    {"纸张大小", "paper size"},
    "投标文件(不含图纸)采用A4纸印刷。投标文件中的图纸可以单独成册。",
    Severity::error,
    true,
};

Text paper_text(int w, int h) {
  Text a = mm_text(w), b = mm_text(h);
  return Text{a.zh + "×" + b.zh, a.en + " × " + b.en};
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
              Text{"未设置纸张大小(w:pgSz),应为 " + want.zh,
                   "no paper size is set (w:pgSz); expected " + want.en});
      continue;
    }
    // A3 is accepted for drawing sections (profile page.a3_*).
    if (fits(*s.width, *s.height, pg.width, pg.height) || fits(*s.width, *s.height, pg.a3_width, pg.a3_height)) continue;
    Text actual = paper_text(*s.width, *s.height);
    out.add("paper", ctx.at_section(s.number), want, actual,
            Text{"纸张为 " + actual.zh + ",应为 " + want.zh,
                 "paper is " + actual.en + "; expected " + want.en});
  }
  out.about(m, std::max(ctx.cls("page.width"), ctx.cls("page.height")));
}

}  // namespace

const Rule& page_size_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
