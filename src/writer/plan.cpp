// Plan: numbering, captions, bookmarks, list instances, sections, images — computed before writing.
#include "writer/plan.h"

#include <unicode/rbnf.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/error.h"
#include "core/file_io.h"
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
  if (fmt == "chineseCounting" || fmt == "chineseCountingThousand" || fmt == "ideographTraditional")
    return chinese_counting(n);
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
double cells(const std::string& s) {
  double w = 0;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) continue;
    int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 1.0 : 0.5;
  }
  return w;
}

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

Plan make_plan(const model::Document& doc, const profile::Profile& profile, const Pagination* pages,
               int first_chapter, const std::map<std::string, std::string>* outside) {
  Plan plan;
  plan.first_chapter = std::max(1, first_chapter);
  plan.geometries.push_back(geometry_of(model::PageShape::portrait, profile));
  std::vector<int> counters(9, 0);
  counters[0] = plan.first_chapter - 1;
  int table_n = 0, figure_n = 0;
  int next_num = kHeadingNumId + 1;
  plan.first_deep_level = first_deep_level(profile);
  int deep_group = 0;  // w:numId of the current group of deep headings, 0 = none yet
  PageEstimate est(profile);
  std::map<std::string, int> image_index;
  // The title of the latest heading (before any, the document's): names a table with no caption.
  std::string under_heading = !doc.meta.title.empty() ? doc.meta.title : doc.meta.project;
  plan.footnotes = !doc.footnotes.empty();
  // A caption's name: the source's, else (captions.*.untitled: heading) the heading's title.
  auto name_of = [&](const profile::Caption& cap, const std::string& given) {
    return !given.empty() || cap.untitled != "heading" ? given : under_heading;
  };

  // A cross-reference target: its bookmark and text; an id defined twice is an error.
  struct Where {
    std::string file;
    int line;
  };
  std::map<std::string, Where> defined;
  auto target = [&](size_t i, const std::string& id, const std::string& file, int line, std::string text, bool number) {
    if (id.empty()) return;
    const Where here{file.empty() ? doc.source : file, line};
    auto [it, fresh] = defined.emplace(id, here);
    if (!fresh) {
      const std::string first = it->second.file + ":" + std::to_string(it->second.line);
      throw Error(here.file, here.line, "交叉引用的标识「" + id + "」重复定义(第一次在 " + first + ")",
                  "cross-reference id '" + id + "' defined twice (first at " + first + ")");
    }
    Plan::RefTarget t;
    t.bookmark = "_Ref" + std::to_string(300000001 + plan.refs.size());
    t.text = std::move(text);
    t.number = number;
    plan.ref_bookmark[i] = t.bookmark;
    plan.refs.emplace(id, std::move(t));
  };

  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const model::Block& b = doc.blocks[i];
    if (auto* h = std::get_if<model::Heading>(&b)) {
      int lvl = std::clamp(h->level, 1, 9);
      under_heading = plain_text(h->text);
      if (h->unnumbered) {
        // No number and no count, but in the TOC (and the outline, through its style).
        const profile::HeadingLevel* hl = profile.heading(lvl);
        if (hl && lvl <= profile.toc.levels) {
          TocEntry e;
          e.level = lvl;
          e.title = plain_text(h->text);
          e.bookmark = "_Toc" + std::to_string(100000001 + plan.toc.size());
          e.page = est.page();
          plan.heading_toc[i] = static_cast<int>(plan.toc.size());
          plan.toc.push_back(e);
        }
        est.paragraph(cells(plain_text(h->text)) + 4);
        // No number to show: a reference shows the heading's title.
        target(i, h->id, h->file, h->line, plain_text(h->text), false);
      }
    }
    if (auto* h = std::get_if<model::Heading>(&b); h && !h->unnumbered) {
      int lvl = std::clamp(h->level, 1, 9);
      counters[static_cast<size_t>(lvl - 1)]++;
      for (size_t k = static_cast<size_t>(lvl); k < counters.size(); ++k) counters[k] = 0;
      if (lvl <= profile.table_caption.restart_level) table_n = 0;
      if (lvl <= profile.figure_caption.restart_level) figure_n = 0;
      if (plan.first_deep_level && lvl >= plan.first_deep_level && profile.heading(lvl)) {
        if (!deep_group) {
          deep_group = next_num++;
          int levels = static_cast<int>(profile.headings.size()) - plan.first_deep_level + 1;
          plan.list_nums.push_back({deep_group, kDeepHeadingAbstract, 0, 1, levels});
        }
        plan.deep_num[i] = deep_group;
      } else {
        deep_group = 0;  // a higher heading starts a new group
      }
      const profile::HeadingLevel* hl = profile.heading(lvl);
      if (hl && lvl <= profile.toc.levels) {
        TocEntry e;
        e.level = lvl;
        e.number = format_number(hl->number, counters, lvl);
        e.suffix = hl->number.suffix == "nothing" ? "" : " ";
        e.title = plain_text(h->text);
        e.bookmark = "_Toc" + std::to_string(100000001 + plan.toc.size());
        e.page = est.page();
        plan.heading_toc[i] = static_cast<int>(plan.toc.size());
        plan.toc.push_back(e);
      }
      est.paragraph(cells(plain_text(h->text)) + 4);
      // The number the heading shows (what the TOC shows for it); a level the profile does not
      // number shows its title.
      // Without the spaces the level's text ends with (「第一节  」): the reference stands in a sentence.
      if (hl) target(i, h->id, h->file, h->line, trimmed_number(format_number(hl->number, counters, lvl)), true);
      else target(i, h->id, h->file, h->line, plain_text(h->text), false);
    } else if (auto* t = std::get_if<model::Table>(&b)) {
      ++table_n;
      plan.caption[i] = profile.table_caption.text_for(counters, table_n, name_of(profile.table_caption, t->caption));
      plan.caption_label[i] = profile.table_caption.text_for(counters, table_n, "");
      target(i, t->id, t->file, t->line, plan.caption_label[i], false);
      est.paragraph(10);
      auto row_width = [&](const std::vector<model::Inlines>& row) {
        double w = 0;
        for (const auto& c : row) w = std::max(w, cells(plain_text(c)) * static_cast<double>(row.size()));
        return w;
      };
      est.table_row(row_width(t->header));
      for (const auto& r : t->rows) est.table_row(row_width(r));
    } else if (auto* f = std::get_if<model::Figure>(&b)) {
      ++figure_n;
      plan.caption[i] = profile.figure_caption.text_for(counters, figure_n, name_of(profile.figure_caption, f->caption));
      plan.caption_label[i] = profile.figure_caption.text_for(counters, figure_n, "");
      target(i, f->id, f->file, f->line, plan.caption_label[i], false);
      auto it = image_index.find(f->path);
      if (it == image_index.end()) {
        std::string bytes = core::read_file(f->path);
        ImageInfo info;
        if (!image_info(bytes, info))
          throw Error(f->file.empty() ? doc.source : f->file, f->line, "图片「" + f->path + "」不是可读的 PNG 或 JPEG", "image '" + f->path + "' is not a readable PNG or JPEG");
        Image img;
        img.source = f->path;
        int n = static_cast<int>(plan.images.size()) + 1;
        img.part = "word/media/image" + std::to_string(n) + "." + info.extension;
        img.rel_id = "rIdImg" + std::to_string(n);
        img.content_type = info.content_type;
        img.width_px = info.width;
        img.height_px = info.height;
        img.dpi_x = info.dpi_x;
        img.dpi_y = info.dpi_y;
        it = image_index.emplace(f->path, static_cast<int>(plan.images.size())).first;
        plan.images.push_back(img);
      }
      plan.image_of[i] = it->second;
      est.figure();
    } else if (auto* li = std::get_if<model::ListItem>(&b)) {
      if (li->task && !plan.task_num[li->task - 1]) {
        int num = next_num++;
        plan.task_num[li->task - 1] = num;
        plan.list_nums.push_back({num, li->task == 1 ? kTaskOpenAbstract : kTaskDoneAbstract, 0, 1});
      }
      if (!plan.list_num.count(li->list_id)) {
        int num = next_num++;
        plan.list_num[li->list_id] = num;
        plan.list_nums.push_back({num, li->ordered ? kOrderedAbstract : kBulletAbstract, li->depth, li->start});
      }
      est.paragraph(cells(plain_text(li->text)));
    } else if (auto* p = std::get_if<model::Paragraph>(&b)) {
      est.paragraph(cells(plain_text(p->text)));
    } else if (std::holds_alternative<model::PageBreak>(b)) {
      est.page_break();
    } else if (auto* s = std::get_if<model::SectionStart>(&b)) {
      est.page_break();
      bool have = false;
      for (const Geometry& g : plan.geometries) have = have || g.shape == s->shape;
      if (!have) plan.geometries.push_back(geometry_of(s->shape, profile));
    } else if (std::holds_alternative<model::SectionEnd>(b)) {
      est.page_break();
    }
    // Links: collect external targets once each.
    auto collect = [&](const model::Inlines& inl) {
      for (const model::Span& sp : inl)
        if (!sp.link.empty() && sp.link[0] != '#' &&
            plan.link_number.emplace(sp.link, static_cast<int>(plan.links.size()) + 1).second)
          plan.links.push_back(sp.link);
    };
    if (auto* p = std::get_if<model::Paragraph>(&b)) collect(p->text);
    if (auto* li = std::get_if<model::ListItem>(&b)) collect(li->text);
    if (auto* h = std::get_if<model::Heading>(&b)) collect(h->text);
    if (auto* t = std::get_if<model::Table>(&b)) {
      for (const auto& c : t->header) collect(c);
      for (const auto& r : t->rows)
        for (const auto& c : r) collect(c);
    }
  }
  // Every reference needs its target (anywhere: before or after it, in any input file).
  auto check_refs = [&](const model::Inlines& inl) {
    for (const model::Span& sp : inl) {
      if (sp.ref.empty() || plan.refs.count(sp.ref)) continue;
      if (outside)
        if (auto it = outside->find(sp.ref); it != outside->end()) {
          plan.outside_refs[sp.ref] = it->second;
          continue;
        }
      throw Error(sp.ref_file.empty() ? doc.source : sp.ref_file, sp.ref_line,
                    "交叉引用「@" + sp.ref + "」没有目标:没有标题、表或图带 {#" + sp.ref + "}",
                    "cross-reference '@" + sp.ref + "' has no target: no heading, table or figure has {#" + sp.ref + "}");
    }
  };
  for (const model::Block& b : doc.blocks) {
    if (auto* p = std::get_if<model::Paragraph>(&b)) check_refs(p->text);
    if (auto* li = std::get_if<model::ListItem>(&b)) check_refs(li->text);
    if (auto* h = std::get_if<model::Heading>(&b)) check_refs(h->text);
    if (auto* t = std::get_if<model::Table>(&b)) {
      for (const auto& c : t->header) check_refs(c);
      for (const auto& r : t->rows)
        for (const auto& c : r) check_refs(c);
    }
  }
  for (const model::Footnote& n : doc.footnotes)
    for (const model::Inlines& p : n.paragraphs) check_refs(p);
  for (size_t k = 0; k < plan.geometries.size(); ++k) {
    Geometry& g = plan.geometries[k];
    g.header_part = "word/header" + std::to_string(k + 1) + ".xml";
    g.footer_part = "word/footer" + std::to_string(k + 1) + ".xml";
    g.header_rel = "rIdHeader" + std::to_string(k + 1);
    g.footer_rel = "rIdFooter" + std::to_string(k + 1);
  }
  plan.body_pages = est.total();
  if (pages && pages->heading_pages.size() == plan.toc.size()) {
    for (size_t k = 0; k < plan.toc.size(); ++k) plan.toc[k].page = pages->heading_pages[k];
    plan.body_pages = pages->body_pages;
    plan.pages_known = true;
  }
  return plan;
}

}  // namespace bidfmt::writer
