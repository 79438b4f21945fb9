// Which profile values each rule compares a document with, and their classes in a profile
// (required / interpreted / default): what docs/rules.md lists per bundled profile. Each rule
// declares its keys (RuleInfo::keys); the standard's sentence behind it is the profile's (quotes:).
#pragma once
#include <string>
#include <vector>

#include "profile/profile.h"
#include "rules/rule.h"

namespace bidfmt::rules {

// The profile keys `rule` compares with, as this profile has them (heading rules: the levels
// that name the rule; fonts a heading or caption does not set itself: the body's). Keys the
// profile does not have (an option it leaves off) are left out.
std::vector<std::string> values_of(const Rule& rule, const profile::Profile& profile);
// The same for one of the rule's declared keys (an entry of RuleInfo::keys).
std::vector<std::string> values_of(const Rule& rule, const std::string& declared, const profile::Profile& profile);

}  // namespace bidfmt::rules
