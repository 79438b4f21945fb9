// Profile loading: YAML (yaml-cpp) → typed Profile, with units, unknown-key and line-numbered errors.
#include "profile/profile.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "core/error.h"
#include "core/file_io.h"
#include "core/resources.h"

namespace bidfmt::profile {
namespace {

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

struct NamedSize {
  const char* name;
  double pt;
};
// 字号 → points (../shared/standard/README.md).
const NamedSize kSizes[] = {{"初号", 42}, {"小初", 36}, {"一号", 26}, {"小一", 24}, {"二号", 22},
                            {"小二", 18}, {"三号", 16}, {"小三", 15}, {"四号", 14}, {"小四", 12},
                            {"五号", 10.5}, {"小五", 9}, {"六号", 7.5}, {"小六", 6.5}, {"七号", 5.5},
                            {"八号", 5}};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

double number_before(const std::string& s, const std::string& suffix) {
  std::string n = s.substr(0, s.size() - suffix.size());
  size_t used = 0;
  double v = std::stod(n, &used);
  if (used != n.size() || !std::isfinite(v)) throw std::invalid_argument(s);
  return v;
}

}  // namespace

HalfPoints parse_font_size(const std::string& s) {
  for (const NamedSize& n : kSizes)
    if (s == n.name || s == std::string(n.name) + "字号" || s + "号" == std::string(n.name))
      return HalfPoints::from_pt(n.pt);
  if (ends_with(s, "pt")) {
    double v = number_before(s, "pt");
    if (v <= 0 || v > 1638) throw std::invalid_argument(s);
    return HalfPoints::from_pt(v);
  }
  throw std::invalid_argument(s);
}

std::string font_size_name(HalfPoints size) {
  for (const NamedSize& n : kSizes)
    if (HalfPoints::from_pt(n.pt) == size) return n.name;
  std::string s = std::to_string(size.pt());
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s + "pt";
}

Twips parse_length(const std::string& s) {
  if (s == "0") return Twips{0};
  double mm;
  if (ends_with(s, "mm")) mm = number_before(s, "mm");
  else if (ends_with(s, "cm")) mm = number_before(s, "cm") * 10;
  else if (ends_with(s, "pt")) mm = number_before(s, "pt") * 25.4 / 72;
  else throw std::invalid_argument(s);
  // Word's largest page is 558.8 mm (22 in); nothing in a profile is longer than a metre.
  if (!(std::fabs(mm) <= 1000)) throw std::invalid_argument(s);
  if (ends_with(s, "pt")) return Twips::from_pt(number_before(s, "pt"));
  return Twips::from_mm(mm);
}

FirstLineIndent parse_indent(const std::string& s) {
  FirstLineIndent ind;
  if (ends_with(s, "字符")) {
    const double chars = number_before(s, "字符");
    if (!(chars >= 0 && chars <= 100)) throw std::invalid_argument(s);
    ind.chars100 = static_cast<int>(std::lround(chars * 100));
    return ind;
  }
  ind.length = parse_length(s);
  return ind;
}

double parse_multiple(const std::string& s) {
  std::string t = ends_with(s, "倍") ? s.substr(0, s.size() - std::string("倍").size()) : s;
  size_t used = 0;
  double v = std::stod(t, &used);
  if (used != t.size() || !(v > 0 && v < 10)) throw std::invalid_argument(s);
  return v;
}

namespace {

// ---------------------------------------------------------------------------------------------
// A YAML map reader that knows every key it was asked for, so leftovers are reported.
// ---------------------------------------------------------------------------------------------

// Which file gave each value when profiles are layered (extends, --override): dotted key → file.
struct Origins {
  std::string main;
  std::map<std::string, std::string> by_key;
  // The files in the order they were laid on (an `extends` base first, override files last), and
  // which of them are override files (a tender's requirements).
  std::vector<std::string> layers;
  std::set<std::string> overrides;
  size_t rank(const std::string& file) const {
    auto it = std::find(layers.begin(), layers.end(), file);
    return it == layers.end() ? 0 : static_cast<size_t>(it - layers.begin());
  }
  // The file of `dotted` or of its nearest parent that has one.
  const std::string& file(std::string dotted) const {
    for (;;) {
      auto it = by_key.find(dotted);
      if (it != by_key.end()) return it->second;
      size_t dot = dotted.rfind('.');
      if (dot == std::string::npos) return main;
      dotted.resize(dot);
    }
  }
};

class Map {
 public:
  Map(const YAML::Node& node, std::string path, const Origins& source)
      : node_(node), path_(std::move(path)), source_(source) {
    if (!node.IsMap()) fail(node, "应为键值映射", "expected a mapping");
  }
  ~Map() noexcept(false) {
    if (std::uncaught_exceptions()) return;
    for (const auto& kv : node_) {
      if (!kv.first.IsScalar()) fail(kv.first, "键应为文本", "keys must be plain text");
      std::string key = kv.first.Scalar();
      if (!used_.count(key))
        fail_at(dotted(key), kv.first, "未知的键「" + dotted(key) + "」", "unknown key '" + dotted(key) + "'");
    }
  }
  Map(const Map&) = delete;
  Map& operator=(const Map&) = delete;

  bool has(const std::string& key) const { return static_cast<bool>(node_[key]); }
  YAML::Node node(const std::string& key) {
    used_.insert(key);
    YAML::Node n = node_[key];
    if (!n) fail(node_, "缺少键「" + dotted(key) + "」", "missing key '" + dotted(key) + "'");
    return n;
  }
  Map sub(const std::string& key) { return Map(node(key), dotted(key), source_); }
  std::string str(const std::string& key) {
    YAML::Node n = node(key);
    if (!n.IsScalar()) fail_at(dotted(key), n, "「" + dotted(key) + "」应为文本", "'" + dotted(key) + "' must be a scalar");
    return n.as<std::string>();
  }
  std::string str_or(const std::string& key, const std::string& def) { return has(key) ? str(key) : (used_.insert(key), def); }
  bool boolean(const std::string& key) {
    YAML::Node n = node(key);
    bool b;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, b))
      fail_at(dotted(key), n, "「" + dotted(key) + "」应为 true 或 false", "'" + dotted(key) + "' must be true or false");
    return b;
  }
  // A mapping of text to text, in the file's order; keys and values non-empty.
  std::vector<std::pair<std::string, std::string>> pairs(const std::string& key) {
    YAML::Node n = node(key);
    if (!n.IsMap() || n.size() == 0)
      fail_at(dotted(key), n, "「" + dotted(key) + "」应为非空的文本映射(如 米: m)", "'" + dotted(key) + "' must be a non-empty mapping of text to text (e.g. 米: m)");
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& kv : n) {
      if (!kv.first.IsScalar() || !kv.second.IsScalar() || kv.first.Scalar().empty() || kv.second.Scalar().empty())
        fail_at(dotted(key), kv.first, "「" + dotted(key) + "」的键和值都应为非空文本", "'" + dotted(key) + "': keys and values must be non-empty text");
      out.emplace_back(kv.first.Scalar(), kv.second.Scalar());
    }
    return out;
  }
  bool boolean_or(const std::string& key, bool def) { return has(key) ? boolean(key) : (used_.insert(key), def); }
  int integer(const std::string& key, int lo, int hi) {
    YAML::Node n = node(key);
    int v;
    if (!n.IsScalar() || !YAML::convert<int>::decode(n, v) || v < lo || v > hi)
      fail_at(dotted(key), n, "「" + dotted(key) + "」应为 " + std::to_string(lo) + "–" + std::to_string(hi) + " 的整数",
           "'" + dotted(key) + "' must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
    return v;
  }
  // A share of something, more than 0 and at most 1 (e.g. 0.5: half a page).
  double fraction(const std::string& key) {
    YAML::Node n = node(key);
    double v;
    if (!n.IsScalar() || !YAML::convert<double>::decode(n, v) || !(v > 0 && v <= 1))
      fail_at(dotted(key), n, "「" + dotted(key) + "」应为大于 0、不大于 1 的小数(如 0.5)",
              "'" + dotted(key) + "' must be a number more than 0 and at most 1 (e.g. 0.5)");
    return v;
  }
  // A positive number up to `hi` (e.g. a resolution in dots per inch).
  double positive(const std::string& key, double hi) {
    YAML::Node n = node(key);
    double v;
    if (!n.IsScalar() || !YAML::convert<double>::decode(n, v) || !(v > 0 && v <= hi))
      fail_at(dotted(key), n, "「" + dotted(key) + "」应为大于 0、不大于 " + std::to_string(static_cast<int>(hi)) + " 的数",
              "'" + dotted(key) + "' must be a number more than 0 and at most " + std::to_string(static_cast<int>(hi)));
    return v;
  }
  template <typename T, typename F>
  T unit(const std::string& key, F parse, const char* forms) {
    std::string s = str(key);
    try {
      return parse(s);
    } catch (const std::exception&) {
      fail_at(dotted(key), node_[key], "「" + dotted(key) + "」的值「" + s + "」无法识别(可用形式:" + forms + ")",
           "'" + dotted(key) + "': cannot read '" + s + "' (accepted: " + forms + ")");
    }
  }
  HalfPoints size(const std::string& key) { return unit<HalfPoints>(key, parse_font_size, "小四, 12pt"); }
  Twips length(const std::string& key) { return unit<Twips>(key, parse_length, "25mm, 12pt, 2.5cm"); }
  // A page length: never negative; a paper size more than zero.
  Twips page_length(const std::string& key, bool paper_size = false) {
    Twips t = length(key);
    if (paper_size ? t.v <= 0 : t.v < 0)
      fail_at(dotted(key), node_[key], "「" + dotted(key) + "」应" + (paper_size ? "大于 0" : "不小于 0"),
              "'" + dotted(key) + "' must be " + (paper_size ? "more than 0" : "0 or more"));
    return t;
  }
  FirstLineIndent indent(const std::string& key) { return unit<FirstLineIndent>(key, parse_indent, "2字符, 0字符, 7.4mm"); }
  LineSpacing240 multiple(const std::string& key) {
    return LineSpacing240::from_multiple(unit<double>(key, parse_multiple, "1.5, 1.5倍"));
  }
  Align align(const std::string& key) {
    std::string a = str(key);
    if (a != "left" && a != "center" && a != "right" && a != "both")
      fail_at(dotted(key), node_[key], "「" + dotted(key) + "」应为 left/center/right/both", "'" + dotted(key) + "' must be left, center, right or both");
    return a;
  }
  const std::string& path() const { return path_; }
  const Origins& source() const { return source_; }

  [[noreturn]] void fail(const YAML::Node& n, const std::string& zh, const std::string& en) const {
    fail_at(path_, n, zh, en);
  }
  [[noreturn]] void fail_at(const std::string& dotted_key, const YAML::Node& n, const std::string& zh,
                            const std::string& en) const {
    throw Error(source_.file(dotted_key), n.Mark().is_null() ? 0 : n.Mark().line + 1, zh, en);
  }

 private:
  std::string dotted(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  YAML::Node node_;
  std::string path_;
  const Origins& source_;
  std::set<std::string> used_;
};

NumberLevel read_number(Map m) {
  NumberLevel n;
  n.format = m.str("format");
  n.text = m.str("text");
  n.suffix = m.str_or("suffix", "nothing");
  n.legal = m.boolean_or("legal", false);
  static const std::set<std::string> formats = {"decimal", "chineseCounting", "chineseCountingThousand",
                                                "decimalEnclosedCircle", "upperLetter", "lowerLetter",
                                                "upperRoman", "lowerRoman", "ideographTraditional", "bullet"};
  if (!formats.count(n.format))
    m.fail(m.node("format"), "未知的编号格式「" + n.format + "」", "unknown number format '" + n.format + "'");
  if (n.suffix != "nothing" && n.suffix != "space" && n.suffix != "tab")
    m.fail(m.node("suffix"), "suffix 应为 nothing/space/tab", "suffix must be nothing, space or tab");
  return n;
}

Border read_border(Map m) {
  Border b;
  b.style = m.str("style");
  if (b.style == "none" || b.style == "nil") {
    b.style = "none";
    return b;
  }
  b.width = EighthPoints::from_pt(m.length("width").pt());
  return b;
}

void read_caption(Map m, const Profile& p, Caption& c) {
  c.label = m.str("label");
  c.number = m.str("number");
  c.number_without_h2 = m.str("number_without_h2");
  c.separator = m.str("separator");
  c.position = m.str("position");
  c.restart_level = m.integer("restart_level", 1, 6);
  c.untitled = m.str("untitled");
  if (c.untitled != "heading" && c.untitled != "none")
    m.fail(m.node("untitled"), "untitled 应为 heading 或 none", "untitled must be heading or none");
  if (c.position != "above" && c.position != "below")
    m.fail(m.node("position"), "position 应为 above 或 below", "position must be above or below");
  c.format = p.body;  // every TextFormat starts from the body's values; its keys override them
  c.format.size = m.size("size");
  c.format.bold = m.boolean("bold");
  c.format.align = m.align("align");
  c.format.first_line = FirstLineIndent{};
  if (m.has("font_east_asia")) c.format.fonts.east_asia = m.str("font_east_asia");
  if (m.has("font_latin")) c.format.fonts.latin = m.str("font_latin");
}

}  // namespace

std::string Caption::number_for(const std::vector<int>& counters, int n) const {
  auto counter = [&](size_t k) { return k < counters.size() ? counters[k] : 0; };
  // `number` names {h1}…{h6}; fall back when one of them has not started (is 0).
  std::string pattern = number;
  for (size_t k = 0; k < 6; ++k)
    if (pattern.find("{h" + std::to_string(k + 1) + "}") != std::string::npos && counter(k) == 0) {
      pattern = number_without_h2;
      break;
    }
  for (size_t k = 0; k < 6; ++k) {
    std::string key = "{h" + std::to_string(k + 1) + "}";
    for (size_t pos; (pos = pattern.find(key)) != std::string::npos;) pattern.replace(pos, key.size(), std::to_string(counter(k)));
  }
  for (size_t pos; (pos = pattern.find("{n}")) != std::string::npos;) pattern.replace(pos, 3, std::to_string(n));
  return pattern;
}

const char* class_name(ValueClass c) {
  switch (c) {
    case ValueClass::required: return "required";
    case ValueClass::interpreted: return "interpreted";
    default: return "default";
  }
}

const Basis* Profile::basis_of(std::string_view key) const {
  std::string k(key);
  for (;;) {
    auto it = basis.find(k);
    if (it != basis.end()) return &it->second;
    size_t dot = k.rfind('.');
    if (dot == std::string::npos) return nullptr;
    k.resize(dot);
  }
}

ValueClass Profile::class_of(std::string_view key) const {
  if (const Basis* b = basis_of(key)) return b->cls;
  // A group classified value by value: the strongest of them.
  const std::string prefix = std::string(key) + ".";
  bool any = false;
  ValueClass strongest = ValueClass::default_value;
  for (auto it = basis.lower_bound(prefix); it != basis.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    any = true;
    strongest = std::max(strongest, it->second.cls);
  }
  return any ? strongest : ValueClass::required;
}

const HeadingLevel* Profile::heading(int level) const {
  for (const HeadingLevel& h : headings)
    if (h.level == level) return &h;
  return nullptr;
}

namespace {

Profile parse_node(const YAML::Node& root, const Origins& source);

// ---------------------------------------------------------------------------------------------
// basis: the class of every value (required / interpreted / default), validated
// ---------------------------------------------------------------------------------------------

// Keys that name, not format: they have no class.
bool exempt_from_class(const std::string& dotted) {
  if (dotted == "id" || dotted == "name" || dotted == "extends" || dotted == "basis" || dotted.rfind("basis.", 0) == 0) return true;
  if (dotted == "quotes" || dotted.rfind("quotes.", 0) == 0) return true;  // the standard's sentences, by rule ID
  if (dotted.rfind("headings.", 0) == 0) {
    size_t dot = dotted.find('.', 9);
    if (dot != std::string::npos) {
      std::string field = dotted.substr(dot + 1);
      return field == "level" || field == "rule";
    }
  }
  return false;
}

// The node a dotted key names in the resolved profile (list items by 1-based number), or none.
YAML::Node node_at(const YAML::Node& root, const std::string& dotted) {
  YAML::Node n;
  n.reset(root);  // (assigning a Node would write into the node it refers to)
  size_t start = 0;
  while (start <= dotted.size()) {
    size_t dot = dotted.find('.', start);
    std::string part = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (n.IsMap()) {
      const YAML::Node child = static_cast<const YAML::Node&>(n)[part];
      if (!child) return YAML::Node(YAML::NodeType::Undefined);
      n.reset(child);
    } else if (n.IsSequence()) {
      size_t used = 0;
      int i = 0;
      try {
        i = std::stoi(part, &used);
      } catch (const std::exception&) {
        return YAML::Node(YAML::NodeType::Undefined);
      }
      if (used != part.size() || i < 1 || static_cast<size_t>(i) > n.size()) return YAML::Node(YAML::NodeType::Undefined);
      n.reset(static_cast<const YAML::Node&>(n)[static_cast<size_t>(i) - 1]);
    } else {
      return YAML::Node(YAML::NodeType::Undefined);
    }
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return n;
}

// Every value of the resolved profile: (dotted key, node), in document order.
void leaves(const YAML::Node& n, const std::string& path, std::vector<std::pair<std::string, YAML::Node>>& out) {
  if (n.IsMap()) {
    for (const auto& kv : n) {
      std::string dotted = path.empty() ? kv.first.Scalar() : path + "." + kv.first.Scalar();
      if (!exempt_from_class(dotted)) leaves(kv.second, dotted, out);
    }
  } else if (n.IsSequence()) {
    for (size_t i = 0; i < n.size(); ++i) leaves(n[i], path + "." + std::to_string(i + 1), out);
  } else {
    out.emplace_back(path, n);
  }
}

int line_of(const YAML::Node& n) { return n.Mark().is_null() ? 0 : n.Mark().line + 1; }

// Reads `basis:` and checks that every value has a class. Values an override file (the tender)
// sets are required: the tender says them. A value set in a later layer than the entry that
// classifies it keeps that entry's class (an `extends` child may restate it in its own basis:).
void read_basis(const YAML::Node& root, const Origins& source, Profile& p) {
  if (root["basis"]) {
    const YAML::Node b = root["basis"];
    if (!b.IsMap())
      throw Error(source.file("basis"), line_of(b), "basis 应为键值映射(值的键 → {required|interpreted|default: 说明})",
                  "basis must be a mapping (value key → {required|interpreted|default: text})");
    for (const auto& kv : b) {
      const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      const std::string entry = "basis." + key;
      auto bad = [&](const YAML::Node& at, const std::string& zh, const std::string& en) {
        throw Error(source.file(entry), line_of(at), zh, en);
      };
      if (key.empty()) bad(kv.first, "basis 的键应为值的键(如 page.margin_top)", "a basis key names a value (e.g. page.margin_top)");
      if (exempt_from_class(key))
        bad(kv.first, "basis 中的「" + key + "」不是格式配置中的值", "basis names '" + key + "', which is not a value of the profile");
      if (!node_at(root, key).IsDefined()) {
        // A later layer that replaced a list or group (a tender's headings:) leaves the earlier
        // layers' entries beneath it without a value: they lapse. Any other such key is a typo.
        std::string above = key;
        while (!above.empty() && !node_at(root, above).IsDefined()) {
          const size_t dot = above.rfind('.');
          above.resize(dot == std::string::npos ? 0 : dot);
        }
        if (above.empty() || source.rank(source.file(entry)) >= source.rank(source.file(above)))
          bad(kv.first, "basis 中的「" + key + "」不是格式配置中的值", "basis names '" + key + "', which is not a value of the profile");
        continue;
      }
      const YAML::Node& v = kv.second;
      if (!v.IsMap() || v.size() != 1 || !v.begin()->first.IsScalar() || !v.begin()->second.IsScalar())
        bad(v, "basis.「" + key + "」应为 {required: 标准原文} 、{interpreted: 解读} 或 {default: 理由}",
            "basis '" + key + "' must be {required: the sentence}, {interpreted: the reading} or {default: the reason}");
      const std::string cls = v.begin()->first.Scalar(), text = v.begin()->second.Scalar();
      Basis basis;
      basis.file = source.file(entry);
      basis.text = text;
      if (cls == "required") basis.cls = ValueClass::required;
      else if (cls == "interpreted") basis.cls = ValueClass::interpreted;
      else if (cls == "default") basis.cls = ValueClass::default_value;
      else bad(v, "basis.「" + key + "」的类别「" + cls + "」未知(可用 required、interpreted、default)",
               "basis '" + key + "': unknown class '" + cls + "' (required, interpreted, default)");
      if (text.find_first_not_of(" \t") == std::string::npos)
        bad(v, "basis.「" + key + "」缺少说明(required 引用标准原文,interpreted 写明解读,default 写明理由)",
            "basis '" + key + "' needs its text (required: the sentence quoted; interpreted: the reading; default: the reason)");
      if (source.overrides.count(basis.file) && basis.cls != ValueClass::required)
        bad(v, "覆盖文件是招标文件的要求,其中的类别只能是 required", "an override file holds the tender's requirements: its class can only be required");
      p.basis[key] = std::move(basis);
    }
  }
  std::vector<std::pair<std::string, YAML::Node>> values;
  leaves(root, "", values);
  for (const auto& [key, node] : values) {
    const std::string& file = source.file(key);
    const Basis* b = p.basis_of(key);
    if (source.overrides.count(file) && (!b || source.rank(b->file) < source.rank(file)))
      p.basis[key] = Basis{ValueClass::required, "招标文件要求(" + file + ")", file};
    else if (!b)
      throw Error(file, line_of(node),
                  "「" + key + "」没有类别:在 basis: 中写明 required(引用标准原文)、interpreted(写明解读)或 default(标准未规定,写明理由)",
                  "'" + key + "' has no class: give it in basis: as required (quote the standard), interpreted (the reading) or default (not set by the standard; the reason)");
  }
}


YAML::Node load_yaml(const std::string& text, const std::string& source) {
  try {
    YAML::Node n = YAML::Load(text);
    if (!n.IsMap()) throw Error(source, 1, "格式配置应为键值映射", "a profile must be a mapping");
    return n;
  } catch (const YAML::Exception& e) {
    throw Error(source, e.mark.is_null() ? 0 : e.mark.line + 1, "YAML 格式错误:" + e.msg, "malformed YAML: " + e.msg);
  }
}

// Deep merge: maps merge key by key, anything else (scalars, lists) is replaced whole.
// Records in `origins` which source each value now comes from.
void merge(YAML::Node base, const YAML::Node& top, const std::string& path, const std::string& source, Origins& origins) {
  for (const auto& kv : top) {
    if (!kv.first.IsScalar())
      throw Error(source, kv.first.Mark().is_null() ? 0 : kv.first.Mark().line + 1, "键应为文本", "keys must be plain text");
    std::string key = kv.first.Scalar();
    std::string dotted = path.empty() ? key : path + "." + key;
    // A `basis:` entry ({required: …}) is replaced whole: a layer restates a value's class.
    if (kv.second.IsMap() && base[key] && base[key].IsMap() && path != "basis") {
      merge(base[key], kv.second, dotted, source, origins);
    } else {
      base[key] = kv.second;
      for (auto it = origins.by_key.lower_bound(dotted + "."); it != origins.by_key.end() && it->first.rfind(dotted + ".", 0) == 0;)
        it = origins.by_key.erase(it);
      origins.by_key[dotted] = source;
    }
  }
}

struct Located {
  std::string text, source, dir;  // dir: where relative `extends` paths resolve
  std::string identity;            // for cycle detection
};

Located locate(const std::string& name_or_path, const std::string& relative_to) {
  if (auto data = core::resource("styles/" + name_or_path + ".yaml"))
    return {std::string(*data), "styles/" + name_or_path + ".yaml", "", "bundled:" + name_or_path};
  namespace fs = std::filesystem;
  fs::path path = name_or_path;
  if (path.is_relative() && !relative_to.empty()) path = fs::path(relative_to) / path;
  std::error_code ec;
  if (name_or_path.find('/') == std::string::npos && !ends_with(name_or_path, ".yaml") && !fs::exists(path, ec)) {
    std::string known;
    for (const std::string& n : bundled_names()) known += (known.empty() ? "" : ", ") + n;
    throw Error(name_or_path, 0, "未知的格式配置(已内置:" + known + ")", "unknown profile (bundled: " + known + ")");
  }
  std::string text = core::read_file(path.string(), 16u << 20);  // a profile is a few KiB; yaml-cpp needs ~50× in nodes
  return {text, path.string(), path.parent_path().string(), fs::weakly_canonical(path, ec).string()};
}

// The profile's YAML with its `extends` chain merged underneath, newest on top.
YAML::Node resolve(const std::string& name_or_path, const std::string& relative_to, Origins& origins,
                   std::vector<std::string>& chain) {
  Located at = locate(name_or_path, relative_to);
  if (std::find(chain.begin(), chain.end(), at.identity) != chain.end())
    throw Error(at.source, 0, "格式配置的 extends 形成循环", "the profiles' extends form a cycle");
  chain.push_back(at.identity);
  YAML::Node own = load_yaml(at.text, at.source);
  YAML::Node result;
  if (own["extends"]) {
    if (!own["extends"].IsScalar())
      throw Error(at.source, own["extends"].Mark().line + 1, "extends 应为格式配置名或路径", "extends must name a profile");
    result = resolve(own["extends"].as<std::string>(), at.dir, origins, chain);
    own.remove("extends");
  } else {
    result = YAML::Node(YAML::NodeType::Map);
    origins.main = at.source;
  }
  merge(result, own, "", at.source, origins);
  origins.layers.push_back(at.source);
  return result;
}

// yaml-cpp throws its own exceptions for conversions the checks above did not foresee: each
// becomes an Error naming the file and line, like every other fault in a profile.
template <typename F>
auto yaml_errors_as_errors(const std::string& source, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const YAML::Exception& e) {
    throw Error(source, e.mark.is_null() ? 0 : e.mark.line + 1, "格式配置无法读取:" + e.msg, "cannot read the profile: " + e.msg);
  }
}

Profile parse_unguarded(const std::string& yaml_text, const std::string& source) {
  Origins origins;
  origins.main = source;
  YAML::Node root = load_yaml(yaml_text, source);
  if (root["extends"]) {
    if (!root["extends"].IsScalar())
      throw Error(source, root["extends"].Mark().line + 1, "extends 应为格式配置名或路径", "extends must name a profile");
    std::vector<std::string> chain;
    YAML::Node base = resolve(root["extends"].as<std::string>(), "", origins, chain);
    root.remove("extends");
    merge(base, root, "", source, origins);
    root = base;
  }
  origins.layers.push_back(source);
  return parse_node(root, origins);
}

}  // namespace

Profile parse(const std::string& yaml_text, const std::string& source) {
  return yaml_errors_as_errors(source, [&] { return parse_unguarded(yaml_text, source); });
}

namespace {
Profile parse_values(const YAML::Node& root, const Origins& source) {
  Profile p;
  p.source = source.main;
  p.origins = source.by_key;
  Map top(root, "", source);
  p.id = top.str("id");
  p.name = top.str("name");

  {
    Map m = top.sub("page");
    p.page.width = m.page_length("width", true);
    p.page.height = m.page_length("height", true);
    p.page.margin_top = m.page_length("margin_top");
    p.page.margin_bottom = m.page_length("margin_bottom");
    p.page.margin_left = m.page_length("margin_left");
    p.page.margin_right = m.page_length("margin_right");
    p.page.gutter = m.page_length("gutter");
    std::string gutter_position = m.str("gutter_position");
    if (gutter_position != "left" && gutter_position != "top")
      m.fail(m.node("gutter_position"), "gutter_position 应为 left 或 top", "gutter_position must be left or top");
    p.page.gutter_position = gutter_position == "top" ? GutterPosition::top : GutterPosition::left;
    p.page.header_distance = m.page_length("header_distance");
    p.page.footer_distance = m.page_length("footer_distance");
    p.page.tolerance = m.page_length("tolerance");
    p.page.a3_width = m.page_length("a3_width", true);
    p.page.a3_height = m.page_length("a3_height", true);
    p.page.a3_at_end = m.boolean_or("a3_at_end", false);
    if (p.page.text_width().v <= 0)
      m.fail(m.node("width"), "页边距之和大于纸张宽度", "margins are wider than the page");
  }
  {
    Map m = top.sub("fonts");
    p.fonts.east_asia = m.str("east_asia");
    p.fonts.latin = m.str("latin");
  }
  {
    Map m = top.sub("body");
    TextFormat& b = p.body;
    b.fonts = p.fonts;
    b.size = m.size("size");
    b.align = m.align("align");
    b.first_line = m.indent("first_line_indent");
    b.indent_left = m.length("indent_left");
    b.indent_right = m.length("indent_right");
    b.space_before = m.length("space_before");
    b.space_after = m.length("space_after");
    b.line = m.multiple("line_spacing");
    b.character_spacing = m.length("character_spacing");
    p.quote_indent = m.indent("quote_indent");
  }
  {
    YAML::Node hs = top.node("headings");
    if (!hs.IsSequence() || hs.size() == 0) top.fail(hs, "headings 应为非空列表", "headings must be a non-empty list");
    for (size_t i = 0; i < hs.size(); ++i) {
      Map m(hs[i], "headings." + std::to_string(i + 1), source);
      HeadingLevel h;
      h.level = m.integer("level", 1, 6);
      if (h.level != static_cast<int>(i) + 1)
        m.fail(m.node("level"), "标题级别应按 1、2、3… 依次排列", "heading levels must be listed 1, 2, 3, … in order");
      h.rule = m.str("rule");
      h.number = read_number(m.sub("number"));
      h.format = p.body;
      h.format.fonts = p.fonts;
      if (m.has("font_east_asia")) h.format.fonts.east_asia = m.str("font_east_asia");
      if (m.has("font_latin")) h.format.fonts.latin = m.str("font_latin");
      h.format.size = m.size("size");
      h.format.bold = m.boolean("bold");
      h.format.align = m.align("align");
      h.format.first_line = m.indent("first_line_indent");
      // Optional, so that a tender's `headings:` need not say it: a heading keeps with what
      // follows it, a numbered paragraph below the headings (heading.depth) does not.
      h.keep_with_next = m.boolean_or("keep_with_next", h.rule != "heading.depth");
      p.headings.push_back(h);
    }
  }
  {
    Map m = top.sub("lists");
    YAML::Node ordered = m.node("ordered");
    if (!ordered.IsSequence() || ordered.size() == 0)
      m.fail(ordered, "lists.ordered 应为非空列表", "lists.ordered must be a non-empty list");
    for (size_t i = 0; i < ordered.size(); ++i)
      p.lists.ordered.push_back(read_number(Map(ordered[i], "lists.ordered." + std::to_string(i + 1), source)));
    // One glyph for every level, or a list: one per nesting level.
    YAML::Node bullet = m.node("bullet");
    if (bullet.IsSequence()) {
      for (size_t i = 0; i < bullet.size(); ++i) {
        if (!bullet[i].IsScalar()) m.fail(bullet[i], "lists.bullet 的每一项应为文本", "each lists.bullet entry must be text");
        p.lists.bullets.push_back(bullet[i].Scalar());
      }
    } else if (bullet.IsScalar()) {
      p.lists.bullets.push_back(bullet.Scalar());
    }
    if (p.lists.bullets.empty())
      m.fail(bullet, "lists.bullet 应为文本或非空列表", "lists.bullet must be text or a non-empty list");
    p.lists.first_line = m.indent("first_line_indent");
    p.lists.level_indent = m.indent("level_indent");
    p.lists.task_open = m.str("task_open");
    p.lists.task_done = m.str("task_done");
  }
  {
    Map m = top.sub("footnotes");
    TextFormat& f = p.footnote;
    f = p.body;
    f.size = m.size("size");
    f.line = m.multiple("line_spacing");
    f.align = m.align("align");
    f.first_line = m.indent("first_line_indent");
  }
  {
    Map m = top.sub("code");
    TextFormat& f = p.code;
    f = p.body;
    f.fonts.latin = m.str("font_latin");
    if (m.has("font_east_asia")) f.fonts.east_asia = m.str("font_east_asia");
    f.size = m.size("size");
    f.line = m.multiple("line_spacing");
    f.align = "left";
    f.first_line = m.indent("first_line_indent");
  }
  {
    Map m = top.sub("table");
    Table& t = p.table;
    t.align = m.align("align");
    t.text = p.body;
    t.text.size = m.size("size");
    t.text.line = m.multiple("line_spacing");
    t.text.first_line = FirstLineIndent{};
    t.cell_align = m.align("cell_align");
    t.text.align = t.cell_align;
    t.cell_valign = m.str("cell_valign");
    if (t.cell_valign != "top" && t.cell_valign != "center" && t.cell_valign != "bottom")
      m.fail(m.node("cell_valign"), "cell_valign 应为 top/center/bottom", "cell_valign must be top, center or bottom");
    t.header_align = m.align("header_align");
    t.header_bold = m.boolean("header_bold");
    t.header_repeat = m.boolean("header_repeat");
    t.top = read_border(m.sub("border_top"));
    t.bottom = read_border(m.sub("border_bottom"));
    t.left = read_border(m.sub("border_left"));
    t.right = read_border(m.sub("border_right"));
    t.inside_h = read_border(m.sub("border_inside_h"));
    t.inside_v = read_border(m.sub("border_inside_v"));
  }
  {
    Map m = top.sub("captions");
    read_caption(m.sub("table"), p, p.table_caption);
    read_caption(m.sub("figure"), p, p.figure_caption);
  }
  {
    Map m = top.sub("figures");
    p.figures.align = m.align("align");
    p.figures.line = m.multiple("line_spacing");
    p.figures.dpi = m.positive("dpi", 10000);
    p.figures.max_width = m.fraction("max_width");
    p.figures.max_height = m.fraction("max_height");
  }
  {
    Map m = top.sub("header");
    HeaderFooter& hf = p.header_footer;
    hf.header_left = m.str("left");
    hf.header_right = m.str("right");
    hf.header_size = m.size("size");
    hf.header_align = m.align("align");
    hf.header_line = m.multiple("line_spacing");
    hf.header_rule_below = m.boolean("rule_below");
    hf.header_rule = read_border(m.sub("rule"));
    hf.header_rule_space = m.page_length("rule_space");
    hf.header_on_cover = m.boolean("on_cover");
    hf.header_on_toc = m.boolean("on_toc");
  }
  {
    Map m = top.sub("footer");
    HeaderFooter& hf = p.header_footer;
    hf.footer_text = m.str("text");
    if (hf.footer_text.find("{page}") == std::string::npos)
      m.fail(m.node("text"), "footer.text 必须包含 {page}", "footer.text must contain {page}");
    hf.footer_size = m.size("size");
    hf.footer_align = m.align("align");
    hf.footer_line = m.multiple("line_spacing");
    hf.restart_at_body = m.boolean("restart_at_body");
  }
  {
    Map m = top.sub("toc");
    p.toc.title = m.str("title");
    p.toc.levels = m.integer("levels", 1, 6);
    p.toc.line = m.multiple("line_spacing");
    p.toc.title_size = m.size("title_size");
    p.toc.title_bold = m.boolean("title_bold");
    p.toc.title_align = m.align("title_align");
    p.toc.entry_align = m.align("entry_align");
    p.toc.level_indent = m.indent("level_indent");
  }
  {
    Map m = top.sub("cover");
    p.cover.label = m.str("label");
    p.cover.top_space = m.length("top_space");
    p.cover.label_space = m.length("label_space");
    p.cover.title_size = m.size("title_size");
    p.cover.project_size = m.size("project_size");
    p.cover.text_size = m.size("text_size");
    p.cover.bold = m.boolean("bold");
    p.cover.align = m.align("align");
    p.cover.line = m.multiple("line_spacing");
  }
  if (top.has("text")) {
    Map m = top.sub("text");
    p.text.units = m.boolean_or("units", false);
    p.text.punctuation = m.boolean_or("punctuation", false);
    // The words are data for the rules; needed where a rule is on (a profile may carry them for
    // a tender override that turns the rule on).
    if (p.text.units || m.has("unit_words")) p.text.unit_words = m.pairs("unit_words");
    if (p.text.punctuation || m.has("marks")) p.text.marks = m.pairs("marks");
  }
  if (top.has("output")) {
    Map m = top.sub("output");
    p.output.per_chapter = m.boolean("per_chapter");
    p.output.word2003 = m.boolean("word2003");
  }
  if (top.has("render")) {
    Map m = top.sub("render");
    p.render.short_last_page = m.boolean_or("short_last_page", false);
    p.render.table_same_width = m.boolean_or("table_same_width", false);
    // Their values are needed only where the rules are on.
    if (p.render.short_last_page || m.has("last_page_min_fill")) p.render.last_page_min_fill = m.fraction("last_page_min_fill");
    if (p.render.table_same_width || m.has("table_width_tolerance")) p.render.table_width_tolerance = m.length("table_width_tolerance");
  }
  p.anonymous = top.boolean_or("anonymous", false);
  if (p.toc.levels > static_cast<int>(p.headings.size()))
    top.fail_at("toc.levels", top.node("toc"), "toc.levels 大于标题级数", "toc.levels exceeds the number of heading levels");
  for (const Caption* c : {&p.table_caption, &p.figure_caption})
    if (c->restart_level > static_cast<int>(p.headings.size()))
      top.fail_at("captions", top.node("captions"), "captions.*.restart_level 大于标题级数",
                  "captions.*.restart_level exceeds the number of heading levels");
  if (top.has("assumptions"))
    top.fail_at("assumptions", top.node("assumptions"), "assumptions: 已由 basis: 取代:每个值写明 required、interpreted 或 default(见 docs/profile-format.md)",
                "assumptions: is replaced by basis: give every value required, interpreted or default (docs/profile-format.md)");
  if (top.has("basis")) top.node("basis");  // read by read_basis, once every key is known
  if (top.has("quotes"))
    for (auto& [rule, sentence] : top.pairs("quotes")) p.quotes[rule] = sentence;
  return p;
}

Profile parse_node(const YAML::Node& root, const Origins& source) {
  Profile p = parse_values(root, source);  // unknown keys are reported first (before a walk over them)
  read_basis(root, source, p);
  return p;
}
}  // namespace

namespace {
// Each value with the file it came from and its class (「# styles/xx-2014.yaml · required」); list
// items are written one by one so that every heading level's values carry their own class.
void emit_with_origins(YAML::Emitter& out, const YAML::Node& node, const std::string& path, const Origins& origins,
                       const Profile& resolved) {
  auto comment = [&](const std::string& dotted) {
    std::string c = origins.file(dotted);
    if (dotted.rfind("basis.", 0) != 0 && dotted != "id" && dotted != "name" && !exempt_from_class(dotted))
      c += std::string(" · ") + class_name(resolved.class_of(dotted));
    return YAML::Comment(c);
  };
  if (node.IsMap()) {
    out << YAML::BeginMap;
    for (const auto& kv : node) {
      std::string key = kv.first.as<std::string>();
      std::string dotted = path.empty() ? key : path + "." + key;
      out << YAML::Key << key << YAML::Value;
      if (kv.second.IsMap() || (kv.second.IsSequence() && path.rfind("basis", 0) != 0 && key != "basis")) {
        emit_with_origins(out, kv.second, dotted, origins, resolved);
      } else {
        out << kv.second << comment(dotted);
      }
    }
    out << YAML::EndMap;
  } else if (node.IsSequence()) {
    out << YAML::BeginSeq;
    for (size_t i = 0; i < node.size(); ++i) {
      std::string dotted = path + "." + std::to_string(i + 1);
      if (node[i].IsMap() || node[i].IsSequence()) emit_with_origins(out, node[i], dotted, origins, resolved);
      else out << node[i] << comment(dotted);
    }
    out << YAML::EndSeq;
  } else {
    out << node;
  }
}

std::string describe_unguarded(const std::string& name_or_path, const std::vector<std::string>& overrides,
                               const Profile& resolved) {
  Origins origins;
  std::vector<std::string> chain;
  YAML::Node root = resolve(name_or_path, "", origins, chain);
  for (const std::string& o : overrides) {
    Located at = locate(o, "");
    merge(root, load_yaml(at.text, at.source), "", at.source, origins);
  }
  YAML::Emitter out;
  out.SetIndent(2);
  emit_with_origins(out, root, "", origins, resolved);
  return std::string(out.c_str()) + "\n";
}
}  // namespace

std::string describe(const std::string& name_or_path, const std::vector<std::string>& overrides) {
  const Profile resolved = load(name_or_path, overrides);  // validates; throws with file and line
  return yaml_errors_as_errors(name_or_path, [&] { return describe_unguarded(name_or_path, overrides, resolved); });
}

std::vector<std::string> bundled_names() {
  std::vector<std::string> names;
  for (const core::Resource& r : core::resources()) {
    std::string n(r.name);
    if (n.rfind("styles/", 0) == 0 && ends_with(n, ".yaml")) names.push_back(n.substr(7, n.size() - 12));
  }
  return names;
}

namespace {
Profile load_unguarded(const std::string& name_or_path, const std::vector<std::string>& overrides) {
  Origins origins;
  std::vector<std::string> chain;
  YAML::Node root = resolve(name_or_path, "", origins, chain);
  std::string top_source = origins.main;
  for (const std::string& o : overrides) {
    Located at = locate(o, "");
    YAML::Node layer = load_yaml(at.text, at.source);
    if (layer["extends"]) throw Error(at.source, layer["extends"].Mark().line + 1, "覆盖文件不能使用 extends", "an override file cannot use extends");
    merge(root, layer, "", at.source, origins);
    origins.layers.push_back(at.source);
    origins.overrides.insert(at.source);
  }
  // Keys never overridden come from the file that defined them; record the rest under main.
  origins.main = top_source;
  Profile p = parse_node(root, origins);
  p.source = locate(name_or_path, "").source;
  return p;
}
}  // namespace

Profile load(const std::string& name_or_path, const std::vector<std::string>& overrides) {
  return yaml_errors_as_errors(name_or_path, [&] { return load_unguarded(name_or_path, overrides); });
}

}  // namespace bidfmt::profile
