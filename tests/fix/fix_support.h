// Fix test support: run fix on parts or files, and the invariants every fixed document must keep —
// nothing fixable left, the words unchanged, rewritten parts schema-valid, idempotence byte for byte.
#pragma once
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "api/bidfmt.h"
#include "rules/check_fixture.h"
#include "support/testkit.h"

namespace bidfmt::testfix {

struct Fixed {
  std::string input, output;
  FixResult result;
};

// Fixes `input` into a fresh folder (API, default profile).
inline Fixed fix_path(const std::string& input, const std::string& name, const std::string& project = kProject) {
  Fixed f;
  f.input = input;
  std::string dir = testkit::temp_dir("fix-out-" + name);
  f.output = dir + "/" + name + "-fixed.docx";
  FixOptions o;
  o.input = input;
  o.output = f.output;
  o.project = project;
  f.result = fix_docx(o);
  return f;
}

// Writes `parts` as fix-case-NAME/NAME.docx and fixes it.
inline Fixed fix_parts(const Parts& parts, const std::string& name, const std::string& project = kProject) {
  std::string dir = testkit::temp_dir("fix-case-" + name);
  std::string path = dir + "/" + name + ".docx";
  testkit::write_zip(path, parts);
  return fix_path(path, name, project);
}

// An ISO Strict document (its main part in the purl.oclc.org namespace), which fix refuses with a
// clear message (docs/fix.md) when it has anything to fix.
inline bool is_strict(const std::string& docx) {
  auto parts = testkit::read_zip(docx);
  auto it = parts.find("word/document.xml");
  if (it == parts.end()) return false;
  pugi::xml_document d;
  d.load_string(it->second.c_str(), pugi::parse_minimal);
  for (pugi::xml_attribute a : d.document_element().attributes())
    if (std::string(a.value()) == "http://purl.oclc.org/ooxml/wordprocessingml/main") return true;
  return false;
}

// fix on a Strict document: refused whole — exit 2 through the API's Error, naming the file.
inline void expect_strict_refused(const std::function<void()>& run_fix, const std::string& path) {
  try {
    run_fix();
    ADD_FAILURE() << path << ": a Strict document with findings was fixed";
  } catch (const Error& e) {
    EXPECT_NE(e.message(Lang::en).find("Strict OOXML"), std::string::npos) << e.one_line(Lang::en);
    EXPECT_EQ(e.file(), path);
  }
}

// ---- the words -------------------------------------------------------------------------------

// The text of every paragraph of a part, in order (w:t, tabs, breaks; nested paragraphs of text
// boxes and cells on their own), empty paragraphs left out.
inline std::vector<std::string> paragraph_texts(const std::string& xml) {
  pugi::xml_document d;
  d.load_string(xml.c_str());
  std::vector<std::string> out;
  // By local name: a document may bind WordprocessingML to another prefix (「ns0:p」).
  auto local = [](pugi::xml_node n) {
    std::string_view name = n.name();
    size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
  };
  for (pugi::xpath_node x : d.select_nodes("//*[local-name()='p']")) {
    std::string t;
    std::vector<pugi::xml_node> st;
    for (pugi::xml_node c = x.node().last_child(); c; c = c.previous_sibling()) st.push_back(c);
    while (!st.empty()) {
      pugi::xml_node n = st.back();
      st.pop_back();
      std::string_view name = local(n);
      if (name == "p") continue;  // its own entry
      if (name == "t") t += n.text().get();
      else if (name == "tab") t += "\t";
      else if (name == "br" || name == "cr") t += "\n";
      for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) st.push_back(c);
    }
    bool blank = t.find_first_not_of(" \t\n") == std::string::npos;
    if (!blank) out.push_back(t);
  }
  return out;
}

// The text with a leading typed heading or caption number (and the blanks around it) taken off.
inline std::string without_number(const std::string& s) {
  static const std::regex number(
      "^( |\t|　)*("
      "第(一|二|三|四|五|六|七|八|九|十|[0-9])+(章|节)"
      "|(一|二|三|四|五|六|七|八|九|十)+(、|．)"
      "|[0-9]+(\\.[0-9]+)+\\.?"
      "|[0-9]+(\\.|、)"
      "|(表|图|Table|Figure|Fig\\.) *[0-9][0-9.\\-]*(:|：|\\.)?"
      ")( |\t|　)*");
  return std::regex_replace(s, number, "", std::regex_constants::format_first_only);
}

// `s` without its leading blanks.
inline std::string without_lead(const std::string& s) {
  static const std::regex lead("^( |\t|　)+");
  return std::regex_replace(s, lead, "");
}

// The text edits fix logged (text.punctuation, text.units: 「…约3米,宽…」 → 「…约3m，宽…」),
// applied to `text` where their before-stretch stands in it.
inline std::string with_logged_edits(std::string text, const std::vector<fix::Change>& changes) {
  auto bare = [](std::string s) {
    const std::string dots = "…";
    if (s.rfind(dots, 0) == 0) s.erase(0, dots.size());
    if (s.size() >= dots.size() && s.compare(s.size() - dots.size(), dots.size(), dots) == 0) s.erase(s.size() - dots.size());
    return s;
  };
  for (const fix::Change& c : changes) {
    if (!c.applied || (c.rule != "text.punctuation" && c.rule != "text.units")) continue;
    std::string b = bare(c.before.zh), a = bare(c.after.zh);
    size_t at = text.find(b);
    if (!b.empty() && at != std::string::npos) text.replace(at, b.size(), a);
  }
  return text;
}

// Every character of every paragraph, cell, header, footer and note of `before` is in `after`,
// in order; a paragraph may differ only by the typed number fix replaced and by the text edits
// fix logged (`changes`).
inline void expect_same_words(const std::string& before, const std::string& after, const std::vector<fix::Change>& changes = {}) {
  auto a = testkit::read_zip(before), b = testkit::read_zip(after);
  for (const auto& [part, xml] : a) {
    bool text_part = part == "word/document.xml" || part == "word/footnotes.xml" || part == "word/endnotes.xml" ||
                     part.rfind("word/header", 0) == 0 || part.rfind("word/footer", 0) == 0;
    if (!text_part || part.find(".rels") != std::string::npos) continue;
    ASSERT_TRUE(b.count(part)) << part << " is gone from " << after;
    std::vector<std::string> x = paragraph_texts(xml), y = paragraph_texts(b.at(part));
    ASSERT_EQ(x.size(), y.size()) << part << ": paragraph count changed";
    // Captions may move to the other side of their table or figure: the other paragraphs keep
    // their order, the captions their words (numbers aside).
    static const std::regex caption("^( |\t|　)*(表|图|Table|TABLE|Tab\\.|Figure|FIGURE|Fig\\.) *[0-9]");
    auto split = [&](std::vector<std::string>& v, bool edited) {
      std::vector<std::string> caps, rest;
      for (std::string& t : v) (std::regex_search(t, caption) ? caps : rest).push_back(t);
      v = rest;
      for (std::string& c : caps) c = without_number(edited ? with_logged_edits(c, changes) : c);
      std::sort(caps.begin(), caps.end());
      return caps;
    };
    std::vector<std::string> xc = split(x, true), yc = split(y, false);
    EXPECT_EQ(xc, yc) << part << ": the captions' words changed";
    ASSERT_EQ(x.size(), y.size()) << part << ": a paragraph became or stopped being a caption";
    for (size_t i = 0; i < x.size(); ++i) {
      if (x[i] != y[i]) x[i] = with_logged_edits(x[i], changes);
      if (x[i] == y[i]) continue;
      // The blanks before a typed number may go with it (「\t8.1.\t要求」 → 「\t要求」): only then.
      if (without_number(x[i]) != x[i] && without_lead(without_number(x[i])) == without_lead(y[i])) continue;
      EXPECT_EQ(without_number(x[i]), without_number(y[i]))
          << part << " paragraph " << i + 1 << ": '" << x[i] << "' became '" << y[i] << "'";
    }
  }
}

// ---- the other invariants --------------------------------------------------------------------

inline std::string dump_findings(const rules::Findings& fs) {
  std::string s;
  for (const rules::Finding& f : fs)
    s += f.rule() + " [" + f.kind() + "]" + (f.fixable ? " fixable" : "") + " p" + std::to_string(f.where().paragraph) + " s" +
         std::to_string(f.where().section) + " " + f.where().part() + ": " + f.message().zh + "\n";
  return s;
}

// check(fix(doc)) reports nothing fixable — by fix's own account and by a fresh check.
// `project` "" = the one fix took from the document's header.
inline void expect_nothing_fixable(const Fixed& f, const std::string& project = kProject) {
  EXPECT_EQ(f.result.fixable_remaining(), 0u) << dump_findings(f.result.remaining);
  report::FileReport r = check_file(f.output, xx2014(), project.empty() ? f.result.project : project);
  ASSERT_TRUE(r.checked) << r.error.en;
  rules::Findings fixable;
  for (const rules::Finding& x : r.findings)
    if (x.fixable) fixable.push_back(x);
  EXPECT_TRUE(fixable.empty()) << dump_findings(fixable);
}

inline std::string file_bytes(const std::string& path) { return testkit::read_text(path); }

// fix(fix(x)) == fix(x), byte for byte.
inline void expect_idempotent(const Fixed& f, const std::string& name, const std::string& project = kProject) {
  Fixed again = fix_path(f.output, name + "-again", project);
  EXPECT_FALSE(again.result.changed) << "a second fix changed:\n"
                                     << [&] {
                                          std::string s;
                                          for (const fix::Change& c : again.result.changes)
                                            s += c.where.part() + " p" + std::to_string(c.where.paragraph) + ": " + c.what.zh + "\n";
                                          return s;
                                        }();
  EXPECT_EQ(file_bytes(again.output), file_bytes(f.output)) << "fix(fix(x)) differs from fix(x)";
}

// Every part fix rewrote validates against the schema when the input's part did.
inline void expect_valid_parts(const std::string& before, const std::string& after) {
  auto a = testkit::read_zip(before), b = testkit::read_zip(after);
  for (const auto& [part, xml] : b) {
    bool xml_part = part.size() > 4 && (part.compare(part.size() - 4, 4, ".xml") == 0 || part.compare(part.size() - 5, 5, ".rels") == 0);
    if (!xml_part) continue;
    auto old = a.find(part);
    if (old != a.end() && old->second == xml) continue;                                  // copied as it was
    if (old != a.end() && !testkit::validate_part(part, old->second).empty()) continue;  // was not valid before
    EXPECT_EQ(testkit::validate_part(part, xml), "") << part << " of " << after;
  }
}

// All four at once.
inline void expect_fixed(const Fixed& f, const std::string& name, const std::string& project = kProject) {
  expect_nothing_fixable(f, project);
  expect_same_words(f.input, f.output, f.result.changes);
  expect_valid_parts(f.input, f.output);
  expect_idempotent(f, name, project);
}

}  // namespace bidfmt::testfix
