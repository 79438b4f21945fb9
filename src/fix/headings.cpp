// Headings: each heading in the profile's heading style of its level, numbered automatically; plain
// paragraphs that only look like headings become headings; typed numbers are taken off the text.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>

#include "docx/labels.h"
#include "docx/script.h"
#include "docx/xml.h"
#include "fix/fixes.h"
#include "fix/targets.h"
#include "fix/text_edit.h"
#include "fix/xml_edit.h"
#include "rules/kinds.h"

namespace bidfmt::fix {
namespace {

bool blank(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }
bool digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
bool dot(char32_t c) { return c == '.' || c == U'．'; }
bool cn_numeral(char32_t c) { return std::u32string_view(U"〇一二三四五六七八九十百零两").find(c) != std::u32string_view::npos; }

// A UTF-8 reading position.
struct Cursor {
  std::string_view s;
  size_t i = 0;
  char32_t peek() const {
    size_t j = i;
    return i < s.size() ? docx::decode_utf8(s, j) : 0;
  }
  char32_t next() { return i < s.size() ? docx::decode_utf8(s, i) : 0; }
  void skip_blanks() {
    while (i < s.size() && blank(peek())) next();
  }
  int count(bool (*pred)(char32_t)) {
    int n = 0;
    while (i < s.size() && pred(peek())) next(), ++n;
    return n;
  }
};

// How a typed number is written.
enum class Form { profile, chapter, chinese, paren, groups, single, bare };

struct Typed {
  size_t end = 0;  // bytes of the text it takes, blanks before and after included
  int level = 0;   // the heading level the form stands for (0 when it does not say)
  Form form = Form::profile;
  int value = 0;    // the number it counts (「5、」 → 5, 「第二部分」 → 2, 「1.3」 → 3); 0 when not read
  std::string key;  // its shape, the same for every number of one sequence: 「N、」「第N部分」「N.N」…
  // Words rather than a number: 「第二部分」 names a part of the bid and stays in its title (it only
  // tells the level); the others give way to the automatic number.
  bool words = false;
};

// The number a numeral of digits or Chinese numerals stands for.
int numeral_value(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = 0;
  int v = docx::parse_numeral(s, digit(docx::decode_utf8(s, i)) ? "decimal" : "chineseCounting");
  return v < 0 ? 0 : v;
}

// The profile level whose number text contains `mark` (「章」, 「节」), else `fallback`.
int level_with(const profile::Profile& pf, const char* mark, int fallback) {
  for (const profile::HeadingLevel& h : pf.headings)
    if (h.number.text.find(mark) != std::string::npos) return h.level;
  return fallback;
}

// The profile level numbered 「1.1」 with `groups` numbers (Standard A: 2 → level 2; B: 2 → level 3).
int level_with_groups(const profile::Profile& pf, int groups) {
  for (const profile::HeadingLevel& h : pf.headings) {
    std::string t = docx::trim(h.number.text);
    std::vector<size_t> refs = docx::referenced_levels(t);
    if (static_cast<int>(refs.size()) != groups || h.number.format != "decimal") continue;
    std::string shape;
    for (size_t k = 0; k < refs.size(); ++k) shape += (k ? "." : "") + std::string("%") + static_cast<char>('1' + refs[k]);
    if (shape == t) return h.level;
  }
  return 0;
}

// Right after a number: not more of a number.
bool ends_number(std::string_view text, size_t at) {
  Cursor c{text, at};
  char32_t n = c.peek();
  return !(digit(n) || dot(n) || n == U'、');
}

// A typed heading number at the start of `text`. `plain`: the paragraph is not a heading yet, so
// only unmistakable forms count (the profile's title shapes, 第X章/节, 一、, 1.1 …).
std::optional<Typed> read_typed(std::string_view text, const profile::Profile& pf, bool plain) {
  Cursor c{text};
  c.skip_blanks();
  const size_t start = c.i;
  Typed t;
  bool found = false;
  std::vector<profile::NumberLevel> levels;
  for (const profile::HeadingLevel& h : pf.headings) levels.push_back(h.number);
  int titles = docx::title_levels(pf);
  for (size_t lvl = 1; lvl <= levels.size() && !found; ++lvl) {
    if (plain && static_cast<int>(lvl) > titles) break;
    auto m = docx::match_label(text.substr(start), levels, lvl - 1);
    if (!m || m->length == 0 || !ends_number(text, start + m->length)) continue;
    t = Typed{start + m->length, static_cast<int>(lvl), Form::profile, m->numbers.empty() ? 0 : m->numbers.back(),
              "level" + std::to_string(lvl)};
    found = true;
  }
  if (!found) {
    Cursor k{text, start};
    char32_t first = k.peek();
    if (first == U'第') {
      k.next();
      size_t n0 = k.i;
      if (k.count([](char32_t x) { return cn_numeral(x) || digit(x); }) > 0) {
        int v = numeral_value(text.substr(n0, k.i - n0));
        char32_t unit = k.next();
        if (unit == U'章') t = Typed{k.i, level_with(pf, "章", 1), Form::chapter, v, "第N章"}, found = true;
        else if (unit == U'节') t = Typed{k.i, level_with(pf, "节", 2), Form::chapter, v, "第N节"}, found = true;
        else if (unit == U'篇') t = Typed{k.i, 0, Form::chapter, v, "第N篇", true}, found = true;
        else if (unit == U'部' && k.next() == U'分') t = Typed{k.i, 0, Form::chapter, v, "第N部分", true}, found = true;
      }
    } else if (cn_numeral(first)) {
      k.count(cn_numeral);
      int v = numeral_value(text.substr(start, k.i - start));
      char32_t mark = k.next();
      if ((mark == U'、' || mark == U'．') && ends_number(text, k.i)) t = Typed{k.i, 1, Form::chinese, v, "一、"}, found = true;
    } else if ((first == '(' || first == U'（') && !plain) {
      k.next();
      size_t n0 = k.i;
      if (k.count([](char32_t x) { return cn_numeral(x) || digit(x); }) > 0) {
        std::string_view n = text.substr(n0, k.i - n0);
        size_t j = 0;
        bool digits = digit(docx::decode_utf8(n, j));
        char32_t close = k.next();
        if (close == ')' || close == U'）') t = Typed{k.i, 0, Form::paren, numeral_value(n), digits ? "(N)" : "(一)"}, found = true;
      }
    } else if (digit(first)) {
      size_t number_start = k.i;
      k.count(digit);
      std::string first_number(text.substr(number_start, k.i - number_start));
      int groups = 1;
      size_t group_start = number_start;
      while (dot(k.peek())) {
        Cursor d = k;
        d.next();
        if (!digit(d.peek())) break;
        k = d;
        group_start = k.i;
        k.count(digit);
        ++groups;
      }
      if (groups >= 2) {
        int v = numeral_value(text.substr(group_start, k.i - group_start));  // the last group counts the sequence
        if (dot(k.peek())) k.next();                                         // 「1.1.」
        int lvl = level_with_groups(pf, groups);
        std::string key = "N";
        for (int g = 1; g < groups; ++g) key += ".N";
        if (ends_number(text, k.i) && (lvl > 0 || !plain)) t = Typed{k.i, lvl, Form::groups, v, key}, found = true;
      } else if (!plain) {
        char32_t mark = k.peek();
        int v = numeral_value(first_number);
        if ((dot(mark) || mark == U'、') && (k.next(), ends_number(text, k.i))) {
          t = Typed{k.i, 0, Form::single, v, mark == U'、' ? "N、" : "N."}, found = true;
        } else if (blank(mark)) {
          t = Typed{k.i, 0, Form::bare, docx::parse_numeral(first_number, "decimal"), "N"}, found = true;
        }
      }
    }
  }
  if (!found) return std::nullopt;
  Cursor after{text, t.end};
  after.skip_blanks();
  if (after.i >= text.size()) return std::nullopt;  // a number and nothing else is not a heading's number
  t.end = after.i;
  return t;
}

// The length and ending of a line that could be a heading (as the reader requires of typed ones).
bool heading_like(const std::string& text, size_t max_chars) {
  std::string t = docx::trim(text);
  if (t.empty() || docx::length_utf8(t) > max_chars) return false;
  for (const char* end : {"。", "；", ";", "：", ":", "，", ",", ".", "!", "?", "！", "？", "、"})
    if (t.size() >= std::string(end).size() && t.compare(t.size() - std::string(end).size(), std::string::npos, end) == 0) return false;
  return true;
}

// A bold short line followed by body text.
bool bold_line(const docx::Document& doc, const docx::Paragraph& p, const profile::Profile& pf) {
  if (!heading_like(p.text, 40) || looks_like_caption(p.text, pf) || docx::length_utf8(docx::trim(p.text)) < 2) return false;
  bool any = false;
  for (const docx::Run& r : p.runs) {
    if (docx::blank(p.text_of(r))) continue;
    if (!r.props->bold.value) return false;
    any = true;
  }
  if (!any) return false;
  const auto& ps = doc.body().paragraphs;
  for (size_t i = static_cast<size_t>(p.index) + 1; i < ps.size(); ++i) {
    if (ps[i].role == docx::Role::empty) continue;
    return ps[i].table == 0 && (ps[i].role == docx::Role::body || ps[i].role == docx::Role::list_item);
  }
  return false;
}

enum class How { real, typed };

std::string rule_of(int level, const profile::Profile& pf) {
  return level <= docx::title_levels(pf) ? "heading.l" + std::to_string(level) : "heading.depth";
}

Text words(const std::string& s) { return Text{s, s}; }

// Puts `p` in the profile's heading style of `level`, numbered automatically; `from` is the level
// it has now (0: not a heading). Typed numbers give way to the automatic one (logged once the
// final numbering is known, journal.renumbered).
void convert(Workspace& ws, const docx::Paragraph& p, int level, int from, How how, bool number_finding, const Text& why,
             const std::optional<Typed>& typed) {
  const profile::Profile& pf = ws.profile();
  const rules::Location where = ws.at(p);
  const std::string rule = rule_of(level, pf);
  bool changed = false;
  pugi::xml_node ppr = xml::ensure(p.node, "w:pPr", xml::p_order());
  std::string sid = ws.style_id(heading_style(level));
  pugi::xml_node ps = ppr.child("w:pStyle");
  if (!ps || docx::attr(ps, "w:val") != sid) {
    xml::set(xml::ensure(ppr, "w:pStyle", xml::ppr_order()), "w:val", sid);
    Text before = style_name_label(p.style), after = style_label(heading_style(level));
    if (how == How::typed) {
      ws.change(where, rule, "promote", Text{"设为标题:" + why.zh, "made a heading: " + why.en}, before, after);
    } else if (from != level) {
      ws.change(where, rule, "level", Text{"标题层级:" + why.zh, "heading level: " + why.en}, style_label(heading_style(from)), after);
    } else {
      ws.change(where, rule, "style", Text{"改用规范的标题样式", "the profile's heading style"}, before, after);
    }
    changed = true;
  }
  if (pugi::xml_node ol = ppr.child("w:outlineLvl"); ol && docx::int_attr(ol, "w:val").value_or(-1) != level - 1) ppr.remove_child(ol);
  std::string old_label;
  bool own_number = false, number_removed = false;
  if (pugi::xml_node np = ppr.child("w:numPr")) {
    int num = docx::int_attr(np.child("w:numId"), "w:val").value_or(0);
    bool keep = how == How::real && num > 0 && !p.label.empty() && !number_finding && from == level;
    if (!keep) {
      ppr.remove_child(np);
      old_label = p.label;
      changed = true;
      number_removed = true;
    }
    own_number = keep;
  }
  // Numbered from now on by its style: the style gets the profile's heading numbering.
  if (!own_number && (number_removed || number_finding || how == How::typed || from != level))
    ws.numbered_styles.insert(heading_style(level));
  std::string rest = p.text;
  if (const std::optional<Typed>& t = typed; t && !t->words) {
    bool ordinal = t->form != Form::bare || (level >= 1 && level <= 6 && t->value == p.counts[static_cast<size_t>(level) - 1]);
    if (ordinal) {
      std::string prefix = p.text.substr(0, t->end);
      TextEdit r = remove_leading_text(p.node, prefix);
      if (r == TextEdit::done) {
        old_label = docx::trim(prefix);
        rest = p.text.substr(t->end);
        changed = true;
      } else if (r == TextEdit::protected_text) {
        ws.note(Text{"标题「" + docx::excerpt(p.text, 20) + "」的手写编号在域、内容控件或修订中,未删除",
                     "the typed number of heading '" + docx::excerpt(p.text, 20) +
                         "' is inside a field, content control or tracked change; left as is"});
      }
    }
  }
  if (!old_label.empty() || (how == How::typed && p.label.empty()))
    ws.journal().renumbered.push_back(Renumbered{where, p.index, rule, old_label, docx::trim(rest)});
  if (!changed) return;
  ws.new_headings |= how != How::real || from != level;
  ws.touched.insert(p.index);
}

// Typed numbers seen so far, by shape: the level the first heading of that shape has, and the
// last number of the sequence — what 「9、」 after 「5、」 is measured against.
struct Sequences {
  struct Seen {
    int level = 0, value = 0;
    std::string label;       // the last one, for the log: 「5、」
    bool converted = false;  // fix numbers that heading automatically (its number goes)
  };
  std::map<std::string, Seen> by_key;
  // Headings of a deeper level end the sequences below them: 「1、」 under 「二、」 starts again.
  void entered(int level) {
    for (auto it = by_key.begin(); it != by_key.end();) it = it->second.level > level ? by_key.erase(it) : std::next(it);
  }
};

}  // namespace

void fix_headings(Workspace& ws) {
  const docx::Document& doc = ws.doc();
  const profile::Profile& pf = ws.profile();
  std::set<int> number_findings, heading_findings;
  for (const rules::Finding& f : ws.findings()) {
    if (f.where().part() != doc.body().part || f.where().paragraph < 1 || !f.fixable) continue;
    if (f.rule().rfind("heading.", 0) != 0) continue;
    // Bold, size, font, indent or spacing of a heading already in the document's style for its
    // level: the style fixer patches that style (and the paragraph fixer direct formatting). It is
    // no reason to restyle and renumber every heading — a heading 2 that is not bold must not turn
    // the writer's typed 「一、」「1.1」 into automatic numbers.
    if (is_formatting_finding(f) && static_cast<size_t>(f.where().paragraph) <= doc.body().paragraphs.size()) {
      const docx::Paragraph& p = doc.body().paragraphs[static_cast<size_t>(f.where().paragraph) - 1];
      std::optional<Target> t = target_for(p, pf);
      if (t && p.style && p.style->id == ws.style_id(t->style)) continue;
    }
    heading_findings.insert(f.where().paragraph - 1);
    if (f.kind() == rules::kind::kNumberFormat || f.kind() == rules::kind::kNumberSequence) number_findings.insert(f.where().paragraph - 1);
  }
  // An empty paragraph in a heading style shows a number of the heading numbering (Word numbers
  // empty paragraphs too) and moves the count on: 「1.1.2」 on a blank line, the next heading
  // 「1.1.3」. It gets no number (w:numId 0) when the headings' numbers are out of sequence.
  if (!number_findings.empty() && ws.heading_num_id > 0)
    for (const docx::Paragraph& p : doc.body().paragraphs) {
      if (p.role != docx::Role::empty || p.num_id != ws.heading_num_id || ws.touched.count(p.index)) continue;
      pugi::xml_node ppr = xml::ensure(p.node, "w:pPr", xml::p_order());
      pugi::xml_node np = xml::ensure(ppr, "w:numPr", xml::ppr_order());
      np.remove_children();
      xml::set(np.append_child("w:numId"), "w:val", "0");
      ws.change(ws.at(p), "", "number", {"空段落不编号", "empty paragraph unnumbered"}, {"标题编号", "heading number"}, {"无", "none"});
    }
  Sequences seq;
  for (const docx::Paragraph& p : doc.body().paragraphs) {
    if (p.role == docx::Role::empty || p.table != 0) continue;
    bool in_body = p.section >= 1 && static_cast<size_t>(p.section) <= doc.sections().size() &&
                   doc.sections()[static_cast<size_t>(p.section) - 1].role == docx::SectionRole::body;
    if (!in_body) continue;
    const bool touched = ws.touched.count(p.index) > 0;
    std::optional<Typed> t = read_typed(p.text, pf, false);
    auto known = t ? seq.by_key.find(t->key) : seq.by_key.end();
    const std::string label = t ? docx::trim(p.text.substr(0, t->end)) : "";
    auto remember = [&](int level, bool converted) {
      seq.entered(level);
      if (t) seq.by_key[t->key] = Sequences::Seen{level, t->value, label, converted};
    };
    if (p.role == docx::Role::heading && p.heading_by_text) {
      // check reads it as a heading already (the profile's title shape): it gets the style.
      if (!touched && pf.heading(p.heading_level))
        convert(ws, p, p.heading_level, 0, How::typed, number_findings.count(p.index) > 0,
                Text{"「" + label + "」是规范的标题编号形式", "'" + label + "' is the profile's heading number shape"},
                read_typed(p.text, pf, true));
      remember(p.heading_level, true);
      continue;
    }
    if (p.role == docx::Role::heading) {
      int level = p.heading_level;
      Text why;
      // A heading style says the level, unless a typed sequence it continues says otherwise:
      // 「9、」 after 「5、」 is 「5、」's sibling whatever style each was given.
      bool sibling = t && known != seq.by_key.end() && known->second.level != level && t->value > known->second.value;
      if (sibling)
        why = Text{"与「" + known->second.label + "」编号同形,同级", "numbered like '" + known->second.label + "': the same level"};
      // fix changes what check reports; once it numbers some headings automatically it numbers
      // them all, or the ones left with their own numbering would break the sequence.
      const bool asked = !heading_findings.empty();
      if (sibling && !asked && !touched) {
        ws.left_alone(
            ws.at(p), rule_of(level, pf), "level",
            Text{"标题层级未改:" + why.zh + ",而样式为另一级", "heading level not changed: " + why.en + ", but its style says another"},
            style_label(heading_style(level)), style_label(heading_style(known->second.level)));
        sibling = false;
      }
      if (sibling) level = known->second.level;
      if (asked && !touched && pf.heading(level))
        convert(ws, p, level, p.heading_level, How::real, number_findings.count(p.index) > 0, why, t);
      remember(level, asked);
      continue;
    }
    if (p.role != docx::Role::body || touched) continue;
    const bool short_line = heading_like(p.text, 60);
    // Strong evidence in a body paragraph: the profile's title shape (「第一章」), or the next
    // number of a sequence whose headings fix is numbering (「3、」 after the heading 「2、」).
    if (auto tp = read_typed(p.text, pf, true); tp && short_line && tp->level > 0) {
      if (pf.heading(tp->level))
        convert(ws, p, tp->level, 0, How::typed, false,
                Text{"「" + label + "」是规范的标题编号形式", "'" + label + "' is the profile's heading number shape"}, tp);
      remember(tp->level, true);
      continue;
    }
    if (t && short_line && known != seq.by_key.end() && t->value == known->second.value + 1 && pf.heading(known->second.level)) {
      int level = known->second.level;
      Text why{"接续标题「" + known->second.label + "」的编号", "continues the numbering of heading '" + known->second.label + "'"};
      if (known->second.converted) {
        convert(ws, p, level, 0, How::typed, false, why, t);
        remember(level, true);
      } else {
        ws.left_alone(ws.at(p), rule_of(level, pf), "promote",
                      Text{"像标题,未改:" + why.zh + ",但 check 视其为正文",
                           "looks like a heading, not changed: " + why.en + ", but check reads it as body text"},
                      style_name_label(p.style), style_label(heading_style(level)));
      }
      continue;
    }
    // Weak evidence (bold, or a typed number that starts no known sequence): reported, left alone.
    if (bold_line(doc, p, pf) || (t && short_line && t->form == Form::chapter)) {
      Text why = t ? Text{"编号「" + label + "」不接续任何标题的编号,不能确定层级",
                          "the number '" + label + "' continues no heading's numbering: its level is not clear"}
                   : Text{"仅为加粗短行,没有标题样式、大纲级别或编号", "only a bold short line: no heading style, outline level or number"};
      ws.left_alone(ws.at(p), "", "promote", Text{"像标题,未改:" + why.zh, "looks like a heading, not changed: " + why.en},
                    style_name_label(p.style), Text{"标题", "heading"});
    }
  }
}

void log_renumbering(const docx::Document& doc, Journal& journal) {
  const auto& ps = doc.body().paragraphs;
  for (const Renumbered& r : journal.renumbered) {
    // The heading as it is now: the same words, nearest to where it was.
    const docx::Paragraph* now = nullptr;
    for (const docx::Paragraph& p : ps) {
      if (p.role != docx::Role::heading || docx::trim(p.text) != r.rest) continue;
      if (!now || std::abs(p.index - r.index) < std::abs(now->index - r.index)) now = &p;
    }
    std::string label = now ? now->label : "";
    rules::Change c;
    c.where = r.where;
    c.rule = r.rule;
    c.kind = "renumber";
    c.what = r.old_label.empty()    ? Text{"标题编号(自动编号)", "heading number (automatic)"}
             : label == r.old_label ? Text{"手写标题编号改为自动编号", "typed heading number made automatic"}
                                    : Text{"标题编号", "heading number"};
    c.before = words(r.old_label.empty() ? "—" : r.old_label);
    c.after = words(label.empty() ? "—" : label);
    journal.changes.push_back(std::move(c));
  }
  journal.renumbered.clear();
}

}  // namespace bidfmt::fix
