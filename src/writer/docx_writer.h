// The DOCX writer: model + profile → a complete, schema-valid package, written atomically.
#pragma once
#include <map>
#include <string>

#include "model/document.h"
#include "profile/profile.h"
#include "writer/plan.h"

namespace bidfmt::writer {

struct WriteOptions {
  std::string created;                // W3CDTF timestamp for docProps; "" = SOURCE_DATE_EPOCH or a fixed date
  const Pagination* pages = nullptr;  // page numbers from a layout pass, if one ran
  int first_chapter = 1;              // number of the first level-1 heading (per-chapter files)
  bool word_template = false;         // write a .dotx (template main part) instead of a .docx
  // Block index → caption text that replaces the plan's: A3 sections moved after the last chapter
  // (profile page.a3_at_end) keep the numbers of the chapter they came from.
  std::map<size_t, std::string> captions{};
  std::map<size_t, std::string> caption_labels{};  // …and their label and number 「表1.1-1」 (references show it)
  // Cross-reference ids defined in the build's other files (--split-chapters): id → their text.
  std::map<std::string, std::string> outside_refs{};
  // The draft a LibreOffice layout pass reads, never shipped: its TOC is plain paragraphs inside
  // the bookmark kLayoutTocMark, with no TOC field around them. LibreOffice keeps a TOC field's
  // lines as they were saved until its index is updated, which lays the document out again;
  // PAGEREF fields outside an index it computes as it lays the pages out.
  bool layout_draft = false;
};

// The bookmark around a layout draft's TOC entries (WriteOptions::layout_draft).
inline constexpr const char* kLayoutTocMark = "_BidfmtToc";

// Writes `path` atomically; throws Error on failure, leaving no file behind.
void write_docx(const model::Document& doc, const profile::Profile& profile, const WriteOptions& options, const std::string& path);

}  // namespace bidfmt::writer
