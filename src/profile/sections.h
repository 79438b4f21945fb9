// Internal to the profile layer: the YAML map reader that reports unknown keys and names file and
// line in every error, and one reader per top-level section of a profile (page:, body:, …).
// profile.cpp lays the files on one another and calls the readers in order; sections.cpp holds them.
#pragma once
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <exception>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "profile/profile.h"

namespace bidfmt::profile::detail {

// The 1-based line of a node; 0 for a node made by the merge rather than read from a file.
inline int line_of(const YAML::Node& n) { return n.Mark().is_null() ? 0 : n.Mark().line + 1; }

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
  Map(const YAML::Node& node, std::string path, const Origins& source) : node_(node), path_(std::move(path)), source_(source) {
    if (!node.IsMap()) fail(node, "应为键值映射", "expected a mapping");
  }
  ~Map() noexcept(false) {
    if (std::uncaught_exceptions()) return;
    for (const auto& kv : node_) {
      if (!kv.first.IsScalar()) fail(kv.first, "键应为文本", "keys must be plain text");
      std::string key = kv.first.Scalar();
      if (!used_.count(key)) fail_at(dotted(key), kv.first, "未知的键「" + dotted(key) + "」", "unknown key '" + dotted(key) + "'");
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
      fail_at(dotted(key), n, "「" + dotted(key) + "」应为非空的文本映射(如 米: m)",
              "'" + dotted(key) + "' must be a non-empty mapping of text to text (e.g. 米: m)");
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& kv : n) {
      if (!kv.first.IsScalar() || !kv.second.IsScalar() || kv.first.Scalar().empty() || kv.second.Scalar().empty())
        fail_at(dotted(key), kv.first, "「" + dotted(key) + "」的键和值都应为非空文本",
                "'" + dotted(key) + "': keys and values must be non-empty text");
      out.emplace_back(kv.first.Scalar(), kv.second.Scalar());
    }
    return out;
  }
  bool boolean_or(const std::string& key, bool def) { return has(key) ? boolean(key) : (used_.insert(key), def); }
  // A value that is data for a rule (text.unit_words, render.last_page_min_fill): read with
  // `read` where the rule is on, so it must be given then, or where the profile gives it anyway
  // (for a tender override that turns the rule on); else `out` keeps its default.
  template <typename T>
  void needed_by(bool rule_on, const std::string& key, T& out, T (Map::*read)(const std::string&)) {
    if (rule_on || has(key)) out = (this->*read)(key);
  }
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
  LineSpacing240 multiple(const std::string& key) { return LineSpacing240::from_multiple(unit<double>(key, parse_multiple, "1.5, 1.5倍")); }
  Align align(const std::string& key) {
    std::string a = str(key);
    if (a != "left" && a != "center" && a != "right" && a != "both")
      fail_at(dotted(key), node_[key], "「" + dotted(key) + "」应为 left/center/right/both",
              "'" + dotted(key) + "' must be left, center, right or both");
    return a;
  }
  // A colour as w:color takes it: six hex digits (RRGGBB) or auto.
  std::string color(const std::string& key) {
    std::string c = str(key);
    if (c != "auto" && (c.size() != 6 || c.find_first_not_of("0123456789ABCDEFabcdef") != std::string::npos))
      fail_at(dotted(key), node_[key], "「" + dotted(key) + "」应为六位十六进制颜色(如 000000)或 auto",
              "'" + dotted(key) + "' must be a six-digit hex colour (e.g. 000000) or auto");
    return c;
  }
  const std::string& path() const { return path_; }
  const Origins& source() const { return source_; }

  [[noreturn]] void fail(const YAML::Node& n, const std::string& zh, const std::string& en) const { fail_at(path_, n, zh, en); }
  [[noreturn]] void fail_at(const std::string& dotted_key, const YAML::Node& n, const std::string& zh, const std::string& en) const {
    throw Error(source_.file(dotted_key), n.Mark().is_null() ? 0 : n.Mark().line + 1, zh, en);
  }

 private:
  std::string dotted(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  YAML::Node node_;
  std::string path_;
  const Origins& source_;
  std::set<std::string> used_;
};

// ---------------------------------------------------------------------------------------------
// One reader per section, in the order parse reads them. Each fills its part of `p`; a section's
// unknown keys are reported when its Map goes (at the end of the call), before the next section.
// ---------------------------------------------------------------------------------------------

void read_page(Map m, Profile& p);
void read_fonts(Map m, Profile& p);
void read_body(Map m, Profile& p);         // after fonts: the body starts from them
void read_headings(Map& top, Profile& p);  // a list, so read from the top map; after body
void read_lists(Map m, Profile& p);
void read_footnotes(Map m, Profile& p);  // this and the formats below start from the body's
void read_code(Map m, Profile& p);
void read_table(Map m, Profile& p);
void read_captions(Map m, Profile& p);
void read_figures(Map m, Profile& p);
void read_header(Map m, Profile& p);
void read_footer(Map m, Profile& p);
void read_toc(Map m, Profile& p);
void read_cover(Map m, Profile& p);
void read_text(Map m, Profile& p);  // optional sections: read where the profile has them
void read_output(Map m, Profile& p);
void read_render(Map m, Profile& p);
void read_quotes(Map& top, Profile& p);  // rule ID → sentence (Map::pairs), from the top map

}  // namespace bidfmt::profile::detail
