// Reader (internal): builds a Document — stories, sections, resolved formatting (reader.cpp) and roles (roles.cpp).
#pragma once
#include <string>
#include <vector>

#include "docx/document.h"
#include "docx/resolver.h"

namespace bidfmt::docx {

class Reader {
 public:
  Reader(Document& doc, const profile::Profile& profile);
  void read();
  // Frees each top-level block of the body from the XML tree once read (Document::MainXml::release).
  void release_blocks(bool on) { release_blocks_ = on; }

 private:
  // Where a block sits.
  struct Context {
    int table = 0, row = -1, col = -1, depth = 0;
    TableContext table_style;
    bool toc = false;     // inside a TOC content control
    bool counted = true;  // numbering counts here (the body story)
  };
  struct OpenField {
    std::string instr;
    bool result = false;
  };

  // reader.cpp
  void read_story(Story& story, pugi::xml_node container, bool body);
  void read_blocks(Story& story, pugi::xml_node container, const Context& ctx);
  void read_paragraph(Story& story, pugi::xml_node p, const Context& ctx);
  void read_table(Story& story, pugi::xml_node tbl, const Context& ctx);
  void read_inline(Paragraph& p, pugi::xml_node parent, const Context& ctx);
  void read_run(Paragraph& p, pugi::xml_node r, const Context& ctx);
  void add_text(Paragraph& p, std::string_view s);
  bool displayed() const;
  bool in_toc_field() const;
  void close_section(pugi::xml_node sect_pr, int last_paragraph);
  void read_section_properties(Section& s);
  void read_headers_footers();

  // roles.cpp
  void classify();
  void classify_paragraph(Paragraph& p);
  void classify_sections();
  void number_headings();
  int stated_start(const Paragraph& p) const;
  int text_heading_level(const Paragraph& p) const;

  Document& doc_;
  const profile::Profile& profile_;
  Resolver& resolver_;  // the Document's
  NumberingCounter counter_;
  std::vector<OpenField> fields_;
  std::vector<Section> pending_;  // sections as they close
  int section_ = 1;
  int section_first_ = 0;
  bool reading_body_ = false;
  bool release_blocks_ = false;
  size_t released_ = 0;  // top-level blocks freed from the XML tree
  static constexpr size_t kBlocksPerTrim = 1024;
  int nesting_ = 0;  // current depth of nested blocks and inline containers
  static constexpr int kMaxDepth = 32;
};

}  // namespace bidfmt::docx
