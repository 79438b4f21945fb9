// Rule text.punctuation: Chinese text uses full-width marks (，；：？！（）), not ASCII ones — the
// pairs are the profile's text.marks.
#include "rules/rule.h"
#include "rules/text_words.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "text.punctuation",
    {"中文标点", "Chinese punctuation"},
    {"text.punctuation"},
    Severity::error,
    true,  // fix rewrites the marks in the run text (each edit logged; --keep-text leaves them)
};

bool applies(const Context& ctx) { return ctx.profile.text.punctuation; }

void check(const Context& ctx, Reporter& out) {
  if (!applies(ctx)) return;
  const size_t m = out.mark();
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs) {
    using docx::Role;
    if (p.role == Role::empty || p.role == Role::toc || p.role == Role::cover || p.role == Role::code || !ctx.in_body(p.section)) continue;
    std::vector<Word> marks = marks_in_chinese(p.text, ctx.profile.text);
    if (marks.empty()) continue;
    std::string ascii, wide;
    for (const Word& w : marks) {
      ascii += w.form;
      wide += w.expected;
    }
    out.add("ascii_mark", ctx.at(p), Text{wide, wide}, Text{ascii, ascii},
            Text{"中文文字中使用了半角标点「" + ascii + "」,应为全角「" + wide + "」",
                 "ASCII punctuation '" + ascii + "' in Chinese text; use full-width '" + wide + "'"});
  }
  out.about(m, ctx.cls("text.punctuation"));
}

}  // namespace

const Rule& text_punctuation_rule() {
  static const Rule r{kInfo, check, applies};
  return r;
}

}  // namespace bidfmt::rules
