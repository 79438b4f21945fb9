// Docx test fixtures: tiny packages written from literal XML parts, read back as a docx::Document.
#pragma once
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "docx/document.h"
#include "profile/profile.h"
#include "support/testkit.h"

namespace bidfmt::docxtest {

inline const char* kW =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

// Literal parts of a small package; empty strings leave a part out.
struct Pkg {
  std::string body;                          // children of w:body
  std::string styles;                        // children of w:styles
  std::string numbering;                     // children of w:numbering
  std::string theme;                         // a whole theme1.xml
  std::string settings;                      // children of w:settings
  std::map<std::string, std::string> parts;  // rel id → {part name, whole XML} via add_part
  std::map<std::string, std::string> part_names;
  void add_part(const std::string& rel_id, const std::string& name, const std::string& xml) {
    parts[rel_id] = xml;
    part_names[rel_id] = name;
  }
};

inline std::string write_pkg(const Pkg& p, const std::string& name) {
  std::map<std::string, std::string> z;
  z["[Content_Types].xml"] =
      "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
  z["_rels/.rels"] =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"word/document.xml\"/></Relationships>";
  std::string rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  auto rel = [&](const std::string& id, const std::string& type, const std::string& target) {
    rels += "<Relationship Id=\"" + id + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + type +
            "\" Target=\"" + target + "\"/>";
  };
  z["word/document.xml"] = std::string("<?xml version=\"1.0\"?><w:document ") + kW + "><w:body>" + p.body + "</w:body></w:document>";
  if (!p.styles.empty()) {
    z["word/styles.xml"] = std::string("<?xml version=\"1.0\"?><w:styles ") + kW + ">" + p.styles + "</w:styles>";
    rel("rIdS", "styles", "styles.xml");
  }
  if (!p.numbering.empty()) {
    z["word/numbering.xml"] = std::string("<?xml version=\"1.0\"?><w:numbering ") + kW + ">" + p.numbering + "</w:numbering>";
    rel("rIdN", "numbering", "numbering.xml");
  }
  if (!p.settings.empty()) {
    z["word/settings.xml"] = std::string("<?xml version=\"1.0\"?><w:settings ") + kW + ">" + p.settings + "</w:settings>";
    rel("rIdSet", "settings", "settings.xml");
  }
  if (!p.theme.empty()) {
    z["word/theme/theme1.xml"] = p.theme;
    rel("rIdT", "theme", "theme/theme1.xml");
  }
  for (const auto& [id, xml] : p.parts) {
    const std::string& part = p.part_names.at(id);
    z["word/" + part] = xml;
    rel(id, part.find("header") != std::string::npos ? "header" : "footer", part);
  }
  z["word/_rels/document.xml.rels"] = rels + "</Relationships>";
  // One folder per test and name: ctest runs tests in parallel processes, and temp_dir empties its
  // folder, so two tests writing the same name must not share it. The file keeps its name (Standard
  // B reads a chapter's number from it).
  const ::testing::TestInfo* t = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string owner = t ? std::string(t->test_suite_name()) + "." + t->name() + "-" : "";
  std::string path = testkit::temp_dir("docx-" + owner + name) + "/" + name + ".docx";
  testkit::write_zip(path, z);
  return path;
}

inline const profile::Profile& xx2014() {
  static const profile::Profile p = profile::load("xx-2014");
  return p;
}

inline std::unique_ptr<docx::Document> read_pkg(const Pkg& p, const std::string& name) {
  return docx::Document::read(write_pkg(p, name), xx2014());
}

// A paragraph by its text.
inline const docx::Paragraph& para(const docx::Document& d, const std::string& text) {
  for (const docx::Paragraph& p : d.body().paragraphs)
    if (p.text == text) return p;
  throw std::runtime_error("no paragraph " + text);
}

// Header/footer part XML with one paragraph of `inner` runs.
inline std::string hf_part(bool header, const std::string& inner) {
  std::string root = header ? "w:hdr" : "w:ftr";
  return "<?xml version=\"1.0\"?><" + root + " " + kW + "><w:p>" + inner + "</w:p></" + root + ">";
}

}  // namespace bidfmt::docxtest
