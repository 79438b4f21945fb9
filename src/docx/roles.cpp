// Roles: what each paragraph and section is — cover, TOC, heading level, body, list, table text, captions.
#include <algorithm>
#include <filesystem>

#include "core/text.h"
#include "docx/labels.h"
#include "docx/reader.h"
#include "docx/script.h"

namespace bidfmt::docx {
namespace {

// 「表1.1-1 …」: the label, then (after optional blanks) a digit.
bool starts_caption(std::string_view text, const std::string& label) {
  std::string t = trim(text);
  if (label.empty() || t.compare(0, label.size(), label) != 0) return false;
  size_t i = label.size();
  while (i < t.size() && t[i] == ' ') ++i;
  if (i >= t.size()) return false;
  size_t j = i;
  char32_t c = decode_utf8(t, j);
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

// True when a label ends in blanks (「2.2  」), ASCII or U+3000.
bool ends_blank(std::string_view s) {
  if (s.empty()) return false;
  if (s.back() == ' ' || s.back() == '\t') return true;
  return s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80";
}

// The chapter number a text starts with (「第二章 工程概况」 → 2), read in the shape of the
// profile's first heading level without its trailing blanks (so 「第二章工程概况」 counts too);
// 0 when it starts with none.
int chapter_number(std::string_view text, const profile::Profile& profile) {
  if (profile.headings.empty()) return 0;
  std::vector<profile::NumberLevel> levels{profile.headings.front().number};
  std::string& pattern = levels.front().text;
  while (!pattern.empty() && (pattern.back() == ' ' || pattern.back() == '\t')) pattern.pop_back();
  auto m = match_label(trim(text), levels, 0);
  return m && m->numbers.size() == 1 ? m->numbers.front() : 0;
}

}  // namespace

void Reader::classify() {
  for (Paragraph& p : doc_.body_.paragraphs) classify_paragraph(p);
  classify_sections();

  std::vector<Paragraph>& ps = doc_.body_.paragraphs;
  auto non_empty_before = [&](int i) {
    for (--i; i >= 0; --i) {
      if (ps[static_cast<size_t>(i)].table != 0) return -1;
      if (ps[static_cast<size_t>(i)].role != Role::empty) return i;
    }
    return -1;
  };
  auto non_empty_after = [&](int i) {
    for (++i; i < static_cast<int>(ps.size()); ++i) {
      if (ps[static_cast<size_t>(i)].table != 0) return -1;
      if (ps[static_cast<size_t>(i)].role != Role::empty) return i;
    }
    return -1;
  };
  auto captionable = [&](int i) {
    return i >= 0 && (ps[static_cast<size_t>(i)].role == Role::body || ps[static_cast<size_t>(i)].role == Role::heading);
  };
  // Table captions: 「表…」 right before a table (or after it, which table.caption reports).
  for (const Table& t : doc_.body_.tables) {
    if (t.depth != 0) continue;
    int before = t.block_before >= 0 && ps[static_cast<size_t>(t.block_before)].role == Role::empty ? non_empty_before(t.block_before)
                                                                                                    : t.block_before;
    int after =
        t.block_after >= 0 && ps[static_cast<size_t>(t.block_after)].role == Role::empty ? non_empty_after(t.block_after) : t.block_after;
    for (int i : {before, after})
      if (captionable(i) && starts_caption(ps[static_cast<size_t>(i)].text, profile_.table_caption.label))
        ps[static_cast<size_t>(i)].role = Role::table_caption;
  }
  // Figure captions: 「图…」 right after a figure paragraph (or before it).
  for (Paragraph& p : ps) {
    if (p.role != Role::figure || p.table != 0) continue;
    for (int i : {non_empty_after(p.index), non_empty_before(p.index)})
      if (captionable(i) && starts_caption(ps[static_cast<size_t>(i)].text, profile_.figure_caption.label))
        ps[static_cast<size_t>(i)].role = Role::figure_caption;
  }
  number_headings();
}

void Reader::classify_paragraph(Paragraph& p) {
  bool has_text = !blank(p.text);
  if (!has_text && !p.has_drawing) {
    p.role = Role::empty;
    return;
  }
  if (p.table != 0) {
    p.role = Role::table_text;
    return;
  }
  std::string style_name = p.style ? core::ascii_lower(p.style->name) : "";
  if (p.in_toc || (style_name.size() == 5 && style_name.compare(0, 4, "toc ") == 0)) {
    p.role = Role::toc;
    return;
  }
  if (style_name == "toc heading") {
    p.role = Role::toc_title;
    return;
  }
  int level = p.style ? p.style->heading_by_name : 0;
  if (!level && p.props->outline_lvl.set() && p.props->outline_lvl.value >= 0 && p.props->outline_lvl.value <= 8)
    level = p.props->outline_lvl.value + 1;
  if (level) {
    p.role = Role::heading;
    p.heading_level = level;
    return;
  }
  if (p.has_drawing && !has_text) {
    p.role = Role::figure;
    return;
  }
  if (p.style && doc_.styles_->derives_from(p.style, "HTML Preformatted")) {
    p.role = Role::code;
    return;
  }
  if (p.style && (doc_.styles_->derives_from(p.style, "Quote") || doc_.styles_->derives_from(p.style, "Intense Quote"))) {
    p.role = Role::quote;
    return;
  }
  if (p.level && p.level->format != "none") {
    p.role = Role::list_item;
    return;
  }
  if (int l = text_heading_level(p)) {
    p.role = Role::heading;
    p.heading_level = l;
    p.heading_by_text = true;
    return;
  }
  p.role = Role::body;
}

int Reader::text_heading_level(const Paragraph& p) const {
  std::string t = trim(p.text);
  // UTF-8 takes at most 4 bytes a character: a longer text has more than 60 (without counting
  // them: this runs for every paragraph).
  if (t.empty() || t.size() > 60 * 4 || length_utf8(t) > 60) return 0;
  for (const char* end : {"。", "；", ";", "：", ":", "，", ","})
    if (t.size() >= std::string(end).size() && t.compare(t.size() - std::string(end).size(), std::string::npos, end) == 0) return 0;
  std::vector<profile::NumberLevel> levels;
  for (const profile::HeadingLevel& h : profile_.headings) levels.push_back(h.number);
  for (size_t lvl = std::min<size_t>(static_cast<size_t>(title_levels(profile_)), levels.size()); lvl >= 1; --lvl) {
    auto m = match_label(t, levels, lvl - 1);
    if (!m) continue;
    std::string_view rest = std::string_view(t).substr(m->length);
    if (blank(rest)) continue;
    size_t i = 0;
    char32_t next = decode_utf8(rest, i);
    // A digit right after the number lengthens it; after the label's blanks it starts the title
    // (「2.2  3D激光扫描复核」).
    if (!ends_blank(std::string_view(t).substr(0, m->length)) &&
        ((next >= '0' && next <= '9') || next == '.' || next == U'．' || next == U'、'))
      continue;
    return static_cast<int>(lvl);
  }
  return 0;
}

void Reader::classify_sections() {
  std::vector<Section>& ss = doc_.sections_;
  std::vector<Paragraph>& ps = doc_.body_.paragraphs;
  for (Section& s : ss) {
    for (int i = s.first_paragraph; i <= s.last_paragraph && i < static_cast<int>(ps.size()); ++i) {
      const Paragraph& p = ps[static_cast<size_t>(i)];
      if (p.role == Role::toc || p.role == Role::toc_title) s.has_toc = true;
      if (p.role == Role::heading && p.heading_level <= title_levels(profile_)) s.has_heading = true;
    }
  }
  // The body starts at the first section with a heading; sections before it are the TOC
  // (when they hold one) or the cover; sections between the TOC and that heading are body.
  int n = static_cast<int>(ss.size());
  int first_heading = 0, last_toc = 0;
  for (const Section& s : ss)
    if (s.has_heading) {
      first_heading = s.number;
      break;
    }
  for (const Section& s : ss)
    if (s.has_toc && (first_heading == 0 || s.number < first_heading)) last_toc = s.number;
  int body_start;
  if (first_heading) body_start = last_toc ? std::min(first_heading, last_toc + 1) : first_heading;
  else body_start = last_toc ? std::min(last_toc + 1, n) : 1;
  for (Section& s : ss) {
    if (s.number >= body_start) s.role = SectionRole::body;
    else s.role = s.has_toc ? SectionRole::toc : SectionRole::cover;
    if (s.role == SectionRole::body) continue;
    for (int i = s.first_paragraph; i <= s.last_paragraph && i < static_cast<int>(ps.size()); ++i) {
      Paragraph& p = ps[static_cast<size_t>(i)];
      if (p.role == Role::empty || p.role == Role::toc) continue;
      p.role = s.role == SectionRole::cover ? Role::cover : Role::toc_title;
    }
  }
}

// Where the automatic numbering of a paragraph says its level starts (w:startOverride of its list,
// else w:start), 0 when the paragraph shows no automatic number. Not the number it shows: blank
// lines in the heading style are numbered too, and a first chapter that shows 「七、」 after six of
// them starts at 一、.
int Reader::stated_start(const Paragraph& p) const {
  if (p.label.empty() || p.num_id <= 0) return 0;
  const Numbering& numbering = doc_.numbering();
  if (int start = numbering.start_override(p.num_id, p.ilvl); start >= 0) return start;
  const Level* level = numbering.level(p.num_id, p.ilvl);
  return level ? level->start : 0;
}

void Reader::number_headings() {
  const int titles = std::min(title_levels(profile_), 6);
  std::vector<std::string> path(static_cast<size_t>(titles));
  std::array<int, 6> counts{};
  // Standard B (output.per-chapter): a file is one chapter of the bid, so its chapter number is
  // what the file says — its first 章 heading, else its name 「第二章 工程概况.docx」 — and 节, 条
  // and captions count on from it. A whole bid (Standard A) starts at 1, unless its first chapter's
  // automatic number starts further on: a chapter of a bid kept in several files (--split-chapters
  // writes w:startOverride), where 「七、」 is the number the file was given, not a slip. A typed
  // 「七、」 still counts from 1.
  const bool per_chapter = profile_.output.per_chapter;
  bool first_l1 = true;
  if (per_chapter) counts[0] = chapter_number(std::filesystem::u8path(doc_.path()).stem().u8string(), profile_);
  int ordinal = 0;
  std::vector<profile::NumberLevel> levels;
  for (const profile::HeadingLevel& h : profile_.headings) levels.push_back(h.number);
  std::string_view joined;  // the current path, stored once in the Document, shared by its paragraphs
  for (Paragraph& p : doc_.body_.paragraphs) {
    if (p.role == Role::heading && p.heading_level <= 6) {
      size_t l = static_cast<size_t>(p.heading_level);
      if (l == 1 && first_l1) {
        first_l1 = false;
        if (per_chapter) {
          if (int n = chapter_number(p.shown(), profile_)) counts[0] = n - 1;
          else if (counts[0] > 0) --counts[0];  // no number of its own: the name's
        } else if (int n = stated_start(p); n > 1) {
          counts[0] = n - 1;  // an automatic number: the file's stated start
        }
        doc_.first_chapter_ = counts[0] + 1;
      }
      // A heading unnumbered on purpose (附件: numbering off, no number typed) does not count:
      // the next number follows on.
      const bool unnumbered =
          p.numbering_off && p.heading_level <= static_cast<int>(levels.size()) && !match_label(trim(p.text), levels, l - 1);
      if (!unnumbered) {
        ++counts[l - 1];
        for (size_t k = l; k < 6; ++k) counts[k] = 0;
      }
      if (p.heading_level <= titles) {
        path[l - 1] = excerpt(p.shown(), 24);
        for (size_t k = l; k < path.size(); ++k) path[k].clear();
        std::string next;
        for (const std::string& s : path) {
          if (s.empty()) continue;
          if (!next.empty()) next += " › ";
          next += s;
        }
        joined = doc_.heading_paths_.emplace_back(std::move(next));
      }
    }
    if (p.role != Role::empty) p.content_ordinal = ++ordinal;
    p.counts = counts;
    p.heading_path = joined;
    if (p.table > 0) {
      Table& t = doc_.body_.tables[static_cast<size_t>(p.table) - 1];
      if (!t.counted) {
        t.counted = true;
        t.counts = counts;
        t.heading_path = joined;
      }
    }
  }
}

}  // namespace bidfmt::docx
