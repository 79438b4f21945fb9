// Resolver: lays docDefaults, table style, paragraph style, numbering, character style and direct formatting.
#include "docx/resolver.h"

namespace bidfmt::docx {
namespace {

// Toggle property over the style layers (§17.7.3): each layer that turns it on flips it.
void toggle(Value<bool> RunProps::*member, RunProps& out, const RunProps& defaults,
            std::initializer_list<const RunProps*> layers) {
  Value<bool> result = defaults.*member;
  bool any = false, on = false;
  Origin last;
  for (const RunProps* l : layers) {
    if (!l) continue;
    const Value<bool>& v = l->*member;
    if (!v.set()) continue;
    any = true;
    if (v.value) on = !on;
    last = v.origin;
  }
  if (any) result.assign(on, last);
  out.*member = result;
}

}  // namespace

const ParaProps& Resolver::paragraph_base(const Style* pstyle, const TableContext& t) {
  Key key{pstyle, t.style, t.first_row, nullptr};
  auto it = para_cache_.find(key);
  if (it != para_cache_.end()) return it->second;
  ParaProps p = styles_.defaults_ppr();
  ParaProps table;
  if (t.style) {
    table = t.style->chain_ppr;
    if (t.first_row && t.style->has_first_row) table.over(t.style->chain_first_row_ppr);
  }
  bool table_over_style = pstyle && pstyle->is_default;
  if (!table_over_style) p.over(table);
  if (pstyle) p.over(pstyle->chain_ppr);
  if (table_over_style) p.over(table);
  return para_cache_.emplace(key, std::move(p)).first->second;
}

ParaProps Resolver::paragraph(const Style* pstyle, const TableContext& t, pugi::xml_node ppr, const Level* level,
                              int num_id) {
  ParaProps p = paragraph_base(pstyle, t);
  if (level) {
    ParaProps lp;
    apply_ppr(lp, level->ppr, Origin{Source::numbering, nullptr, num_id, level->ilvl});
    p.over(lp);
  }
  ParaProps direct;
  apply_ppr(direct, ppr, Origin{Source::direct_paragraph, nullptr, 0, 0});
  p.over(direct);
  return p;
}

const RunProps& Resolver::run_base(const Style* pstyle, const TableContext& t, const Style* rstyle) {
  Key key{pstyle, t.style, t.first_row, rstyle};
  auto it = run_cache_.find(key);
  if (it != run_cache_.end()) return it->second;
  const RunProps& defaults = styles_.defaults_rpr();
  RunProps table;
  bool has_table = false;
  if (t.style) {
    has_table = true;
    table = t.style->chain_rpr;
    if (t.first_row && t.style->has_first_row) table.over(t.style->chain_first_row_rpr);
  }
  const RunProps* para = pstyle ? &pstyle->chain_rpr : nullptr;
  const RunProps* chr = rstyle ? &rstyle->chain_rpr : nullptr;
  bool table_over_style = pstyle && pstyle->is_default;
  RunProps r = defaults;
  if (has_table && !table_over_style) r.over(table);
  if (para) r.over(*para);
  if (has_table && table_over_style) r.over(table);
  if (chr) r.over(*chr);
  const RunProps* tl = has_table ? &table : nullptr;
  toggle(&RunProps::bold, r, defaults, {tl, para, chr});
  toggle(&RunProps::bold_cs, r, defaults, {tl, para, chr});
  toggle(&RunProps::italic, r, defaults, {tl, para, chr});
  toggle(&RunProps::vanish, r, defaults, {tl, para, chr});
  return run_cache_.emplace(key, std::move(r)).first->second;
}

RunProps Resolver::run(const Style* pstyle, const TableContext& t, const Style* rstyle, pugi::xml_node rpr) {
  RunProps r = run_base(pstyle, t, rstyle);
  if (rpr) {
    RunProps direct;
    apply_rpr(direct, rpr, Origin{Source::direct, nullptr, 0, 0}, theme_);
    r.over(direct);
  }
  return r;
}

RunProps Resolver::label(const RunProps& mark, const Level* level, int num_id) {
  RunProps r = mark;
  if (level && level->rpr) {
    RunProps lr;
    apply_rpr(lr, level->rpr, Origin{Source::numbering, nullptr, num_id, level->ilvl}, theme_);
    r.over(lr);
  }
  return r;
}

}  // namespace bidfmt::docx
