// Rule figure.caption: a 「图1.1-1 图名」 caption below each figure, centered and bold (Standard A:
// its text is cut off, so captions.figure is a default there, checked only with --strict).
#include "rules/caption_common.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "figure.caption",
    {"图题注", "figure captions"},
    caption_keys(),
    Severity::error,  // reported only with --strict where the profile's captions.figure is a default
    true,             // fix restyles and renumbers them as table captions (a missing one is not fixable)
};

void check(const Context& ctx, Reporter& out) {
  const docx::Story& body = ctx.doc.body();
  std::vector<CaptionTarget> targets;
  for (const docx::Paragraph& p : body.paragraphs) {
    if (p.role != docx::Role::figure || p.table != 0 || !ctx.in_body(p.section)) continue;
    targets.push_back({nearest_paragraph(body, p.index - 1, -1), nearest_paragraph(body, p.index + 1, +1), p.counts, ctx.at(p)});
  }
  check_captions(ctx, out, ctx.profile.figure_caption, docx::Role::figure_caption, targets, "captions.figure", Text{"图", "figure"});
}

}  // namespace

const Rule& figure_caption_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
