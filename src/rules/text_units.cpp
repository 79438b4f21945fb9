// Rule text.units: a unit is written one way — m, m2/m², m3/m³, t — never mixed with 米, 平米/平方米, 立方/立方米, 吨.
#include <unicode/normalizer2.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <array>
#include <map>
#include <memory>

#include "rules/rule.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "text.units",
    {"单位表述统一", "units written one way"},
    "正文中要求各种单位表述统一,避免以下表述在同一页中同时出现,如:“m”与“米”、“m2”与“平米”、“m3”与“立方”、“t”;与“吨”等,统一采用英文简写方式。",
    Severity::error,
    false,  // changing 米 to m changes the words: reported, never fixed
};

struct Family {
  const char* english;  // what the standard asks for
  std::array<const char*, 3> english_forms;
  std::array<const char*, 3> chinese_forms;
};
// Longer forms first: 平方米 before 米.
const Family kFamilies[] = {
    {"m2", {"m2", "m²", nullptr}, {"平方米", "平米", nullptr}},
    {"m3", {"m3", "m³", nullptr}, {"立方米", "立方", nullptr}},
    {"m", {"m", nullptr, nullptr}, {"米", nullptr, nullptr}},
    {"t", {"t", nullptr, nullptr}, {"吨", nullptr, nullptr}},
};

struct Use {
  int family;
  bool chinese;
  std::string form;
};

// Units that follow a number (「1.5m」「300平米」); 「玉米」「C30」 and 「25mm」 are not units here.
// Text is NFKC-normalised first, so full-width digits and letters count too.
std::vector<Use> units_in(const std::string& text) {
  static thread_local std::unique_ptr<icu::RegexPattern> pattern = [] {
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    return std::unique_ptr<icu::RegexPattern>(icu::RegexPattern::compile(
        icu::UnicodeString::fromUTF8("\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?\\s*(平方米|平米|立方米|立方|米|吨|m²|m³|m2|m3|m|t)(?![A-Za-z0-9²³])"),
        pe, st));
  }();
  std::vector<Use> out;
  if (!pattern) return out;
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(st);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  if (U_SUCCESS(st)) {
    // NFKC turns ² into 2: keep the original where it matters by normalising only digits/letters.
    icu::UnicodeString n;
    for (int32_t i = 0; i < u.length();) {
      UChar32 c = u.char32At(i);
      i += U16_LENGTH(c);
      if (c == 0xB2 || c == 0xB3) n.append(c);
      else n.append(nfkc->normalize(icu::UnicodeString(c), st));
    }
    u = n;
  }
  std::unique_ptr<icu::RegexMatcher> m(pattern->matcher(u, st));
  while (U_SUCCESS(st) && m->find(st)) {
    std::string unit;
    m->group(1, st).toUTF8String(unit);
    for (int f = 0; f < 4; ++f) {
      for (const char* e : kFamilies[f].english_forms)
        if (e && unit == e) out.push_back({f, false, unit});
      for (const char* c : kFamilies[f].chinese_forms)
        if (c && unit == c) out.push_back({f, true, unit});
    }
  }
  return out;
}

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
    std::vector<std::pair<const docx::Paragraph*, std::string>> chinese;
  };
  std::array<Seen, 4> seen;
  const size_t m = out.mark();
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs) {
    if (!text_role(p.role) || !ctx.in_body(p.section)) continue;
    for (const Use& u : units_in(p.text)) {
      if (u.chinese) seen[static_cast<size_t>(u.family)].chinese.emplace_back(&p, u.form);
      else seen[static_cast<size_t>(u.family)].english = true;
    }
  }
  for (int f = 0; f < 4; ++f) {
    const Seen& s = seen[static_cast<size_t>(f)];
    if (!s.english) continue;
    const char* en = kFamilies[f].english;
    for (const auto& [p, form] : s.chinese)
      out.add("mixed", ctx.at(*p), Text{en, en}, Text{form, form},
              Text{"单位「" + form + "」与「" + en + "」在文中混用,应统一为英文简写「" + en + "」",
                   "unit '" + form + "' is mixed with '" + en + "' in the text; write '" + en + "' throughout"});
  }
  out.about(m, ctx.cls("text.units"));
}

}  // namespace

const Rule& text_units_rule() {
  static const Rule r{kInfo, check, applies};
  return r;
}

}  // namespace bidfmt::rules
