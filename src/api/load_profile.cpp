// load_profile(): a profile as profile::load reads it, checked for what only the rules can tell.
#include "api/bidfmt.h"
#include "rules/registry.h"

namespace bidfmt {

profile::Profile load_profile(const std::string& profile, const std::vector<std::string>& overrides) {
  profile::Profile p = profile::load(profile, overrides);
  // A quotes: key that names no rule (a typo, a renamed rule) would never be quoted.
  for (const auto& [id, where] : p.quote_lines)
    if (!rules::find_rule(id))
      throw Error(where.file, where.line, "quotes 中的「" + id + "」不是 bidfmt 检查的规则(规则 ID 见 docs/rules.md)",
                  "quotes names '" + id + "', which is not a rule bidfmt checks (rule IDs: docs/rules.md)");
  return p;
}

}  // namespace bidfmt
