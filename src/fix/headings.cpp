// Headings: each heading in the profile's heading style of its level, numbered automatically; plain
// paragraphs that only look like headings become headings; typed numbers are taken off the text.
#include <algorithm>

#include "docx/labels.h"
#include "docx/script.h"
#include "docx/xml.h"
#include "fix/fixes.h"
#include "fix/targets.h"
#include "fix/text_edit.h"
#include "fix/xml_edit.h"

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
  size_t end = 0;   // bytes of the text it takes, blanks before and after included
  int level = 0;    // the heading level the form stands for (0 when it does not say)
  Form form = Form::profile;
  int value = 0;    // the number of a bare 「1 」
};

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
    t = Typed{start + m->length, static_cast<int>(lvl), Form::profile, 0};
    found = true;
  }
  if (!found) {
    Cursor k{text, start};
    char32_t first = k.peek();
    if (first == U'第') {
      k.next();
      if (k.count([](char32_t x) { return cn_numeral(x) || digit(x); }) > 0) {
        char32_t unit = k.next();
        if (unit == U'章') t = Typed{k.i, level_with(pf, "章", 1), Form::chapter, 0}, found = true;
        else if (unit == U'节') t = Typed{k.i, level_with(pf, "节", 2), Form::chapter, 0}, found = true;
      }
    } else if (cn_numeral(first)) {
      k.count(cn_numeral);
      char32_t mark = k.next();
      if ((mark == U'、' || mark == U'．') && ends_number(text, k.i)) t = Typed{k.i, 1, Form::chinese, 0}, found = true;
    } else if ((first == '(' || first == U'（') && !plain) {
      k.next();
      if (k.count([](char32_t x) { return cn_numeral(x) || digit(x); }) > 0) {
        char32_t close = k.next();
        if (close == ')' || close == U'）') t = Typed{k.i, 0, Form::paren, 0}, found = true;
      }
    } else if (digit(first)) {
      size_t number_start = k.i;
      k.count(digit);
      std::string first_number(text.substr(number_start, k.i - number_start));
      int groups = 1;
      while (dot(k.peek())) {
        Cursor d = k;
        d.next();
        if (!digit(d.peek())) break;
        k = d;
        k.count(digit);
        ++groups;
      }
      if (groups >= 2) {
        if (dot(k.peek())) k.next();  // 「1.1.」
        int lvl = level_with_groups(pf, groups);
        if (ends_number(text, k.i) && (lvl > 0 || !plain)) t = Typed{k.i, lvl, Form::groups, 0}, found = true;
      } else if (!plain) {
        char32_t mark = k.peek();
        if ((dot(mark) || mark == U'、') && (k.next(), ends_number(text, k.i))) {
          t = Typed{k.i, 0, Form::single, 0}, found = true;
        } else if (blank(mark)) {
          t = Typed{k.i, 0, Form::bare, docx::parse_numeral(first_number, "decimal")}, found = true;
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
    if (t.size() >= std::string(end).size() && t.compare(t.size() - std::string(end).size(), std::string::npos, end) == 0)
      return false;
  return true;
}

enum class How { real, typed, bold };

// A bold short line followed by body text.
bool bold_line(const docx::Document& doc, const docx::Paragraph& p, const profile::Profile& pf) {
  if (!heading_like(p.text, 40) || looks_like_caption(p.text, pf) || docx::length_utf8(docx::trim(p.text)) < 2) return false;
  bool any = false;
  for (const docx::Run& r : p.runs) {
    if (docx::blank(r.text)) continue;
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

void convert(Workspace& ws, const docx::Paragraph& p, int level, How how, bool number_finding) {
  const profile::Profile& pf = ws.profile();
  pugi::xml_node ppr = xml::ensure(p.node, "w:pPr", xml::p_order());
  std::string zh, en;
  auto add = [&](const std::string& z, const std::string& e) {
    zh += (zh.empty() ? "" : ";") + z;
    en += (en.empty() ? "" : "; ") + e;
  };
  std::string sid = ws.style_id(heading_style(level));
  pugi::xml_node ps = ppr.child("w:pStyle");
  if (!ps || docx::attr(ps, "w:val") != sid) {
    xml::set(xml::ensure(ppr, "w:pStyle", xml::ppr_order()), "w:val", sid);
    std::string l = std::to_string(level);
    add(how == How::real ? "改用规范的标题 " + l + " 样式" : "设为标题 " + l, how == How::real ? "heading " + l + " style of the profile" : "made a level-" + l + " heading");
  }
  if (pugi::xml_node ol = ppr.child("w:outlineLvl"); ol && docx::int_attr(ol, "w:val").value_or(-1) != level - 1)
    ppr.remove_child(ol);
  if (pugi::xml_node np = ppr.child("w:numPr")) {
    int num = docx::int_attr(np.child("w:numId"), "w:val").value_or(0);
    bool keep = how == How::real && num > 0 && !p.label.empty() && !number_finding;
    if (!keep) {
      ppr.remove_child(np);
      add("改用规范的自动编号", "numbered by the profile's automatic numbering");
    }
  }
  if (auto t = read_typed(p.text, pf, how != How::real)) {
    bool ordinal = t->form != Form::bare || (level >= 1 && level <= 6 && t->value == p.counts[static_cast<size_t>(level) - 1]);
    if (ordinal) {
      std::string prefix = p.text.substr(0, t->end);
      TextEdit r = remove_leading_text(p.node, prefix);
      std::string shown = docx::trim(prefix);
      if (r == TextEdit::done) add("删除手写编号「" + shown + "」", "typed number '" + shown + "' removed");
      else if (r == TextEdit::protected_text)
        ws.note(Text{"标题「" + docx::excerpt(p.text, 20) + "」的手写编号在域、内容控件或修订中,未删除",
                     "the typed number of heading '" + docx::excerpt(p.text, 20) + "' is inside a field, content control or tracked change; left as is"});
    }
  }
  if (zh.empty()) return;
  ws.new_headings |= how != How::real;
  ws.touched.insert(p.index);
  ws.change(ws.at(p), Text{"标题:" + zh, "heading: " + en});
}

}  // namespace

void fix_headings(Workspace& ws) {
  const docx::Document& doc = ws.doc();
  const profile::Profile& pf = ws.profile();
  std::set<int> number_findings;
  for (const char* rule : {"heading.l1", "heading.l2", "heading.l3", "heading.l4", "heading.depth"})
    for (const char* kind : {"number_format", "number_sequence"})
      for (const rules::Finding* f : ws.findings_of(rule, kind))
        if (f->where.part() == doc.body().part && f->where.paragraph > 0) number_findings.insert(f->where.paragraph - 1);
  const int titles = docx::title_levels(pf);
  int last_level = 0, bold_level = 0, previous_heading = 0;  // previous_heading: level of the heading right before, 0 if none
  for (const docx::Paragraph& p : doc.body().paragraphs) {
    if (p.role == docx::Role::empty) continue;
    bool in_body = p.section >= 1 && static_cast<size_t>(p.section) <= doc.sections().size() &&
                   doc.sections()[static_cast<size_t>(p.section) - 1].role == docx::SectionRole::body;
    int level = 0;
    How how = How::real;
    if (p.table == 0 && in_body && !ws.touched.count(p.index)) {
      if (p.role == docx::Role::heading) {
        level = p.heading_level;
      } else if (p.role == docx::Role::body) {
        auto t = read_typed(p.text, pf, true);
        if (t && t->level > 0 && heading_like(p.text, 60)) {
          level = t->level;
          how = How::typed;
        } else if (bold_line(doc, p, pf)) {
          level = previous_heading ? previous_heading + 1 : bold_level ? bold_level : last_level + 1;
          level = std::clamp(level, 1, std::max(1, titles));
          how = How::bold;
        }
      }
    } else if (p.role == docx::Role::heading) {
      level = p.heading_level;
    }
    if (level && pf.heading(level) && p.table == 0 && in_body && !ws.touched.count(p.index))
      convert(ws, p, level, how, number_findings.count(p.index) > 0);
    if (level) {
      previous_heading = last_level = level;
      bold_level = how == How::bold ? level : 0;
    } else {
      previous_heading = 0;
    }
  }
}

}  // namespace bidfmt::fix
