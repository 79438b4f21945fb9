// Rendered pages: from paragraph placements to pages of sections and the numbers pages print.
#include "rules/rendered_pages.h"

namespace bidfmt::rules {

int section_first_page(const Context& ctx, int section) {
  if (!ctx.rendered || section < 1 || static_cast<size_t>(section) > ctx.doc.sections().size()) return 0;
  const docx::Section& s = ctx.doc.sections()[static_cast<size_t>(section) - 1];
  auto it = ctx.rendered->paragraphs.lower_bound(s.first_paragraph);
  if (it == ctx.rendered->paragraphs.end() || it->first > s.last_paragraph) return 0;
  return it->second.page;
}

int page_of(const Context& ctx, const Location& where) {
  if (!ctx.rendered) return 0;
  const Rendered& r = *ctx.rendered;
  bool body = ctx.doc.is_body_part(where.part());
  if (body && where.paragraph > 0) {
    auto it = r.paragraphs.find(where.paragraph - 1);
    if (it != r.paragraphs.end()) return it->second.page;
  }
  if (body && where.table > 0) {
    auto it = r.tables.find(where.table);
    if (it != r.tables.end()) return it->second.first_page;
  }
  if (body && where.section > 0 && where.paragraph == 0 && where.table == 0) return section_first_page(ctx, where.section);
  return 0;
}

int section_of_page(const Context& ctx, int page) {
  int found = 0;
  for (const docx::Section& s : ctx.doc.sections()) {
    int first = section_first_page(ctx, s.number);
    if (first > 0 && first <= page) found = s.number;
  }
  return found;
}

int printed_number(const Context& ctx, int page) {
  int restart_page = 1, restart_value = 1;
  for (const docx::Section& s : ctx.doc.sections()) {
    if (!s.page_start) continue;
    int first = section_first_page(ctx, s.number);
    if (first > 0 && first <= page) {
      restart_page = first;
      restart_value = *s.page_start;
    }
  }
  return restart_value + (page - restart_page);
}

int paragraph_on_page(const Context& ctx, int page) {
  if (!ctx.rendered) return -1;
  for (const auto& [index, where] : ctx.rendered->paragraphs)
    if (where.page == page) return index;
  return -1;
}

Location at_page(const Context& ctx, int page) {
  int p = paragraph_on_page(ctx, page);
  Location l;
  if (p >= 0) {
    l = ctx.at(ctx.doc.body().paragraphs[static_cast<size_t>(p)]);
  } else {
    l.set_part(ctx.doc.body().part);
    l.section = section_of_page(ctx, page);
  }
  l.page = page;
  return l;
}

}  // namespace bidfmt::rules
