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
};

// Writes `path` atomically; throws Error on failure, leaving no file behind.
void write_docx(const model::Document& doc, const profile::Profile& profile, const WriteOptions& options, const std::string& path);

}  // namespace bidfmt::writer
