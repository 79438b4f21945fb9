// Plan: one pass over the model before any XML is written — heading numbers, caption numbers,
// bookmarks, list instances, body sections, images and links — so every part can be written in
// one streaming pass and agree with the others.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/units.h"
#include "model/document.h"
#include "profile/profile.h"

namespace bidfmt::writer {

struct TocEntry {
  int level = 1;
  std::string number;  // 「一、」 「1.1」 as the heading shows it
  std::string suffix;  // "" or " " (w:suff)
  std::string title;
  std::string bookmark;  // _Toc…
  int page = 0;          // body page, when known
};

struct Image {
  std::string source;  // file path
  std::string part;    // word/media/imageN.png
  std::string rel_id;  // rIdImgN
  std::string content_type;
  long long width_px = 0, height_px = 0;
  double dpi_x = 0, dpi_y = 0;  // 0: the file states none (the profile's figures.dpi applies)
};

struct Geometry {
  model::PageShape shape = model::PageShape::portrait;
  Twips width, height;
  std::string header_part, footer_part;  // word/headerN.xml …
  std::string header_rel, footer_rel;    // rIdHdrN …
};

struct Plan {
  // Per block index: what the writer needs that depends on what came before.
  std::map<size_t, int> heading_toc;      // Heading block → index into toc
  std::map<size_t, std::string> caption;  // Table/Figure block → 「表1.1-1 名称」
  std::map<size_t, int> image_of;         // Figure block → index into images
  std::map<int, int> list_num;            // model list_id → w:numId
  struct ListNum {
    int num_id, abstract_id, level, start;  // a w:num restarting `level` at `start`
    int levels = 1;                         // …and every level below it up to level+levels-1 at 1
  };
  std::vector<ListNum> list_nums;
  // Headings deeper than the standard's levels (1、 (1) ① under 1.1.1) number in groups of their
  // own, one w:num per group under each higher heading: sharing the heading list would make
  // LibreOffice count a skipped level (ooxml-notes §11).
  int first_deep_level = 0;        // 0 = none
  std::map<size_t, int> deep_num;  // deep Heading block → w:numId
  std::vector<TocEntry> toc;
  std::vector<Image> images;
  std::vector<std::string> links;          // external hyperlink targets, rIdLinkN = index+1
  std::map<std::string, int> link_number;  // target → N of rIdLinkN (no linear search per link)
  std::vector<Geometry> geometries;        // distinct body page shapes; [0] = portrait
  int body_pages = 0;                      // known (layout pass) or estimated
  bool pages_known = false;
  bool layout_draft = false;  // WriteOptions::layout_draft
  int first_chapter = 1;      // level-1 numbering starts here
  int task_num[2] = {0, 0};   // w:numId of open / done task items, 0 = none
  bool footnotes = false;     // the document has footnotes (word/footnotes.xml)
  // Cross-references. A target (a Heading/Table/Figure with an id) carries a _Ref bookmark: around
  // its caption's label and number, or around the heading paragraph's text.
  struct RefTarget {
    std::string bookmark;  // _Ref…
    std::string text;      // the reference's visible text: 「表2.3-1」「图1.2-1」「2.3」
    bool number = false;   // a heading's automatic number (REF \n: the paragraph number as shown)
  };
  std::map<std::string, RefTarget> refs;        // id 「tbl:…」 → target
  std::map<size_t, std::string> ref_bookmark;   // target block → its _Ref bookmark
  std::map<size_t, std::string> caption_label;  // Table/Figure block → 「表1.1-1」 (label and number)
  // A reference whose target is in another file of the same build (--split-chapters, the A3
  // file): no bookmark here to point at, so it is written as its text.
  std::map<std::string, std::string> outside_refs;  // id → 「表2.3-1」
};

// Page numbers from a layout pass (LibreOffice), written into the cached field results.
struct Pagination {
  std::vector<int> heading_pages;  // one per TOC entry, body page numbers
  int body_pages = 0;
};

inline constexpr int kHeadingNumId = 1;
inline constexpr int kHeadingAbstract = 0, kOrderedAbstract = 1, kBulletAbstract = 2, kDeepHeadingAbstract = 3;
// Task list items: a bullet list whose glyph is the box (lists.task_open / task_done).
inline constexpr int kTaskOpenAbstract = 4, kTaskDoneAbstract = 5;

// The first heading level below the standard's heading levels (its rule is heading.depth), 0 if none.
int first_deep_level(const profile::Profile& profile);

// Builds the plan. Throws Error for images that cannot be read, for an id defined twice and for a
// reference to an id nothing defines (naming the file and line).
// `outside`: the ids other files of the same build define (id → their text), or null.
Plan make_plan(const model::Document& doc, const profile::Profile& profile, const Pagination* pages, int first_chapter = 1,
               const std::map<std::string, std::string>* outside = nullptr);

// The number a heading level shows for counters c[0..level-1] (一、 / 1.1 / 1.1.1 / 1、 / (1) / ①).
std::string format_number(const profile::NumberLevel& lvl, const std::vector<int>& counters, int level);

// Geometry of a page shape from the profile.
Geometry geometry_of(model::PageShape shape, const profile::Profile& profile);

}  // namespace bidfmt::writer
