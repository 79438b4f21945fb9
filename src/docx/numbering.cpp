// Numbering: abstractNum/num definitions, overrides, style links, counters and number formats.
#include "docx/numbering.h"

#include "docx/styles.h"
#include "docx/xml.h"

namespace bidfmt::docx {
namespace {

Level read_level(pugi::xml_node l, int ilvl, StringPool& strings) {
  Level v;
  v.ilvl = ilvl;
  v.start = int_attr(l.child("w:start"), "w:val").value_or(v.start);
  if (pugi::xml_node f = l.child("w:numFmt")) v.format = strings.keep(attr(f, "w:val"));
  v.text = strings.keep(attr(l.child("w:lvlText"), "w:val"));
  if (pugi::xml_node s = l.child("w:suff")) v.suffix = strings.keep(attr(s, "w:val"));
  v.pstyle = strings.keep(attr(l.child("w:pStyle"), "w:val"));
  v.legal = l.child("w:isLgl") && on_off(l.child("w:isLgl"));
  v.restart = int_attr(l.child("w:lvlRestart"), "w:val").value_or(-1);
  v.ppr = l.child("w:pPr");
  v.rpr = l.child("w:rPr");
  return v;
}

}  // namespace

Numbering::Numbering(const pugi::xml_document* doc, const StyleSheet& styles) : styles_(&styles) {
  if (!doc) return;
  pugi::xml_node root = doc->document_element();
  for (pugi::xml_node a : root.children("w:abstractNum")) {
    std::string_view id = strings_.keep(attr(a, "w:abstractNumId"));
    if (abstracts_.count(id)) continue;
    Abstract& ab = abstracts_[id];
    for (int i = 0; i < 9; ++i) ab.levels[i].ilvl = i;
    ab.num_style_link = strings_.keep(attr(a.child("w:numStyleLink"), "w:val"));
    for (pugi::xml_node l : a.children("w:lvl")) {
      int ilvl = int_attr(l, "w:ilvl").value_or(-1);
      if (ilvl < 0 || ilvl > 8) continue;
      ab.levels[ilvl] = read_level(l, ilvl, strings_);
      ab.has[ilvl] = true;
    }
  }
  for (pugi::xml_node n : root.children("w:num")) {
    auto id = int_attr(n, "w:numId");
    if (!id || nums_.count(*id)) continue;
    Num& num = nums_[*id];
    num.start_override.fill(-1);
    num.override_level.fill(-1);
    num.abstract_id = strings_.keep(attr(n.child("w:abstractNumId"), "w:val"));
    for (pugi::xml_node o : n.children("w:lvlOverride")) {
      int ilvl = int_attr(o, "w:ilvl").value_or(-1);
      if (ilvl < 0 || ilvl > 8) continue;
      if (auto s = int_attr(o.child("w:startOverride"), "w:val")) num.start_override[ilvl] = *s;
      if (pugi::xml_node l = o.child("w:lvl")) {
        num.override_level[ilvl] = static_cast<int>(overrides_.size());
        overrides_.push_back(read_level(l, ilvl, strings_));
      }
    }
  }
}

void Numbering::forget_properties() {
  auto forget = [](Level& l) { l.ppr = l.rpr = pugi::xml_node(); };
  for (auto& [id, a] : abstracts_)
    for (Level& l : a.levels) forget(l);
  for (Level& l : overrides_) forget(l);
}

const Numbering::Abstract* Numbering::abstract_for(int num_id, int depth) const {
  auto n = nums_.find(num_id);
  if (n == nums_.end()) return nullptr;
  auto a = abstracts_.find(n->second.abstract_id);
  if (a == abstracts_.end()) return nullptr;
  // numStyleLink: the definition lives in the numbering style's own num (§17.9.21).
  if (!a->second.num_style_link.empty() && depth < 4 && styles_) {
    if (const Style* s = styles_->find(a->second.num_style_link)) {
      if (s->chain_ppr.num_id.set() && s->chain_ppr.num_id.value != num_id)
        if (const Abstract* linked = abstract_for(s->chain_ppr.num_id.value, depth + 1)) return linked;
    }
  }
  return &a->second;
}

const Level* Numbering::level(int num_id, int ilvl) const {
  if (ilvl < 0 || ilvl > 8) return nullptr;
  auto n = nums_.find(num_id);
  if (n == nums_.end()) return nullptr;
  if (int o = n->second.override_level[ilvl]; o >= 0) return &overrides_[static_cast<size_t>(o)];
  const Abstract* a = abstract_for(num_id);
  if (!a || !a->has[ilvl]) return nullptr;
  return &a->levels[ilvl];
}

std::string_view Numbering::abstract_of(int num_id) const {
  auto n = nums_.find(num_id);
  return n == nums_.end() ? std::string_view() : n->second.abstract_id;
}

int Numbering::level_for_style(int num_id, std::string_view style_id) const {
  const Abstract* a = abstract_for(num_id);
  if (!a) return -1;
  for (int i = 0; i < 9; ++i)
    if (a->has[i] && a->levels[i].pstyle == style_id) return i;
  return -1;
}

int Numbering::start_override(int num_id, int ilvl) const {
  auto n = nums_.find(num_id);
  if (n == nums_.end() || ilvl < 0 || ilvl > 8) return -1;
  return n->second.start_override[ilvl];
}

std::string NumberingCounter::next(int num_id, int ilvl) {
  const Level* lvl = numbering_->level(num_id, ilvl);
  if (!lvl) return "";
  std::string_view key = numbering_->abstract_of(num_id);
  State& st = states_[key];
  if (!seen_nums_[num_id]) {
    seen_nums_[num_id] = true;
    for (int i = 0; i < 9; ++i) {
      int so = numbering_->start_override(num_id, i);
      if (so >= 0) {
        st.value[i] = so - 1;
        st.started[i] = true;
      }
    }
  }
  if (st.started[ilvl]) ++st.value[ilvl];
  else {
    st.value[ilvl] = lvl->start;
    st.started[ilvl] = true;
  }
  // Deeper levels restart (unless their lvlRestart says otherwise).
  for (int i = ilvl + 1; i < 9; ++i) {
    const Level* d = numbering_->level(num_id, i);
    int restart = d ? d->restart : -1;
    if (restart == 0) continue;
    if (restart > 0 && ilvl + 1 > restart) continue;
    st.started[i] = false;
  }
  // A higher level not used yet shows its start value without being used up: the first
  // paragraph at that level still gets the start value.
  std::array<int, 9> shown = st.value;
  for (int i = 0; i < ilvl; ++i) {
    if (!st.started[i]) {
      const Level* h = numbering_->level(num_id, i);
      shown[i] = h ? h->start : 1;
    }
  }
  if (lvl->format == "none") return "";
  if (lvl->format == "bullet") return std::string(lvl->text);
  std::string out;
  std::string_view t = lvl->text;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
      int k = t[i + 1] - '1';
      const Level* kl = numbering_->level(num_id, k);
      std::string_view fmt = kl ? kl->format : std::string_view("decimal");
      if (lvl->legal && k != ilvl) fmt = "decimal";
      if (lvl->legal && k == ilvl && fmt != "decimalZero") fmt = "decimal";
      out += format_number(k <= ilvl ? shown[k] : 0, fmt);
      ++i;
    } else {
      out += t[i];
    }
  }
  return out;
}

namespace {

const char* const kDigitsZh[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

std::string chinese_counting(int n) {
  if (n <= 0) return std::to_string(n);
  if (n >= 10000) return std::to_string(n);
  std::string out;
  int thousands = n / 1000, hundreds = n / 100 % 10, tens = n / 10 % 10, ones = n % 10;
  bool zero = false;
  if (thousands) out += std::string(kDigitsZh[thousands]) + "千";
  if (hundreds) out += std::string(kDigitsZh[hundreds]) + "百";
  else if (thousands && (tens || ones)) zero = true;
  if (tens) {
    if (zero) out += "〇";
    zero = false;
    if (!(tens == 1 && n < 20)) out += kDigitsZh[tens];
    out += "十";
  } else if ((thousands || hundreds) && ones) {
    zero = true;
  }
  if (ones) {
    if (zero) out += "〇";
    out += kDigitsZh[ones];
  }
  return out;
}

std::string letters(int n, char base) {
  if (n <= 0) return std::to_string(n);
  // Word repeats the letter: 27 → AA, 28 → BB.
  int count = (n - 1) / 26 + 1;
  return std::string(static_cast<size_t>(count), static_cast<char>(base + (n - 1) % 26));
}

std::string roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const std::pair<int, const char*> kParts[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
                                                       {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [v, s] : kParts)
    while (n >= v) {
      out += s;
      n -= v;
    }
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) s += static_cast<char>(c);
  else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

}  // namespace

std::string format_number(int n, std::string_view f) {
  if (f == "chineseCounting" || f == "chineseCountingThousand" || f == "japaneseCounting") return chinese_counting(n);
  if (f == "ideographTraditional" && n >= 1 && n <= 10) {
    static const char* const kStems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    return kStems[n - 1];
  }
  if (f == "decimalEnclosedCircle" || f == "decimalEnclosedCircleChinese") {
    if (n >= 1 && n <= 20) return utf8(0x2460 + static_cast<char32_t>(n - 1));
    return std::to_string(n);
  }
  if (f == "decimalEnclosedParen" && n >= 1 && n <= 20) return utf8(0x2474 + static_cast<char32_t>(n - 1));
  if (f == "decimalZero") return (n >= 0 && n < 10 ? "0" : "") + std::to_string(n);
  if (f == "upperLetter") return letters(n, 'A');
  if (f == "lowerLetter") return letters(n, 'a');
  if (f == "upperRoman") return roman(n, true);
  if (f == "lowerRoman") return roman(n, false);
  if (f == "decimalFullWidth" || f == "decimalFullWidth2") {
    std::string s, d = std::to_string(n);
    for (char c : d) s += c == '-' ? std::string("-") : utf8(0xFF10 + static_cast<char32_t>(c - '0'));
    return s;
  }
  if (f == "none") return "";
  return std::to_string(n);
}

}  // namespace bidfmt::docx
