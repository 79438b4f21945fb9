// Plan: numbering, captions, bookmarks, list instances, sections, images — computed before writing.
#include "writer/plan.h"

#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/error.h"
#include "core/file_io.h"
#include "core/text.h"
#include "writer/media.h"

namespace bidfmt::writer {
namespace {

std::string chinese_counting(int n) {
  UErrorCode status = U_ZERO_ERROR;
  static thread_local std::unique_ptr<icu::RuleBasedNumberFormat> fmt(
      new icu::RuleBasedNumberFormat(icu::URBNF_SPELLOUT, icu::Locale::getChinese(), status));
  icu::UnicodeString out;
  if (U_SUCCESS(status)) fmt->format(static_cast<int32_t>(n), out);
  std::string s;
  out.toUTF8String(s);
  return s;
}

std::string format_one(const std::string& fmt, int n) {
  if (fmt == "chineseCounting" || fmt == "chineseCountingThousand" || fmt == "ideographTraditional") return chinese_counting(n);
  if (fmt == "decimalEnclosedCircle" && n >= 1 && n <= 20) {
    std::string s;
    icu::UnicodeString(static_cast<UChar32>(0x2460 + n - 1)).toUTF8String(s);
    return s;
  }
  if ((fmt == "upperLetter" || fmt == "lowerLetter") && n >= 1) {
    char base = fmt == "upperLetter" ? 'A' : 'a';
    // Word repeats the letter past Z: AA, BB, …
    return std::string(static_cast<size_t>((n - 1) / 26 + 1), static_cast<char>(base + (n - 1) % 26));
  }
  return std::to_string(n);
}

std::string plain_text(const model::Inlines& inl) {
  std::string s;
  for (const model::Span& sp : inl) s += sp.line_break ? " " : sp.text;
  return s;
}

std::string trimmed_number(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  const std::string ideographic = "\u3000";
  while (s.size() >= ideographic.size() && s.compare(s.size() - ideographic.size(), std::string::npos, ideographic) == 0)
    s.resize(s.size() - ideographic.size());
  return s;
}

// Width of text in character cells: CJK (wide/fullwidth) 1, others 0.5 — for page estimates.
double cells(const std::string& s) { return static_cast<double>(core::display_columns(s)) / 2.0; }

// Rough page estimate when no layout pass ran: lines of text per page at the profile's sizes.
class PageEstimate {
 public:
  explicit PageEstimate(const profile::Profile& p) {
    double text_h = (p.page.height.v - p.page.margin_top.v - p.page.margin_bottom.v) / 20.0;
    body_line_ = p.body.size.pt() * 1.3 * p.body.line.multiple();
    table_line_ = p.table.text.size.pt() * 1.3 * p.table.text.line.multiple() + 4;
    page_h_ = text_h;
    cpl_body_ = p.page.text_width().pt() / p.body.size.pt();
    cpl_table_ = cpl_body_ * p.body.size.pt() / p.table.text.size.pt();
  }
  void paragraph(double width) { add(std::ceil((width + 2) / cpl_body_) * body_line_); }
  void table_row(double widest_cell_share) { add(std::max(1.0, std::ceil(widest_cell_share / cpl_table_)) * table_line_); }
  void figure() { add(page_h_ * 0.45); }
  void page_break() {
    if (used_ > 0) ++pages_, used_ = 0;
  }
  int page() const { return pages_; }  // 1-based current page
  int total() const { return used_ > 0 ? pages_ : std::max(1, pages_ - 1); }

 private:
  void add(double h) {
    used_ += h;
    while (used_ > page_h_) used_ -= page_h_, ++pages_;
  }
  double page_h_, body_line_, table_line_, cpl_body_, cpl_table_;
  double used_ = 0;
  int pages_ = 1;
};

}  // namespace

std::string format_number(const profile::NumberLevel& lvl, const std::vector<int>& counters, int level) {
  std::string out;
  const std::string& t = lvl.text;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
      int k = t[i + 1] - '1';
      int v = k < static_cast<int>(counters.size()) ? counters[static_cast<size_t>(k)] : 0;
      // The own level in its format; higher levels as arabic digits (what w:isLgl shows, and
      // what every profile here uses for 1.1 / 1.1.1).
      out += k == level - 1 ? format_one(lvl.format, v) : std::to_string(v);
      ++i;
    } else {
      out += t[i];
    }
  }
  return out;
}

Geometry geometry_of(model::PageShape shape, const profile::Profile& p) {
  Geometry g;
  g.shape = shape;
  switch (shape) {
    case model::PageShape::portrait: g.width = p.page.width, g.height = p.page.height; break;
    case model::PageShape::landscape: g.width = p.page.height, g.height = p.page.width; break;
    case model::PageShape::a3_landscape: g.width = p.page.a3_width, g.height = p.page.a3_height; break;
  }
  return g;
}

int first_deep_level(const profile::Profile& profile) {
  // The profile marks them: the levels that carry the standard's heading.depth rule.
  for (const profile::HeadingLevel& h : profile.headings)
    if (h.rule == "heading.depth" && h.level > 1) return h.level;
  return 0;
}

namespace {

// Calls f on every run list of a block a reader sees inline text in (paragraphs, list items,
// headings, table cells).
template <typename F>
void for_each_inlines(const model::Block& b, F&& f) {
  if (auto* p = std::get_if<model::Paragraph>(&b)) f(p->text);
  if (auto* li = std::get_if<model::ListItem>(&b)) f(li->text);
  if (auto* h = std::get_if<model::Heading>(&b)) f(h->text);
  if (auto* t = std::get_if<model::Table>(&b)) {
    for (const auto& c : t->header) f(c);
    for (const auto& r : t->rows)
      for (const auto& c : r) f(c);
  }
}

// One pass over the blocks, a method per block kind; then references, parts and pages.
class Planner {
 public:
  Planner(const model::Document& doc, const profile::Profile& profile, int first_chapter) : doc_(doc), profile_(profile), est_(profile) {
    plan_.first_chapter = std::max(1, first_chapter);
    plan_.geometries.push_back(geometry_of(model::PageShape::portrait, profile));
    counters_[0] = plan_.first_chapter - 1;
    plan_.first_deep_level = first_deep_level(profile);
    under_heading_ = !doc.meta.title.empty() ? doc.meta.title : doc.meta.project;
    plan_.footnotes = !doc.footnotes.empty();
  }

  void block(size_t i, const model::Block& b) {
    if (auto* h = std::get_if<model::Heading>(&b)) {
      if (h->unnumbered) unnumbered_heading(i, *h);
      else heading(i, *h);
    } else if (auto* t = std::get_if<model::Table>(&b)) {
      table(i, *t);
    } else if (auto* f = std::get_if<model::Figure>(&b)) {
      figure(i, *f);
    } else if (auto* li = std::get_if<model::ListItem>(&b)) {
      list_item(*li);
    } else if (auto* p = std::get_if<model::Paragraph>(&b)) {
      est_.paragraph(cells(plain_text(p->text)));
    } else if (std::holds_alternative<model::PageBreak>(b)) {
      est_.page_break();
    } else if (auto* s = std::get_if<model::SectionStart>(&b)) {
      section_start(*s);
    } else if (std::holds_alternative<model::SectionEnd>(b)) {
      est_.page_break();
    }
    for_each_inlines(b, [&](const model::Inlines& inl) { collect_links(inl); });
  }

  // Every reference needs its target (anywhere: before or after it, in any input file).
  void check_references(const std::map<std::string, std::string>* outside) {
    auto check = [&](const model::Inlines& inl) { check_refs(inl, outside); };
    for (const model::Block& b : doc_.blocks) for_each_inlines(b, check);
    for (const model::Footnote& n : doc_.footnotes)
      for (const model::Inlines& p : n.paragraphs) check(p);
  }

  Plan finish(const Pagination* pages) {
    for (size_t k = 0; k < plan_.geometries.size(); ++k) {
      Geometry& g = plan_.geometries[k];
      g.header_part = "word/header" + std::to_string(k + 1) + ".xml";
      g.footer_part = "word/footer" + std::to_string(k + 1) + ".xml";
      g.header_rel = "rIdHeader" + std::to_string(k + 1);
      g.footer_rel = "rIdFooter" + std::to_string(k + 1);
    }
    plan_.body_pages = est_.total();
    if (pages && pages->heading_pages.size() == plan_.toc.size()) {
      for (size_t k = 0; k < plan_.toc.size(); ++k) plan_.toc[k].page = pages->heading_pages[k];
      plan_.body_pages = pages->body_pages;
      plan_.pages_known = true;
    }
    return std::move(plan_);
  }

 private:
  // A caption's name: the source's, else (captions.*.untitled: heading) the heading's title.
  std::string name_of(const profile::Caption& cap, const std::string& given) const {
    return !given.empty() || cap.untitled != "heading" ? given : under_heading_;
  }

  // A heading of a level the TOC lists gets its entry (and bookmark) at the estimated page.
  void toc_entry(size_t i, int lvl, const model::Heading& h, std::string number, std::string suffix) {
    if (!profile_.heading(lvl) || lvl > profile_.toc.levels) return;
    TocEntry e;
    e.level = lvl;
    e.number = std::move(number);
    e.suffix = std::move(suffix);
    e.title = plain_text(h.text);
    e.bookmark = "_Toc" + std::to_string(100000001 + plan_.toc.size());
    e.page = est_.page();
    plan_.heading_toc[i] = static_cast<int>(plan_.toc.size());
    plan_.toc.push_back(e);
  }

  // No number and no count, but in the TOC (and the outline, through its style).
  void unnumbered_heading(size_t i, const model::Heading& h) {
    int lvl = std::clamp(h.level, 1, 9);
    under_heading_ = plain_text(h.text);
    toc_entry(i, lvl, h, "", "");
    est_.paragraph(cells(plain_text(h.text)) + 4);
    // No number to show: a reference shows the heading's title.
    target(i, h.id, h.file, h.line, plain_text(h.text), false);
  }

  void heading(size_t i, const model::Heading& h) {
    int lvl = std::clamp(h.level, 1, 9);
    under_heading_ = plain_text(h.text);
    counters_[static_cast<size_t>(lvl - 1)]++;
    for (size_t k = static_cast<size_t>(lvl); k < counters_.size(); ++k) counters_[k] = 0;
    if (lvl <= profile_.table_caption.restart_level) table_n_ = 0;
    if (lvl <= profile_.figure_caption.restart_level) figure_n_ = 0;
    if (plan_.first_deep_level && lvl >= plan_.first_deep_level && profile_.heading(lvl)) {
      if (!deep_group_) {
        deep_group_ = next_num_++;
        int levels = static_cast<int>(profile_.headings.size()) - plan_.first_deep_level + 1;
        plan_.list_nums.push_back({deep_group_, kDeepHeadingAbstract, 0, 1, levels});
      }
      plan_.deep_num[i] = deep_group_;
    } else {
      deep_group_ = 0;  // a higher heading starts a new group
    }
    const profile::HeadingLevel* hl = profile_.heading(lvl);
    if (hl) toc_entry(i, lvl, h, format_number(hl->number, counters_, lvl), hl->number.suffix == "nothing" ? "" : " ");
    est_.paragraph(cells(plain_text(h.text)) + 4);
    // The number the heading shows (what the TOC shows for it); a level the profile does not
    // number shows its title.
    // Without the spaces the level's text ends with (「第一节  」): the reference stands in a sentence.
    if (hl) target(i, h.id, h.file, h.line, trimmed_number(format_number(hl->number, counters_, lvl)), true);
    else target(i, h.id, h.file, h.line, plain_text(h.text), false);
  }

  // Numbers a table's or figure's caption and makes it a reference target.
  void caption(size_t i, const profile::Caption& cap, int n, const std::string& given, const std::string& id, const std::string& file,
               int line) {
    plan_.caption[i] = cap.text_for(counters_, n, name_of(cap, given));
    plan_.caption_label[i] = cap.text_for(counters_, n, "");
    target(i, id, file, line, plan_.caption_label[i], false);
  }

  void table(size_t i, const model::Table& t) {
    caption(i, profile_.table_caption, ++table_n_, t.caption, t.id, t.file, t.line);
    est_.paragraph(10);
    auto row_width = [&](const std::vector<model::Inlines>& row) {
      double w = 0;
      for (const auto& c : row) w = std::max(w, cells(plain_text(c)) * static_cast<double>(row.size()));
      return w;
    };
    est_.table_row(row_width(t.header));
    for (const auto& r : t.rows) est_.table_row(row_width(r));
  }

  void figure(size_t i, const model::Figure& f) {
    caption(i, profile_.figure_caption, ++figure_n_, f.caption, f.id, f.file, f.line);
    auto it = image_index_.find(f.path);
    if (it == image_index_.end()) {
      std::string bytes = core::read_file(f.path);
      ImageInfo info;
      if (!image_info(bytes, info))
        throw Error(f.file.empty() ? doc_.source : f.file, f.line, "图片「" + f.path + "」不是可读的 PNG 或 JPEG",
                    "image '" + f.path + "' is not a readable PNG or JPEG");
      Image img;
      img.source = f.path;
      int n = static_cast<int>(plan_.images.size()) + 1;
      img.part = "word/media/image" + std::to_string(n) + "." + info.extension;
      img.rel_id = "rIdImg" + std::to_string(n);
      img.content_type = info.content_type;
      img.width_px = info.width;
      img.height_px = info.height;
      img.dpi_x = info.dpi_x;
      img.dpi_y = info.dpi_y;
      it = image_index_.emplace(f.path, static_cast<int>(plan_.images.size())).first;
      plan_.images.push_back(img);
    }
    plan_.image_of[i] = it->second;
    est_.figure();
  }

  void list_item(const model::ListItem& li) {
    if (li.task && !plan_.task_num[li.task - 1]) {
      int num = next_num_++;
      plan_.task_num[li.task - 1] = num;
      plan_.list_nums.push_back({num, li.task == 1 ? kTaskOpenAbstract : kTaskDoneAbstract, 0, 1});
    }
    if (!plan_.list_num.count(li.list_id)) {
      int num = next_num_++;
      plan_.list_num[li.list_id] = num;
      plan_.list_nums.push_back({num, li.ordered ? kOrderedAbstract : kBulletAbstract, li.depth, li.start});
    }
    est_.paragraph(cells(plain_text(li.text)));
  }

  void section_start(const model::SectionStart& s) {
    est_.page_break();
    bool have = false;
    for (const Geometry& g : plan_.geometries) have = have || g.shape == s.shape;
    if (!have) plan_.geometries.push_back(geometry_of(s.shape, profile_));
  }

  // Links: collect external targets once each.
  void collect_links(const model::Inlines& inl) {
    for (const model::Span& sp : inl)
      if (!sp.link.empty() && sp.link[0] != '#' && plan_.link_number.emplace(sp.link, static_cast<int>(plan_.links.size()) + 1).second)
        plan_.links.push_back(sp.link);
  }

  // A cross-reference target: its bookmark and text; an id defined twice is an error.
  void target(size_t i, const std::string& id, const std::string& file, int line, std::string text, bool number) {
    if (id.empty()) return;
    const Where here{file.empty() ? doc_.source : file, line};
    auto [it, fresh] = defined_.emplace(id, here);
    if (!fresh) {
      const std::string first = it->second.file + ":" + std::to_string(it->second.line);
      throw Error(here.file, here.line, "交叉引用的标识「" + id + "」重复定义(第一次在 " + first + ")",
                  "cross-reference id '" + id + "' defined twice (first at " + first + ")");
    }
    Plan::RefTarget t;
    t.bookmark = "_Ref" + std::to_string(300000001 + plan_.refs.size());
    t.text = std::move(text);
    t.number = number;
    plan_.ref_bookmark[i] = t.bookmark;
    plan_.refs.emplace(id, std::move(t));
  }

  void check_refs(const model::Inlines& inl, const std::map<std::string, std::string>* outside) {
    for (const model::Span& sp : inl) {
      if (sp.ref.empty() || plan_.refs.count(sp.ref)) continue;
      if (outside)
        if (auto it = outside->find(sp.ref); it != outside->end()) {
          plan_.outside_refs[sp.ref] = it->second;
          continue;
        }
      throw Error(sp.ref_file.empty() ? doc_.source : sp.ref_file, sp.ref_line,
                  "交叉引用「@" + sp.ref + "」没有目标:没有标题、表或图带 {#" + sp.ref + "}",
                  "cross-reference '@" + sp.ref + "' has no target: no heading, table or figure has {#" + sp.ref + "}");
    }
  }

  struct Where {
    std::string file;
    int line;
  };

  const model::Document& doc_;
  const profile::Profile& profile_;
  Plan plan_;
  PageEstimate est_;
  std::vector<int> counters_ = std::vector<int>(9, 0);
  int table_n_ = 0, figure_n_ = 0;
  int next_num_ = kHeadingNumId + 1;
  int deep_group_ = 0;  // w:numId of the current group of deep headings, 0 = none yet
  std::map<std::string, int> image_index_;
  // The title of the latest heading (before any, the document's): names a table with no caption.
  std::string under_heading_;
  std::map<std::string, Where> defined_;
};

}  // namespace

Plan make_plan(const model::Document& doc, const profile::Profile& profile, const Pagination* pages, int first_chapter,
               const std::map<std::string, std::string>* outside) {
  Planner planner(doc, profile, first_chapter);
  for (size_t i = 0; i < doc.blocks.size(); ++i) planner.block(i, doc.blocks[i]);
  planner.check_references(outside);
  return planner.finish(pages);
}

}  // namespace bidfmt::writer
