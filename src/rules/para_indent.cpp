// Rule para.indent: body paragraphs have no left/right indent and a first-line indent of 2 characters.
#include "rules/checks.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "para.indent",
    {"段落缩进", "paragraph indents"},
    {"body.first_line_indent", "body.indent_left", "body.indent_right", "lists.first_line_indent", "body.quote_indent"},
    Severity::error,
    true,
};

void check(const Context& ctx, Reporter& out) {
  const profile::Profile& pf = ctx.profile;
  profile::FirstLineIndent body_left;
  body_left.length = pf.body.indent_left;
  using profile::ValueClass;
  const ValueClass first = ctx.cls("body.first_line_indent"), left = ctx.cls("body.indent_left"), right = ctx.cls("body.indent_right"),
                   list_first = ctx.cls("lists.first_line_indent"), quote_left = ctx.cls("body.quote_indent");
  // Each indent's findings by the class of the value it was compared with.
  auto settle = [&](size_t m, ValueClass f, ValueClass l) {
    out.about(m, "first_line_indent", f);
    out.about(m, "indent_left", l);
    out.about(m, "indent_right", right);
  };
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs) {
    Location at = ctx.at(p);
    const size_t m = out.mark();
    switch (p.role) {
      case docx::Role::body:
        check_first_line(ctx, out, p, pf.body.first_line, at, false);
        check_side_indents(ctx, out, p, body_left, pf.body.indent_right, at);
        settle(m, first, left);
        break;
      case docx::Role::list_item:
        check_first_line(ctx, out, p, pf.lists.first_line, at, false);
        // A nested item indents by lists.level_indent per level (the top level as body text).
        check_side_indents(ctx, out, p, p.ilvl > 0 ? pf.lists.left_at(p.ilvl) : body_left, pf.body.indent_right, at);
        settle(m, list_first, p.ilvl > 0 ? ctx.cls("lists.level_indent") : left);
        break;
      case docx::Role::quote:
        // Block quotes: the left indent the profile chose (body.quote_indent), else as body text.
        check_first_line(ctx, out, p, pf.body.first_line, at, false);
        check_side_indents(ctx, out, p, pf.quote_indent, pf.body.indent_right, at);
        settle(m, first, quote_left);
        break;
      default: break;
    }
  }
}

}  // namespace

const Rule& para_indent_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
