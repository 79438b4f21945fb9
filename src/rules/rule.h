// Rule: metadata of one rule of the standard, the context a rule checks in, and how it reports findings.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "docx/document.h"
#include "profile/profile.h"
#include "rules/finding.h"
#include "rules/rendered.h"

namespace bidfmt::rules {

struct Identity;  // rules/anonymous.h

// What a rule is, kept next to its code (one file per rule, named after the ID).
struct RuleInfo {
  const char* id;  // "page.margins"
  Text summary;    // one line, zh and en
  // The profile keys the rule compares a document with (dotted, as under `basis:`). 「{h}.」 stands
  // for each heading level whose `rule` is this one ("headings.2."), 「{c}.」 for the rule's caption
  // ("captions.table."); a key ending in 「|fallback」 is a font the paragraph kind may set itself,
  // else the fallback's. docs/rules.md and docs/profile-format.md's key index are generated from
  // these (rules/values.h); the sentence of the standard the rule enforces is the profile's
  // (`quotes:`, profile::quote_of), since each standard words it differently or not at all.
  std::vector<std::string> keys;
  Severity severity;  // default severity of its findings
  bool fixable;       // whether `bidfmt fix` can repair its findings safely
};

// What every rule checks against.
struct Context {
  const docx::Document& doc;
  const profile::Profile& profile;
  std::string project;  // --project; "" = the header's left text must merely be present
  // The pages as a layout engine rendered them (check --render); null for a static check, where
  // render-only rules stay idle.
  const Rendered* rendered = nullptr;
  // 暗标 (check --anonymous, or the profile's `anonymous: true`): the bidder's identity strings
  // (possibly none: patterns and metadata are still checked); null when the bid is not anonymous.
  const Identity* identity = nullptr;

  // check --strict: findings on the profile's default values (the standard leaves them open) are
  // reported too, as warnings marked 「标准未规定」; without it they are not reported at all.
  bool strict = false;

  // The class of profile value `key` (dotted, e.g. "captions.table.size"): what decides whether
  // findings on it are reported (Reporter::about).
  profile::ValueClass cls(std::string_view key) const { return profile.class_of(key); }
  // Location of a body or header/footer paragraph.
  Location at(const docx::Paragraph& p, const std::string& part) const;
  Location at(const docx::Paragraph& p) const { return at(p, doc.body().part); }
  Location at_section(int section) const;
  Location at_table(const docx::Table& t) const;
  // True when the paragraph/table lies in a body section (not the cover, not the TOC).
  bool in_body(int section) const;
};

// What the reporters of one check share: the location of each body paragraph that has a finding
// (made once: a badly formatted paragraph has findings from many rules) and one copy of each part
// name and heading path the locations name.
class Places {
 public:
  explicit Places(size_t paragraphs) : paragraphs_(paragraphs) {}
  core::Shared<Location>& of_paragraph(size_t index) { return paragraphs_.at(index); }
  Location::Name name(std::string_view s);

 private:
  std::vector<core::Shared<Location>> paragraphs_;
  std::map<std::string, Location::Name, std::less<>> names_;
};

// The texts of a finding.
struct Wording {
  Text expected, actual, message;
};

// Collects the findings of one rule, filling in its ID, severity and fixability.
class Reporter {
 public:
  // With `doc`, locations made by Context::at are completed (part, heading path, excerpt);
  // `places` (shared by the rules of one check) keeps each body paragraph's location and one copy
  // of each part name and heading path, so the findings that name them share them.
  // With `ctx`, findings on default values are settled by Reporter::about (else kept as made).
  Reporter(const RuleInfo& info, Findings& out, const docx::Document* doc = nullptr, Places* places = nullptr, const Context* ctx = nullptr)
      : info_(info), out_(out), doc_(doc), places_(places), ctx_(ctx) {}
  Finding& add(std::string_view kind, Location where, Text expected, Text actual, Text message);
  // A finding that says what another one of this rule said (shared, not copied).
  Finding& add(core::Shared<Statement> said, Location where);
  // For checks that run on every paragraph: the texts are made by `make()` (returning a Wording)
  // once per distinct `key` — everything they are made from — and shared by the findings with
  // that key.
  template <typename Make>
  Finding& add_keyed(std::string_view kind, Location where, std::string_view key, Make make) {
    lookup_.assign(kind).append(1, '\0').append(key);  // reused: a lookup costs no allocation
    core::Shared<Statement>& said = recent(kind);
    if (!said) {
      Wording w = make();
      said = core::Shared<Statement>::make(
          Statement{info_.id, std::string(kind), std::move(w.expected), std::move(w.actual), std::move(w.message)});
    }
    return add(said, std::move(where));
  }
  const RuleInfo& info() const { return info_; }
  size_t mark() const { return out_.size(); }
  // Findings added since `mark()` are about a profile value of class `cls` (Context::cls; of
  // several values, the strongest). Required and interpreted values: kept as made. A default
  // value — the standard leaves it open — is no rule: its findings are dropped, or with
  // check --strict kept as warnings whose message says 「标准未规定」.
  void about(size_t since, profile::ValueClass cls);
  // Runs `f`: the findings it adds are about a profile value of class `cls`, as above.
  template <typename F>
  void about(profile::ValueClass cls, F&& f) {
    const size_t since = mark();
    f();
    about(since, cls);
  }
  // The same for the findings of one `kind` only (check_fonts makes two kinds at once).
  void about(size_t since, std::string_view kind, profile::ValueClass cls);
  // Findings added since `mark()` cannot be repaired by `bidfmt fix` (e.g. found on rendered pages).
  void not_fixable(size_t since);

 private:
  const docx::Paragraph* paragraph_of(const Location& l) const;
  // `l` completed (part, heading path, excerpt) and shared.
  core::Shared<Location> located(Location l) const;
  Location::Name name(std::string_view s) const;
  const RuleInfo& info_;
  Findings& out_;
  const docx::Document* doc_ = nullptr;
  Places* places_ = nullptr;
  const Context* ctx_ = nullptr;
  // Statements of default-value findings with 「标准未规定」 added (check --strict), by original.
  std::unordered_map<const Statement*, core::Shared<Statement>> unset_;
  void settle(Finding& f);
  // add_keyed's statement for lookup_: consecutive paragraphs formatted alike make the same key,
  // so the last key of each kind is compared before the map is asked (no hashing).
  core::Shared<Statement>& recent(std::string_view kind);
  std::unordered_map<std::string, core::Shared<Statement>> said_;  // add_keyed's statements
  // add's statements, one per distinct wording: a rule that words each finding itself often says
  // the same again (「三级标题应加粗」 on 843 headings of one file).
  struct SameWording {
    size_t operator()(const core::Shared<Statement>& s) const;
    bool operator()(const core::Shared<Statement>& a, const core::Shared<Statement>& b) const;
  };
  std::unordered_set<core::Shared<Statement>, SameWording, SameWording> stated_;
  std::string lookup_;
  struct Recent {
    std::string kind, lookup;
    core::Shared<Statement>* said;  // into said_ (its elements stay where they are)
  };
  std::vector<Recent> recent_;  // one per kind
};

// The whole location of paragraph `p` of `part`, heading path and excerpt included (what
// Context::at plus Reporter::add make; fix uses it for its change log).
Location locate(const docx::Paragraph& p, const std::string& part);
// The location of body section `section` (1-based) as a whole.
Location locate_section(const docx::Document& doc, int section);

using CheckFn = void (*)(const Context& ctx, Reporter& out);
using AppliesFn = bool (*)(const Context& ctx);

struct Rule {
  RuleInfo info;
  CheckFn check;
  // Whether the rule is in force for this check (the profile asks for it, the pages were
  // rendered, the bid is anonymous); null = always. An idle rule is reported as skipped
  // (JUnit), not as passed.
  AppliesFn applies = nullptr;
};

}  // namespace bidfmt::rules
