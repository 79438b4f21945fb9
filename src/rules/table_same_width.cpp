// Rule table.same-width (render-only, Standard B): tables that share a page are equally wide.
#include <cmath>
#include <set>

#include "rules/describe.h"
#include "rules/rendered_pages.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "table.same-width",
    {"同一页中的表格宽度相同(渲染后核对)", "tables on one page are equally wide (rendered)"},
    {"render.table_same_width", "render.table_width_tolerance"},
    Severity::warning,
    false,
};

std::string mm(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fmm", v);
  return buf;
}

bool applies(const Context& ctx) { return ctx.rendered && ctx.profile.render.table_same_width; }

void check(const Context& ctx, Reporter& out) {
  if (!applies(ctx)) return;
  // Top-level tables of the body with their rendered extent.
  std::vector<std::pair<const docx::Table*, RenderedTable>> tables;
  for (const docx::Table& t : ctx.doc.body().tables) {
    if (t.depth != 0 || !ctx.in_body(t.section)) continue;
    auto it = ctx.rendered->tables.find(t.number);
    if (it == ctx.rendered->tables.end() || it->second.first_page <= 0 || it->second.width_mm <= 0) continue;
    tables.emplace_back(&t, it->second);
  }
  std::set<int> reported;
  const size_t m = out.mark();
  for (size_t i = 0; i < tables.size(); ++i) {
    const RenderedTable& a = tables[i].second;
    for (size_t j = i + 1; j < tables.size(); ++j) {
      const RenderedTable& b = tables[j].second;
      int shared = std::max(a.first_page, b.first_page);
      if (shared > std::min(std::max(a.last_page, a.first_page), std::max(b.last_page, b.first_page))) continue;  // no page in common
      if (std::fabs(a.width_mm - b.width_mm) <= ctx.profile.render.table_width_tolerance.mm() || reported.count(tables[j].first->number))
        continue;
      reported.insert(tables[j].first->number);
      Location where = ctx.at_table(*tables[j].first);
      where.page = shared;
      std::string ta = std::to_string(tables[i].first->number), tb = std::to_string(tables[j].first->number);
      out.add("width", where, plain(mm(a.width_mm)), plain(mm(b.width_mm)),
              Text{"表格 " + tb + " 宽 " + mm(b.width_mm) + ",与同在 PDF 第 " + std::to_string(shared) + " 页的表格 " + ta + "(宽 " +
                       mm(a.width_mm) + ")不同;同一页中表格宽度应相同",
                   "table " + tb + " is " + mm(b.width_mm) + " wide, unlike table " + ta + " (" + mm(a.width_mm) +
                       ") on the same PDF page " + std::to_string(shared) + "; tables on one page must be equally wide"});
    }
  }
  out.about(m, ctx.cls("render.table_same_width"));
}

}  // namespace

const Rule& table_same_width_rule() {
  static const Rule r{kInfo, check, applies};
  return r;
}

}  // namespace bidfmt::rules
