// Rule para.indent: body paragraphs have no left/right indent and a first-line indent of 2 characters.
#include "rules/checks.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "para.indent",
    {"段落缩进", "paragraph indents"},
    "缩进:文本前后均为0mm,首行缩进2字符",
    Severity::error,
    true,
};

void check(const Context& ctx, Reporter& out) {
  const profile::Profile& pf = ctx.profile;
  profile::FirstLineIndent body_left;
  body_left.length = pf.body.indent_left;
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs) {
    Location at = ctx.at(p);
    switch (p.role) {
      case docx::Role::body:
        check_first_line(ctx, out, p, pf.body.first_line, at, false);
        check_side_indents(ctx, out, p, body_left, pf.body.indent_right, at);
        break;
      case docx::Role::list_item: {
        size_t m = out.mark();
        check_first_line(ctx, out, p, pf.lists.first_line, at, false);
        // A nested item indents by lists.level_indent per level (the top level as body text).
        size_t side = out.mark();
        check_side_indents(ctx, out, p, p.ilvl > 0 ? pf.lists.left_at(p.ilvl) : body_left, pf.body.indent_right, at);
        out.warn_if_assumed(side, p.ilvl > 0 && ctx.assumed("lists.level_indent"));
        out.warn_if_assumed(m, ctx.assumed("lists.first_line_indent"));
        break;
      }
      case docx::Role::quote: {
        // Block quotes: the left indent the profile chose (body.quote_indent), else as body text.
        size_t m = out.mark();
        check_first_line(ctx, out, p, pf.body.first_line, at, false);
        check_side_indents(ctx, out, p, pf.quote_indent, pf.body.indent_right, at);
        out.warn_if_assumed(m, ctx.assumed("body.quote_indent"));
        break;
      }
      default:
        break;
    }
  }
}

}  // namespace

const Rule& para_indent_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
