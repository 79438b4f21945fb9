// Annotate: comments part, comment ranges and references (ECMA-376 §17.13.4), and bookmarks.
#include "annotate/annotate.h"

#include <algorithm>

#include "annotate/package_edit.h"
#include "annotate/word_xml.h"
#include "core/error.h"
#include "package/ooxml.h"
#include "rules/registry.h"

namespace bidfmt::annotate {
namespace {

constexpr const char* kCommentsType = package::rel_type::kComments;
constexpr const char* kCommentsContentType = package::content_type::kComments;

int first_paragraph_of_section(const docx::Document& doc, int section) {
  const auto& ss = doc.sections();
  if (section >= 1 && static_cast<size_t>(section) <= ss.size()) {
    const docx::Section& s = ss[static_cast<size_t>(section) - 1];
    if (s.first_paragraph <= s.last_paragraph) return s.first_paragraph;
  }
  return -1;
}

// The comment's paragraphs: 「[rule] message」 and 「应为:… 实际:…」.
std::vector<std::string> comment_lines(const rules::Finding& f, Lang lang) {
  bool en = lang == Lang::en;
  std::vector<std::string> lines{"[" + f.rule() + "] " + f.message().in(lang)};
  std::string ev = f.expected().in(lang), av = f.actual().in(lang);
  if (!ev.empty() || !av.empty()) lines.push_back(en ? "expected: " + ev + "; actual: " + av : "应为:" + ev + ";实际:" + av);
  if (f.where().page > 0)
    lines.push_back(en ? "page " + std::to_string(f.where().page) + " of the rendered PDF"
                       : "见渲染 PDF 第 " + std::to_string(f.where().page) + " 页");
  return lines;
}

}  // namespace

int anchor_paragraph(const docx::Document& doc, const rules::Location& where) {
  const auto& ps = doc.body().paragraphs;
  if (ps.empty()) return -1;
  if (doc.is_body_part(where.part())) {
    if (where.paragraph >= 1 && static_cast<size_t>(where.paragraph) <= ps.size()) return where.paragraph - 1;
    if (where.table >= 1) {
      for (const docx::Table& t : doc.body().tables)
        if (t.number == where.table)
          for (const docx::Row& r : t.rows)
            for (const docx::Cell& c : r.cells)
              if (!c.paragraphs.empty()) return c.paragraphs.front();
    }
  }
  if (int p = first_paragraph_of_section(doc, where.section); p >= 0) return p;
  if (int p = first_paragraph_of_section(doc, doc.first_body_section()); p >= 0) return p;
  return 0;
}

int write_comments(const docx::Document& doc, const rules::Findings& findings, const std::string& output, Lang lang) {
  PackageEdit pkg(doc.path());
  const std::string main = doc.package().main_part();
  WordXml body(pkg.get(main), doc.path(), main);
  std::vector<int> ordinals = body_ordinals(doc);

  std::string comments_part = pkg.ensure_related_part(main, kCommentsType, kCommentsContentType, "comments.xml");
  std::unique_ptr<WordXml> comments;
  if (pkg.has(comments_part)) {
    comments = std::make_unique<WordXml>(pkg.get(comments_part), doc.path(), comments_part);
  } else {
    std::string fresh =
        std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"") + kWordNs + "\"/>";
    comments = std::make_unique<WordXml>(fresh, doc.path(), comments_part);
  }
  // Ids new to both parts.
  int id = std::max({comments->next_id("comment"), body.next_id("commentRangeStart"), body.next_id("commentReference")});
  const std::string cw_id = comments->w("id");
  int added = 0;
  for (const rules::Finding& f : findings) {
    int at = anchor_paragraph(doc, f.where());
    if (at < 0 || static_cast<size_t>(at) >= ordinals.size() || ordinals[static_cast<size_t>(at)] < 0) continue;
    pugi::xml_node p = body.paragraphs()[static_cast<size_t>(ordinals[static_cast<size_t>(at)])];
    std::string sid = std::to_string(id);
    // <w:commentRangeStart/> … <w:commentRangeEnd/><w:r><w:commentReference/></w:r>
    body.insert_at_start(p, "commentRangeStart").append_attribute(body.w("id").c_str()) = sid.c_str();
    p.append_child(body.w("commentRangeEnd").c_str()).append_attribute(body.w("id").c_str()) = sid.c_str();
    p.append_child(body.w("r").c_str()).append_child(body.w("commentReference").c_str()).append_attribute(body.w("id").c_str()) =
        sid.c_str();
    // <w:comment w:id w:author w:initials><w:p><w:r><w:t>…</w:t></w:r></w:p>…</w:comment>
    pugi::xml_node c = comments->root().append_child(comments->w("comment").c_str());
    c.append_attribute(cw_id.c_str()) = sid.c_str();
    c.append_attribute(comments->w("author").c_str()) = "bidfmt";
    c.append_attribute(comments->w("initials").c_str()) = "bidfmt";
    for (const std::string& line : comment_lines(f, lang)) {
      pugi::xml_node t =
          c.append_child(comments->w("p").c_str()).append_child(comments->w("r").c_str()).append_child(comments->w("t").c_str());
      t.append_attribute("xml:space") = "preserve";
      t.text() = line.c_str();
    }
    ++id;
    ++added;
  }
  pkg.put(main, body.save());
  pkg.put(comments_part, comments->save());
  pkg.write(output);
  return added;
}

void write_marked_copy(const docx::Document& doc, const std::vector<Mark>& marks, const std::string& output) {
  PackageEdit pkg(doc.path());
  const std::string main = doc.package().main_part();
  WordXml body(pkg.get(main), doc.path(), main);
  std::vector<int> ordinals = body_ordinals(doc);
  // Comments take no room in the printed page, but LibreOffice 25.2 crashes loading a document with
  // comment references into a hidden frame over UNO: the layout copy goes without them.
  std::vector<pugi::xml_node> drop;
  for (const char* local : {"commentReference", "commentRangeStart", "commentRangeEnd"})
    for (pugi::xpath_node n : body.dom().select_nodes(("//" + body.w(local)).c_str())) drop.push_back(n.node());
  for (pugi::xml_node n : drop) {
    pugi::xml_node run = n.parent();
    run.remove_child(n);
    if (body.w("r") != run.name()) continue;
    bool empty = true;
    for (pugi::xml_node c = run.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element && body.w("rPr") != c.name()) empty = false;
    if (empty) run.parent().remove_child(run);
  }
  int id = body.next_id("bookmarkStart");
  const std::string w_id = body.w("id"), w_name = body.w("name");
  for (const Mark& m : marks) {
    if (m.paragraph < 0 || static_cast<size_t>(m.paragraph) >= ordinals.size() || ordinals[static_cast<size_t>(m.paragraph)] < 0) continue;
    pugi::xml_node p = body.paragraphs()[static_cast<size_t>(ordinals[static_cast<size_t>(m.paragraph)])];
    std::string sid = std::to_string(id++);
    pugi::xml_node start = body.insert_at_start(p, "bookmarkStart");
    start.append_attribute(w_id.c_str()) = sid.c_str();
    start.append_attribute(w_name.c_str()) = m.name.c_str();
    p.insert_child_after(body.w("bookmarkEnd").c_str(), start).append_attribute(w_id.c_str()) = sid.c_str();
  }
  pkg.put(main, body.save());
  pkg.write(output);
}

}  // namespace bidfmt::annotate
