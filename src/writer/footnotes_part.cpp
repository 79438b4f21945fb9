// word/footnotes.xml: the separator notes Word expects (ids -1 and 0, named in settings.xml's
// w:footnotePr) and one w:footnote per Markdown footnote reference, w:id = its number (1, 2, …).
#include "writer/parts.h"
#include "writer/props.h"
#include "writer/runs.h"
#include "writer/xml.h"

namespace bidfmt::writer {

std::string footnotes_xml(const model::Document& doc, const profile::Profile& profile, const Plan& plan) {
  pugi::xml_document x;
  xml::declare(x);
  pugi::xml_node root = x.append_child("w:footnotes");
  xml::set(root, "xmlns:w", xml::kW);
  auto separator = [&](int id, const char* type, const char* mark) {
    pugi::xml_node n = xml::add(root, "w:footnote", "w:type", type);
    xml::set(n, "w:id", id);
    pugi::xml_node p = xml::add(n, "w:p");
    ParaProps pp;
    pp.space_after = 0;
    pp.line = profile.footnote.line.v;  // the separator line spaced as the notes (profile footnotes.line_spacing)
    pp.emit(p);
    xml::add(xml::add(p, "w:r"), mark);
  };
  separator(-1, "separator", "w:separator");
  separator(0, "continuationSeparator", "w:continuationSeparator");
  for (size_t i = 0; i < doc.footnotes.size(); ++i) {
    pugi::xml_node n = xml::add(root, "w:footnote", "w:id", static_cast<int>(i + 1));
    const model::Footnote& note = doc.footnotes[i];
    for (size_t k = 0; k < note.paragraphs.size(); ++k) {
      pugi::xml_node p = xml::add(n, "w:p");
      ParaProps pp;
      pp.style = "FootnoteText";
      pp.emit(p);
      if (k == 0) {
        // The number in the note itself, then a space before the text.
        pugi::xml_node r = xml::add(p, "w:r");
        RunProps mark;
        mark.style = "FootnoteReference";
        mark.emit(r);
        xml::add(r, "w:footnoteRef");
        text_run(p, " ");
      }
      // Links in a note are kept as their text: the note part has no hyperlink relationships.
      for (const model::Span& s : note.paragraphs[k]) {
        model::Span plain = s;
        if (plain.footnote) continue;
        if (!s.ref.empty()) {
          if (auto t = plan.refs.find(s.ref); t != plan.refs.end())
            ref_field(p, t->second.bookmark, t->second.number, t->second.text, span_props(plain, RunProps{}));
          else text_run(p, plan.outside_refs.at(s.ref), span_props(plain, RunProps{}));
          continue;
        }
        span_run(p, plain, span_props(plain, RunProps{}));
      }
    }
  }
  return xml::to_string(x);
}

}  // namespace bidfmt::writer
