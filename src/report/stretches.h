// A file's findings rule by rule, for the reports that go through them so (text, JUnit).
#pragma once
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/finding.h"

namespace bidfmt::report {

// A rule's findings: stretches [begin, end) of its file's findings (a rule's findings come
// together, so nearly always one). Not a list of pointers: 160,000 of them on a badly formatted
// 1,000-page bid were a report's largest allocation, made when the document's memory is free but
// in pieces.
using Stretches = std::vector<std::pair<size_t, size_t>>;

// Each rule's stretches, by rule ID (views of the findings' own IDs).
std::map<std::string_view, Stretches> stretches_by_rule(const rules::Findings& all);

}  // namespace bidfmt::report
