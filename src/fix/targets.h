// Targets: what check expects of a paragraph of each role — the profile style it belongs in and
// the values its rules compare — so every fixer aims at the same thing check verifies.
#pragma once
#include <optional>
#include <string>

#include "core/lang.h"
#include "docx/document.h"
#include "profile/profile.h"
#include "rules/finding.h"

namespace bidfmt::fix {

struct Target {
  std::string style;           // the profile's style id (before mapping to the document's id)
  profile::TextFormat format;  // fonts, size, bold, alignment, spacing, line, character spacing
  profile::FirstLineIndent first_line;
  profile::FirstLineIndent left;  // left indent (block quotes: the profile's quote indent)
  bool bold_checked = false;      // headings and captions: bold must be exactly format.bold
  bool label_checked = false;     // the number label counts (headings, table text, captions)
};

// The target of a body paragraph by its role (and heading level), or nullopt for roles no rule
// formats (cover, TOC title, empty, figure). A heading deeper than the profile's levels gets the
// body's values and no style ("": it keeps its own), as check judges it.
std::optional<Target> target_for(const docx::Paragraph& p, const profile::Profile& profile);

// The target of a heading of `level`, or nullopt when the profile has no such level.
std::optional<Target> heading_target(int level, const profile::Profile& profile);

// A finding about a paragraph's formatting that a style or direct formatting can meet (the rules
// and kinds both the style fixer and the paragraph fixer act on; one list for the two).
bool is_formatting_finding(const rules::Finding& f);

// The profile style id for a heading level ("Heading2") and for a TOC level ("TOC2").
std::string heading_style(int level);
std::string toc_style(int level);

// The name Word shows for a profile style, for the change log: Normal → 正文 / Normal,
// Heading2 → 标题 2 / heading 2, …; other ids as they are.
Text style_label(const std::string& profile_id);

// The name Word shows for a document style (its w:name: Normal → 正文, heading 2 → 标题 2); 正文
// when there is none.
Text style_name_label(const docx::Style* style);

// The words for a finding's aspect (its kind), for the change log: alignment → 对齐方式 / alignment;
// kinds without words of their own as they are.
Text aspect_label(const std::string& kind);

}  // namespace bidfmt::fix
