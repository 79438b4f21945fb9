// Paragraphs with formatting findings: the profile style of their role, and direct formatting that
// contradicts it removed (fonts, sizes, spacing, indents, alignment); emphasis in body text kept.
// A finding that survives two passes of removal is met with the profile's value set directly.
#include <map>
#include <set>

#include "docx/script.h"
#include "docx/xml.h"
#include "fix/fixes.h"
#include "fix/targets.h"
#include "fix/text_edit.h"
#include "fix/xml_edit.h"

namespace bidfmt::fix {
namespace {

// What a paragraph's edit did, for the log.
struct Log {
  std::vector<std::string> zh, en;
  void add(const std::string& z, const std::string& e) {
    for (const std::string& s : zh)
      if (s == z) return;
    zh.push_back(z);
    en.push_back(e);
  }
};

std::string_view normal_jc(std::string_view v) {
  if (v == "start") return "left";
  if (v == "end") return "right";
  return v;
}

const char* emphasis[] = {"w:b",       "w:bCs",   "w:i",         "w:iCs", "w:caps", "w:smallCaps", "w:strike",
                          "w:dstrike", "w:color", "w:highlight", "w:u",   "w:shd",  "w:vertAlign", "w:em"};

class Normaliser {
 public:
  Normaliser(Workspace& ws, const docx::Paragraph& p, const Target& t, const std::set<std::string>& kinds,
             const std::set<std::string>& escalate, const std::vector<const rules::Finding*>& findings)
      : ws_(ws), p_(p), t_(t), kinds_(kinds), escalate_(escalate), findings_(findings) {}

  void run() {
    style();
    paragraph_properties();
    std::vector<pugi::xml_node> runs = runs_of(p_.node);
    for (pugi::xml_node r : runs) character_style(r);
    for (pugi::xml_node r : runs)
      if (pugi::xml_node rpr = r.child("w:rPr")) run_properties(rpr, false);
    if (pugi::xml_node mark = p_.node.child("w:pPr").child("w:rPr")) run_properties(mark, false);
    if (!escalate_.empty()) {
      for (pugi::xml_node r : runs)
        if (r.child("w:t")) run_properties(xml::ensure(r, "w:rPr", xml::r_order()), true);
      if (t_.label_checked && !p_.label.empty()) run_properties(xml::ensure(ppr(), "w:rPr", xml::ppr_order()), true);
    }
    if (pugi::xml_node pp = p_.node.child("w:pPr")) xml::remove_if_empty(pp);
    if (log_.zh.empty()) return;
    // The log names each value the findings named, as check saw it and as it now is; how it was
    // done (direct formatting removed, a value set) is detail a reviewer does not need.
    if (restyled_)
      ws_.change(ws_.at(p_), findings_.empty() ? "" : findings_.front()->rule(), "style", aspect_label("style"), style_name_label(p_.style),
                 style_label(t_.style));
    for (const rules::Finding* f : findings_) ws_.answered(*f);
  }

 private:
  bool has(const char* kind) const { return kinds_.count(kind) > 0; }
  bool forced(const char* kind) const { return escalate_.count(kind) > 0; }
  pugi::xml_node ppr() { return xml::ensure(p_.node, "w:pPr", xml::p_order()); }
  HalfPoints size() const { return t_.format.size; }

  void style() {
    if (t_.style.empty()) return;  // the paragraph keeps its style (a heading deeper than the profile's)
    std::string sid = ws_.style_id(t_.style);
    if (p_.style && p_.style->id == sid) return;
    pugi::xml_node pp = ppr();
    // A numbered paragraph (a list item, a list in a cell) keeps its number when its old style carried it.
    bool numbered = p_.num_id > 0 && p_.level && p_.level->format != "none" && p_.role != docx::Role::heading;
    if (numbered && !pp.child("w:numPr")) {
      pugi::xml_node np = xml::ensure(pp, "w:numPr", xml::ppr_order());
      np.append_child("w:ilvl").append_attribute("w:val") = p_.ilvl;
      np.append_child("w:numId").append_attribute("w:val") = p_.num_id;
    }
    xml::set(xml::ensure(pp, "w:pStyle", xml::ppr_order()), "w:val", sid);
    Text l = style_label(t_.style);
    log_.add("样式改为「" + l.zh + "」", "style " + l.en);
    restyled_ = true;
  }

  void paragraph_properties() {
    pugi::xml_node pp = p_.node.child("w:pPr");
    pugi::xml_node jc = pp.child("w:jc"), ind = pp.child("w:ind"), sp = pp.child("w:spacing");
    if (has("alignment")) {
      if (jc && normal_jc(docx::attr(jc, "w:val")) != t_.format.align) {
        pp.remove_child(jc);
        log_.add("去除直接设置的对齐方式", "direct alignment removed");
      }
      if (forced("alignment") && xml::set(xml::ensure(ppr(), "w:jc", xml::ppr_order()), "w:val", t_.format.align))
        log_.add("对齐方式设为规范值", "alignment set to the profile's");
    }
    auto strip = [&](pugi::xml_node n, const char* kind, std::initializer_list<const char*> attrs, const char* zh, const char* en) {
      if (!has(kind) || !n) return;
      if (xml::remove_attrs(n, attrs)) log_.add(zh, en);
    };
    strip(ind, "first_line_indent", {"w:firstLine", "w:firstLineChars", "w:hanging", "w:hangingChars"}, "去除直接设置的首行缩进",
          "direct first-line indent removed");
    strip(ind, "indent_left", {"w:left", "w:leftChars", "w:start", "w:startChars"}, "去除直接设置的左缩进", "direct left indent removed");
    strip(ind, "indent_right", {"w:right", "w:rightChars", "w:end", "w:endChars"}, "去除直接设置的右缩进", "direct right indent removed");
    strip(sp, "space_before", {"w:before", "w:beforeLines", "w:beforeAutospacing"}, "去除直接设置的段前间距",
          "direct space before removed");
    strip(sp, "space_after", {"w:after", "w:afterLines", "w:afterAutospacing"}, "去除直接设置的段后间距", "direct space after removed");
    strip(sp, "line_spacing", {"w:line", "w:lineRule"}, "去除直接设置的行距", "direct line spacing removed");
    if (ind) xml::remove_if_empty(ind);
    if (sp) xml::remove_if_empty(sp);
    // Still wrong after earlier passes: the profile's value, written on the paragraph.
    bool set_ind = false, set_sp = false;
    auto ind_node = [&]() { return xml::ensure(ppr(), "w:ind", xml::ppr_order()); };
    auto sp_node = [&]() { return xml::ensure(ppr(), "w:spacing", xml::ppr_order()); };
    if (forced("first_line_indent")) {
      pugi::xml_node n = ind_node();
      xml::remove_attrs(n, {"w:hanging", "w:hangingChars"});
      set_ind |= xml::set(n, "w:firstLineChars", std::to_string(t_.first_line.chars100));
      set_ind |= xml::set(n, "w:firstLine", std::to_string(t_.first_line.twips_at(size()).v));
    }
    if (forced("indent_left")) {
      pugi::xml_node n = ind_node();
      set_ind |= xml::set(n, "w:leftChars", std::to_string(t_.left.chars100));
      set_ind |= xml::set(n, "w:left", std::to_string(t_.left.twips_at(size()).v));
    }
    if (forced("indent_right")) {
      pugi::xml_node n = ind_node();
      set_ind |= xml::set(n, "w:rightChars", "0");
      set_ind |= xml::set(n, "w:right", std::to_string(t_.format.indent_right.v));
    }
    if (forced("space_before")) {
      pugi::xml_node n = sp_node();
      xml::remove_attrs(n, {"w:beforeAutospacing"});
      set_sp |= xml::set(n, "w:before", std::to_string(t_.format.space_before.v));
      set_sp |= xml::set(n, "w:beforeLines", "0");
    }
    if (forced("space_after")) {
      pugi::xml_node n = sp_node();
      xml::remove_attrs(n, {"w:afterAutospacing"});
      set_sp |= xml::set(n, "w:after", std::to_string(t_.format.space_after.v));
      set_sp |= xml::set(n, "w:afterLines", "0");
    }
    if (forced("line_spacing")) {
      pugi::xml_node n = sp_node();
      set_sp |= xml::set(n, "w:line", std::to_string(t_.format.line.v));
      set_sp |= xml::set(n, "w:lineRule", "auto");
    }
    if (set_ind) log_.add("缩进设为规范值", "indents set to the profile's");
    if (set_sp) log_.add("间距设为规范值", "spacing set to the profile's");
  }

  // Does the run's character style set something of `kinds` against the profile?
  bool style_contradicts(const docx::Style& s) const {
    const docx::RunProps& r = s.chain_rpr;
    const profile::Fonts& want = t_.format.fonts;
    if (has("east_asia_font") && r.east_asia.set() && !docx::same_font(r.east_asia.value.name, want.east_asia)) return true;
    if (has("latin_font") && ((r.ascii.set() && !docx::same_font(r.ascii.value.name, want.latin)) ||
                              (r.h_ansi.set() && !docx::same_font(r.h_ansi.value.name, want.latin))))
      return true;
    if (has("size") && r.size.set() && r.size.value != size().v) return true;
    if (has("character_spacing") && r.spacing.set() && r.spacing.value != t_.format.character_spacing.v) return true;
    if (has("bold") && t_.bold_checked && r.bold.set() && r.bold.value != t_.format.bold) return true;
    return false;
  }

  // A character style that sets fonts or sizes against the profile goes; the emphasis it gave
  // (bold, italic, underline, colour, …) stays on the run as direct formatting.
  void character_style(pugi::xml_node r) {
    pugi::xml_node rpr = r.child("w:rPr");
    pugi::xml_node rs = rpr.child("w:rStyle");
    if (!rs) return;
    const docx::Style* s = ws_.doc().styles().find(docx::attr(rs, "w:val"));
    if (!s || s->type != "character" || !style_contradicts(*s)) return;
    std::vector<pugi::xml_node> chain;
    for (int i = 0; s && i < 16; ++i) {
      chain.push_back(s->node.child("w:rPr"));
      s = s->based_on.empty() ? nullptr : ws_.doc().styles().find(s->based_on);
      if (s && s->type != "character") break;
    }
    rpr.remove_child(rs);
    for (pugi::xml_node from : chain)
      for (const char* name : emphasis) {
        if (t_.bold_checked && (std::string_view(name) == "w:b" || std::string_view(name) == "w:bCs")) continue;
        if (pugi::xml_node e = from.child(name); e && !rpr.child(name)) xml::insert_copy(rpr, e, xml::rpr_order());
      }
    xml::remove_if_empty(rpr);
    log_.add("去除与规范冲突的字符样式(保留加粗、倾斜等强调)", "character style that contradicts the profile removed (emphasis kept)");
  }

  void run_properties(pugi::xml_node rpr, bool force) {
    const profile::Fonts& want = t_.format.fonts;
    if (!force) {
      if (pugi::xml_node f = rpr.child("w:rFonts")) {
        bool changed = false;
        if (has("east_asia_font")) {
          if (f.attribute("w:eastAsia") && !docx::same_font(docx::attr(f, "w:eastAsia"), want.east_asia))
            changed |= f.remove_attribute("w:eastAsia");
          changed |= f.remove_attribute("w:eastAsiaTheme");
        }
        if (has("latin_font")) {
          for (const char* a : {"w:ascii", "w:hAnsi"})
            if (f.attribute(a) && !docx::same_font(docx::attr(f, a), want.latin)) changed |= f.remove_attribute(a);
          changed |= xml::remove_attrs(f, {"w:asciiTheme", "w:hAnsiTheme"});
        }
        xml::remove_if_empty(f);
        if (changed) log_.add("去除直接设置的字体", "direct fonts removed");
      }
      if (has("size"))
        if (pugi::xml_node sz = rpr.child("w:sz"); sz && docx::half_points_attr(sz, "w:val").value_or(-1) != size().v) {
          rpr.remove_child(sz);
          rpr.remove_child("w:szCs");
          log_.add("去除直接设置的字号", "direct font size removed");
        }
      if (has("character_spacing"))
        if (pugi::xml_node sp = rpr.child("w:spacing"); sp && docx::twips_attr(sp, "w:val").value_or(0) != t_.format.character_spacing.v) {
          rpr.remove_child(sp);
          log_.add("去除直接设置的字符间距", "direct character spacing removed");
        }
      if (has("bold") && t_.bold_checked)
        if (pugi::xml_node b = rpr.child("w:b"); b && docx::on_off(b) != t_.format.bold) {
          rpr.remove_child(b);
          rpr.remove_child("w:bCs");
          log_.add("去除直接设置的加粗", "direct bold removed");
        }
      return;
    }
    bool set = false;
    if (forced("east_asia_font") || forced("latin_font")) {
      pugi::xml_node f = xml::ensure(rpr, "w:rFonts", xml::rpr_order());
      if (forced("east_asia_font")) {
        f.remove_attribute("w:eastAsiaTheme");
        set |= xml::set(f, "w:eastAsia", want.east_asia);
      }
      if (forced("latin_font")) {
        xml::remove_attrs(f, {"w:asciiTheme", "w:hAnsiTheme"});
        set |= xml::set(f, "w:ascii", want.latin);
        set |= xml::set(f, "w:hAnsi", want.latin);
      }
    }
    if (forced("size")) {
      set |= xml::set(xml::ensure(rpr, "w:sz", xml::rpr_order()), "w:val", std::to_string(size().v));
      set |= xml::set(xml::ensure(rpr, "w:szCs", xml::rpr_order()), "w:val", std::to_string(size().v));
    }
    if (forced("character_spacing"))
      set |= xml::set(xml::ensure(rpr, "w:spacing", xml::rpr_order()), "w:val", std::to_string(t_.format.character_spacing.v));
    if (forced("bold") && t_.bold_checked) {
      set |= xml::set(xml::ensure(rpr, "w:b", xml::rpr_order()), "w:val", t_.format.bold ? "1" : "0");
      set |= xml::set(xml::ensure(rpr, "w:bCs", xml::rpr_order()), "w:val", t_.format.bold ? "1" : "0");
    }
    if (set) log_.add("字体格式设为规范值", "character formatting set to the profile's");
  }

  Workspace& ws_;
  const docx::Paragraph& p_;
  const Target& t_;
  const std::set<std::string>& kinds_;
  const std::set<std::string>& escalate_;
  const std::vector<const rules::Finding*>& findings_;
  Log log_;
  bool restyled_ = false;
};

}  // namespace

void fix_paragraphs(Workspace& ws) {
  const docx::Document& doc = ws.doc();
  std::map<int, std::set<std::string>> todo;                  // body paragraph index → kinds
  std::map<int, std::vector<const rules::Finding*>> answers;  // … and the findings, for the log
  for (const rules::Finding& f : ws.findings()) {
    if (f.where().part() != doc.body().part || f.where().paragraph < 1) continue;
    if (!is_formatting_finding(f)) continue;
    todo[f.where().paragraph - 1].insert(f.kind());
    answers[f.where().paragraph - 1].push_back(&f);
  }
  for (const auto& [index, kinds] : todo) {
    if (static_cast<size_t>(index) >= doc.body().paragraphs.size() || ws.touched.count(index)) continue;
    const docx::Paragraph& p = doc.body().paragraphs[static_cast<size_t>(index)];
    std::optional<Target> t = target_for(p, ws.profile());
    if (!t) continue;
    std::set<std::string> escalate;
    for (const std::string& k : kinds)
      if (++ws.journal().attempts[std::to_string(index) + ":" + k] > 2) escalate.insert(k);
    Normaliser(ws, p, *t, kinds, escalate, answers[index]).run();
  }
}

}  // namespace bidfmt::fix
