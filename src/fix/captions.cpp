// Captions: the caption next to each table and figure (「表 3」「表1-2 名称」「Table 2」) in the profile's
// caption style, numbered as the profile's pattern says for its place (Caption::number_for).
#include <algorithm>
#include <map>

#include "docx/script.h"
#include "docx/xml.h"
#include "fix/fixes.h"
#include "fix/targets.h"
#include "fix/text_edit.h"
#include "fix/xml_edit.h"
#include "rules/caption_common.h"

namespace bidfmt::fix {
namespace {

Text plain(const std::string& s) { return Text{s, s}; }

bool blank(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }
bool digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
bool number_mark(char32_t c) { return c == '.' || c == '-' || c == U'－' || c == U'—' || c == U'–' || c == U'．'; }
bool separator(char32_t c) { return c == ':' || c == U'：' || c == '.' || c == U'．' || c == U'、'; }

struct TypedCaption {
  size_t end = 0;    // bytes of label, number and separator (with blanks)
  std::string name;  // what follows
};

// 「表 3」「表1-2 名称」「Table 2: Name」: a label, a number, a separator, a name.
std::optional<TypedCaption> read_caption(std::string_view text, const std::vector<std::string>& labels) {
  size_t i = 0;
  auto peek = [&](size_t at) {
    size_t j = at;
    return at < text.size() ? docx::decode_utf8(text, j) : char32_t{0};
  };
  auto step = [&](size_t at) {
    docx::decode_utf8(text, at);
    return at;
  };
  while (i < text.size() && blank(peek(i))) i = step(i);
  size_t label_end = 0;
  for (const std::string& l : labels)
    if (!l.empty() && text.compare(i, l.size(), l) == 0) {
      label_end = i + l.size();
      break;
    }
  if (!label_end) return std::nullopt;
  i = label_end;
  while (i < text.size() && blank(peek(i))) i = step(i);
  if (!digit(peek(i))) return std::nullopt;
  while (i < text.size() && (digit(peek(i)) || number_mark(peek(i)))) i = step(i);
  while (i < text.size() && (blank(peek(i)) || separator(peek(i)))) i = step(i);
  return TypedCaption{i, std::string(text.substr(i))};
}

struct Neighbours {
  int before = -1, after = -1;
  std::array<int, 6> counts{};
  pugi::xml_node block;  // the table (w:tbl) or the figure's paragraph
};

// Moves caption paragraph `c` to the side of `block` the profile says; false when it cannot be
// moved safely (not beside the block in the same container, or it ends a section).
bool move_caption(pugi::xml_node c, pugi::xml_node block, bool above) {
  if (!block || c.parent() != block.parent() || c.child("w:pPr").child("w:sectPr")) return false;
  pugi::xml_node parent = block.parent();
  return above ? static_cast<bool>(parent.insert_move_before(c, block)) : static_cast<bool>(parent.insert_move_after(c, block));
}

void fix_kind(Workspace& ws, const profile::Caption& cap, docx::Role role, const std::vector<Neighbours>& targets,
              const std::vector<std::string>& labels, const char* style) {
  const auto& ps = ws.doc().body().paragraphs;
  bool above = cap.position == "above";
  std::map<std::vector<int>, int> seq;
  for (const Neighbours& t : targets) {
    std::vector<int> counters(t.counts.begin(), t.counts.end());
    size_t restart = static_cast<size_t>(std::clamp(cap.restart_level, 1, 6));
    int n = ++seq[std::vector<int>(counters.begin(), counters.begin() + static_cast<long>(restart))];
    int good = above ? t.before : t.after, bad = above ? t.after : t.before;
    const docx::Paragraph* c = nullptr;
    std::optional<TypedCaption> typed;
    for (int i : {good, bad}) {
      if (i < 0) continue;
      const docx::Paragraph& p = ps[static_cast<size_t>(i)];
      bool captionable = p.role == role || p.role == docx::Role::body || p.role == docx::Role::heading;
      if (!captionable || ws.touched.count(p.index)) continue;
      if ((typed = read_caption(p.text, labels))) {
        c = &p;
        break;
      }
    }
    if (!c) continue;
    const char* rule = role == docx::Role::table_caption ? "table.caption" : "figure.caption";
    const rules::Location where = ws.at(*c);
    bool changed = false;
    if (c->index == bad && move_caption(c->node, t.block, above)) {
      Text side = above ? Text{"上方", "above"} : Text{"下方", "below"}, wrong = above ? Text{"下方", "below"} : Text{"上方", "above"};
      const char* what_zh = role == docx::Role::table_caption ? "表格" : "图";
      const char* what_en = role == docx::Role::table_caption ? "table" : "figure";
      ws.change(where, rule, "position", Text{std::string("题注位置(") + what_zh + ")", std::string("caption position (") + what_en + ")"},
                wrong, side);
      changed = true;
    }
    std::string want = cap.label + cap.number_for(counters, n) + (docx::blank(typed->name) ? "" : cap.separator);
    std::string now = c->text.substr(0, typed->end);
    if (now != want) {
      TextEdit r = remove_leading_text(c->node, now);
      if (r == TextEdit::done) {
        insert_leading_text(c->node, want);
        ws.change(where, rule, "renumber", Text{"题注编号", "caption number"}, plain(docx::trim(now)), plain(docx::trim(want)));
        changed = true;
      } else {
        if (r == TextEdit::protected_text)
          ws.note(Text{"题注「" + docx::excerpt(c->text, 20) + "」的编号在域或修订中,未重新编号",
                       "caption '" + docx::excerpt(c->text, 20) + "' has its number in a field or tracked change; not renumbered"});
        // Without the profile's label check reads it as body text: leave it that way.
        if (docx::trim(c->text).rfind(cap.label, 0) != 0) continue;
      }
    }
    std::string sid = ws.style_id(style);
    pugi::xml_node ppr = xml::ensure(c->node, "w:pPr", xml::p_order());
    if (docx::attr(ppr.child("w:pStyle"), "w:val") != sid) {
      xml::set(xml::ensure(ppr, "w:pStyle", xml::ppr_order()), "w:val", sid);
      ws.change(where, rule, "style", aspect_label("style"), style_name_label(c->style), style_label(style));
      changed = true;
    }
    if (!changed) continue;
    ws.touched.insert(c->index);
  }
}

}  // namespace

bool looks_like_caption(const std::string& text, const profile::Profile& pf) {
  return read_caption(text, {pf.table_caption.label, "Table", "TABLE", "Tab."}).has_value() ||
         read_caption(text, {pf.figure_caption.label, "Figure", "FIGURE", "Fig."}).has_value();
}

void fix_captions(Workspace& ws) {
  if (ws.new_headings) return;  // numbered next pass, under the headings as they will be
  const docx::Document& doc = ws.doc();
  const docx::Story& body = doc.body();
  auto in_body = [&](int section) {
    return section >= 1 && static_cast<size_t>(section) <= doc.sections().size() &&
           doc.sections()[static_cast<size_t>(section) - 1].role == docx::SectionRole::body;
  };
  std::vector<Neighbours> tables, figures;
  for (const docx::Table& t : body.tables) {
    if (t.depth != 0 || !in_body(t.section)) continue;
    Neighbours x;
    x.before = t.block_before >= 0 ? rules::nearest_paragraph(body, t.block_before, -1) : -1;
    x.after = t.block_after >= 0 ? rules::nearest_paragraph(body, t.block_after, +1) : -1;
    x.counts = t.counts;
    x.block = t.depth == 0 ? t.node : pugi::xml_node();
    tables.push_back(x);
  }
  for (const docx::Paragraph& p : body.paragraphs) {
    if (p.role != docx::Role::figure || p.table != 0 || !in_body(p.section)) continue;
    Neighbours x;
    x.before = rules::nearest_paragraph(body, p.index - 1, -1);
    x.after = rules::nearest_paragraph(body, p.index + 1, +1);
    x.counts = p.counts;
    x.block = p.node;
    figures.push_back(x);
  }
  const profile::Profile& pf = ws.profile();
  fix_kind(ws, pf.table_caption, docx::Role::table_caption, tables, {pf.table_caption.label, "Table", "TABLE", "Tab."}, "TableCaption");
  fix_kind(ws, pf.figure_caption, docx::Role::figure_caption, figures, {pf.figure_caption.label, "Figure", "FIGURE", "Fig."},
           "FigureCaption");
}

}  // namespace bidfmt::fix
