// Rule para.spacing: space before/after 0 and 1.5-line spacing; TOC entries single-spaced.
#include "rules/checks.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "para.spacing",
    {"段落间距与行距", "paragraph and line spacing"},
    {"body.space_before", "body.space_after", "body.line_spacing", "toc.line_spacing"},
    Severity::error,
    true,
};

void check(const Context& ctx, Reporter& out) {
  const profile::Profile& pf = ctx.profile;
  // Headings and captions have no spacing values of their own: they space as the body does.
  const profile::ValueClass before = ctx.cls("body.space_before"), after = ctx.cls("body.space_after"), line = ctx.cls("body.line_spacing"),
                            toc_line = ctx.cls("toc.line_spacing");
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs) {
    const size_t m = out.mark();
    const profile::TextFormat* f = nullptr;
    switch (p.role) {
      case docx::Role::body:
      case docx::Role::list_item:
      case docx::Role::quote: f = &pf.body; break;
      case docx::Role::heading: f = pf.heading(p.heading_level) ? &pf.heading(p.heading_level)->format : &pf.body; break;
      case docx::Role::table_caption: f = &pf.table_caption.format; break;
      case docx::Role::figure_caption: f = &pf.figure_caption.format; break;
      case docx::Role::toc:
        check_line(ctx, out, p, pf.toc.line, ctx.at(p));
        out.about(m, toc_line);
        continue;
      default: continue;
    }
    Location at = ctx.at(p);
    check_space(ctx, out, p, f->space_before, f->space_after, at);
    check_line(ctx, out, p, f->line, at);
    out.about(m, "space_before", before);
    out.about(m, "space_after", after);
    out.about(m, "line_spacing", line);
  }
}

}  // namespace

const Rule& para_spacing_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
