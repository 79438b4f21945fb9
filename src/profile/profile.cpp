// Profile loading: YAML (yaml-cpp) → typed Profile, with units, unknown-key and line-numbered errors.
// Here: units, the classes of values (basis:), layering (extends, overrides) and describe; the
// sections' readers are in sections.cpp.
#include "profile/profile.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "core/error.h"
#include "core/file_io.h"
#include "core/resources.h"
#include "profile/sections.h"

namespace bidfmt::profile {
using detail::line_of;
using detail::Map;
using detail::Origins;

namespace {

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

struct NamedSize {
  const char* name;
  double pt;
};
// 字号 → points (../shared/standard/README.md).
const NamedSize kSizes[] = {{"初号", 42},  {"小初", 36},  {"一号", 26},  {"小一", 24}, {"二号", 22},   {"小二", 18},
                            {"三号", 16},  {"小三", 15},  {"四号", 14},  {"小四", 12}, {"五号", 10.5}, {"小五", 9},
                            {"六号", 7.5}, {"小六", 6.5}, {"七号", 5.5}, {"八号", 5}};

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
    if (s == n.name || s == std::string(n.name) + "字号" || s + "号" == std::string(n.name)) return HalfPoints::from_pt(n.pt);
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

const std::string& quote_of(const Quotes& quotes, const std::string& rule_id) {
  static const std::string none;
  auto it = quotes.find(rule_id);
  return it == quotes.end() ? none : it->second;
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
      else
        bad(v, "basis.「" + key + "」的类别「" + cls + "」未知(可用 required、interpreted、default)",
            "basis '" + key + "': unknown class '" + cls + "' (required, interpreted, default)");
      if (text.find_first_not_of(" \t") == std::string::npos)
        bad(v, "basis.「" + key + "」缺少说明(required 引用标准原文,interpreted 写明解读,default 写明理由)",
            "basis '" + key + "' needs its text (required: the sentence quoted; interpreted: the reading; default: the reason)");
      if (source.overrides.count(basis.file) && basis.cls != ValueClass::required)
        bad(v, "覆盖文件是招标文件的要求,其中的类别只能是 required",
            "an override file holds the tender's requirements: its class can only be required");
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
      throw Error(
          file, line_of(node),
          "「" + key + "」没有类别:在 basis: 中写明 required(引用标准原文)、interpreted(写明解读)或 default(标准未规定,写明理由)",
          "'" + key +
              "' has no class: give it in basis: as required (quote the standard), interpreted (the reading) or default (not set by the standard; the reason)");
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
  std::string identity;           // for cycle detection
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
YAML::Node resolve(const std::string& name_or_path, const std::string& relative_to, Origins& origins, std::vector<std::string>& chain) {
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

  // In this order: a section's values start from those read before it (body from fonts, headings
  // and the other text formats from body).
  read_page(top.sub("page"), p);
  read_fonts(top.sub("fonts"), p);
  read_body(top.sub("body"), p);
  read_headings(top, p);
  read_lists(top.sub("lists"), p);
  read_footnotes(top.sub("footnotes"), p);
  read_code(top.sub("code"), p);
  read_table(top.sub("table"), p);
  read_captions(top.sub("captions"), p);
  read_figures(top.sub("figures"), p);
  read_header(top.sub("header"), p);
  read_footer(top.sub("footer"), p);
  read_toc(top.sub("toc"), p);
  read_cover(top.sub("cover"), p);
  if (top.has("text")) read_text(top.sub("text"), p);
  if (top.has("output")) read_output(top.sub("output"), p);
  if (top.has("render")) read_render(top.sub("render"), p);
  p.anonymous = top.boolean_or("anonymous", false);
  if (p.toc.levels > static_cast<int>(p.headings.size()))
    top.fail_at("toc.levels", top.node("toc"), "toc.levels 大于标题级数", "toc.levels exceeds the number of heading levels");
  for (const Caption* c : {&p.table_caption, &p.figure_caption})
    if (c->restart_level > static_cast<int>(p.headings.size()))
      top.fail_at("captions", top.node("captions"), "captions.*.restart_level 大于标题级数",
                  "captions.*.restart_level exceeds the number of heading levels");
  if (top.has("assumptions"))
    top.fail_at("assumptions", top.node("assumptions"),
                "assumptions: 已由 basis: 取代:每个值写明 required、interpreted 或 default(见 docs/profile-format.md)",
                "assumptions: is replaced by basis: give every value required, interpreted or default (docs/profile-format.md)");
  if (top.has("basis")) top.node("basis");  // read by read_basis, once every key is known
  if (top.has("quotes")) read_quotes(top, p);
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

std::string describe_unguarded(const std::string& name_or_path, const std::vector<std::string>& overrides, const Profile& resolved) {
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
    if (layer["extends"])
      throw Error(at.source, layer["extends"].Mark().line + 1, "覆盖文件不能使用 extends", "an override file cannot use extends");
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
