// The profile values behind each rule: one list per rule ID, kept with the registry. Each rule's
// code settles its findings by the class of the same keys (Reporter::about); a test checks that
// every key listed here is a value of the bundled profiles.
#include "rules/values.h"

#include <algorithm>
#include <map>

#include "rules/heading_common.h"

namespace bidfmt::rules {
namespace {

// Patterns: 「{h}.」 stands for each heading level whose rule is this one ("headings.2."); a
// pattern ending in 「|fallback」 is a font the paragraph kind may set itself.
const std::map<std::string, std::vector<std::string>>& patterns() {
  static const std::map<std::string, std::vector<std::string>> p = {
      {"page.size", {"page.width", "page.height", "page.a3_width", "page.a3_height", "page.a3_at_end"}},
      {"page.margins", {"page.margin_top", "page.margin_bottom", "page.margin_left", "page.margin_right"}},
      {"page.gutter", {"page.gutter", "page.gutter_position"}},
      {"para.align", {"body.align"}},
      {"para.indent", {"body.first_line_indent", "body.indent_left", "body.indent_right", "lists.first_line_indent", "body.quote_indent"}},
      {"para.spacing", {"body.space_before", "body.space_after", "body.line_spacing", "toc.line_spacing"}},
      {"header.none-on-toc", {"header.on_toc", "header.on_cover"}},
      {"header.text", {"header.left", "header.right", "header.size"}},
      {"footer.page-number", {"footer.text", "footer.align", "footer.size", "footer.restart_at_body"}},
      {"heading", {"{h}.number", "{h}.font_east_asia|fonts.east_asia", "{h}.font_latin|fonts.latin", "{h}.size", "{h}.bold",
                   "{h}.first_line_indent", "{h}.align"}},
      {"heading.depth", {"{h}.number", "{h}.size", "{h}.first_line_indent", "lists.ordered"}},
      {"body.font", {"fonts.east_asia", "fonts.latin", "body.size", "body.character_spacing"}},
      {"table.align", {"table.align"}},
      {"table.font", {"fonts.east_asia", "fonts.latin", "table.size", "table.line_spacing"}},
      {"table.header-row", {"table.header_bold", "table.header_repeat"}},
      {"table.borders", {"table.border_top", "table.border_bottom", "table.border_left", "table.border_right", "table.border_inside_h",
                         "table.border_inside_v"}},
      {"table.caption", {"{c}.label", "{c}.number", "{c}.number_without_h2", "{c}.restart_level", "{c}.separator", "{c}.position",
                         "{c}.font_east_asia|fonts.east_asia", "{c}.font_latin|fonts.latin", "{c}.size", "{c}.bold", "{c}.align"}},
      {"text.units", {"text.units"}},
      {"text.punctuation", {"text.punctuation"}},
      {"output.per-chapter", {"output.per_chapter"}},
      {"layout.short-last-page", {"render.short_last_page", "render.last_page_min_fill"}},
      {"table.same-width", {"render.table_same_width", "render.table_width_tolerance"}},
  };
  return p;
}

// Whether the profile has the value (or group) `key`: it has a class then.
bool has(const profile::Profile& p, const std::string& key) {
  if (p.basis_of(key)) return true;
  const std::string prefix = key + ".";
  auto it = p.basis.lower_bound(prefix);
  return it != p.basis.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::vector<std::string> values_of(const Rule& rule, const profile::Profile& profile) {
  const std::string id = rule.info.id;
  const bool heading = id.rfind("heading.l", 0) == 0;
  const bool caption = id == "table.caption" || id == "figure.caption";
  auto it = patterns().find(heading ? std::string("heading") : caption ? std::string("table.caption") : id);
  std::vector<std::string> out;
  if (it == patterns().end()) return out;
  auto add = [&](const std::string& key) {
    if (has(profile, key) && std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
  };
  std::vector<std::string> prefixes;
  if (caption) prefixes.push_back(id == "table.caption" ? "captions.table" : "captions.figure");
  for (const profile::HeadingLevel& h : profile.headings)
    if (h.rule == id) prefixes.push_back("headings." + std::to_string(h.level));
  for (const std::string& pattern : it->second) {
    const size_t bar = pattern.find('|');
    const std::string own = pattern.substr(0, bar);
    if (own.rfind("{h}", 0) != 0 && own.rfind("{c}", 0) != 0) {
      add(own);
      continue;
    }
    for (const std::string& prefix : prefixes) {
      std::string key = prefix + own.substr(3);
      add(bar == std::string::npos ? key : font_key(profile, key, pattern.substr(bar + 1).c_str()));
    }
  }
  return out;
}

}  // namespace bidfmt::rules
