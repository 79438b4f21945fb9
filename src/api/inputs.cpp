// Several input files, one document: each read by its extension (Markdown or JSON content), then
// concatenated in order. Footnote numbers and list ids are shifted so each file keeps its own;
// headings, tables, figures and warnings remember the file they came from, so messages name it.
// The front matter is the first file's, or --meta's; a later file that sets a value the first
// (or --meta) sets differently is an error naming both files.
#include "api/inputs.h"

#include <iterator>

#include "core/error.h"
#include "core/file_io.h"
#include "markdown/front_matter.h"
#include "markdown/outline.h"
#include "markdown/reader.h"

namespace bidfmt {
namespace {

// Also names the file a cross-reference was typed in (its message names file and line).
void shift_footnotes(model::Inlines& text, int by, const std::string& file) {
  for (model::Span& s : text) {
    if (s.footnote) s.footnote += by;
    if (!s.ref.empty() && s.ref_file.empty()) s.ref_file = file;
  }
}

// The first value `later` sets (differs from the default) that `first` has otherwise: "" when none.
std::pair<std::string, std::string> disagreement(const model::Meta& first, const model::Meta& later) {
  const model::Meta none;
  auto text = [](const char* key, const std::string& a, const std::string& b) -> std::pair<std::string, std::string> {
    if (b.empty() || a == b) return {};
    return {key, "「" + a + "」≠「" + b + "」"};
  };
  for (auto [key, a, b] : {std::tuple<const char*, const std::string*, const std::string*>{"project", &first.project, &later.project},
                           {"title", &first.title, &later.title},
                           {"bidder", &first.bidder, &later.bidder},
                           {"date", &first.date, &later.date},
                           {"profile", &first.profile, &later.profile}}) {
    auto d = text(key, *a, *b);
    if (!d.first.empty()) return d;
  }
  if (later.cover != none.cover && first.cover != later.cover) return {"cover", "true ≠ false"};
  if (later.toc != none.toc && first.toc != later.toc) return {"toc", "true ≠ false"};
  return {};
}

void append(model::Document& into, model::Document&& part, const std::string& file) {
  const int notes = static_cast<int>(into.footnotes.size());
  int lists = 0;
  for (const model::Block& b : into.blocks)
    if (const auto* li = std::get_if<model::ListItem>(&b)) lists = std::max(lists, li->list_id);
  for (model::Block& b : part.blocks) {
    if (auto* h = std::get_if<model::Heading>(&b)) {
      shift_footnotes(h->text, notes, file);
      if (h->file.empty()) h->file = file;
    } else if (auto* p = std::get_if<model::Paragraph>(&b)) {
      shift_footnotes(p->text, notes, file);
    } else if (auto* li = std::get_if<model::ListItem>(&b)) {
      shift_footnotes(li->text, notes, file);
      li->list_id += lists;
    } else if (auto* t = std::get_if<model::Table>(&b)) {
      for (auto& c : t->header) shift_footnotes(c, notes, file);
      for (auto& r : t->rows)
        for (auto& c : r) shift_footnotes(c, notes, file);
      if (t->file.empty()) t->file = file;
    } else if (auto* f = std::get_if<model::Figure>(&b)) {
      if (f->file.empty()) f->file = file;
    }
  }
  // The blocks are moved as a whole (the first file's vector becomes the document's), not a block
  // at a time into a growing vector that reallocates while the part's vector is still held.
  if (into.blocks.empty()) {
    into.blocks = std::move(part.blocks);
  } else {
    into.blocks.reserve(into.blocks.size() + part.blocks.size());
    into.blocks.insert(into.blocks.end(), std::make_move_iterator(part.blocks.begin()), std::make_move_iterator(part.blocks.end()));
    part.blocks = {};
  }
  for (model::Footnote& n : part.footnotes) {
    for (model::Inlines& p : n.paragraphs) shift_footnotes(p, 0, file);  // (marks inside notes stay)
    into.footnotes.push_back(std::move(n));
  }
  for (model::Warning& w : part.warnings) {
    if (w.file.empty()) w.file = file;
    into.warnings.push_back(std::move(w));
  }
}

}  // namespace

model::Document read_inputs(const std::vector<std::string>& paths, const std::string& meta_file) {
  model::Document doc;
  if (paths.empty()) return doc;
  std::string meta_from;  // the file the front matter is taken from
  if (!meta_file.empty()) {
    doc.meta = markdown::read_meta_file_text(core::read_file(meta_file), meta_file);
    meta_from = meta_file;
  }
  // Each Markdown file is read with its outline as written; the outline rules (a lone `#` title,
  // the `##` level shift) run once on the joined document, where a chapter file's `#` is one of
  // several chapters, not the cover title.
  markdown::TypedHeadings typed;
  for (size_t i = 0; i < paths.size(); ++i) {
    std::vector<int> typed_lines;
    const bool defer = paths.size() > 1 && !is_json_input(paths[i]);
    model::Document part = defer ? markdown::read_file(paths[i], &typed_lines) : read_input(paths[i]);
    for (int line : typed_lines) typed.insert({paths[i], line});
    if (i == 0) {
      doc.source = part.source;
      if (meta_from.empty()) {
        doc.meta = part.meta;
        meta_from = paths[0];
      }
    }
    if (meta_from != paths[i]) {
      const auto [key, values] = disagreement(doc.meta, part.meta);
      if (!key.empty())
        throw Error(
            paths[i], 0, "前置元数据与「" + meta_from + "」的不一致:" + key + " " + values + "(只需在第一个文件或 --meta 中写一次)",
            "front matter disagrees with '" + meta_from + "': " + key + " " + values + " (write it once, in the first file or in --meta)");
    }
    append(doc, std::move(part), paths[i]);
  }
  if (paths.size() > 1) markdown::normalize_outline(doc, typed);
  return doc;
}

}  // namespace bidfmt
