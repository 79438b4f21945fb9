// Shared caption checks: is there a caption, on the right side, numbered as the profile says (「表1.1-1」), formatted right.
#include "rules/caption_common.h"

#include <algorithm>
#include <map>

#include "docx/script.h"
#include "rules/checks.h"
#include "rules/describe.h"
#include "rules/heading_common.h"

namespace bidfmt::rules {
namespace {

// Splits 「表1.1-1 工程概况统计表」 (label removed) into number 「1.1-1」 and the rest.
std::pair<std::string, std::string> split_number(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    size_t next = i;
    char32_t c = docx::decode_utf8(s, next);
    bool numberish = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == U'－' || c == U'—' || c == U'–' || c == U'．' ||
                     (c >= 0xFF10 && c <= 0xFF19);
    if (!numberish) break;
    i = next;
  }
  return {s.substr(0, i), s.substr(i)};
}

}  // namespace

int nearest_paragraph(const docx::Story& body, int start, int step) {
  for (int i = start; i >= 0 && i < static_cast<int>(body.paragraphs.size()); i += step) {
    const docx::Paragraph& p = body.paragraphs[static_cast<size_t>(i)];
    if (p.table != 0) return -1;
    if (p.role != docx::Role::empty) return i;
  }
  return -1;
}

void check_captions(const Context& ctx, Reporter& out, const profile::Caption& cap, docx::Role role,
                    const std::vector<CaptionTarget>& targets, const std::string& key, const Text& what) {
  const auto& ps = ctx.doc.body().paragraphs;
  bool above = cap.position == "above";
  Text side = above ? Text{"上方", "above"} : Text{"下方", "below"};
  // The sequence {n} restarts at each heading of caption.restart_level or above.
  std::map<std::vector<int>, int> seq;
  for (const CaptionTarget& t : targets) {
    size_t m = out.mark();
    std::vector<int> counters(t.counts.begin(), t.counts.end());
    size_t restart = static_cast<size_t>(std::clamp(cap.restart_level, 1, 6));
    // A3 figures and tables bound at the end keep their own chapter's numbers: no sequence here.
    const bool moved = in_trailing_a3(ctx, t.where.section);
    int n = moved ? 0 : ++seq[std::vector<int>(counters.begin(), counters.begin() + static_cast<long>(restart))];
    std::string want_number = cap.number_for(counters, n);
    std::string example = cap.label + want_number + cap.separator + (what.zh == "表格" ? "表名" : "图名");
    int good = above ? t.before : t.after, bad = above ? t.after : t.before;
    bool good_is = good >= 0 && ps[static_cast<size_t>(good)].role == role;
    bool bad_is = bad >= 0 && ps[static_cast<size_t>(bad)].role == role;
    if (!good_is && !bad_is) {
      out.add("missing", t.where, plain(example), Text{"无", "none"},
              Text{what.zh + "缺少题注,应在" + what.zh + side.zh + "写「" + example + "」",
                   "the " + what.en + " has no caption; expected '" + example + "' " + side.en + " it"})
          .fixable = false;
      out.about(m, ctx.cls(key));  // no caption at all: the strongest of the caption's values
      continue;
    }
    const docx::Paragraph& c = ps[static_cast<size_t>(good_is ? good : bad)];
    Location at = ctx.at(c);
    m = out.mark();
    if (!good_is) {
      Text wrong = above ? Text{"下方", "below"} : Text{"上方", "above"};
      out.add("position", at, side, wrong,
              Text{"题注「" + docx::excerpt(c.text, 20) + "」在" + what.zh + wrong.zh + ",应在" + side.zh,
                   "caption '" + docx::excerpt(c.text, 20) + "' is " + wrong.en + " the " + what.en + "; it belongs " + side.en});
      // fix moves the caption to its side (fix/captions.cpp).
    }
    out.about(m, ctx.cls(key + ".position"));
    m = out.mark();
    // Number and name: 「表1.1-1 名称」.
    std::string text = docx::trim(c.text);
    std::string after_label = docx::trim(text.substr(cap.label.size()));
    auto [number, rest] = split_number(after_label);
    if (number != want_number && !(moved && !number.empty())) {
      out.add(
          "number", at, plain(cap.label + want_number), plain(cap.label + number),
          Text{"题注编号为「" + cap.label + number + "」,按所在章节和顺序应为「" + cap.label + want_number + "」",
               "caption number is '" + cap.label + number + "'; by its section and order it should be '" + cap.label + want_number + "'"});
      // fix renumbers captions (fix/captions.cpp): the typed number gives way to the profile's.
    }
    std::string name = docx::trim(rest);
    out.about(m, ctx.cls(key + ".number"));
    m = out.mark();
    if (name.empty()) {
      out.add("name", at, plain(example), plain(text), Text{"题注「" + text + "」没有名称", "caption '" + text + "' has no name"}).fixable =
          false;
    } else if (!cap.separator.empty() && docx::blank(cap.separator) && rest == name) {
      out.add("separator", at, plain(example), plain(text),
              Text{"题注编号与名称之间应有空格,如「" + example + "」",
                   "caption number and name need a space between them, as in '" + example + "'"});
    }
    out.about(m, "name", ctx.cls(key + ".number"));
    out.about(m, "separator", ctx.cls(key + ".separator"));
    // Formatting, each by the class of its value.
    m = out.mark();
    check_fonts(ctx, out, c, cap.format.fonts, at, true);
    fonts_about(ctx, out, m, key + ".");
    m = out.mark();
    check_align(ctx, out, c, cap.format.align, at);
    out.about(m, ctx.cls(key + ".align"));
    m = out.mark();
    check_bold(ctx, out, c, cap.format.bold, at, true);
    out.about(m, ctx.cls(key + ".bold"));
    m = out.mark();
    check_size(ctx, out, c, cap.format.size, at, true);
    out.about(m, ctx.cls(key + ".size"));
  }
}

std::vector<std::string> caption_keys() {
  return {"{c}.label",
          "{c}.number",
          "{c}.number_without_h2",
          "{c}.restart_level",
          "{c}.separator",
          "{c}.position",
          "{c}.font_east_asia|fonts.east_asia",
          "{c}.font_latin|fonts.latin",
          "{c}.size",
          "{c}.bold",
          "{c}.align"};
}

}  // namespace bidfmt::rules
