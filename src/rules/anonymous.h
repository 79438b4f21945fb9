// 暗标 (anonymous technical bids): finds whatever identifies the bidder — names, people, phone
// numbers, e-mail, URLs, ID-card and licence numbers — in text, headers, footers, comments,
// document properties and image alt text.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "docx/document.h"
#include "rules/finding.h"

namespace bidfmt::rules {

// identity.yaml: the strings that identify the bidder. Keys: names (the bidder and its aliases),
// people (staff), other (any further strings: a licence number, a brand). All optional.
struct Identity {
  std::vector<std::string> names, people, other;
  std::string source;  // the file, for messages
};

// Reads identity.yaml; throws Error naming the file and line for malformed YAML or unknown keys.
Identity load_identity(const std::string& path);

// The identity a check or fix uses: read from `file` when one is given; none (patterns and
// properties only) when the bid is anonymous — `asked` (--anonymous) or `profile_anonymous` —
// without one; nullopt when it is not an anonymous bid.
std::optional<Identity> identity_for(bool asked, const std::string& file, bool profile_anonymous);

// Every identifying string in `doc`, as findings of rule "bid.anonymous" (never fixable in the
// text; metadata findings are fixable by `fix --anonymous`). Matching ignores full/half width and
// case (NFKC + case folding, ICU).
Findings check_anonymous(const docx::Document& doc, const Identity& identity);

// The document-property fields that identify a person or company, as (part, element local name)
// pairs: docProps/core.xml dc:creator and cp:lastModifiedBy, docProps/app.xml Company and Manager.
// Any non-empty value there is a finding (fixable); so is every w:author of tracked changes,
// comments and word/people.xml (the part of such a finding is the one to clear).
struct MetadataField {
  const char* part;
  const char* element;
};
const std::vector<MetadataField>& identifying_metadata();
// True when `element` (prefixed or not) of `part` is one of those fields.
bool is_identifying_field(const std::string& part, std::string_view element);

}  // namespace bidfmt::rules
