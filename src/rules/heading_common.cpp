// Shared heading checks: the number each heading shows (numbering or typed), then its formatting.
#include "rules/heading_common.h"

#include "docx/labels.h"
#include "docx/numbering.h"
#include "docx/script.h"
#include "rules/checks.h"
#include "rules/describe.h"
#include "rules/kinds.h"

namespace bidfmt::rules {

std::vector<std::string> heading_keys() {
  return {"{h}.number", "{h}.font_east_asia|fonts.east_asia", "{h}.font_latin|fonts.latin", "{h}.size", "{h}.bold", "{h}.first_line_indent",
          "{h}.align"};
}

std::vector<profile::NumberLevel> heading_numbers(const profile::Profile& p) {
  std::vector<profile::NumberLevel> out;
  for (const profile::HeadingLevel& h : p.headings) out.push_back(h.number);
  return out;
}

std::string heading_shown(const docx::Paragraph& p) {
  if (p.label.empty()) return docx::trim(p.text);
  std::string sep = p.level && p.level->suffix == "space" ? " " : p.level && p.level->suffix == "tab" ? "\t" : "";
  return p.label + sep + docx::trim(p.text);
}

Text level_name(int level) { return Text{docx::format_number(level, "chineseCounting") + "级", "level-" + std::to_string(level)}; }

std::string font_key(const profile::Profile& profile, const std::string& own, const char* fallback) {
  return profile.basis_of(own) ? own : fallback;
}

void fonts_about(const Context& ctx, Reporter& out, size_t m, const std::string& prefix) {
  out.about(m, "east_asia_font", ctx.cls(font_key(ctx.profile, prefix + "font_east_asia", "fonts.east_asia")));
  out.about(m, "latin_font", ctx.cls(font_key(ctx.profile, prefix + "font_latin", "fonts.latin")));
}

namespace {

// True when a label ends in blanks (「2.2  」), ASCII or U+3000.
bool ends_blank(std::string_view s) {
  if (s.empty()) return false;
  if (s.back() == ' ' || s.back() == '\t') return true;
  return s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80";
}

// The first word of a heading, to show what number it has.
std::string leading_token(const std::string& shown) {
  std::string out;
  size_t i = 0, n = 0;
  while (i < shown.size() && n < 8) {
    size_t start = i;
    char32_t c = docx::decode_utf8(shown, i);
    if (c == ' ' || c == '\t' || c == 0x3000) break;
    // Stop at the first CJK ideograph after a number: 「2.1工程概况」 → 「2.1」.
    if (n > 0 && docx::font_slot(c, false) == docx::FontSlot::east_asia && c != U'、' && c != U'（' && c != U'）' &&
        !(c >= U'一' && c <= U'十'))
      break;
    out.append(shown, start, i - start);
    ++n;
  }
  return out;
}

}  // namespace

void check_heading_rule(const Context& ctx, Reporter& out, const std::string& rule) {
  std::vector<profile::NumberLevel> levels = heading_numbers(ctx.profile);
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs) {
    if (p.role != docx::Role::heading) continue;
    const profile::HeadingLevel* h = ctx.profile.heading(p.heading_level);
    if (!h || h->rule != rule) continue;
    const int level = p.heading_level;
    const size_t index = static_cast<size_t>(level) - 1;
    Location at = ctx.at(p);
    const std::string key = "headings." + std::to_string(level) + ".";
    size_t mark = out.mark();
    // Number: the profile's shape (「一、」「1.1」「第一章」), and in sequence.
    std::string shown = heading_shown(p);
    std::vector<int> counts(p.counts.begin(), p.counts.end());
    for (int& c : counts) c = std::max(c, 1);
    std::vector<int> want_numbers;
    for (size_t k : docx::referenced_levels(h->number.text)) want_numbers.push_back(k < counts.size() ? counts[k] : 1);
    std::string want_label = docx::trim(docx::format_label(levels, index, counts));
    auto m = docx::match_label(shown, levels, index);
    bool shape_ok = false;
    if (m) {
      std::string_view rest = std::string_view(shown).substr(m->length);
      size_t i = 0;
      char32_t next = rest.empty() ? 0 : docx::decode_utf8(rest, i);
      // 「1.1.1」 read as 「1.1」 then 「.1」 is the wrong shape — only a number that ends in a digit
      // or a dot can go on so; a title may start with digits after 「一、」 or a blank
      // (「一、24小时服务热线」「第二节  3D激光扫描复核」).
      const std::string_view label = std::string_view(shown).substr(0, m->length);
      const unsigned char end = label.empty() ? 0 : static_cast<unsigned char>(label.back());
      const bool fullwidth_end = label.size() >= 3 && static_cast<unsigned char>(label[label.size() - 3]) == 0xEF &&
                                 static_cast<unsigned char>(label[label.size() - 2]) == 0xBC &&
                                 (end == 0x8E || (end >= 0x90 && end <= 0x99));  // ． ０…９
      const bool can_go_on = (end >= '0' && end <= '9') || end == '.' || fullwidth_end;
      shape_ok = ends_blank(label) || !can_go_on || !((next >= '0' && next <= '9') || next == '.' || next == U'．');
    }
    Text lz = level_name(level);
    // Numbering switched off on purpose and no number typed: an unnumbered heading (附件).
    const bool unnumbered = p.numbering_off && p.label.empty() && !m;
    if (unnumbered) {
      // nothing to compare: no number is the intent
    } else if (!shape_ok) {
      std::string actual = p.label.empty() ? leading_token(shown) : p.label;
      Text a = actual.empty() ? Text{"无编号", "no number"} : plain(actual);
      out.add(kind::kNumberFormat, at, plain(want_label), a,
              Text{lz.zh + "标题编号应为「" + want_label + "」形式,实际为「" + a.zh + "」",
                   lz.en + " heading number must look like '" + want_label + "'; it is '" + a.en + "'"});
    } else if (m->numbers != want_numbers) {
      std::string actual = docx::trim(shown.substr(0, m->length));
      out.add(kind::kNumberSequence, at, plain(want_label), plain(actual),
              Text{lz.zh + "标题编号为「" + actual + "」,按顺序应为「" + want_label + "」",
                   lz.en + " heading is numbered '" + actual + "'; in sequence it should be '" + want_label + "'"});
    }
    // A number typed after the automatic one (「一、一、工程概况」) shows twice on the page.
    if (shape_ok && !p.label.empty()) {
      const std::string typed_text = docx::trim(p.text);
      if (auto typed = docx::match_label(typed_text, levels, index)) {
        const std::string typed_number = docx::trim(typed_text.substr(0, typed->length));
        out.add(kind::kNumberFormat, at, plain(want_label), plain(p.label + typed_number),
                Text{lz.zh + "标题在自动编号「" + p.label + "」之后又手写了编号「" + typed_number + "」",
                     lz.en + " heading has the typed number '" + typed_number + "' after its automatic number '" + p.label + "'"});
      }
    }
    out.about(mark, ctx.cls(key + "number"));
    // Formatting, each by the class of its value.
    mark = out.mark();
    check_fonts(ctx, out, p, h->format.fonts, at, true);
    fonts_about(ctx, out, mark, key);
    out.about(ctx.cls(key + "size"), [&] { check_size(ctx, out, p, h->format.size, at, true); });
    out.about(ctx.cls(key + "bold"), [&] { check_bold(ctx, out, p, h->format.bold, at, true); });
    out.about(ctx.cls(key + "first_line_indent"), [&] { check_first_line(ctx, out, p, h->format.first_line, at, true); });
    out.about(ctx.cls(key + "align"), [&] { check_align(ctx, out, p, h->format.align, at); });
  }
}

}  // namespace bidfmt::rules
