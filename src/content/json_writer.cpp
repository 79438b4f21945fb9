// model → JSON content: the inverse of json_reader.cpp. The model's flat list items (list id,
// depth, continuation) are folded back into nested lists, SectionStart … SectionEnd into a section
// block; every other block maps one to one. Keys are written in a fixed order (a DOM keeps the
// order members were added), only when they differ from the schema's default, so the output is
// deterministic and short.
#include "content/json_writer.h"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <filesystem>
#include <memory>

namespace bidfmt::content {
namespace {

using rapidjson::Value;
namespace fs = std::filesystem;

// A list being folded: its items, each a sequence of paragraphs and nested lists.
struct List;
struct Part {
  const model::Inlines* text = nullptr;  // a paragraph, or
  std::unique_ptr<List> list;            // a nested list
};
struct Item {
  int task = 0;
  bool continued = false;
  std::vector<Part> content;
};
struct List {
  int id = 0;
  int depth = 0;
  bool ordered = false;
  int start = 1;
  bool continues = false;
  std::vector<Item> items;
};

class Writer {
 public:
  Writer(const model::Document& doc, const std::string& base_dir, rapidjson::Document::AllocatorType& a)
      : doc_(doc), base_dir_(base_dir), a_(a) {}

  Value meta() {
    const model::Meta& m = doc_.meta;
    Value v(rapidjson::kObjectType);
    auto text = [&](const char* key, const std::string& s) {
      if (!s.empty()) v.AddMember(Value(key, a_), string(s), a_);
    };
    text("project", m.project);
    text("title", m.title);
    text("bidder", m.bidder);
    text("date", m.date);
    text("profile", m.profile);
    if (!m.cover) v.AddMember("cover", false, a_);
    if (!m.toc) v.AddMember("toc", false, a_);
    return v;
  }

  Value blocks() {
    Value top(rapidjson::kArrayType);
    Value section;
    Value* out = &top;
    for (const model::Block& b : doc_.blocks) {
      if (const auto* li = std::get_if<model::ListItem>(&b)) {
        add_item(*li);
        continue;
      }
      close_lists(*out);
      if (const auto* s = std::get_if<model::SectionStart>(&b)) {
        section = Value(rapidjson::kObjectType);
        section.AddMember("type", "section", a_);
        section.AddMember("page", rapidjson::StringRef(s->shape == model::PageShape::a3_landscape ? "a3" : "landscape"), a_);
        section.AddMember("blocks", Value(rapidjson::kArrayType), a_);
        out = &section["blocks"];
      } else if (std::holds_alternative<model::SectionEnd>(b)) {
        if (out != &top) top.PushBack(section, a_);
        out = &top;
      } else {
        out->PushBack(block(b), a_);
      }
    }
    close_lists(*out);
    if (out != &top) top.PushBack(section, a_);  // a section left open ends with the document
    return top;
  }

 private:
  Value string(const std::string& s) { return Value(s.c_str(), static_cast<rapidjson::SizeType>(s.size()), a_); }

  Value inlines(const model::Inlines& text) {
    Value arr(rapidjson::kArrayType);
    for (const model::Span& s : text) {
      Value r(rapidjson::kObjectType);
      if (!s.text.empty() || (!s.line_break && !s.footnote && s.ref.empty())) r.AddMember("text", string(s.text), a_);
      if (s.bold) r.AddMember("bold", true, a_);
      if (s.italic) r.AddMember("italic", true, a_);
      if (s.underline) r.AddMember("underline", true, a_);
      if (s.strike) r.AddMember("strike", true, a_);
      if (s.superscript) r.AddMember("sup", true, a_);
      if (s.subscript) r.AddMember("sub", true, a_);
      if (!s.link.empty()) r.AddMember("link", string(s.link), a_);
      if (s.line_break) r.AddMember("break", true, a_);
      if (!s.ref.empty()) r.AddMember("ref", string(s.ref), a_);
      if (s.footnote > 0 && static_cast<size_t>(s.footnote) <= doc_.footnotes.size()) {
        Value paras(rapidjson::kArrayType);
        for (const model::Inlines& p : doc_.footnotes[static_cast<size_t>(s.footnote) - 1].paragraphs) paras.PushBack(inlines(p), a_);
        Value note(rapidjson::kObjectType);
        note.AddMember("paragraphs", paras, a_);
        r.AddMember("footnote", note, a_);
      }
      arr.PushBack(r, a_);
    }
    return arr;
  }

  Value typed(const char* type) {
    Value v(rapidjson::kObjectType);
    v.AddMember("type", Value(type, a_), a_);
    return v;
  }

  Value block(const model::Block& b) {
    if (const auto* h = std::get_if<model::Heading>(&b)) {
      Value v = typed("heading");
      v.AddMember("level", h->level, a_);
      if (h->unnumbered) v.AddMember("unnumbered", true, a_);
      if (!h->id.empty()) v.AddMember("id", string(h->id), a_);
      v.AddMember("text", inlines(h->text), a_);
      return v;
    }
    if (const auto* p = std::get_if<model::Paragraph>(&b)) {
      Value v = typed("paragraph");
      if (p->kind != model::ParagraphKind::body)
        v.AddMember("style", rapidjson::StringRef(p->kind == model::ParagraphKind::quote ? "quote" : "code"), a_);
      if (p->quote_depth) v.AddMember("quote_depth", p->quote_depth, a_);
      v.AddMember("text", inlines(p->text), a_);
      return v;
    }
    if (const auto* t = std::get_if<model::Table>(&b)) return table(*t);
    if (const auto* f = std::get_if<model::Figure>(&b)) {
      Value v = typed("figure");
      v.AddMember("image", string(relative(f->path)), a_);
      if (!f->caption.empty()) v.AddMember("caption", string(f->caption), a_);
      if (!f->alt.empty()) v.AddMember("alt", string(f->alt), a_);
      if (!f->id.empty()) v.AddMember("id", string(f->id), a_);
      return v;
    }
    if (std::holds_alternative<model::PageBreak>(b)) return typed("page_break");
    return typed("thematic_break");
  }

  // An image path relative to the folder the JSON goes to, so the JSON can move with its images.
  std::string relative(const std::string& path) const {
    std::error_code ec;
    const fs::path abs = fs::absolute(fs::u8path(path), ec).lexically_normal();
    const fs::path base = fs::absolute(fs::u8path(base_dir_.empty() ? "." : base_dir_), ec).lexically_normal();
    const fs::path rel = abs.lexically_relative(base);
    return (rel.empty() ? abs : rel).generic_u8string();
  }

  Value table(const model::Table& t) {
    Value v = typed("table");
    if (!t.caption.empty()) v.AddMember("caption", string(t.caption), a_);
    if (!t.id.empty()) v.AddMember("id", string(t.id), a_);
    if (t.header_rows != 1) v.AddMember("header_rows", t.header_rows, a_);
    Value align(rapidjson::kArrayType);
    for (model::CellAlign c : t.align)
      align.PushBack(rapidjson::StringRef(c == model::CellAlign::left     ? "left"
                                          : c == model::CellAlign::center ? "center"
                                          : c == model::CellAlign::right  ? "right"
                                                                          : "none"),
                     a_);
    v.AddMember("align", align, a_);
    // The grid (header row first) with merged cells' covered positions left out.
    std::vector<const std::vector<model::Inlines>*> grid;
    if (!t.header.empty() || !t.rows.empty()) grid.push_back(&t.header);
    for (const auto& r : t.rows) grid.push_back(&r);
    std::vector<std::vector<bool>> covered(grid.size());
    for (size_t r = 0; r < grid.size(); ++r) covered[r].assign(grid[r]->size(), false);
    for (const model::Table::Merge& m : t.merges)
      for (size_t r = m.row; r < m.row + static_cast<size_t>(m.rows) && r < grid.size(); ++r)
        for (size_t c = m.col; c < m.col + static_cast<size_t>(m.cols) && c < covered[r].size(); ++c)
          if (r != m.row || c != m.col) covered[r][c] = true;
    Value rows(rapidjson::kArrayType);
    for (size_t r = 0; r < grid.size(); ++r) {
      Value cells(rapidjson::kArrayType);
      for (size_t c = 0; c < grid[r]->size(); ++c) {
        if (covered[r][c]) continue;
        Value cell(rapidjson::kObjectType);
        for (const model::Table::Merge& m : t.merges)
          if (m.row == r && m.col == c) {
            if (m.rows > 1) cell.AddMember("rowspan", m.rows, a_);
            if (m.cols > 1) cell.AddMember("colspan", m.cols, a_);
          }
        cell.AddMember("text", inlines((*grid[r])[c]), a_);
        cells.PushBack(cell, a_);
      }
      Value row(rapidjson::kObjectType);
      row.AddMember("cells", cells, a_);
      rows.PushBack(row, a_);
    }
    v.AddMember("rows", rows, a_);
    return v;
  }

  // --- lists: the flat items folded into nested lists ------------------------------------------

  List* open_list(const model::ListItem& li, int depth, int id) {
    auto l = std::make_unique<List>();
    l->id = id;
    l->depth = depth;
    l->ordered = id == li.list_id ? li.ordered : false;
    l->start = id == li.list_id ? li.start : 1;
    if (id == li.list_id) {
      if (last_at_.size() <= static_cast<size_t>(depth)) last_at_.resize(static_cast<size_t>(depth) + 1, 0);
      l->continues = last_at_[static_cast<size_t>(depth)] == id;
      last_at_[static_cast<size_t>(depth)] = id;
    }
    List* raw = l.get();
    if (stack_.empty()) {
      root_ = std::move(l);
    } else {
      List& parent = *stack_.back();
      if (parent.items.empty()) parent.items.emplace_back();
      Part part;
      part.list = std::move(l);
      parent.items.back().content.push_back(std::move(part));
    }
    stack_.push_back(raw);
    return raw;
  }

  void add_item(const model::ListItem& li) {
    while (!stack_.empty() && (stack_.back()->depth > li.depth || (stack_.back()->depth == li.depth && stack_.back()->id != li.list_id)))
      stack_.pop_back();
    if (stack_.empty() || stack_.back()->depth < li.depth) {
      // Levels with no paragraph of their own (「- - x」) get a list holding only the nested one.
      for (int d = stack_.empty() ? 0 : stack_.back()->depth + 1; d < li.depth; ++d) open_list(li, d, 0);
      open_list(li, li.depth, li.list_id);
    }
    List& l = *stack_.back();
    if (!li.continuation || l.items.empty()) {
      l.items.emplace_back();
      l.items.back().task = li.task;
      l.items.back().continued = li.continuation;
    }
    Part part;
    part.text = &li.text;
    l.items.back().content.push_back(std::move(part));
  }

  void close_lists(Value& out) {
    stack_.clear();
    if (root_) out.PushBack(list_value(*root_), a_);
    root_.reset();
  }

  Value list_value(const List& l) {
    Value v = typed("list");
    if (l.ordered) v.AddMember("ordered", true, a_);
    if (l.ordered && l.start != 1) v.AddMember("start", l.start, a_);
    if (l.continues) v.AddMember("continues", true, a_);
    Value items(rapidjson::kArrayType);
    for (const Item& it : l.items) {
      Value item(rapidjson::kObjectType);
      if (it.task) item.AddMember("task", rapidjson::StringRef(it.task == 1 ? "open" : "done"), a_);
      if (it.continued) item.AddMember("continued", true, a_);
      Value content(rapidjson::kArrayType);
      for (const Part& p : it.content) {
        if (p.list) {
          content.PushBack(list_value(*p.list), a_);
        } else {
          Value para = typed("paragraph");
          para.AddMember("text", inlines(*p.text), a_);
          content.PushBack(para, a_);
        }
      }
      item.AddMember("content", content, a_);
      items.PushBack(item, a_);
    }
    v.AddMember("items", items, a_);
    return v;
  }

  const model::Document& doc_;
  const std::string& base_dir_;
  rapidjson::Document::AllocatorType& a_;
  std::unique_ptr<List> root_;
  std::vector<List*> stack_;
  std::vector<int> last_at_;  // per depth: the id of the last list written there
};

}  // namespace

std::string to_json(const model::Document& doc, const std::string& base_dir) {
  rapidjson::Document json(rapidjson::kObjectType);
  auto& a = json.GetAllocator();
  Writer w(doc, base_dir, a);
  json.AddMember("bidfmt", "content/1", a);
  json.AddMember("meta", w.meta(), a);
  json.AddMember("blocks", w.blocks(), a);
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> out(buf);
  out.SetIndent(' ', 2);
  json.Accept(out);
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace bidfmt::content
