// Workspace: one pass of fix — the document read as check reads it, its findings, the parts the
// fixers edit (in the read document's own parsed trees), new parts, and the log of changes.
#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "docx/document.h"
#include "fix/fixer.h"
#include "package/ooxml.h"
#include "profile/profile.h"
#include "rules/finding.h"

namespace bidfmt::fix {

// The package being fixed: entry names in archive order and their bytes.
struct Entries {
  std::vector<std::string> names;
  std::map<std::string, std::string> bytes;
  void put(const std::string& name, std::string data);
};

// The parts bidfmt build writes for the profile, parsed once: the source of every style,
// numbering definition, header and footer fix installs (no format value is written here).
struct Generated {
  explicit Generated(const profile::Profile& profile);
  pugi::xml_document styles;     // writer::styles_xml
  pugi::xml_document numbering;  // writer::numbering_xml, plain plan
};

// Content types and relationship types of the parts fix may add.
namespace part_type {
inline constexpr const char* kStyles = package::content_type::kStyles;
inline constexpr const char* kNumbering = package::content_type::kNumbering;
inline constexpr const char* kHeader = package::content_type::kHeader;
inline constexpr const char* kFooter = package::content_type::kFooter;
inline constexpr const char* kRelBase = package::rel_type::kOffice;
}  // namespace part_type

// What the passes of one fix share: the change log, the notes, and how often a paragraph's
// finding has been worked on (a finding that survives a removal of direct formatting is then
// met with the profile's value written directly).
// A heading whose number changed (its typed number removed, or its own numbering replaced): the
// new number is known once the fixed document is read again (log_renumbering).
struct Renumbered {
  rules::Location where;
  int index = 0;  // body paragraph index when it was changed
  std::string rule;
  std::string old_label;  // 「5、」; "" when it had none
  std::string rest;       // its words after the number, to find it again
};

struct Journal {
  std::string input;  // the file being fixed, for messages
  std::vector<Renumbered> renumbered;
  std::vector<Change> changes;
  std::vector<Text> notes;
  std::map<std::string, int> attempts;  // "paragraph index:kind" → passes that worked on it
  std::set<std::string> made;           // header and footer parts fix wrote (never written twice)
  void note(Text t);                    // once per distinct message
};

class Workspace {
 public:
  // Reads `path` (the input, or the previous pass's result) and checks it.
  Workspace(const std::string& path, const profile::Profile& profile, const Options& options, Entries& entries, const Generated& generated,
            Journal& journal);

  const docx::Document& doc() const { return *doc_; }
  const profile::Profile& profile() const { return profile_; }
  const Generated& generated() const { return generated_; }
  const rules::Findings& findings() const { return findings_; }
  const std::string& project() const { return project_; }
  bool keep_text() const { return keep_text_; }  // fix --keep-text

  // The findings of one rule (of one kind, when given).
  std::vector<const rules::Finding*> findings_of(const std::string& rule, const std::string& kind = "") const;

  // The root element of `part` for editing; from now on the part counts as edited (it is
  // written back when its XML differs from what was read). Null when the package has no such part.
  pugi::xml_node edit(const std::string& part);
  // The root of a new part, written with this content type and a relationship from the main part.
  pugi::xml_node create(const std::string& part, const char* root_name, const std::string& content_type, const std::string& rel_type);
  // Adds a part from finished XML (e.g. a header the writer made; its style references are mapped
  // to this document's style ids); returns its relationship id.
  std::string add_part(const std::string& part, const std::string& xml, const std::string& content_type, const std::string& rel_type);
  bool has_part(const std::string& part) const { return entries_.bytes.count(part) > 0 || created_.count(part) > 0; }
  // "word/header3.xml": the first free name of the form `stem` N `ext`.
  std::string free_name(const std::string& stem, const std::string& ext) const;
  // The part a main-part relationship type points to ("styles", "numbering", "settings"), "" if none.
  std::string part_of_type(const std::string& type) const;

  // A section's w:sectPr for editing: the last section's is written (as w:body's last child) when
  // the document has none.
  pugi::xml_node section_properties(const docx::Section& s);

  // Style ids the profile's styles have in this document (profile id → document id), and the
  // w:numId of the profile's heading numbering here; set by the styles and numbering fixers at
  // the start of the pass, applied by them at its end.
  std::map<std::string, std::string> style_ids;
  int heading_num_id = 0;
  int heading_abstract_id = -1;  // ≥ 0: the heading numbering is added under this w:abstractNumId
  std::string style_id(const std::string& profile_id) const;

  // Paragraphs (body indices) whose role a fixer changed this pass: other fixers leave them to
  // the next pass, when the reader sees them as they are now.
  std::set<int> touched;
  // A paragraph became a heading this pass: heading counts (and so caption numbers) change, and
  // the captions wait for the next pass.
  bool new_headings = false;
  // Profile heading styles ("Heading2") whose headings this pass numbers automatically from the
  // style (their own number removed or never there): install_styles gives the document's style
  // the profile's heading numbering.
  std::set<std::string> numbered_styles;
  // Profile styles ("Header", "Footer") of parts a fixer wrote whole this pass: the document's
  // style of that name is replaced by the profile's, as the part it formats was.
  std::set<std::string> whole_styles;

  // Records a change in the log (what fix prints, --log writes and --dry-run shows); notes what
  // was left alone.
  void change(const rules::Location& where, Text what);
  void change(rules::Change c);
  void change(const rules::Location& where, const std::string& rule, const std::string& kind, Text what, Text before = {}, Text after = {});
  // The change that answers finding `f`: its aspect, and its actual value → the expected one.
  void answered(const rules::Finding& f);
  // Something fix saw and left alone on purpose (an ambiguous heading, words with --keep-text):
  // in the log as not applied, `why` saying why.
  void left_alone(const rules::Location& where, const std::string& rule, const std::string& kind, Text why, Text before = {},
                  Text after = {});
  void note(Text what) { journal_.note(std::move(what)); }
  Journal& journal() { return journal_; }
  rules::Location at(const docx::Paragraph& p) const;
  rules::Location at_section(int section) const;

  // The style ids (this document's) that w:pStyle, w:rStyle and w:tblStyle name in what this pass
  // wrote: every part it created, and references added to a part it edited (not there as read).
  std::set<std::string> added_style_references();
  // True when a part this pass created or edited refers to list instance `num_id` (w:numId).
  bool refers_to_numbering(int num_id);

  // Writes every edited part that changed into the entries; true when any did.
  bool commit();

 private:
  pugi::xml_document* tree(const std::string& part);
  // An empty part of the package with this root element, written whole at commit.
  pugi::xml_node new_part(const std::string& part, const char* root_name);
  std::string main_rels() const;

  const profile::Profile& profile_;
  std::string project_;
  bool keep_text_ = false;
  Entries& entries_;
  const Generated& generated_;
  Journal& journal_;
  std::unique_ptr<docx::Document> doc_;
  rules::Findings findings_;
  std::map<std::string, std::unique_ptr<pugi::xml_document>> own_;  // parts the Document does not keep
  std::map<std::string, std::string> baseline_;                     // edited part → its XML as read
  std::map<std::string, std::set<std::string>> baseline_styles_;    // edited part → the style ids it named as read
  std::set<std::string> created_;                                   // new parts (written whole)
  std::vector<std::string> order_;                                  // new parts, in creation order
  std::map<std::string, std::string> rel_ids_;                      // new part → its relationship id
  std::map<std::string, std::string> created_types_;                // relationship type → new part
};

}  // namespace bidfmt::fix
