// Rule page.margins: top/bottom and left/right margins of every section, within the profile's tolerance.
#include <algorithm>
#include <cstdlib>

#include "rules/describe.h"
#include "rules/rule.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "page.margins",
    {"页边距", "page margins"},
    {"page.margin_top", "page.margin_bottom", "page.margin_left", "page.margin_right"},
    Severity::error,
    true,
};

void check(const Context& ctx, Reporter& out) {
  const profile::Page& pg = ctx.profile.page;
  const int tol = pg.tolerance.v;
  for (const docx::Section& s : ctx.doc.sections()) {
    if (!s.margin_top && !s.margin_bottom && !s.margin_left && !s.margin_right) {
      Text want{"上下 " + mm_text(pg.margin_top.v).zh + "、左右 " + mm_text(pg.margin_left.v).zh,
                "top/bottom " + mm_text(pg.margin_top.v).en + ", left/right " + mm_text(pg.margin_left.v).en};
      const size_t m = out.mark();
      out.add("margins", ctx.at_section(s.number), want, Text{"未设置", "not set"},
              Text{"未设置页边距(w:pgMar),应为 " + want.zh, "no margins are set (w:pgMar); expected " + want.en});
      out.about(m, std::max({ctx.cls("page.margin_top"), ctx.cls("page.margin_bottom"), ctx.cls("page.margin_left"),
                             ctx.cls("page.margin_right")}));
      continue;
    }
    struct Side {
      const char* kind;
      const char* key;  // the profile value
      Text name;
      std::optional<int> actual;
      Twips want;
    };
    Side sides[] = {{"margin_top", "page.margin_top", {"上边距", "top margin"}, s.margin_top, pg.margin_top},
                    {"margin_bottom", "page.margin_bottom", {"下边距", "bottom margin"}, s.margin_bottom, pg.margin_bottom},
                    {"margin_left", "page.margin_left", {"左边距", "left margin"}, s.margin_left, pg.margin_left},
                    {"margin_right", "page.margin_right", {"右边距", "right margin"}, s.margin_right, pg.margin_right}};
    // A landscape section may keep the portrait margins or turn them with the paper.
    bool landscape = s.width && s.height && *s.width > *s.height;
    auto all_ok = [&](bool turned) {
      Twips w[4] = {pg.margin_top, pg.margin_bottom, pg.margin_left, pg.margin_right};
      if (turned) {
        w[0] = pg.margin_left;
        w[1] = pg.margin_right;
        w[2] = pg.margin_top;
        w[3] = pg.margin_bottom;
      }
      for (int i = 0; i < 4; ++i)
        if (std::abs(sides[i].actual.value_or(0) - w[i].v) > tol) return false;
      return true;
    };
    if (landscape && all_ok(true)) continue;
    for (const Side& side : sides) {
      int actual = side.actual.value_or(0);
      if (std::abs(actual - side.want.v) <= tol) continue;
      Text a = mm_text(actual), w = mm_text(side.want.v);
      const size_t m = out.mark();
      out.add(side.kind, ctx.at_section(s.number), w, a,
              Text{side.name.zh + "为 " + a.zh + ",应为 " + w.zh, side.name.en + " is " + a.en + "; expected " + w.en});
      out.about(m, ctx.cls(side.key));
    }
  }
}

}  // namespace

const Rule& page_margins_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
