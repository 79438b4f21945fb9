// Checker: runs every registered rule over one read document and returns the findings.
#pragma once
#include <string>
#include <vector>

#include "docx/document.h"
#include "profile/profile.h"
#include "rules/finding.h"
#include "rules/rendered.h"
#include "rules/rule.h"

namespace bidfmt::rules {

// All findings for `doc`, grouped by rule in registry order, each rule's in document order.
// `project` is the expected header left text ("" = it must merely be present). With `rendered`
// (check --render) the render-only rules run too, and every finding whose paragraph, table or
// section was located on a page gets that page in its location. With `identity` the 暗标 rule
// (bid.anonymous) runs too. Findings on the profile's default values (the standard leaves them
// open) are reported only when `strict` (check --strict), as warnings marked 「标准未规定」.
Findings check_document(const docx::Document& doc, const profile::Profile& profile, const std::string& project,
                        const Rendered* rendered = nullptr, const Identity* identity = nullptr, bool strict = false);

// The rules not in force for such a check (Rule::applies): profile options that are off,
// render-only rules without --render, bid.anonymous without --anonymous. Registry order.
std::vector<std::string> idle_rules(const docx::Document& doc, const profile::Profile& profile, const Rendered* rendered,
                                    const Identity* identity);

}  // namespace bidfmt::rules
