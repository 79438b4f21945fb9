// Rule bid.anonymous (暗标): nothing in an anonymous technical bid may identify the bidder — its
// names, staff, contact details, ID-card and licence numbers, or names in the document's
// properties and revision authors. Neither standard has the rule; tenders ask for it, so it runs
// only with `check --anonymous` or a profile's `anonymous: true`. The matching is anonymous.cpp's.
#include "rules/anonymous.h"
#include "rules/rule.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "bid.anonymous", {"暗标不得出现投标人身份信息", "an anonymous bid shows nothing that identifies the bidder"},
    {"anonymous"},  // `anonymous: true` in the profile (or check --anonymous) turns it on; neither standard has it
    Severity::error,
    false,  // the words are reported, never changed; names in the properties are fixable (fix --anonymous)
};

bool applies(const Context& ctx) { return ctx.identity != nullptr; }

void check(const Context& ctx, Reporter& out) {
  if (!applies(ctx)) return;
  for (Finding& f : check_anonymous(ctx.doc, *ctx.identity)) {
    Finding& added = out.add(f.what, f.where());
    added.fixable = f.fixable;
  }
}

}  // namespace

const Rule& bid_anonymous_rule() {
  static const Rule r{kInfo, check, applies};
  return r;
}

}  // namespace bidfmt::rules
