// Rule table.header-row: the header row (标题栏) is bold (and repeats across pages, per the profile).
#include "rules/checks.h"
#include "rules/describe.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "table.header-row", {"表格标题栏", "table header row"}, {"table.header_bold", "table.header_repeat"}, Severity::error, true,
};

void check(const Context& ctx, Reporter& out) {
  const profile::Table& pt = ctx.profile.table;
  const auto& ps = ctx.doc.body().paragraphs;
  for (const docx::Table& t : ctx.doc.body().tables) {
    if (t.depth != 0 || !ctx.in_body(t.section) || t.rows.empty()) continue;
    const docx::Row& head = t.rows.front();
    size_t m = out.mark();
    if (pt.header_bold) {
      bool reported = false;
      for (const docx::Cell& c : head.cells) {
        for (int i : c.paragraphs) {
          const docx::Paragraph& p = ps[static_cast<size_t>(i)];
          if (p.table != t.number) continue;
          Location at = ctx.at(p);
          if (check_bold(ctx, out, p, true, at, true)) {
            reported = true;
            break;
          }
        }
        if (reported) break;
      }
    }
    out.about(m, ctx.cls("table.header_bold"));
    if (pt.header_repeat && !head.header && t.rows.size() > 1) {
      m = out.mark();
      out.add("repeat", ctx.at_table(t), Text{"重复标题行", "repeated header row"}, Text{"不重复", "not repeated"},
              Text{"表格标题栏未设置跨页重复(w:tblHeader)", "the header row does not repeat across pages (w:tblHeader)"});
      out.about(m, ctx.cls("table.header_repeat"));
    }
  }
}

}  // namespace

const Rule& table_header_row_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
