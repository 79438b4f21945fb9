// Rule body.font: body text in 宋体 (East Asian) and Calibri (digits/Latin), 小四, normal character spacing.
#include "rules/checks.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "body.font",
    {"正文字体、字号与字符间距", "body font, size and character spacing"},
    {"fonts.east_asia", "fonts.latin", "body.size", "body.character_spacing"},
    Severity::error,
    true,
};

void check(const Context& ctx, Reporter& out) {
  const profile::TextFormat& body = ctx.profile.body;
  const profile::ValueClass east_asia = ctx.cls("fonts.east_asia"), latin = ctx.cls("fonts.latin"), size = ctx.cls("body.size"),
                            spacing = ctx.cls("body.character_spacing");
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs) {
    if (p.role != docx::Role::body && p.role != docx::Role::list_item && p.role != docx::Role::quote) continue;
    Location at = ctx.at(p);
    const size_t m = out.mark();
    check_fonts(ctx, out, p, body.fonts, at, false);
    check_size(ctx, out, p, body.size, at, false);
    check_char_spacing(ctx, out, p, body.character_spacing, at);
    out.about(m, "east_asia_font", east_asia);
    out.about(m, "latin_font", latin);
    out.about(m, "size", size);
    out.about(m, "character_spacing", spacing);
  }
}

}  // namespace

const Rule& body_font_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
