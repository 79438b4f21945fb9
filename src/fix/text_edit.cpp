// Text edits: the paragraph's displayed text as atoms (w:t, w:tab, …) in reading order, each marked editable or not.
#include "fix/text_edit.h"

#include <algorithm>
#include <sstream>
#include <vector>

#include "docx/xml.h"
#include "fix/xml_edit.h"

namespace bidfmt::fix {
namespace {

struct Atom {
  pugi::xml_node node;  // w:t, w:tab, w:br, …
  pugi::xml_node run;   // its w:r
  std::string text;
  bool editable = true;
};

// Walks the paragraph as docx::Reader::read_inline does: the same containers, fields, hidden runs.
class Walker {
 public:
  std::vector<Atom> atoms;
  void inline_children(pugi::xml_node parent, bool protect) {
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      std::string_view name = n.name();
      if (name == "w:r") {
        run(n, protect);
      } else if (name == "w:hyperlink" || name == "w:smartTag" || name == "w:customXml" || name == "w:dir" || name == "w:bdo") {
        inline_children(n, protect);
      } else if (name == "w:ins" || name == "w:moveTo") {
        inline_children(n, true);  // tracked changes stay as they are
      } else if (name == "w:sdt") {
        inline_children(n.child("w:sdtContent"), true);
      } else if (name == "w:fldSimple") {
        fields_.push_back(true);
        inline_children(n, true);
        fields_.pop_back();
      } else if (name == "mc:AlternateContent") {
        pugi::xml_node choice = n.child("mc:Choice");
        inline_children(choice ? choice : n.child("mc:Fallback"), true);
      }
    }
  }

 private:
  std::vector<bool> fields_;  // open fields: true once past the separator (the shown result)
  bool displayed() const {
    for (bool result : fields_)
      if (!result) return false;
    return true;
  }
  void run(pugi::xml_node r, bool protect) {
    bool hidden = docx::on_off(r.child("w:rPr").child("w:vanish"));
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
      std::string_view name = c.name();
      std::string text;
      if (name == "w:t") text = c.text().get();
      else if (name == "w:tab" || name == "w:ptab") text = "\t";
      else if (name == "w:br" || name == "w:cr") text = "\n";
      else if (name == "w:noBreakHyphen") text = "-";
      else if (name == "w:fldChar") {
        std::string_view type = docx::attr(c, "w:fldCharType");
        if (type == "begin") fields_.push_back(false);
        else if (type == "separate" && !fields_.empty()) fields_.back() = true;
        else if (type == "end" && !fields_.empty()) fields_.pop_back();
        continue;
      } else if (name == "w:drawing" || name == "w:pict" || name == "w:object" || name == "mc:AlternateContent") {
        if (displayed()) atoms.push_back(Atom{c, r, "", false});
        continue;
      } else {
        continue;
      }
      if (text.empty() || hidden || !displayed()) continue;
      atoms.push_back(Atom{c, r, text, !protect && fields_.empty()});
    }
  }
};

void preserve_spaces(pugi::xml_node t) {
  std::string_view s = t.text().get();
  bool edge = !s.empty() && (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' || s.back() == '\t');
  if (edge && !t.attribute("xml:space")) t.append_attribute("xml:space") = "preserve";
}

// A run left with nothing but its properties is removed.
void drop_if_bare(pugi::xml_node r) {
  for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling())
    if (std::string_view(c.name()) != "w:rPr") return;
  r.parent().remove_child(r);
}

}  // namespace

TextEdit remove_leading_text(pugi::xml_node p, const std::string& prefix) {
  for (pugi::xml_node a = p.parent(); a; a = a.parent())
    if (std::string_view(a.name()) == "w:sdt") return TextEdit::protected_text;  // a content control's text stays
  Walker w;
  w.inline_children(p, false);
  struct Cut {
    const Atom* atom;
    size_t bytes;
  };
  std::vector<Cut> cuts;
  size_t i = 0;
  for (const Atom& a : w.atoms) {
    if (i >= prefix.size()) break;
    if (a.text.empty()) {
      if (!a.editable) return TextEdit::protected_text;  // a drawing inside the prefix
      continue;
    }
    size_t take = std::min(a.text.size(), prefix.size() - i);
    if (a.text.compare(0, take, prefix, i, take) != 0) return TextEdit::mismatch;
    if (!a.editable) return TextEdit::protected_text;
    if (take < a.text.size() && std::string_view(a.node.name()) != "w:t") return TextEdit::mismatch;
    cuts.push_back(Cut{&a, take});
    i += take;
  }
  if (i < prefix.size()) return TextEdit::mismatch;
  for (const Cut& c : cuts) {
    pugi::xml_node run = c.atom->run;
    if (c.bytes == c.atom->text.size()) {
      run.remove_child(c.atom->node);
    } else {
      c.atom->node.text().set(c.atom->text.substr(c.bytes).c_str());
      preserve_spaces(c.atom->node);
    }
    drop_if_bare(run);
  }
  return TextEdit::done;
}

std::string walked_text(pugi::xml_node p) {
  Walker w;
  w.inline_children(p, false);
  std::string s;
  for (const Atom& a : w.atoms) s += a.text;
  return s;
}

TextEdit replace_text(pugi::xml_node p, size_t begin, size_t size, const std::string& text) {
  for (pugi::xml_node a = p.parent(); a; a = a.parent())
    if (std::string_view(a.name()) == "w:sdt") return TextEdit::protected_text;
  Walker w;
  w.inline_children(p, false);
  struct Piece {
    const Atom* atom;
    size_t from, to;  // bytes of the atom's text inside the range
  };
  std::vector<Piece> pieces;
  size_t at = 0;
  const size_t end = begin + size;
  for (const Atom& a : w.atoms) {
    size_t a_end = at + a.text.size();
    bool inside = a.text.empty() ? at > begin && at < end : a_end > begin && at < end;
    if (inside) {
      if (!a.editable) return TextEdit::protected_text;
      if (std::string_view(a.node.name()) != "w:t") return TextEdit::mismatch;  // a tab or break in the word
      pieces.push_back(Piece{&a, std::max(begin, at) - at, std::min(end, a_end) - at});
    }
    at = a_end;
  }
  if (pieces.empty() || at < end) return TextEdit::mismatch;
  // Alike: the same run properties, as written.
  auto props = [](pugi::xml_node run) {
    std::ostringstream o;
    run.child("w:rPr").print(o, "", pugi::format_raw);
    return o.str();
  };
  for (const Piece& piece : pieces)
    if (props(piece.atom->run) != props(pieces.front().atom->run)) return TextEdit::split;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const Piece& piece = pieces[i];
    std::string t = piece.atom->text;
    t.replace(piece.from, piece.to - piece.from, i == 0 ? text : "");
    pugi::xml_node run = piece.atom->run;
    if (t.empty()) {
      run.remove_child(piece.atom->node);
      drop_if_bare(run);
    } else {
      piece.atom->node.text().set(t.c_str());
      preserve_spaces(piece.atom->node);
    }
  }
  return TextEdit::done;
}

std::vector<pugi::xml_node> runs_of(pugi::xml_node p) {
  std::vector<pugi::xml_node> out;
  std::vector<pugi::xml_node> stack;
  for (pugi::xml_node c = p.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    std::string_view name = n.name();
    if (name == "w:r") {
      out.push_back(n);
      continue;
    }
    bool container = name == "w:hyperlink" || name == "w:smartTag" || name == "w:customXml" || name == "w:ins" || name == "w:moveTo" ||
                     name == "w:sdt" || name == "w:sdtContent" || name == "w:fldSimple" || name == "w:dir" || name == "w:bdo";
    if (!container) continue;
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  }
  return out;
}

void insert_leading_text(pugi::xml_node p, const std::string& text) {
  Walker w;
  w.inline_children(p, false);
  pugi::xml_node first_run;
  for (const Atom& a : w.atoms)
    if (!a.text.empty()) {
      first_run = a.run;
      break;
    }
  pugi::xml_node r;
  if (first_run) {
    pugi::xml_node top = first_run;
    while (top.parent() && top.parent() != p) top = top.parent();
    r = p.insert_child_before("w:r", top);
    if (pugi::xml_node rpr = first_run.child("w:rPr")) r.append_copy(rpr);
  } else {
    r = p.append_child("w:r");
  }
  pugi::xml_node t = r.append_child("w:t");
  t.text().set(text.c_str());
  preserve_spaces(t);
}

}  // namespace bidfmt::fix
