// Resolver: lays docDefaults, table style, paragraph style, numbering, character style and direct formatting.
#include "docx/resolver.h"

namespace bidfmt::docx {
namespace {

// Toggle property over the style layers (§17.7.3): each layer that turns it on flips it.
void toggle(Value<bool> RunProps::*member, RunProps& out, const RunProps& defaults, std::initializer_list<const RunProps*> layers) {
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

void append_address(std::string& key, const void* p) { key.append(reinterpret_cast<const char*>(&p), sizeof p); }

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
  keep_strings(p, strings_);
  return para_cache_.emplace(key, std::move(p)).first->second;
}

const ParaProps* Resolver::paragraph(const Style* pstyle, const TableContext& t, const ParaProps* direct, const Level* level, int num_id) {
  const ParaProps& base = paragraph_base(pstyle, t);
  if (!level && !direct) return &base;  // styles only: the cached layer itself
  const ParaProps& direct_layer = direct ? *direct : kNoParaProps;
  key_.clear();
  append_address(key_, &base);
  append_address(key_, level);
  key_.append(reinterpret_cast<const char*>(&num_id), sizeof num_id);
  fingerprint(direct_layer, key_);
  if (const ParaProps* found = paragraphs_.find(key_)) return found;
  ParaProps p = base;
  if (level) {
    ParaProps lp;
    apply_ppr(lp, level->ppr, Origin{Source::numbering, nullptr, num_id, level->ilvl});
    p.over(lp);
  }
  p.over(direct_layer);
  return paragraphs_.add(key_, std::move(p), strings_);
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
  keep_strings(r, strings_);
  return run_cache_.emplace(key, std::move(r)).first->second;
}

const RunProps* Resolver::run(const Style* pstyle, const TableContext& t, const Style* rstyle, pugi::xml_node rpr) {
  const RunProps& base = run_base(pstyle, t, rstyle);
  if (!rpr || !rpr.first_child()) return &base;
  RunProps direct;
  apply_rpr(direct, rpr, Origin{Source::direct, nullptr, 0, 0}, theme_);
  key_.clear();
  append_address(key_, &base);
  fingerprint(direct, key_);
  if (const RunProps* found = runs_.find(key_)) return found;
  RunProps r = base;
  r.over(direct);
  return runs_.add(key_, std::move(r), strings_);
}

const RunProps* Resolver::label(const RunProps* mark, const Level* level, int num_id) {
  if (!level || !level->rpr || !level->rpr.first_child()) return mark;
  key_.clear();
  append_address(key_, mark);
  append_address(key_, level);
  key_.append(reinterpret_cast<const char*>(&num_id), sizeof num_id);
  if (const RunProps* found = labels_.find(key_)) return found;
  RunProps r = *mark;
  RunProps lr;
  apply_rpr(lr, level->rpr, Origin{Source::numbering, nullptr, num_id, level->ilvl}, theme_);
  r.over(lr);
  return labels_.add(key_, std::move(r), strings_);
}

}  // namespace bidfmt::docx
