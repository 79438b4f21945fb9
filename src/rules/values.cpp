// The profile values behind each rule: each rule declares the keys it reads (RuleInfo::keys, in
// the rule's own file) and settles its findings by their classes (Reporter::about); a test
// checks that every declared key is a value of a bundled profile.
#include "rules/values.h"

#include <algorithm>

#include "rules/heading_common.h"

namespace bidfmt::rules {
namespace {

// Whether the profile has the value (or group) `key`: it has a class then.
bool has(const profile::Profile& p, const std::string& key) {
  if (p.basis_of(key)) return true;
  const std::string prefix = key + ".";
  auto it = p.basis.lower_bound(prefix);
  return it != p.basis.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

void add_values(const Rule& rule, const std::string& pattern, const profile::Profile& profile, std::vector<std::string>& out) {
  const std::string id = rule.info.id;
  auto add = [&](const std::string& key) {
    if (has(profile, key) && std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
  };
  const size_t bar = pattern.find('|');
  const std::string own = pattern.substr(0, bar);
  std::vector<std::string> prefixes;
  if (own.rfind("{c}", 0) == 0) {
    if (id == "table.caption") prefixes.push_back("captions.table");
    if (id == "figure.caption") prefixes.push_back("captions.figure");
  } else if (own.rfind("{h}", 0) == 0) {
    for (const profile::HeadingLevel& h : profile.headings)
      if (h.rule == id) prefixes.push_back("headings." + std::to_string(h.level));
  } else {
    add(own);
    return;
  }
  for (const std::string& prefix : prefixes) {
    std::string key = prefix + own.substr(3);
    add(bar == std::string::npos ? key : font_key(profile, key, pattern.substr(bar + 1).c_str()));
  }
}

}  // namespace

std::vector<std::string> values_of(const Rule& rule, const profile::Profile& profile) {
  std::vector<std::string> out;
  for (const std::string& pattern : rule.info.keys) add_values(rule, pattern, profile, out);
  return out;
}

std::vector<std::string> values_of(const Rule& rule, const std::string& declared, const profile::Profile& profile) {
  std::vector<std::string> out;
  add_values(rule, declared, profile, out);
  return out;
}

}  // namespace bidfmt::rules
