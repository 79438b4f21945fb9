// Raw HTML: libxml2's HTML parser builds the tree (it mends what a model leaves unclosed), a
// walk turns it into blocks and spans. Only the element names and attributes come from libxml2;
// nothing here reads HTML syntax by hand.
#include "markdown/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "markdown/inline_text.h"

namespace bidfmt::markdown {

namespace {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

constexpr int kOptions = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS;

DocPtr parse_html(std::string_view html) {
  return DocPtr(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", kOptions));
}

std::string name_of(const xmlNode* n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }

std::optional<std::string> attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return std::nullopt;
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

int span_attr(const xmlNode* n, const char* name) {
  auto v = attr(n, name);
  if (!v) return 1;
  int k = 0;
  for (char c : *v) {
    if (c < '0' || c > '9') break;
    k = std::min(k * 10 + (c - '0'), 1000);
  }
  return k;  // 0: rowspan="0", to the end of the table
}

model::CellAlign align_of(const xmlNode* n) {
  auto v = attr(n, "align");
  if (!v) return model::CellAlign::none;
  std::string a;
  for (char c : *v) a.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  if (a == "center") return model::CellAlign::center;
  if (a == "right") return model::CellAlign::right;
  if (a == "left") return model::CellAlign::left;
  return model::CellAlign::none;
}

bool is_one_of(const std::string& n, std::initializer_list<const char*> names) {
  for (const char* x : names)
    if (n == x) return true;
  return false;
}

// Containers whose content is paragraphs of their own: honoured without a warning.
bool paragraph_element(const std::string& n) { return is_one_of(n, {"p", "div", "html", "body", "blockquote"}); }
// Containers walked for their content, named in the warning: their own look is not kept.
bool other_block_element(const std::string& n) {
  return is_one_of(
      n, {"section", "article", "header",  "footer", "main", "nav", "aside", "center", "figure",  "figcaption", "form",    "fieldset",
          "address", "details", "summary", "dl",     "dt",   "dd",  "head",  "title",  "caption", "legend",     "noscript"});
}

// Whitespace of HTML text: runs become one space, none between two CJK characters.
void append_text(model::Inlines& out, std::string_view s, const HtmlFormat& f, const std::string& link) {
  std::string text;
  auto previous = [&]() -> char32_t {
    if (!text.empty()) return last_code_point(text);
    if (!out.empty() && !out.back().line_break) return last_code_point(out.back().text);
    return 0;
  };
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space) {
      const char32_t before = previous();
      if (before != 0 && before != ' ' && !(is_cjk(before) && is_cjk(first_code_point(s.substr(i))))) text += ' ';
      space = false;
    }
    text += c;
  }
  if (space && previous() != 0 && previous() != ' ') text += ' ';
  if (text.empty()) return;
  model::Span span;
  span.text = std::move(text);
  f.set(span);
  span.link = link;
  if (!out.empty() && !out.back().line_break && out.back().footnote == 0 && out.back().ref.empty() && out.back().same_format(span)) {
    out.back().text += span.text;
    return;
  }
  out.push_back(std::move(span));
}

void line_break(model::Inlines& out) {
  model::Span br;
  br.line_break = true;
  out.push_back(std::move(br));
}

// Leading and trailing blanks and breaks of a paragraph or cell go.
void tidy(model::Inlines& text) {
  while (!text.empty() && (text.back().line_break || is_blank(text.back().text))) text.pop_back();
  while (!text.empty() && (text.front().line_break || is_blank(text.front().text))) text.erase(text.begin());
  if (text.empty()) return;
  auto ltrim = [](std::string& s) { s.erase(0, s.find_first_not_of(' ')); };
  ltrim(text.front().text);
  std::string& last = text.back().text;
  last.erase(last.find_last_not_of(' ') + 1);
}

class Walker {
 public:
  Walker(int line, int& next_list_id, std::set<std::string>& ignored) : line_(line), next_list_id_(next_list_id), ignored_(ignored) {}

  std::vector<model::Block> blocks;

  // The sibling nodes from `first` on, as blocks.
  void walk_blocks(const xmlNode* first, bool quote) {
    for (const xmlNode* n = first; n; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        append_text(pending_, reinterpret_cast<const char*>(n->content), HtmlFormat{}, "");
        continue;
      }
      if (n->type != XML_ELEMENT_NODE) continue;
      const std::string name = name_of(n);
      if (name == "table") {
        flush(quote);
        blocks.emplace_back(std::in_place_type<model::Table>, table(n));
      } else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
        flush(quote);
        model::Heading h;
        h.level = name[1] - '0';
        h.line = line_;
        walk_inline(n, HtmlFormat{}, "", h.text);
        tidy(h.text);
        if (!h.text.empty()) blocks.emplace_back(std::in_place_type<model::Heading>, std::move(h));
      } else if (name == "ul" || name == "ol") {
        flush(quote);
        list(n, name == "ol", 0);
      } else if (name == "pre") {
        flush(quote);
        code(n);
      } else if (name == "hr") {
        flush(quote);
        blocks.emplace_back(std::in_place_type<model::ThematicBreak>);
      } else if (name == "br") {
        line_break(pending_);
      } else if (name == "style" || name == "script") {
        ignored_.insert(name);  // not text of the proposal
      } else if (paragraph_element(name) || other_block_element(name)) {
        if (other_block_element(name)) ignored_.insert(name);
        flush(quote);
        walk_blocks(n->children, quote || name == "blockquote");
        flush(quote || name == "blockquote");
      } else {
        inline_element(n, name, HtmlFormat{}, "", pending_);
      }
    }
  }

  void flush(bool quote) {
    tidy(pending_);
    if (pending_.empty()) return;
    model::Paragraph p;
    p.kind = quote ? model::ParagraphKind::quote : model::ParagraphKind::body;
    p.quote_depth = quote ? 1 : 0;
    p.text = std::move(pending_);
    pending_.clear();
    blocks.emplace_back(std::in_place_type<model::Paragraph>, std::move(p));
  }

 private:
  // An element met in running text.
  void inline_element(const xmlNode* n, const std::string& name, HtmlFormat f, const std::string& link, model::Inlines& out) {
    if (name == "br") return line_break(out);
    if (name == "img") {
      ignored_.insert("img");
      if (auto alt = attr(n, "alt")) append_text(out, *alt, f, link);
      return;
    }
    if (name == "style" || name == "script") {
      ignored_.insert(name);
      return;
    }
    if (f.apply(name, 1)) return walk_inline(n, f, link, out);
    if (name == "a") return walk_inline(n, f, attr(n, "href").value_or(link), out);
    if (!plain_inline(name)) {
      // Blocks inside a cell or list item: their text on a line of its own.
      const bool block = paragraph_element(name) || other_block_element(name) ||
                         is_one_of(name, {"table", "tr", "ul", "ol", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6"});
      const bool honoured = is_one_of(name, {"p", "div", "ul", "ol", "li", "tr"});
      if (!honoured) ignored_.insert(name);
      if (block && !out.empty() && !out.back().line_break) line_break(out);
      walk_inline(n, f, link, out);
      if (block && !out.empty() && !out.back().line_break) line_break(out);
      return;
    }
    walk_inline(n, f, link, out);
  }

  void walk_inline(const xmlNode* parent, const HtmlFormat& f, const std::string& link, model::Inlines& out) {
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        append_text(out, reinterpret_cast<const char*>(n->content), f, link);
      else if (n->type == XML_ELEMENT_NODE) inline_element(n, name_of(n), f, link, out);
    }
  }

  void list(const xmlNode* n, bool ordered, int depth) {
    const int id = next_list_id_++;
    int start = 1;
    if (auto s = attr(n, "start")) start = std::max(1, span_attr(n, "start"));
    for (const xmlNode* li = n->children; li; li = li->next) {
      if (li->type != XML_ELEMENT_NODE) continue;
      model::ListItem item;
      item.list_id = id;
      item.depth = depth;
      item.ordered = ordered;
      item.start = start;
      std::vector<const xmlNode*> nested;
      for (const xmlNode* c = li->children; c; c = c->next) {
        const std::string cn = c->type == XML_ELEMENT_NODE ? name_of(c) : "";
        if (cn == "ul" || cn == "ol") nested.push_back(c);
        else if (c->type == XML_TEXT_NODE) append_text(item.text, reinterpret_cast<const char*>(c->content), HtmlFormat{}, "");
        else if (c->type == XML_ELEMENT_NODE) inline_element(c, cn, HtmlFormat{}, "", item.text);
      }
      if (name_of(li) != "li") ignored_.insert(name_of(li));
      tidy(item.text);
      blocks.emplace_back(std::in_place_type<model::ListItem>, std::move(item));
      for (const xmlNode* c : nested) list(c, name_of(c) == "ol", depth + 1);
    }
  }

  void code(const xmlNode* n) {
    xmlChar* content = xmlNodeGetContent(n);
    std::string text = content ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    size_t pos = 0;
    for (;;) {
      const size_t nl = text.find('\n', pos);
      model::Paragraph p;
      p.kind = model::ParagraphKind::code;
      std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      if (!line.empty()) {
        model::Span s;
        s.text = std::move(line);
        p.text.push_back(std::move(s));
      }
      blocks.emplace_back(std::in_place_type<model::Paragraph>, std::move(p));
      if (nl == std::string::npos) break;
      pos = nl + 1;
    }
  }

  struct RawCell {
    model::Inlines text;
    int rows = 1, cols = 1;
    bool th = false;
    model::CellAlign align = model::CellAlign::none;
  };
  struct RawRow {
    std::vector<RawCell> cells;
    bool head = false;
  };

  void rows_of(const xmlNode* parent, bool head, std::vector<RawRow>& rows, std::string& caption) {
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      const std::string name = name_of(n);
      if (name == "thead") {
        rows_of(n, true, rows, caption);
      } else if (name == "tbody" || name == "tfoot") {
        rows_of(n, false, rows, caption);
      } else if (name == "caption") {
        model::Inlines c;
        walk_inline(n, HtmlFormat{}, "", c);
        tidy(c);
        caption = std::string(trim(plain_text(c)));
      } else if (name == "tr") {
        RawRow row;
        row.head = head;
        for (const xmlNode* c = n->children; c; c = c->next) {
          if (c->type != XML_ELEMENT_NODE) continue;
          const std::string cn = name_of(c);
          if (cn != "td" && cn != "th") continue;
          RawCell cell;
          cell.th = cn == "th";
          cell.cols = std::max(1, span_attr(c, "colspan"));
          cell.rows = span_attr(c, "rowspan");
          cell.align = align_of(c);
          walk_inline(c, HtmlFormat{}, "", cell.text);
          tidy(cell.text);
          row.cells.push_back(std::move(cell));
        }
        rows.push_back(std::move(row));
      } else if (name != "colgroup" && name != "col") {
        ignored_.insert(name);
      }
    }
  }

  model::Table table(const xmlNode* n) {
    std::vector<RawRow> raw;
    std::string caption;
    rows_of(n, false, raw, caption);
    model::Table t;
    t.line = line_;
    t.caption = caption;
    // Place each cell in the grid: the first free column, then mark what it spans.
    const size_t nrows = raw.size();
    std::vector<std::vector<bool>> taken(nrows);
    std::vector<std::vector<model::Inlines>> grid(nrows);
    size_t ncols = 0;
    std::vector<model::CellAlign> align;
    for (size_t r = 0; r < nrows; ++r) {
      size_t c = 0;
      for (RawCell& cell : raw[r].cells) {
        while (c < taken[r].size() && taken[r][c]) ++c;
        const size_t rows = cell.rows == 0 ? nrows - r : std::min<size_t>(static_cast<size_t>(cell.rows), nrows - r);
        const size_t cols = static_cast<size_t>(cell.cols);
        for (size_t rr = r; rr < r + rows; ++rr) {
          if (taken[rr].size() < c + cols) taken[rr].resize(c + cols, false);
          for (size_t cc = c; cc < c + cols; ++cc) taken[rr][cc] = true;
        }
        if (grid[r].size() < c + 1) grid[r].resize(c + 1);
        grid[r][c] = std::move(cell.text);
        if (rows > 1 || cols > 1) t.merges.push_back(model::Table::Merge{r, c, static_cast<int>(rows), static_cast<int>(cols)});
        if (!raw[r].head && !cell.th && cell.align != model::CellAlign::none) {
          if (align.size() < c + 1) align.resize(c + 1, model::CellAlign::none);
          if (align[c] == model::CellAlign::none) align[c] = cell.align;
        }
        ncols = std::max(ncols, c + cols);
        c += cols;
      }
      ncols = std::max(ncols, taken[r].size());
    }
    if (nrows == 0 || ncols == 0) {
      // An empty <table>: nothing to keep but its caption.
      t.header.resize(1);
      t.align.resize(1, model::CellAlign::none);
      return t;
    }
    // Header rows: those of <thead>, else the leading rows of <th> cells only; at least one, and
    // every merge that starts in them stays inside them.
    size_t head = 0;
    while (head < nrows && raw[head].head) ++head;
    if (head == 0)
      while (head < nrows && !raw[head].cells.empty() &&
             std::all_of(raw[head].cells.begin(), raw[head].cells.end(), [](const RawCell& c) { return c.th; }))
        ++head;
    head = std::max<size_t>(head, 1);
    for (const auto& m : t.merges)
      if (m.row < head) head = std::max(head, m.row + static_cast<size_t>(m.rows));
    for (auto& row : grid) row.resize(ncols);
    align.resize(ncols, model::CellAlign::none);
    t.align = std::move(align);
    t.header = std::move(grid[0]);
    for (size_t r = 1; r < nrows; ++r) t.rows.push_back(std::move(grid[r]));
    t.header_rows = static_cast<int>(std::min(head, nrows));
    return t;
  }

  int line_;
  int& next_list_id_;
  std::set<std::string>& ignored_;
  model::Inlines pending_;
};

}  // namespace

bool HtmlFormat::apply(const std::string& n, int delta) {
  if (n == "b" || n == "strong") bold += delta;
  else if (n == "i" || n == "em" || n == "cite" || n == "var" || n == "dfn") italic += delta;
  else if (n == "u" || n == "ins") underline += delta;
  else if (n == "s" || n == "strike" || n == "del") strike += delta;
  else if (n == "sup") superscript += delta;
  else if (n == "sub") subscript += delta;
  else return false;
  return true;
}

void HtmlFormat::set(model::Span& s) const {
  if (bold > 0) s.bold = true;
  if (italic > 0) s.italic = true;
  if (underline > 0) s.underline = true;
  if (strike > 0) s.strike = true;
  if (superscript > 0) s.superscript = true;
  else if (subscript > 0) s.subscript = true;
}

bool plain_inline(const std::string& n) {
  return is_one_of(n, {"code", "kbd", "samp", "tt", "abbr", "nobr", "wbr", "bdi", "bdo", "time", "data", "q"});
}

HtmlTag read_tag(std::string_view token) {
  HtmlTag tag;
  // md4c hands over one whole tag; an end tag 「</x>」 is read by libxml2 as the start tag 「<x>」.
  std::string probe(token);
  if (probe.size() > 2 && probe[0] == '<' && probe[1] == '/') {
    tag.closing = true;
    probe.erase(1, 1);
  }
  DocPtr doc = parse_html(probe);
  if (!doc) return tag;
  // The first element below the implied html/body (or head, for head-only elements).
  const xmlNode* n = xmlDocGetRootElement(doc.get());
  while (n) {
    const std::string name = name_of(n);
    if (name != "html" && name != "body" && name != "head") {
      tag.name = name;
      break;
    }
    const xmlNode* child = n->children;
    while (child && child->type != XML_ELEMENT_NODE) child = child->next;
    if (!child && name == "head" && n->next) child = n->next;
    n = child;
  }
  return tag;
}

std::vector<model::Block> html_blocks(std::string_view html, int line, int& next_list_id, std::set<std::string>& ignored) {
  Walker w(line, next_list_id, ignored);
  DocPtr doc = parse_html(html);
  if (!doc) return {};
  w.walk_blocks(doc->children, false);
  w.flush(false);
  return std::move(w.blocks);
}

}  // namespace bidfmt::markdown
