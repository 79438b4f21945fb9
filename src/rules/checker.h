// Checker: runs every registered rule over one read document and returns the findings.
#pragma once
#include <string>

#include "docx/document.h"
#include "profile/profile.h"
#include "rules/finding.h"

namespace bidfmt::rules {

// All findings for `doc`, grouped by rule in registry order, each rule's in document order.
// `project` is the expected header left text ("" = it must merely be present).
Findings check_document(const docx::Document& doc, const profile::Profile& profile, const std::string& project);

}  // namespace bidfmt::rules
