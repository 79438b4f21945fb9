// Rule page.gutter: binding gutter width 0 mm, on the left.
#include <cstdlib>

#include "rules/describe.h"
#include "rules/rule.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "page.gutter", {"装订线", "binding gutter"}, {"page.gutter", "page.gutter_position"}, Severity::error, true,
};

Text position_text(profile::GutterPosition pos) {
  if (pos == profile::GutterPosition::top) return Text{"上", "top"};
  return Text{"左", "left"};
}

void check(const Context& ctx, Reporter& out) {
  const profile::Page& pg = ctx.profile.page;
  Text want_pos = position_text(pg.gutter_position);
  const profile::ValueClass width_class = ctx.cls("page.gutter"), position_class = ctx.cls("page.gutter_position");
  size_t m = out.mark();
  if (ctx.doc.gutter_at_top() && pg.gutter_position != profile::GutterPosition::top) {
    Location l = ctx.at_section(0);
    l.set_part("word/settings.xml");
    out.add("gutter_position", l, want_pos, position_text(profile::GutterPosition::top),
            Text{"装订线位置为 上(w:gutterAtTop),应为 " + want_pos.zh, "gutter position is top (w:gutterAtTop); expected " + want_pos.en});
    out.about(m, position_class);
  }
  for (const docx::Section& s : ctx.doc.sections()) {
    int g = s.gutter.value_or(0);
    m = out.mark();
    if (std::abs(g - pg.gutter.v) > pg.tolerance.v) {
      Text a = mm_text(g), w = mm_text(pg.gutter.v);
      out.add("gutter", ctx.at_section(s.number), w, a,
              Text{"装订线宽 " + a.zh + ",应为 " + w.zh, "gutter is " + a.en + "; expected " + w.en});
    }
    out.about(m, width_class);
    m = out.mark();
    // No profile puts the gutter on the right, so w:rtlGutter is always a finding.
    if (s.rtl_gutter) {
      out.add("gutter_position", ctx.at_section(s.number), want_pos, Text{"右", "right"},
              Text{"装订线在右侧(w:rtlGutter),应为 " + want_pos.zh, "gutter is on the right (w:rtlGutter); expected " + want_pos.en});
    }
    out.about(m, position_class);
  }
}

}  // namespace

const Rule& page_gutter_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
