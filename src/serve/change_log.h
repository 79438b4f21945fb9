// The change log of one fix as JSON (POST /api/fix with log=1).
#pragma once
#include <string>

#include "api/bidfmt.h"

namespace bidfmt::serve {

// {"changed", "project", "changes": [{"part", "section", "paragraph", "table", "heading",
// "excerpt", "what"}], "notes": [...], "remaining": [{"rule", "message", "fixable"}]} in `lang`.
// Written from FixResult::changes as they are today; the fix engineer's own change log (branch
// fixlog) replaces this body when it lands — the route and its field stay.
std::string change_log_json(const FixResult& result, Lang lang);

}  // namespace bidfmt::serve
