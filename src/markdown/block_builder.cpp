// md4c callbacks → model blocks. md4c reports blocks and spans as enter/leave events and text
// as pointers into the buffer; a stack of frames collects each block's inlines.
#include "markdown/block_builder.h"

#include <md4c.h>

#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/error.h"
#include "markdown/captions.h"
#include "markdown/crossref.h"
#include "markdown/heading_numbers.h"
#include "markdown/html.h"
#include "markdown/images.h"
#include "markdown/inline_text.h"

namespace bidfmt::markdown {

namespace {

// ---------------------------------------------------------------------------------------------
// Frames and small helpers
// ---------------------------------------------------------------------------------------------

// One open md4c block.
struct Frame {
  MD_BLOCKTYPE type = MD_BLOCK_DOC;
  model::Inlines text;                              // P, H, TH, TD, and LI (a tight list's item text comes without a P)
  int line = 0;                                     // first source line seen inside, 0 = none yet
  int level = 0;                                    // H
  model::CellAlign align = model::CellAlign::none;  // TH, TD
  // P: figure detection — one image and nothing else.
  int images = 0;
  bool other = false;
  std::string figure_id;  // 「{#fig:id}」 after the paragraph's image
  std::string image_src;
  int image_line = 0;
  // LI
  int paragraphs = 0;     // ListItems emitted for this item so far
  bool children = false;  // any block inside
  int task = 0;           // 1 「[ ]」, 2 「[x]」
  int html_heading = 0;   // P: opened by <h1>…<h6> (md4c reads such a line as a paragraph)
  // CODE
  std::string code;
};

struct ListState {
  int id = 0;
  int depth = 0;
  bool ordered = false;
  int start = 1;
};

bool collects_inlines(MD_BLOCKTYPE t) {
  return t == MD_BLOCK_P || t == MD_BLOCK_H || t == MD_BLOCK_TH || t == MD_BLOCK_TD || t == MD_BLOCK_LI;
}

model::CellAlign cell_align(MD_ALIGN a) {
  switch (a) {
    case MD_ALIGN_LEFT: return model::CellAlign::left;
    case MD_ALIGN_CENTER: return model::CellAlign::center;
    case MD_ALIGN_RIGHT: return model::CellAlign::right;
    default: return model::CellAlign::none;
  }
}

std::string attribute_text(const MD_ATTRIBUTE& a) {
  std::string out;
  if (a.text == nullptr || a.size == 0) return out;
  out.reserve(a.size);
  for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
    const MD_OFFSET off = a.substr_offsets[i];
    const std::string_view piece(a.text + off, a.substr_offsets[i + 1] - off);
    switch (a.substr_types[i]) {
      case MD_TEXT_ENTITY: out += decode_entity(piece); break;
      case MD_TEXT_NULLCHAR: out += "\xEF\xBF\xBD"; break;
      default: out.append(piece); break;
    }
  }
  return out;
}

bool all_blank(const model::Inlines& text) {
  for (const auto& s : text)
    if (s.line_break || !is_blank(s.text)) return false;
  return true;
}

// The caption of a pandoc caption paragraph 「Table: 名称」 / 「: 名称」, or nullopt.
std::optional<std::string> caption_of(const model::Inlines& text) {
  const std::string plain = plain_text(text);
  std::string_view s(plain);
  if (s.compare(0, 6, "Table:") == 0) s.remove_prefix(6);
  else if (s.size() >= 2 && s[0] == ':' && (s[1] == ' ' || s[1] == '\t')) s.remove_prefix(1);
  else return std::nullopt;
  return std::string(trim(s));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The builder
// ---------------------------------------------------------------------------------------------

struct BlockBuilder::Impl {
  const SourceText& src;
  const std::string& source;
  const std::string& base_dir;
  model::Document& doc;

  std::vector<Frame> frames;
  std::vector<ListState> lists;
  int next_list_id = 1;
  int quote_depth = 0;

  // Inline state: emphasis nesting, the link being read, images (their alt text is plain text).
  int bold = 0, italic = 0, image_depth = 0, strike = 0;
  HtmlFormat html_format;  // <sup>, <sub>, <u>, … from inline HTML
  std::vector<std::string> links;
  bool pending_soft_break = false;
  // The text being appended: its md4c type (references only in normal text) and source line.
  MD_TEXTTYPE text_kind = MD_TEXT_CODE;
  int text_line = 0;

  // The table being read.
  std::optional<model::Table> table;
  std::vector<model::Inlines> row;
  bool in_head = false;

  // Pandoc captions: a caption paragraph waits for the next block; a table waits for one after it.
  std::optional<std::pair<model::Paragraph, std::string>> held_caption;
  size_t last_table = SIZE_MAX;   // index in doc.blocks of a table that was the last block emitted
  size_t last_figure = SIZE_MAX;  // …of a figure that was
  // A typed caption 「表1-1 名称」 waiting for the table (or 「图1 名称」 for the figure) after it.
  struct HeldTyped {
    model::Paragraph paragraph;
    TypedCaption caption;
    int line = 0;
  };
  std::optional<HeldTyped> held_typed;

  // Footnotes: definitions by label (their Markdown), the labels referred to, and the parsed text.
  struct NoteDef {
    std::string text;
    int line = 0;
    bool used = false;
    std::optional<std::vector<model::Inlines>> parsed;
  };
  std::map<std::string, NoteDef> notes;
  std::vector<std::string> note_order;                   // labels in definition order
  std::vector<int> typed_lines;                          // headings whose typed number went
  std::vector<std::pair<std::string, int>> duplicates;   // second definitions of a label: text, line
  std::set<std::pair<int, std::string>> html_warned_at;  // (line, tag) already reported

  int last_line = 1;
  std::exception_ptr failure;

  Impl(const SourceText& s, const std::string& src_name, const std::string& base, model::Document& d)
      : src(s), source(src_name), base_dir(base), doc(d) {
    frames.reserve(16);
  }

  // --- emission ------------------------------------------------------------------------------

  // Blocks are emplaced by their own type: moving a whole model::Block variant trips GCC 12's
  // -Wmaybe-uninitialized in Release builds.
  template <typename T>
  void push(T&& b) {
    using B = std::decay_t<T>;
    last_table = std::is_same_v<B, model::Table> ? doc.blocks.size() : SIZE_MAX;
    last_figure = std::is_same_v<B, model::Figure> ? doc.blocks.size() : SIZE_MAX;
    if constexpr (std::is_same_v<B, model::Paragraph> || std::is_same_v<B, model::ListItem> || std::is_same_v<B, model::Heading>) {
      resolve_notes(b.text);
    } else if constexpr (std::is_same_v<B, model::Table>) {
      for (auto& c : b.header) resolve_notes(c);
      for (auto& r : b.rows)
        for (auto& c : r) resolve_notes(c);
    }
    doc.blocks.emplace_back(std::in_place_type<B>, std::forward<T>(b));
  }

  // --- footnotes -----------------------------------------------------------------------------

  // The paragraphs of footnote `label`, parsed once by a builder of their own.
  const std::vector<model::Inlines>& note_text(NoteDef& def) {
    if (def.parsed) return *def.parsed;
    def.parsed.emplace();
    const SourceText text(def.text, source);
    model::Document inner;
    {
      BlockBuilder nested(text, source, base_dir, inner);
      nested.parse(0, text.text().size());
      nested.finish();
    }
    for (model::Block& b : inner.blocks) {
      if (auto* p = std::get_if<model::Paragraph>(&b)) def.parsed->push_back(std::move(p->text));
      else if (auto* li = std::get_if<model::ListItem>(&b)) def.parsed->push_back(std::move(li->text));
      else if (auto* h = std::get_if<model::Heading>(&b)) def.parsed->push_back(std::move(h->text));
      else if (auto* t = std::get_if<model::Table>(&b)) {
        // A table in a note: its cells' text, one row per paragraph.
        auto row_text = [&](std::vector<model::Inlines>& cells) {
          model::Inlines line;
          for (auto& c : cells) {
            if (!line.empty() && !c.empty()) {
              model::Span sep;
              sep.text = " ";
              line.push_back(sep);
            }
            for (auto& sp : c) line.push_back(std::move(sp));
          }
          if (!line.empty()) def.parsed->push_back(std::move(line));
        };
        row_text(t->header);
        for (auto& r : t->rows) row_text(r);
      }
    }
    for (model::Warning& w : inner.warnings) warn(def.line, std::move(w.zh), std::move(w.en));
    if (def.parsed->empty()) def.parsed->emplace_back();
    return *def.parsed;
  }

  // 「[^label]」 in text: a reference mark to a new footnote with that definition's text
  // (each reference its own note, numbered in order). A label with no definition stays text.
  void resolve_notes(model::Inlines& text) {
    if (notes.empty()) return;
    for (size_t i = 0; i < text.size(); ++i) {
      const model::Span& s = text[i];
      if (s.line_break || s.footnote) continue;
      // The first 「[^label]」 of a defined label in this span.
      size_t open = 0, close = 0;
      auto it = notes.end();
      for (size_t from = 0; (open = s.text.find("[^", from)) != std::string::npos; from = open + 2) {
        close = s.text.find(']', open + 2);
        if (close == std::string::npos) break;
        it = notes.find(s.text.substr(open + 2, close - open - 2));
        if (it != notes.end()) break;
      }
      if (it == notes.end() || open == std::string::npos || close == std::string::npos) continue;
      it->second.used = true;
      model::Footnote note;
      note.paragraphs = note_text(it->second);
      note.line = it->second.line;
      doc.footnotes.push_back(std::move(note));
      // 「前[^1]后」 → 「前」 mark 「后」 (spans copied before the vector grows).
      model::Span before = text[i], mark = text[i], after = text[i];
      before.text.resize(open);
      mark.text.clear();
      mark.footnote = static_cast<int>(doc.footnotes.size());
      after.text.erase(0, close + 1);
      std::vector<model::Span> pieces;
      if (!before.text.empty()) pieces.push_back(std::move(before));
      pieces.push_back(std::move(mark));
      const size_t mark_at = i + pieces.size() - 1;
      if (!after.text.empty()) pieces.push_back(std::move(after));
      text.erase(text.begin() + static_cast<long>(i));
      text.insert(text.begin() + static_cast<long>(i), pieces.begin(), pieces.end());
      i = mark_at;  // go on after the mark
    }
  }

  void flush_held_caption() {
    if (!held_caption) return;
    model::Paragraph p = std::move(held_caption->first);
    held_caption.reset();
    push(std::move(p));
  }

  // Every block goes through here so that a held caption meets the block after it.
  template <typename T>
  void emit(T&& b) {
    if (held_typed) {
      using B = std::decay_t<T>;
      bool taken = false;
      if constexpr (std::is_same_v<B, model::Table>) {
        if (held_typed->caption.table && b.caption.empty()) {
          b.caption = held_typed->caption.name;
          taken = true;
        }
      } else if constexpr (std::is_same_v<B, model::Figure>) {
        if (!held_typed->caption.table) {
          take_figure_caption(b, held_typed->caption.name);
          taken = true;
        }
      }
      if (taken) {
        warn_typed_caption(held_typed->line, held_typed->caption);
        held_typed.reset();
      } else {
        model::Paragraph p = std::move(held_typed->paragraph);
        held_typed.reset();
        push(std::move(p));
      }
    }
    if (held_caption) {
      if constexpr (std::is_same_v<std::decay_t<T>, model::Table>) {
        if (b.caption.empty()) {
          b.caption = std::move(held_caption->second);
          held_caption.reset();
        }
      }
      flush_held_caption();
    }
    push(std::forward<T>(b));
  }

  void warn(int line, std::string zh, std::string en) { doc.warnings.push_back(model::Warning{line, std::move(zh), std::move(en)}); }

  // An HTML element bidfmt has no format for: its text is kept; each tag is named once a line.
  void warn_html(int line, const std::string& tag) {
    if (line == 0) line = last_line;
    if (!html_warned_at.emplace(line, tag).second) return;
    warn(line, "HTML 标记 <" + tag + "> 没有对应的格式，已忽略，其中的文字保留",
         "HTML tag <" + tag + "> has no format here: ignored, its text kept");
  }

  void warn_typed_caption(int line, const TypedCaption& c) {
    warn(line, "题注中手写的编号「" + c.number + "」已删除，编号由 bidfmt 自动生成",
         "typed caption number \"" + c.number + "\" removed: bidfmt numbers captions itself");
  }

  // A typed caption line for a figure: its name becomes the caption; the alt text, when it says
  // something else, stays as the image's description.
  static void take_figure_caption(model::Figure& f, const std::string& name) {
    if (!f.caption.empty() && f.caption != name) f.alt = f.caption;
    f.caption = name;
  }

  // A paragraph's text in its context: list item, quote, or body.
  void emit_text(model::Inlines text, size_t parent_index) {
    Frame& parent = frames[parent_index];
    if (parent.type == MD_BLOCK_LI && !lists.empty()) {
      const ListState& l = lists.back();
      model::ListItem item;
      item.list_id = l.id;
      item.depth = l.depth;
      item.ordered = l.ordered;
      item.start = l.start;
      item.continuation = parent.paragraphs > 0;
      if (!item.continuation) item.task = parent.task;
      item.text = std::move(text);
      ++parent.paragraphs;
      emit(std::move(item));
      return;
    }
    model::Paragraph p;
    p.kind = quote_depth > 0 ? model::ParagraphKind::quote : model::ParagraphKind::body;
    p.quote_depth = quote_depth;
    p.text = std::move(text);
    emit(std::move(p));
  }

  // A tight list item's own text, before a nested block or at the item's end.
  void flush_item_text(size_t li_index) {
    Frame& li = frames[li_index];
    pending_soft_break = false;
    if (all_blank(li.text)) {
      li.text.clear();
      return;
    }
    model::Inlines text = std::move(li.text);
    li.text.clear();
    emit_text(std::move(text), li_index);
  }

  // --- lines ---------------------------------------------------------------------------------

  // Records the line of a pointer into the source for the open blocks that have none yet.
  void note(const char* p) {
    const int line = src.line_of(p);
    if (line == 0) return;
    last_line = line;
    for (auto it = frames.rbegin(); it != frames.rend() && it->line == 0; ++it) it->line = line;
  }

  int line_of(const Frame& f) const { return f.line ? f.line : last_line; }

  // --- inline text ---------------------------------------------------------------------------

  void append(Frame& f, std::string_view s) {
    if (s.empty()) return;
    model::Inlines& out = f.text;
    if (pending_soft_break) {
      pending_soft_break = false;
      // A line end between two CJK characters is no space in Chinese; otherwise one space.
      if (!out.empty() && !out.back().line_break) {
        if (!out.back().ref.empty()) {
          model::Span space = formatted();
          space.text = " ";
          out.push_back(std::move(space));
        } else if (!(is_cjk(last_code_point(out.back().text)) && is_cjk(first_code_point(s)))) {
          out.back().text += ' ';
        }
      }
    }
    // pandoc-crossref's 「![名称](图.png){#fig:id}」: the id after the image is no text of its own.
    if (f.type == MD_BLOCK_P && image_depth == 0 && f.images == 1 && f.figure_id.empty()) {
      f.figure_id = id_attribute_only(s, "fig");
      if (!f.figure_id.empty()) return;
    }
    if (f.type == MD_BLOCK_P && image_depth == 0 && !is_blank(s)) f.other = true;
    model::Span span = formatted();
    if (text_kind == MD_TEXT_NORMAL && append_with_refs(out, s, span, text_line)) return;
    if (!out.empty()) {
      model::Span& last = out.back();
      if (!last.line_break && !last.footnote && last.ref.empty() && last.same_format(span)) {
        last.text.append(s);
        return;
      }
    }
    span.text.assign(s);
    out.push_back(std::move(span));
  }

  // An empty span with the formatting in force.
  model::Span formatted() const {
    model::Span span;
    span.bold = bold > 0;
    span.italic = italic > 0;
    span.strike = strike > 0;
    html_format.set(span);
    if (!links.empty()) span.link = links.back();
    return span;
  }

  void line_break(Frame& f) {
    pending_soft_break = false;
    if (f.type == MD_BLOCK_P) f.other = true;
    model::Span span = formatted();
    span.line_break = true;
    f.text.push_back(std::move(span));
  }

  // An inline tag: <sup> … </sup> and the like switch formatting; others are named in a warning.
  void inline_html(Frame& f, std::string_view s, int line) {
    if (s.compare(0, 4, "<!--") == 0 || s.compare(0, 2, "<?") == 0 || s.compare(0, 2, "<!") == 0) return;
    if (is_br_tag(s)) return line_break(f);
    const HtmlTag tag = read_tag(s);
    if (tag.name.empty()) {
      append(f, s);  // not a tag libxml2 can read: keep it as text
      return;
    }
    if (tag.name == "br") return line_break(f);
    // 「<h2>标题</h2>」 as a paragraph of its own: the heading it says.
    if (tag.name.size() == 2 && tag.name[0] == 'h' && tag.name[1] >= '1' && tag.name[1] <= '6') {
      if (!tag.closing && f.type == MD_BLOCK_P && all_blank(f.text)) f.html_heading = tag.name[1] - '0';
      if (f.html_heading) return;
    }
    if (html_format.apply(tag.name, tag.closing ? -1 : 1)) {
      // An end tag without its start tag must not turn a format off below zero.
      HtmlFormat& h = html_format;
      for (int* v : {&h.bold, &h.italic, &h.underline, &h.strike, &h.superscript, &h.subscript}) *v = std::max(*v, 0);
      return;
    }
    if (!plain_inline(tag.name)) warn_html(line, tag.name);
  }

  void on_text(MD_TEXTTYPE type, const char* p, MD_SIZE size) {
    note(p);
    if (frames.empty()) return;
    Frame& f = frames.back();
    const std::string_view s(p, size);
    if (f.type == MD_BLOCK_CODE) {
      f.code.append(s);
      return;
    }
    if (f.type == MD_BLOCK_HTML) {
      f.code.append(s);
      return;
    }
    if (!collects_inlines(f.type)) return;
    switch (type) {
      case MD_TEXT_SOFTBR:
        if (!f.text.empty()) pending_soft_break = true;
        break;
      case MD_TEXT_BR: line_break(f); break;
      case MD_TEXT_ENTITY: append(f, decode_entity(s)); break;
      case MD_TEXT_NULLCHAR: append(f, "\xEF\xBF\xBD"); break;
      case MD_TEXT_HTML: inline_html(f, s, src.line_of(p)); break;
      default:  // NORMAL, CODE (inline code is plain text), LATEXMATH
        // Only normal text holds references: 「`@tbl:x`」 stays as typed.
        text_kind = type;
        text_line = src.line_of(p);
        append(f, s);
        text_kind = MD_TEXT_CODE;
        break;
    }
  }

  // --- spans ---------------------------------------------------------------------------------

  void enter_span(MD_SPANTYPE type, void* detail) {
    switch (type) {
      case MD_SPAN_EM: ++italic; break;
      case MD_SPAN_STRONG: ++bold; break;
      case MD_SPAN_DEL: ++strike; break;
      case MD_SPAN_A: {
        const auto* a = static_cast<const MD_SPAN_A_DETAIL*>(detail);
        note(a->href.text);
        links.push_back(attribute_text(a->href));
        break;
      }
      case MD_SPAN_IMG: {
        const auto* img = static_cast<const MD_SPAN_IMG_DETAIL*>(detail);
        note(img->src.text);
        if (!frames.empty() && frames.back().type == MD_BLOCK_P && image_depth == 0) {
          Frame& f = frames.back();
          if (links.empty()) {
            ++f.images;
            f.image_src = attribute_text(img->src);
            const int l = src.line_of(img->src.text);
            f.image_line = l ? l : line_of(f);
          } else {
            f.other = true;  // a linked image is running text
          }
        }
        ++image_depth;
        break;
      }
      default: break;
    }
  }

  void leave_span(MD_SPANTYPE type) {
    switch (type) {
      case MD_SPAN_EM: --italic; break;
      case MD_SPAN_STRONG: --bold; break;
      case MD_SPAN_DEL: --strike; break;
      case MD_SPAN_A:
        if (!links.empty()) links.pop_back();
        break;
      case MD_SPAN_IMG: --image_depth; break;
      default: break;
    }
  }

  // --- blocks --------------------------------------------------------------------------------

  void enter_block(MD_BLOCKTYPE type, void* detail) {
    if (!frames.empty() && frames.back().type == MD_BLOCK_LI) {
      flush_item_text(frames.size() - 1);
      frames.back().children = true;
    }
    pending_soft_break = false;
    Frame f;
    f.type = type;
    switch (type) {
      case MD_BLOCK_QUOTE: ++quote_depth; break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL: {
        ListState l;
        l.id = next_list_id++;
        l.depth = static_cast<int>(lists.size());
        l.ordered = type == MD_BLOCK_OL;
        if (l.ordered) l.start = static_cast<int>(static_cast<const MD_BLOCK_OL_DETAIL*>(detail)->start);
        lists.push_back(l);
        break;
      }
      case MD_BLOCK_H: f.level = static_cast<int>(static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level); break;
      case MD_BLOCK_LI: {
        const auto* li = static_cast<const MD_BLOCK_LI_DETAIL*>(detail);
        if (li && li->is_task) f.task = li->task_mark == ' ' ? 1 : 2;
        break;
      }
      case MD_BLOCK_TABLE:
        table.emplace();
        row.clear();
        break;
      case MD_BLOCK_THEAD: in_head = true; break;
      case MD_BLOCK_TBODY: in_head = false; break;
      case MD_BLOCK_TR: row.clear(); break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD: f.align = cell_align(static_cast<const MD_BLOCK_TD_DETAIL*>(detail)->align); break;
      default: break;
    }
    frames.push_back(std::move(f));
  }

  void leave_block(MD_BLOCKTYPE type, void* detail) {
    if (frames.empty()) return;
    const size_t index = frames.size() - 1;
    pending_soft_break = false;
    switch (type) {
      case MD_BLOCK_QUOTE: --quote_depth; break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        if (!lists.empty()) lists.pop_back();
        break;
      case MD_BLOCK_LI: {
        flush_item_text(index);
        Frame& li = frames[index];
        if (li.paragraphs == 0 && !li.children) emit_text({}, index);  // 「1.」 with nothing after it
        break;
      }
      case MD_BLOCK_HR: emit(model::ThematicBreak{}); break;
      case MD_BLOCK_H: finish_heading(frames[index]); break;
      case MD_BLOCK_P: finish_paragraph(index); break;
      case MD_BLOCK_CODE: finish_code(frames[index]); break;
      case MD_BLOCK_HTML: finish_html(frames[index]); break;
      case MD_BLOCK_TH:
        if (table) {
          table->header.push_back(std::move(frames[index].text));
          table->align.push_back(frames[index].align);
        }
        break;
      case MD_BLOCK_TD: row.push_back(std::move(frames[index].text)); break;
      case MD_BLOCK_TR:
        if (table && !in_head) table->rows.push_back(std::move(row));
        row.clear();
        break;
      case MD_BLOCK_THEAD: in_head = false; break;
      case MD_BLOCK_TABLE: finish_table(frames[index], static_cast<const MD_BLOCK_TABLE_DETAIL*>(detail)); break;
      default: break;
    }
    frames.pop_back();
  }

  // md4c is C: no exception may cross it. The first one is kept, parsing stops, parse() rethrows.
  template <typename F>
  static int guarded(void* userdata, F&& f) {
    auto* impl = static_cast<Impl*>(userdata);
    try {
      f(*impl);
      return 0;
    } catch (...) {
      impl->failure = std::current_exception();
      return 1;
    }
  }

  void finish_heading(Frame& f) {
    model::Heading h;
    h.level = f.level;
    h.line = line_of(f);
    h.text = std::move(f.text);
    h.unnumbered = strip_unnumbered_mark(h.text, &h.id);
    const std::string number = strip_heading_number(h.level, h.text);
    if (!number.empty()) typed_lines.push_back(h.line);
    if (!number.empty())
      warn(h.line, "标题中手写的编号「" + number + "」已删除，编号由 bidfmt 自动生成",
           "typed heading number \"" + number + "\" removed: bidfmt numbers headings itself");
    emit(std::move(h));
  }

  void finish_paragraph(size_t index) {
    Frame& f = frames[index];
    const size_t parent = index > 0 ? index - 1 : index;
    if (f.html_heading && frames[parent].type == MD_BLOCK_DOC) {
      f.level = f.html_heading;
      finish_heading(f);
      return;
    }

    // ![名称](path) alone: a figure.
    if (f.images == 1 && !f.other) {
      model::Figure fig;
      fig.line = f.image_line ? f.image_line : line_of(f);
      fig.caption = std::string(trim(plain_text(f.text)));
      fig.id = f.figure_id;
      fig.path = resolve_image(f.image_src, base_dir, source, fig.line);
      emit(std::move(fig));
      return;
    }
    // \newpage alone (the line splitter catches it on its own line; this is a paragraph).
    if (trim(plain_text(f.text)) == "\\newpage") {
      emit(model::PageBreak{});
      return;
    }
    // 「表1-1 名称」 typed right after a table (「图1 名称」 after a figure), or held for the next block.
    if (frames[parent].type == MD_BLOCK_DOC) {
      if (auto typed = typed_caption(plain_text(f.text))) {
        if (typed->table && last_table != SIZE_MAX) {
          auto& t = std::get<model::Table>(doc.blocks[last_table]);
          if (t.caption.empty()) {
            t.caption = typed->name;
            warn_typed_caption(line_of(f), *typed);
            last_table = SIZE_MAX;
            return;
          }
        }
        if (!typed->table && last_figure != SIZE_MAX) {
          take_figure_caption(std::get<model::Figure>(doc.blocks[last_figure]), typed->name);
          warn_typed_caption(line_of(f), *typed);
          last_figure = SIZE_MAX;
          return;
        }
        flush_held_caption();
        if (held_typed) {
          model::Paragraph before = std::move(held_typed->paragraph);
          held_typed.reset();
          push(std::move(before));
        }
        model::Paragraph p;
        p.text = std::move(f.text);
        held_typed.emplace(HeldTyped{std::move(p), std::move(*typed), line_of(f)});
        last_table = last_figure = SIZE_MAX;
        return;
      }
    }
    // 「Table: 名称」 right after a table without a caption, or held for the next block.
    if (frames[parent].type == MD_BLOCK_DOC) {
      if (auto caption = caption_of(f.text)) {
        // 「Table: 表1-1 名称」: the typed number goes too.
        if (auto typed = typed_caption(*caption); typed && typed->table) {
          warn_typed_caption(line_of(f), *typed);
          *caption = typed->name;
        }
        if (last_table != SIZE_MAX) {
          auto& t = std::get<model::Table>(doc.blocks[last_table]);
          if (t.caption.empty()) {
            t.caption = std::move(*caption);
            last_table = SIZE_MAX;
            return;
          }
        }
        flush_held_caption();
        model::Paragraph p;
        p.text = std::move(f.text);
        held_caption.emplace(std::move(p), std::move(*caption));
        last_table = SIZE_MAX;
        return;
      }
    }
    model::Inlines text = std::move(f.text);
    emit_text(std::move(text), parent);
  }

  // One body paragraph per line, as plain text.
  void finish_code(Frame& f) {
    std::string_view code(f.code);
    if (!code.empty() && code.back() == '\n') code.remove_suffix(1);
    size_t pos = 0;
    for (;;) {
      const size_t nl = code.find('\n', pos);
      const std::string_view line = code.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      model::Paragraph p;
      p.kind = model::ParagraphKind::code;
      p.quote_depth = quote_depth;
      if (!line.empty()) {
        model::Span span;
        span.text.assign(line);
        p.text.push_back(std::move(span));
      }
      emit(std::move(p));
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
  }

  // An HTML block: its tables, paragraphs, lists … as blocks; tags without a format are named.
  void finish_html(Frame& f) {
    if (is_blank(f.code)) return;
    const int line = line_of(f);
    std::set<std::string> ignored;
    std::vector<model::Block> blocks = html_blocks(f.code, line, next_list_id, ignored);
    for (const std::string& tag : ignored) warn_html(line, tag);
    for (model::Block& b : blocks) {
      if (auto* h = std::get_if<model::Heading>(&b)) {
        Frame hf;
        hf.type = MD_BLOCK_H;
        hf.level = h->level;
        hf.line = line;
        hf.text = std::move(h->text);
        finish_heading(hf);
      } else if (auto* p = std::get_if<model::Paragraph>(&b)) {
        if (quote_depth > 0 && p->kind == model::ParagraphKind::body) {
          p->kind = model::ParagraphKind::quote;
          p->quote_depth = quote_depth;
        }
        emit(std::move(*p));
      } else {
        std::visit([this](auto& x) { emit(std::move(x)); }, b);
      }
    }
  }

  void finish_table(Frame& f, const MD_BLOCK_TABLE_DETAIL* detail) {
    if (!table) return;
    model::Table t = std::move(*table);
    table.reset();
    size_t cols = detail ? detail->col_count : t.header.size();
    if (cols == 0) cols = t.header.size();
    t.header.resize(cols);
    t.align.resize(cols, model::CellAlign::none);
    for (auto& r : t.rows) r.resize(cols);
    t.line = line_of(f);
    emit(std::move(t));
  }
};

// ---------------------------------------------------------------------------------------------
// md4c glue
// ---------------------------------------------------------------------------------------------

BlockBuilder::BlockBuilder(const SourceText& src, const std::string& source, const std::string& base_dir, model::Document& doc)
    : impl_(std::make_unique<Impl>(src, source, base_dir, doc)) {}

BlockBuilder::~BlockBuilder() = default;

void BlockBuilder::parse(size_t begin, size_t end) {
  if (end <= begin) return;
  MD_PARSER parser{};
  parser.abi_version = 0;
  // #标题 without a space is a heading too: Chinese writers often leave the space out.
  parser.flags = MD_FLAG_TABLES | MD_FLAG_PERMISSIVEATXHEADERS | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS;
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return Impl::guarded(u, [&](Impl& i) { i.enter_block(t, d); }); };
  parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return Impl::guarded(u, [&](Impl& i) { i.leave_block(t, d); }); };
  parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return Impl::guarded(u, [&](Impl& i) { i.enter_span(t, d); }); };
  parser.leave_span = [](MD_SPANTYPE t, void*, void* u) { return Impl::guarded(u, [&](Impl& i) { i.leave_span(t); }); };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* p, MD_SIZE n, void* u) { return Impl::guarded(u, [&](Impl& i) { i.on_text(t, p, n); }); };

  Impl& impl = *impl_;
  impl.frames.clear();
  impl.lists.clear();
  impl.quote_depth = impl.bold = impl.italic = impl.image_depth = impl.strike = 0;
  impl.html_format = HtmlFormat{};
  impl.links.clear();
  impl.table.reset();
  impl.last_line = impl.src.line_of(begin);

  const int rc = md_parse(impl.src.text().data() + begin, static_cast<MD_SIZE>(end - begin), &parser, &impl);
  if (impl.failure) {
    std::exception_ptr e = impl.failure;
    impl.failure = nullptr;
    std::rethrow_exception(e);
  }
  if (rc != 0) throw Error(impl.source, impl.last_line, "Markdown 解析失败（内存不足？）", "Markdown parsing failed (out of memory?)");
}

void BlockBuilder::add(model::Block block) {
  std::visit([this](auto& b) { impl_->emit(std::move(b)); }, block);
}

void BlockBuilder::define_footnote(const std::string& label, const std::string& text, int line) {
  auto [it, fresh] = impl_->notes.emplace(label, Impl::NoteDef{});
  if (!fresh) {
    impl_->warn(line, "脚注「" + label + "」重复定义，后一个定义作为正文段落保留",
                "footnote \"" + label + "\" defined twice: the later definition is kept as a paragraph");
    impl_->duplicates.push_back({text, line});
    return;
  }
  it->second.text = text;
  it->second.line = line;
  impl_->note_order.push_back(label);
}

const std::vector<int>& BlockBuilder::typed_heading_lines() const { return impl_->typed_lines; }

void BlockBuilder::finish() {
  Impl& impl = *impl_;
  impl.flush_held_caption();
  if (impl.held_typed) {
    model::Paragraph p = std::move(impl.held_typed->paragraph);
    impl.held_typed.reset();
    impl.push(std::move(p));
  }
  // 「Table: 名称 {#tbl:id}」, 「![名称 {#fig:id}](图.png)」: the id ends the caption, however the
  // caption reached the table or figure (pandoc caption, typed caption line, alt text).
  for (model::Block& b : impl.doc.blocks) {
    if (auto* t = std::get_if<model::Table>(&b); t && t->id.empty()) {
      t->id = take_id_attribute(t->caption, "tbl");
    } else if (auto* fig = std::get_if<model::Figure>(&b)) {
      std::string alt_id = take_id_attribute(fig->alt, "fig");
      std::string cap_id = take_id_attribute(fig->caption, "fig");
      if (fig->id.empty()) fig->id = !cap_id.empty() ? cap_id : alt_id;
    }
  }
  // Footnotes nothing refers to, and second definitions: their text as paragraphs at the end.
  for (const std::string& label : impl.note_order) {
    Impl::NoteDef& def = impl.notes.at(label);
    if (def.used) continue;
    impl.warn(def.line, "脚注「" + label + "」没有被引用，其文字作为正文段落放在文末",
              "footnote \"" + label + "\" is never referred to: its text is kept as a paragraph at the end");
    for (const model::Inlines& text : impl.note_text(def)) {
      model::Paragraph p;
      p.text = text;
      impl.doc.blocks.emplace_back(std::in_place_type<model::Paragraph>, std::move(p));
    }
  }
  for (auto& [text, line] : impl.duplicates) {
    Impl::NoteDef def;
    def.text = text;
    def.line = line;
    for (const model::Inlines& t : impl.note_text(def)) {
      model::Paragraph p;
      p.text = t;
      impl.doc.blocks.emplace_back(std::in_place_type<model::Paragraph>, std::move(p));
    }
  }
}

}  // namespace bidfmt::markdown
