// Shared paragraph and run checks, each comparing resolved values with the profile and naming origins.
#include "rules/checks.h"

#include <cstdlib>
#include <cstring>
#include <tuple>

#include "docx/script.h"
#include "rules/describe.h"

namespace bidfmt::rules {
namespace {

// A piece of displayed text with its formatting: a run, or the number label.
struct Piece {
  std::string_view text;
  const docx::RunProps* props;
};

// The pieces of a paragraph: its number label (when asked for and present), then its runs.
// Walked in place: the checks run over every paragraph.
class Pieces {
 public:
  Pieces(const docx::Paragraph& p, bool with_label) : p_(p), first_(with_label && !p.label.empty() ? -1 : 0) {}
  struct Iter {
    const docx::Paragraph* p;
    int i;  // -1: the label
    Piece operator*() const {
      if (i < 0) return Piece{p->label, p->label_props};
      const docx::Run& r = p->runs[static_cast<size_t>(i)];
      return Piece{p->text_of(r), r.props};
    }
    Iter& operator++() {
      ++i;
      return *this;
    }
    bool operator!=(const Iter& o) const { return i != o.i; }
  };
  Iter begin() const { return Iter{&p_, first_}; }
  Iter end() const { return Iter{&p_, static_cast<int>(p_.runs.size())}; }

 private:
  const docx::Paragraph& p_;
  int first_;
};
Pieces pieces(const docx::Paragraph& p, bool with_label) { return Pieces(p, with_label); }

const int kWordDefaultSize = 20;  // 10 pt when nothing sets w:sz (§17.3.2.38)

// Everything a finding's texts are made from, as bytes (Reporter::add_keyed): equal keys make
// equal texts. Gathered on the stack, so a key costs no allocation (this runs for every finding).
class Key {
 public:
  Key& operator<<(int v) { return raw(v); }
  Key& operator<<(bool v) { return raw(v); }
  Key& operator<<(std::string_view v) {
    raw(v.size());
    return bytes(v.data(), v.size());
  }
  Key& operator<<(const docx::FontRef& f) { return *this << f.name << f.theme; }
  Key& operator<<(const docx::Origin& o) { return raw(o.style).raw(o.num_id).raw(o.ilvl).raw(o.source); }
  template <typename T>
  Key& operator<<(const docx::Value<T>& v) {
    return *this << v.set() << v.value << v.origin << v.below << v.below_origin;
  }
  std::string_view view() const { return long_.empty() ? std::string_view(buf_, n_) : std::string_view(long_); }

 private:
  template <typename T>
  Key& raw(const T& v) {
    return bytes(reinterpret_cast<const char*>(&v), sizeof v);
  }
  // Small enough to be inlined, so that a value's bytes (a constant size) are a plain move.
  Key& bytes(const char* p, size_t n) {
    if (n == 0) return *this;  // an empty string_view may have no data (memcpy must not see null)
    if (long_.empty() && n_ + n <= sizeof buf_) {
      std::memcpy(buf_ + n_, p, n);
      n_ += n;
      return *this;
    }
    return spill(p, n);
  }
  Key& spill(const char* p, size_t n) {  // long font or style names: rare
    if (long_.empty()) long_.assign(buf_, n_);
    long_.append(p, n);
    return *this;
  }
  char buf_[192];
  size_t n_ = 0;
  std::string long_;
};
}  // namespace

std::vector<std::pair<std::string, std::string>> shown_parts(const Context& ctx, const docx::Section& s, bool headers) {
  const auto& m = headers ? s.headers : s.footers;
  std::vector<std::pair<std::string, std::string>> out;
  auto add = [&](const std::string& kind) {
    auto it = m.find(kind);
    out.emplace_back(kind, it == m.end() ? "" : it->second);
  };
  add("default");
  if (s.title_pg) add("first");
  if (ctx.doc.even_and_odd_headers()) add("even");
  return out;
}

bool visible(const std::string& text) { return !docx::blank(text); }

bool is_a3(const Context& ctx, const docx::Section& s) {
  const profile::Page& pg = ctx.profile.page;
  if (!s.width || !s.height) return false;
  auto near = [&](int a, Twips b) { return std::abs(a - b.v) <= pg.tolerance.v; };
  return (near(*s.width, pg.a3_width) && near(*s.height, pg.a3_height)) || (near(*s.width, pg.a3_height) && near(*s.height, pg.a3_width));
}

bool in_trailing_a3(const Context& ctx, int section) {
  const auto& sections = ctx.doc.sections();
  if (!ctx.profile.page.a3_at_end || section < 1 || static_cast<size_t>(section) > sections.size()) return false;
  if (!is_a3(ctx, sections[static_cast<size_t>(section) - 1])) return false;
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs)
    if (p.section > section && static_cast<size_t>(p.section) <= sections.size() &&
        !is_a3(ctx, sections[static_cast<size_t>(p.section) - 1]) && visible(p.text))
      return false;
  return true;
}

int paragraph_font_size(const docx::Paragraph& p) {
  for (const docx::Run& r : p.runs)
    if (!docx::blank(p.text_of(r))) return r.props->size.value_or(kWordDefaultSize);
  return p.mark->size.value_or(kWordDefaultSize);
}

void check_fonts(const Context&, Reporter& out, const docx::Paragraph& p, const profile::Fonts& want, const Location& where,
                 bool with_label) {
  bool done_ea = false, done_latin = false;             // one finding per slot and paragraph
  const docx::FontRef fallback{"Times New Roman", {}};  // Word's when no ascii/hAnsi font is set
  auto latin = [&](const docx::Value<docx::FontRef>& slot) { return slot.set() ? slot.value : fallback; };
  for (const Piece& piece : pieces(p, with_label)) {
    const docx::RunProps& rp = *piece.props;
    // Which slots hold a wrong font; only the text's characters can tell whether they are used.
    const bool ea_bad = !done_ea && !docx::same_font(rp.east_asia.value.name, want.east_asia);
    const std::string_view ascii_font = latin(rp.ascii).name, hansi_font = latin(rp.h_ansi).name;
    const bool ascii_bad = !done_latin && !docx::same_font(ascii_font, want.latin);
    const bool hansi_bad = hansi_font == ascii_font ? ascii_bad : !done_latin && !docx::same_font(hansi_font, want.latin);
    if (!ea_bad && !ascii_bad && !hansi_bad) continue;
    bool need_ea = false, need_ascii = false, need_hansi = false;
    const bool hint_ea = rp.hint.value == "eastAsia";
    const std::string_view text = piece.text;
    // Stops once every wrong slot is known to be used (a run of 1,000 characters rarely needs more
    // than its first few).
    for (size_t i = 0; i < text.size() && !((need_ea || !ea_bad) && (need_ascii || !ascii_bad) && (need_hansi || !hansi_bad));) {
      switch (docx::font_slot(docx::decode_utf8(text, i), hint_ea)) {
        case docx::FontSlot::east_asia: need_ea = true; break;
        case docx::FontSlot::ascii: need_ascii = true; break;
        case docx::FontSlot::h_ansi: need_hansi = true; break;
        default: break;
      }
    }
    if (need_ea && ea_bad) {
      done_ea = true;
      out.add_keyed("east_asia_font", where, (Key() << want.east_asia << rp.east_asia).view(), [&] {
        return Wording{plain(want.east_asia), font_text(rp.east_asia.value),
                       wrong_value(Text{"中文字体", "East Asian font"}, rp.east_asia, docx::FontRef{}, font_text, plain(want.east_asia))};
      });
    }
    for (auto [need, bad, slot] : {std::tuple{need_ascii, ascii_bad, &rp.ascii}, std::tuple{need_hansi, hansi_bad, &rp.h_ansi}}) {
      if (!need || !bad || done_latin) continue;
      done_latin = true;
      docx::FontRef actual = latin(*slot);
      out.add_keyed("latin_font", where, (Key() << want.latin << *slot).view(), [&] {
        return Wording{plain(want.latin), font_text(actual),
                       wrong_value(Text{"数字/西文字体", "digit/Latin font"}, *slot, fallback, font_text, plain(want.latin))};
      });
    }
  }
}

Finding* check_size(const Context&, Reporter& out, const docx::Paragraph& p, HalfPoints want, const Location& where, bool with_label) {
  for (const Piece& piece : pieces(p, with_label)) {
    if (docx::blank(piece.text)) continue;
    const auto& v = piece.props->size;
    if (v.value_or(kWordDefaultSize) == want.v) continue;
    return &out.add_keyed("size", where, (Key() << want.v << v).view(), [&] {
      return Wording{size_text(want.v), size_text(v.value_or(kWordDefaultSize)),
                     wrong_value(Text{"字号", "font size"}, v, kWordDefaultSize, size_text, size_text(want.v))};
    });
  }
  return nullptr;
}

Finding* check_bold(const Context&, Reporter& out, const docx::Paragraph& p, bool want, const Location& where, bool with_label) {
  for (const Piece& piece : pieces(p, with_label)) {
    if (docx::blank(piece.text)) continue;
    const auto& v = piece.props->bold;
    if (v.value_or(false) == want) continue;
    return &out.add_keyed("bold", where, (Key() << want << v).view(), [&] {
      return Wording{bold_text(want), bold_text(v.value_or(false)),
                     wrong_value(Text{"加粗", "bold"}, v, false, bold_text, bold_text(want))};
    });
  }
  return nullptr;
}

Finding* check_char_spacing(const Context& ctx, Reporter& out, const docx::Paragraph& p, Twips want, const Location& where) {
  auto fmt = [](int tw) {
    if (tw == 0) return Text{"标准", "normal"};
    std::string pt = std::to_string(tw / 20.0);
    pt.erase(pt.find_last_not_of('0') + 1);
    if (pt.back() == '.') pt.pop_back();
    return tw > 0 ? Text{"加宽 " + pt + "磅", "expanded by " + pt + "pt"}
                  : Text{"紧缩 " + pt.substr(1) + "磅", "condensed by " + pt.substr(1) + "pt"};
  };
  for (const docx::Run& r : p.runs) {
    if (docx::blank(p.text_of(r))) continue;
    int actual = r.props->spacing.value_or(0);
    if (std::abs(actual - want.v) <= ctx.profile.page.tolerance.v / 4) continue;
    return &out.add_keyed("character_spacing", where, (Key() << want.v << r.props->spacing).view(), [&] {
      return Wording{fmt(want.v), fmt(actual), wrong_value(Text{"字符间距", "character spacing"}, r.props->spacing, 0, fmt, fmt(want.v))};
    });
  }
  return nullptr;
}

Finding* check_align(const Context&, Reporter& out, const docx::Paragraph& p, const profile::Align& want, const Location& where) {
  std::string_view actual = p.props->jc.value_or("left");
  if (actual == want) return nullptr;
  return &out.add_keyed("alignment", where, (Key() << want << p.props->jc).view(), [&] {
    return Wording{align_text(want), align_text(actual),
                   wrong_value(Text{"对齐方式", "alignment"}, p.props->jc, std::string_view("left"), align_text, align_text(want))};
  });
}

Finding* check_first_line(const Context& ctx, Reporter& out, const docx::Paragraph& p, const profile::FirstLineIndent& want,
                          const Location& where, bool margin_ok) {
  const int tol = ctx.profile.page.tolerance.v;
  const auto& chars = p.props->first_line_chars;
  const auto& tw = p.props->first_line;
  bool by_chars = chars.set() && chars.value != 0;
  auto twips_text = [](int t) {
    if (t == 0) return Text{"不缩进", "none"};
    Text m = mm_text(std::abs(t));
    return t < 0 ? Text{"悬挂 " + m.zh, "hanging " + m.en} : m;
  };
  auto chars_signed = [](int c) {
    Text t = chars_text(std::abs(c));
    return c < 0 ? Text{"悬挂 " + t.zh, "hanging " + t.en} : t;
  };
  bool ok;
  if (by_chars) {
    ok = want.chars100 != 0 ? chars.value == want.chars100 : false;
    if (!ok && margin_ok && want.chars100 == 0 && chars.value < 0) ok = true;  // hanging back to the margin
  } else {
    int actual = tw.value_or(0);
    int expected = want.chars100 ? want.twips_at(HalfPoints{paragraph_font_size(p)}).v : want.length.v;
    ok = std::abs(actual - expected) <= tol;
    if (!ok && margin_ok && expected == 0 && std::abs(p.props->ind_left.value_or(0) + actual) <= tol) ok = true;
  }
  if (ok) return nullptr;
  auto want_text = [&] {
    if (want.chars100 == 0 && want.length.v == 0) return Text{"不缩进", "none"};
    return want.chars100 ? chars_text(want.chars100) : mm_text(want.length.v);
  };
  Text what{"首行缩进", "first-line indent"};
  Key key;
  key << want.chars100 << want.length.v << by_chars;
  if (by_chars)
    return &out.add_keyed("first_line_indent", where, (key << chars).view(), [&] {
      return Wording{want_text(), chars_signed(chars.value), wrong_value(what, chars, 0, chars_signed, want_text())};
    });
  return &out.add_keyed("first_line_indent", where, (key << tw).view(), [&] {
    return Wording{want_text(), twips_text(tw.value_or(0)), wrong_value(what, tw, 0, twips_text, want_text())};
  });
}

namespace {
// One side of a paragraph (left/right indent, space before/after): the kind and name of its
// finding, and its values in twips and in the relative unit (characters, or lines).
struct Side {
  const char* kind;
  Text what;
  const docx::Value<int>& twips;
  const docx::Value<int>& relative;
};
}  // namespace

void check_side_indents(const Context& ctx, Reporter& out, const docx::Paragraph& p, const profile::FirstLineIndent& want_left,
                        Twips want_right, const Location& where) {
  const int tol = ctx.profile.page.tolerance.v;
  profile::FirstLineIndent right;
  right.length = want_right;
  const Side sides[] = {{"indent_left", Text{"左缩进(文本之前)", "left indent"}, p.props->ind_left, p.props->left_chars},
                        {"indent_right", Text{"右缩进(文本之后)", "right indent"}, p.props->ind_right, p.props->right_chars}};
  const profile::FirstLineIndent wants[] = {want_left, right};
  for (size_t k = 0; k < 2; ++k) {
    const Side& s = sides[k];
    const profile::FirstLineIndent& want = wants[k];
    bool by_chars = s.relative.set() && s.relative.value != 0;
    auto want_text = [&] { return want.chars100 ? chars_text(want.chars100) : mm_text(want.length.v); };
    if (by_chars) {
      if (want.chars100 == s.relative.value) continue;
      out.add_keyed(s.kind, where, (Key() << want.chars100 << want.length.v << by_chars << s.relative).view(), [&] {
        return Wording{want_text(), chars_text(s.relative.value), wrong_value(s.what, s.relative, 0, chars_text, want_text())};
      });
    } else {
      int expected = want.chars100 ? want.twips_at(HalfPoints{paragraph_font_size(p)}).v : want.length.v;
      if (std::abs(s.twips.value_or(0) - expected) <= tol) continue;
      out.add_keyed(s.kind, where, (Key() << want.chars100 << want.length.v << by_chars << s.twips).view(), [&] {
        return Wording{want_text(), mm_text(s.twips.value_or(0)), wrong_value(s.what, s.twips, 0, mm_text, want_text())};
      });
    }
  }
}

void check_space(const Context& ctx, Reporter& out, const docx::Paragraph& p, Twips before, Twips after, const Location& where) {
  const int tol = ctx.profile.page.tolerance.v;
  const Side sides[] = {{"space_before", Text{"段前间距", "space before"}, p.props->before, p.props->before_lines},
                        {"space_after", Text{"段后间距", "space after"}, p.props->after, p.props->after_lines}};
  const docx::Value<bool>* autospacing[] = {&p.props->before_auto, &p.props->after_auto};
  const Twips wants[] = {before, after};
  auto pt_text = [](int tw) {
    std::string s = std::to_string(tw / 20.0);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return Text{s + "磅", s + "pt"};
  };
  auto lines_text = [](int l) {
    std::string s = std::to_string(l / 100.0);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return Text{s + "行", s + " lines"};
  };
  // Texts are made only for a finding: this runs for every paragraph.
  for (size_t k = 0; k < 2; ++k) {
    const Side& s = sides[k];
    const docx::Value<bool>& autos = *autospacing[k];
    const Twips want = wants[k];
    if (autos.value_or(false)) {
      out.add_keyed(s.kind, where, (Key() << 0 << want.v << autos).view(), [&] {
        Text want_text = pt_text(want.v);
        return Wording{want_text, Text{"自动", "auto"},
                       wrong_value(
                           s.what, autos, false,
                           [](bool) {
                             return Text{"自动", "auto"};
                           },
                           want_text)};
      });
    } else if (s.relative.set() && s.relative.value != 0) {
      if (want.v != 0 || s.relative.value == 0) continue;
      out.add_keyed(s.kind, where, (Key() << 1 << want.v << s.relative).view(), [&] {
        Text want_text = pt_text(want.v);
        return Wording{want_text, lines_text(s.relative.value), wrong_value(s.what, s.relative, 0, lines_text, want_text)};
      });
    } else if (std::abs(s.twips.value_or(0) - want.v) > tol) {
      out.add_keyed(s.kind, where, (Key() << 2 << want.v << s.twips).view(), [&] {
        Text want_text = pt_text(want.v);
        return Wording{want_text, pt_text(s.twips.value_or(0)), wrong_value(s.what, s.twips, 0, pt_text, want_text)};
      });
    }
  }
}

Finding* check_line(const Context&, Reporter& out, const docx::Paragraph& p, LineSpacing240 want, const Location& where) {
  std::string_view rule = p.props->line_rule.value_or("auto");
  int line = p.props->line.value_or(240);
  if (rule == "auto" && std::abs(line - want.v) <= 2) return nullptr;
  auto fmt = [rule](int l) { return line_text(l, rule); };
  // Name the origin of whichever of w:line / w:lineRule is wrong.
  if (rule != "auto")
    return &out.add_keyed("line_spacing", where, (Key() << want.v << line << p.props->line_rule).view(), [&] {
      Text want_text = line_text(want.v, "auto");
      return Wording{want_text, fmt(line),
                     wrong_value(
                         Text{"行距", "line spacing"}, p.props->line_rule, std::string_view("auto"),
                         [line](std::string_view r) { return line_text(line, r); }, want_text)};
    });
  return &out.add_keyed("line_spacing", where, (Key() << want.v << p.props->line).view(), [&] {
    Text want_text = line_text(want.v, "auto");
    return Wording{want_text, fmt(line), wrong_value(Text{"行距", "line spacing"}, p.props->line, 240, fmt, want_text)};
  });
}

}  // namespace bidfmt::rules
