// word/numbering.xml: the heading list (一、 / 1.1 / 1.1.1 / 1、 / (1) / ①) and the body lists,
// each list restarted through its own w:num (ooxml-notes §3, §11).
#include <functional>

#include "writer/parts.h"
#include "writer/props.h"
#include "writer/xml.h"

namespace bidfmt::writer {
namespace {

void lvl(const profile::Profile& p, pugi::xml_node abs, int ilvl, const profile::NumberLevel& n, const ParaProps& ppr, const RunProps& rpr,
         const char* pstyle) {
  pugi::xml_node l = xml::add(abs, "w:lvl", "w:ilvl", ilvl);
  xml::add(l, "w:start", "w:val", 1);
  xml::add(l, "w:numFmt", "w:val", n.format);
  if (pstyle) xml::add(l, "w:pStyle", "w:val", pstyle);
  if (n.legal) xml::add(l, "w:isLgl");
  xml::add(l, "w:suff", "w:val", n.suffix);
  xml::add(l, "w:lvlText", "w:val", n.text);
  xml::add(l, "w:lvlJc", "w:val", p.lists.number_align);
  ppr.emit(l);
  rpr.emit(l);
}

// Levels past what the profile lists (levels 7–9 of Word's nine: Markdown headings stop at 6, and
// only a list nested deeper than the profile's sequence reaches them): 「7.」 「8.」 「9.」.
profile::NumberLevel filler(int ilvl) {
  profile::NumberLevel n;
  n.format = "decimal";
  n.text = "%" + std::to_string(ilvl + 1) + ".";
  n.suffix = "space";
  return n;
}

ParaProps indent_of(const profile::FirstLineIndent& first, HalfPoints size) {
  ParaProps p;
  p.ind_left = 0;
  p.first_line_chars = first.chars100;
  p.first_line = first.twips_at(size).v;
  return p;
}

pugi::xml_node abstract_num(pugi::xml_node root, int id) {
  pugi::xml_node a = xml::add(root, "w:abstractNum", "w:abstractNumId", id);
  xml::add(a, "w:multiLevelType", "w:val", "multilevel");
  return a;
}

// The heading list: each level linked to its HeadingN style; levels the profile has no heading
// for continue the last pattern.
void heading_list(pugi::xml_node root, const profile::Profile& p) {
  pugi::xml_node headings = abstract_num(root, kHeadingAbstract);
  for (int i = 0; i < 9; ++i) {
    const profile::HeadingLevel* h = p.heading(i + 1);
    std::string style = "Heading" + std::to_string(i + 1);
    if (h) {
      RunProps r;
      r.fonts = h->format.fonts;
      lvl(p, headings, i, h->number, indent_of(h->format.first_line, h->format.size), r, style.c_str());
    } else {
      lvl(p, headings, i, filler(i), indent_of(p.lists.first_line, p.body.size), RunProps{}, nullptr);
    }
  }
}

// The deep headings (levels from plan.first_deep_level) as a list of their own, restarted under
// each higher heading: the same number texts renumbered from that level (「%4、」 → 「%1、」 at ilvl 0).
void deep_heading_list(pugi::xml_node root, const profile::Profile& p, int first_deep_level) {
  auto renumber = [](std::string text, int from_level, int ilvl) {
    for (size_t pos = 0; (pos = text.find('%', pos)) != std::string::npos; ++pos)
      if (pos + 1 < text.size() && text[pos + 1] - '0' == from_level) text[pos + 1] = static_cast<char>('1' + ilvl);
    return text;
  };
  pugi::xml_node deep = abstract_num(root, kDeepHeadingAbstract);
  for (int i = 0; i < 9; ++i) {
    const profile::HeadingLevel* h = p.heading(first_deep_level + i);
    if (!h) {
      lvl(p, deep, i, filler(i), indent_of(p.lists.first_line, p.body.size), RunProps{}, nullptr);
      continue;
    }
    profile::NumberLevel n = h->number;
    n.text = renumber(n.text, h->level, i);
    RunProps r;
    r.fonts = h->format.fonts;
    lvl(p, deep, i, n, indent_of(h->format.first_line, h->format.size), r, nullptr);
  }
}

// Body lists — ordered, or bullets (`glyph` of each level: bullets, task boxes). Each nesting
// level indents by lists.level_indent more (the level's left indent).
class BodyLists {
 public:
  BodyLists(pugi::xml_node root, const profile::Profile& p) : root_(root), p_(p) { list_fonts_.fonts = p.fonts; }

  void ordered() const {
    pugi::xml_node ordered = abstract_num(root_, kOrderedAbstract);
    for (int i = 0; i < 9; ++i) {
      profile::NumberLevel n = i < static_cast<int>(p_.lists.ordered.size()) ? p_.lists.ordered[static_cast<size_t>(i)] : filler(i);
      // The profile's sequence is written with %1…%6 per position; renumber to this level.
      std::string text = n.text;
      for (size_t pos = 0; (pos = text.find('%', pos)) != std::string::npos; ++pos)
        if (pos + 1 < text.size() && text[pos + 1] >= '1' && text[pos + 1] <= '9') text[pos + 1] = static_cast<char>('1' + i);
      n.text = text;
      lvl(p_, ordered, i, n, indent_at(i), list_fonts_, nullptr);
    }
  }

  void glyphs(int id, const std::function<std::string(int)>& glyph) const {
    pugi::xml_node list = abstract_num(root_, id);
    for (int i = 0; i < 9; ++i) {
      profile::NumberLevel n;
      n.format = "bullet";
      n.text = glyph(i);
      n.suffix = p_.lists.bullet_suffix;
      lvl(p_, list, i, n, indent_at(i), list_fonts_, nullptr);
    }
  }

 private:
  ParaProps indent_at(int ilvl) const {
    ParaProps pp = indent_of(p_.lists.first_line, p_.body.size);
    const profile::FirstLineIndent left = p_.lists.left_at(ilvl);
    pp.ind_left = left.twips_at(p_.body.size).v;
    if (left.chars100) pp.ind_left_chars = left.chars100;
    return pp;
  }

  pugi::xml_node root_;
  const profile::Profile& p_;
  RunProps list_fonts_;
};

// The list instances: the headings' (a per-chapter file continues the chapter number), then each
// list of the plan restarted at its start.
void nums(pugi::xml_node root, const Plan& plan) {
  pugi::xml_node heading_num = xml::add(root, "w:num", "w:numId", kHeadingNumId);
  xml::add(heading_num, "w:abstractNumId", "w:val", kHeadingAbstract);
  if (plan.first_chapter > 1) {
    pugi::xml_node ov = xml::add(heading_num, "w:lvlOverride", "w:ilvl", 0);
    xml::add(ov, "w:startOverride", "w:val", plan.first_chapter);
  }
  for (const Plan::ListNum& ln : plan.list_nums) {
    pugi::xml_node num = xml::add(root, "w:num", "w:numId", ln.num_id);
    xml::add(num, "w:abstractNumId", "w:val", ln.abstract_id);
    for (int k = 0; k < ln.levels && ln.level + k <= 8; ++k) {
      pugi::xml_node ov = xml::add(num, "w:lvlOverride", "w:ilvl", ln.level + k);
      xml::add(ov, "w:startOverride", "w:val", k == 0 ? ln.start : 1);
    }
  }
}

}  // namespace

std::string numbering_xml(const profile::Profile& p, const Plan& plan) {
  pugi::xml_document doc;
  xml::declare(doc);
  pugi::xml_node root = doc.append_child("w:numbering");
  xml::set(root, "xmlns:w", xml::kW);
  heading_list(root, p);
  const BodyLists lists(root, p);
  lists.ordered();
  lists.glyphs(kBulletAbstract, [&](int i) { return p.lists.bullet(i); });
  if (plan.first_deep_level) deep_heading_list(root, p, plan.first_deep_level);
  for (int done = 0; done < 2; ++done)
    if (plan.task_num[done])
      lists.glyphs(done ? kTaskDoneAbstract : kTaskOpenAbstract, [&](int) { return done ? p.lists.task_done : p.lists.task_open; });
  nums(root, plan);
  return xml::to_string(doc);
}

}  // namespace bidfmt::writer
