// Checker: the registry's rules over one document.
#include "rules/checker.h"

#include "rules/registry.h"

namespace bidfmt::rules {

Findings check_document(const docx::Document& doc, const profile::Profile& profile, const std::string& project) {
  Context ctx{doc, profile, project};
  Findings out;
  for (const Rule* r : all_rules()) {
    Reporter rep(r->info, out);
    r->check(ctx, rep);
  }
  return out;
}

}  // namespace bidfmt::rules
