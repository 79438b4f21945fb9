// Checker: the registry's rules over one document.
#include "rules/checker.h"

#include <map>
#include <utility>

#include "rules/registry.h"
#include "rules/rendered_pages.h"

namespace bidfmt::rules {

Findings check_document(const docx::Document& doc, const profile::Profile& profile, const std::string& project, const Rendered* rendered,
                        const Identity* identity, bool strict) {
  Context ctx{doc, profile, project, rendered, identity};
  ctx.strict = strict;
  Findings out;
  Places places(doc.body().paragraphs.size());
  for (const Rule* r : all_rules()) {
    if (r->applies && !r->applies(ctx)) continue;
    Reporter rep(r->info, out, &doc, &places, &ctx);
    r->check(ctx, rep);
  }
  if (rendered) {
    // Findings that share a location share its page (the map keeps each old location alive, so
    // its address names it until the end).
    std::map<const Location*, std::pair<core::Shared<Location>, core::Shared<Location>>> paged;
    for (Finding& f : out) {
      if (f.where().page != 0) continue;
      auto& [old, now] = paged[&f.where()];
      if (!now) {
        old = f.shared_where();
        Location l = f.where();
        l.page = page_of(ctx, l);
        now = core::Shared<Location>::make(std::move(l));
      }
      f.set_where(now);
    }
  }
  return out;
}

std::vector<std::string> idle_rules(const docx::Document& doc, const profile::Profile& profile, const Rendered* rendered,
                                    const Identity* identity) {
  Context ctx{doc, profile, "", rendered, identity};
  std::vector<std::string> idle;
  for (const Rule* r : all_rules())
    if (r->applies && !r->applies(ctx)) idle.emplace_back(r->info.id);
  return idle;
}

}  // namespace bidfmt::rules
