// text.punctuation and text.units: the words check reports, rewritten in the run text as the
// profile's text.marks and text.unit_words say. Each edit stays inside the run(s) that hold the
// word, so their formatting is kept; a word across runs formatted differently, or inside a field,
// content control or tracked change, is reported and left. One log entry per paragraph and rule,
// the stretch of text before → after.
#include <map>
#include <set>

#include <unicode/unistr.h>

#include "fix/fixes.h"
#include "fix/targets.h"
#include "fix/text_edit.h"
#include "rules/text_words.h"

namespace bidfmt::fix {
namespace {

// Characters of context the log shows on either side of the edited stretch.
constexpr int32_t kContext = 8;

// The stretch of `text` from a little before the first word to a little after the last, with
// the words replaced (after = true) or as typed; 「…」 where it is cut.
std::string stretch(const std::string& text, const std::vector<rules::Word>& words, bool after) {
  std::string edited;
  size_t at = 0, first = words.front().begin, last = words.back().begin + words.back().size;
  std::string head = text.substr(0, first), tail = text.substr(last);
  for (const rules::Word& w : words) {
    edited += text.substr(at, w.begin - at);
    edited += after ? w.expected : w.form;
    at = w.begin + w.size;
  }
  edited = edited.substr(first);
  icu::UnicodeString h = icu::UnicodeString::fromUTF8(head), t = icu::UnicodeString::fromUTF8(tail);
  std::string out;
  if (h.countChar32() > kContext) {
    out = "…";
    h.remove(0, h.moveIndex32(h.length(), -kContext));
  }
  h.toUTF8String(out);
  out += edited;
  bool cut = t.countChar32() > kContext;
  if (cut) t.truncate(t.moveIndex32(0, kContext));
  t.toUTF8String(out);
  if (cut) out += "…";
  return out;
}

Text why_not(TextEdit e) {
  switch (e) {
    case TextEdit::protected_text:
      return {"文字在域、内容控件或修订中,未改写", "the text is in a field, content control or tracked change: not rewritten"};
    case TextEdit::split: return {"文字跨越格式不同的文本段,未改写", "the text spans runs formatted differently: not rewritten"};
    default: return {"文字与检查所见不同,未改写", "the text is not what check saw: not rewritten"};
  }
}

struct Rule {
  const char* id;
  const char* kind;  // the change log's aspect
};

void fix_rule(Workspace& ws, const Rule& rule) {
  const docx::Document& doc = ws.doc();
  std::map<int, std::set<std::string>> todo;  // body paragraph index → forms check reported (units)
  for (const rules::Finding* f : ws.findings_of(rule.id)) {
    if (f->where().part() != doc.body().part || f->where().paragraph < 1) continue;
    todo[f->where().paragraph - 1].insert(f->actual().zh);
  }
  for (const auto& [index, forms] : todo) {
    if (static_cast<size_t>(index) >= doc.body().paragraphs.size() || ws.touched.count(index)) continue;
    const docx::Paragraph& p = doc.body().paragraphs[static_cast<size_t>(index)];
    const std::string text = walked_text(p.node);
    std::vector<rules::Word> words;
    if (std::string_view(rule.id) == "text.punctuation") {
      words = rules::marks_in_chinese(text, ws.profile().text);
    } else {
      for (rules::Word& w : rules::units_in(text, ws.profile().text))
        if (w.chinese && forms.count(w.form)) words.push_back(std::move(w));
    }
    if (words.empty()) continue;
    const std::string before = stretch(text, words, false), after = stretch(text, words, true);
    if (ws.keep_text()) {
      ws.left_alone(ws.at(p), rule.id, rule.kind, {"--keep-text:文字保留原样", "--keep-text: the words are kept as typed"},
                    {before, before}, {after, after});
      continue;
    }
    // Last word first: the earlier words' places stay where they were.
    std::vector<rules::Word> done, left;
    TextEdit why = TextEdit::done;
    for (auto w = words.rbegin(); w != words.rend(); ++w) {
      TextEdit e = replace_text(p.node, w->begin, w->size, w->expected);
      if (e == TextEdit::done) {
        done.insert(done.begin(), *w);
      } else {
        left.insert(left.begin(), *w);
        why = e;
      }
    }
    if (!done.empty())
      ws.change(ws.at(p), rule.id, rule.kind, aspect_label(rule.kind), {stretch(text, done, false), stretch(text, done, false)},
                {stretch(text, done, true), stretch(text, done, true)});
    if (!left.empty()) {
      std::string b = stretch(text, left, false), a = stretch(text, left, true);
      ws.left_alone(ws.at(p), rule.id, rule.kind, why_not(why), {b, b}, {a, a});
    }
  }
}

}  // namespace

void fix_words(Workspace& ws) {
  if (ws.profile().text.punctuation) fix_rule(ws, {"text.punctuation", "punctuation"});
  if (ws.profile().text.units) fix_rule(ws, {"text.units", "units"});
}

}  // namespace bidfmt::fix
