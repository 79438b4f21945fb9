// Rule table.font: table text in 宋体 五号 with 1.15-line spacing.
#include "rules/checks.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "table.font",
    {"表格文字字体、字号与行距", "table text font, size and line spacing"},
    {"fonts.east_asia", "fonts.latin", "table.size", "table.line_spacing"},
    Severity::error,
    true,
};

void check(const Context& ctx, Reporter& out) {
  const profile::TextFormat& f = ctx.profile.table.text;
  // Table text has no fonts of its own in the profile: the body's.
  const profile::ValueClass east_asia = ctx.cls("fonts.east_asia"), latin = ctx.cls("fonts.latin"), size = ctx.cls("table.size"),
                            line = ctx.cls("table.line_spacing");
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs) {
    if (p.role != docx::Role::table_text || !ctx.in_body(p.section)) continue;
    Location at = ctx.at(p);
    const size_t m = out.mark();
    check_fonts(ctx, out, p, f.fonts, at, true);
    check_size(ctx, out, p, f.size, at, true);
    check_line(ctx, out, p, f.line, at);
    out.about(m, "east_asia_font", east_asia);
    out.about(m, "latin_font", latin);
    out.about(m, "size", size);
    out.about(m, "line_spacing", line);
  }
}

}  // namespace

const Rule& table_font_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
