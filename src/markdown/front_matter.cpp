// Front matter: finds the YAML block, parses it with yaml-cpp and maps keys to model::Meta.
#include "markdown/front_matter.h"

#include <yaml-cpp/yaml.h>

#include <set>
#include <string_view>

#include "core/error.h"

namespace bidfmt::markdown {

namespace {

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

const char* const kKnownKeys = "project、title、bidder、date、profile、cover、toc";
const char* const kKnownKeysEn = "project, title, bidder, date, profile, cover, toc";

class MetaReader {
 public:
  MetaReader(const std::string& source, int first_line) : source_(source), first_line_(first_line) {}

  int line_of(const YAML::Node& n) const { return n.Mark().is_null() ? first_line_ : first_line_ + n.Mark().line; }

  std::string text(const std::string& key, const YAML::Node& key_node, const YAML::Node& v) const {
    if (v.IsNull()) return "";
    if (!v.IsScalar())
      throw Error(source_, line_of(key_node), "前置元数据「" + key + "」的值应为一段文字",
                  "front matter key \"" + key + "\" must be a text value");
    return v.Scalar();
  }

  bool boolean(const std::string& key, const YAML::Node& key_node, const YAML::Node& v) const {
    bool b = false;
    if (v.IsScalar() && YAML::convert<bool>::decode(v, b)) return b;
    throw Error(source_, line_of(key_node), "前置元数据「" + key + "」的值应为 true 或 false",
                "front matter key \"" + key + "\" must be true or false");
  }

 private:
  const std::string& source_;
  int first_line_;
};

// The keys of `yaml`, whose first line is line `first_line` of `source` and last `last_line`.
model::Meta meta_from_yaml(const std::string& yaml, const std::string& source, int first_line, int last_line) {
  model::Meta m;
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    int line = e.mark.is_null() ? first_line : first_line + e.mark.line;
    if (line > last_line) line = last_line < first_line ? first_line : last_line;
    throw Error(source, line, "前置元数据的 YAML 格式错误：" + e.msg, "malformed front matter YAML: " + e.msg);
  }
  if (root.IsNull()) return m;
  MetaReader r(source, first_line);
  if (!root.IsMap())
    throw Error(source, first_line, "前置元数据应为「键: 值」的列表", "front matter must be a list of \"key: value\" lines");

  std::set<std::string> seen;
  for (const auto& kv : root) {
    const YAML::Node& k = kv.first;
    const YAML::Node& v = kv.second;
    const std::string key = k.IsScalar() ? k.Scalar() : std::string("?");
    const int line = r.line_of(k);
    if (!seen.insert(key).second)
      throw Error(source, line, "前置元数据的键「" + key + "」重复出现", "front matter key \"" + key + "\" appears twice");
    if (key == "project") m.project = r.text(key, k, v);
    else if (key == "title") m.title = r.text(key, k, v);
    else if (key == "bidder") m.bidder = r.text(key, k, v);
    else if (key == "date") m.date = r.text(key, k, v);
    else if (key == "profile") m.profile = r.text(key, k, v);
    else if (key == "cover") m.cover = r.boolean(key, k, v);
    else if (key == "toc") m.toc = r.boolean(key, k, v);
    else
      throw Error(source, line, "前置元数据中有未知的键「" + key + "」（可用的键：" + kKnownKeys + "）",
                  "unknown front matter key \"" + key + "\" (known keys: " + kKnownKeysEn + ")");
  }
  return m;
}

}  // namespace

FrontMatter read_front_matter(const SourceText& src, const std::string& source) {
  FrontMatter fm;
  if (src.line_count() < 2 || trim_right(src.line(1)) != "---" || trim_right(src.line(2)).empty()) return fm;

  int close = 0;
  for (int l = 2; l <= src.line_count(); ++l) {
    std::string_view s = trim_right(src.line(l));
    if (s == "---" || s == "...") {
      close = l;
      break;
    }
  }
  if (close == 0)
    throw Error(source, 1, "第1行的 --- 开始了前置元数据，但没有结束它的 --- 行",
                "front matter opened by --- on line 1 is never closed by a --- line");
  fm.body_line = close + 1;

  const size_t begin = src.line_begin(2), end = src.line_begin(close);
  fm.meta = meta_from_yaml(src.text().substr(begin, end - begin), source, 2, close - 1);
  return fm;
}

model::Meta read_meta_file_text(const std::string& yaml, const std::string& source) {
  int lines = 1;
  for (char c : yaml) lines += c == '\n';
  return meta_from_yaml(yaml, source, 1, lines);
}

}  // namespace bidfmt::markdown
