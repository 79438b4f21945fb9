// Rule text.units: a unit is written one way — the English abbreviation (m, m²/m2, m³/m3, t) —
// never mixed with 米, 平米/平方米, 立方/立方米, 吨; the words are the profile's text.unit_words.
#include <map>

#include "rules/rule.h"
#include "rules/text_words.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "text.units", {"单位表述统一", "units written one way"}, {"text.units"}, Severity::error,
    true,  // fix writes the English abbreviation in the run text (each edit logged; --keep-text leaves them)
};

bool text_role(docx::Role r) {
  using docx::Role;
  return r == Role::body || r == Role::list_item || r == Role::quote || r == Role::table_text || r == Role::heading ||
         r == Role::table_caption || r == Role::figure_caption;
}

bool applies(const Context& ctx) { return ctx.profile.text.units; }

void check(const Context& ctx, Reporter& out) {
  if (!applies(ctx)) return;
  // Static check: the whole document is the scope (a page lies inside it); `check --render`
  // can narrow it to pages.
  struct Seen {
    bool english = false;
    std::vector<std::pair<const docx::Paragraph*, Word>> chinese;
  };
  std::map<std::string, Seen> seen;  // unit → its uses
  const size_t m = out.mark();
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs) {
    if (!text_role(p.role) || !ctx.in_body(p.section)) continue;
    for (Word& w : units_in(p.text, ctx.profile.text)) {
      Seen& s = seen[w.unit];
      if (!w.chinese) {
        s.english = true;
        continue;
      }
      // One finding per paragraph and word.
      bool again = false;
      for (const auto& [q, v] : s.chinese) again = again || (q == &p && v.form == w.form);
      if (!again) s.chinese.emplace_back(&p, std::move(w));
    }
  }
  for (const auto& [unit, s] : seen) {
    if (!s.english) continue;
    for (const auto& [p, w] : s.chinese)
      out.add("mixed", ctx.at(*p), Text{w.expected, w.expected}, Text{w.form, w.form},
              Text{"单位「" + w.form + "」与「" + w.expected + "」在文中混用,应统一为英文简写「" + w.expected + "」",
                   "unit '" + w.form + "' is mixed with '" + w.expected + "' in the text; write '" + w.expected + "' throughout"});
  }
  out.about(m, ctx.cls("text.units"));
}

}  // namespace

const Rule& text_units_rule() {
  static const Rule r{kInfo, check, applies};
  return r;
}

}  // namespace bidfmt::rules
