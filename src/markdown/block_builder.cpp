// md4c callbacks → model blocks. md4c reports blocks and spans as enter/leave events and text
// as pointers into the buffer; a stack of frames collects each block's inlines.
#include "markdown/block_builder.h"

#include <md4c.h>

#include <cstdint>
#include <exception>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/error.h"
#include "markdown/heading_numbers.h"
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
  model::Inlines text;  // P, H, TH, TD, and LI (a tight list's item text comes without a P)
  int line = 0;         // first source line seen inside, 0 = none yet
  int level = 0;        // H
  model::CellAlign align = model::CellAlign::none;  // TH, TD
  // P: figure detection — one image and nothing else.
  int images = 0;
  bool other = false;
  std::string image_src;
  int image_line = 0;
  // LI
  int paragraphs = 0;     // ListItems emitted for this item so far
  bool children = false;  // any block inside
  // CODE
  std::string code;
  // HTML
  bool html_seen = false;
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
  int bold = 0, italic = 0, image_depth = 0;
  std::vector<std::string> links;
  bool pending_soft_break = false;

  // The table being read.
  std::optional<model::Table> table;
  std::vector<model::Inlines> row;
  bool in_head = false;

  // Pandoc captions: a caption paragraph waits for the next block; a table waits for one after it.
  std::optional<std::pair<model::Paragraph, std::string>> held_caption;
  size_t last_table = SIZE_MAX;  // index in doc.blocks of a table that was the last block emitted

  int last_line = 1;
  bool html_warned = false;
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
    last_table = std::is_same_v<std::decay_t<T>, model::Table> ? doc.blocks.size() : SIZE_MAX;
    doc.blocks.emplace_back(std::in_place_type<std::decay_t<T>>, std::forward<T>(b));
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

  void warn(int line, std::string zh, std::string en) {
    doc.warnings.push_back(model::Warning{line, std::move(zh), std::move(en)});
  }

  void warn_html(int line) {
    if (html_warned) return;
    html_warned = true;
    warn(line ? line : last_line, "HTML 标记已忽略：bidfmt 只读取 Markdown 语法（此后的 HTML 不再提示）",
         "HTML ignored: bidfmt reads Markdown syntax only (further HTML is not reported)");
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
        if (!(is_cjk(last_code_point(out.back().text)) && is_cjk(first_code_point(s)))) out.back().text += ' ';
      }
    }
    if (f.type == MD_BLOCK_P && image_depth == 0 && !is_blank(s)) f.other = true;
    const bool b = bold > 0, i = italic > 0;
    static const std::string no_link;
    const std::string& link = links.empty() ? no_link : links.back();
    if (!out.empty()) {
      model::Span& last = out.back();
      if (!last.line_break && last.bold == b && last.italic == i && last.link == link) {
        last.text.append(s);
        return;
      }
    }
    model::Span span;
    span.text.assign(s);
    span.bold = b;
    span.italic = i;
    span.link = link;
    out.push_back(std::move(span));
  }

  void line_break(Frame& f) {
    pending_soft_break = false;
    if (f.type == MD_BLOCK_P) f.other = true;
    model::Span span;
    span.line_break = true;
    span.bold = bold > 0;
    span.italic = italic > 0;
    if (!links.empty()) span.link = links.back();
    f.text.push_back(std::move(span));
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
      if (!f.html_seen && s.compare(0, 4, "<!--") != 0) warn_html(src.line_of(p));
      f.html_seen = true;
      return;
    }
    if (!collects_inlines(f.type)) return;
    switch (type) {
      case MD_TEXT_SOFTBR:
        if (!f.text.empty()) pending_soft_break = true;
        break;
      case MD_TEXT_BR:
        line_break(f);
        break;
      case MD_TEXT_ENTITY:
        append(f, decode_entity(s));
        break;
      case MD_TEXT_NULLCHAR:
        append(f, "\xEF\xBF\xBD");
        break;
      case MD_TEXT_HTML:
        if (is_br_tag(s)) line_break(f);
        else if (s.compare(0, 4, "<!--") != 0) warn_html(src.line_of(p));
        break;
      default:  // NORMAL, CODE (inline code is plain text), LATEXMATH
        append(f, s);
        break;
    }
  }

  // --- spans ---------------------------------------------------------------------------------

  void enter_span(MD_SPANTYPE type, void* detail) {
    switch (type) {
      case MD_SPAN_EM: ++italic; break;
      case MD_SPAN_STRONG: ++bold; break;
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
    const std::string number = strip_heading_number(h.level, h.text);
    if (!number.empty())
      warn(h.line, "标题中手写的编号「" + number + "」已删除，编号由 bidfmt 自动生成",
           "typed heading number \"" + number + "\" removed: bidfmt numbers headings itself");
    emit(std::move(h));
  }

  void finish_paragraph(size_t index) {
    Frame& f = frames[index];
    const size_t parent = index > 0 ? index - 1 : index;

    // ![名称](path) alone: a figure.
    if (f.images == 1 && !f.other) {
      model::Figure fig;
      fig.line = f.image_line ? f.image_line : line_of(f);
      fig.caption = std::string(trim(plain_text(f.text)));
      fig.path = resolve_image(f.image_src, base_dir, source, fig.line);
      emit(std::move(fig));
      return;
    }
    // \newpage alone (the line splitter catches it on its own line; this is a paragraph).
    if (trim(plain_text(f.text)) == "\\newpage") {
      emit(model::PageBreak{});
      return;
    }
    // 「Table: 名称」 right after a table without a caption, or held for the next block.
    if (frames[parent].type == MD_BLOCK_DOC) {
      if (auto caption = caption_of(f.text)) {
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
      p.kind = quote_depth > 0 ? model::ParagraphKind::quote : model::ParagraphKind::body;
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

BlockBuilder::BlockBuilder(const SourceText& src, const std::string& source, const std::string& base_dir,
                           model::Document& doc)
    : impl_(std::make_unique<Impl>(src, source, base_dir, doc)) {}

BlockBuilder::~BlockBuilder() = default;

void BlockBuilder::parse(size_t begin, size_t end) {
  if (end <= begin) return;
  MD_PARSER parser{};
  parser.abi_version = 0;
  // #标题 without a space is a heading too: Chinese writers often leave the space out.
  parser.flags = MD_FLAG_TABLES | MD_FLAG_PERMISSIVEATXHEADERS;
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return Impl::guarded(u, [&](Impl& i) { i.enter_block(t, d); }); };
  parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return Impl::guarded(u, [&](Impl& i) { i.leave_block(t, d); }); };
  parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return Impl::guarded(u, [&](Impl& i) { i.enter_span(t, d); }); };
  parser.leave_span = [](MD_SPANTYPE t, void*, void* u) { return Impl::guarded(u, [&](Impl& i) { i.leave_span(t); }); };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* p, MD_SIZE n, void* u) {
    return Impl::guarded(u, [&](Impl& i) { i.on_text(t, p, n); });
  };

  Impl& impl = *impl_;
  impl.frames.clear();
  impl.lists.clear();
  impl.quote_depth = impl.bold = impl.italic = impl.image_depth = 0;
  impl.links.clear();
  impl.table.reset();
  impl.last_line = impl.src.line_of(begin);

  const int rc = md_parse(impl.src.text().data() + begin, static_cast<MD_SIZE>(end - begin), &parser, &impl);
  if (impl.failure) {
    std::exception_ptr e = impl.failure;
    impl.failure = nullptr;
    std::rethrow_exception(e);
  }
  if (rc != 0)
    throw Error(impl.source, impl.last_line, "Markdown 解析失败（内存不足？）", "Markdown parsing failed (out of memory?)");
}

void BlockBuilder::add(model::Block block) {
  std::visit([this](auto& b) { impl_->emit(std::move(b)); }, block);
}

void BlockBuilder::finish() { impl_->flush_held_caption(); }

}  // namespace bidfmt::markdown
