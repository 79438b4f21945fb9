// Markdown test helpers: a model::Document as compact text (expected models are literal strings),
// parsing a literal, catching the Error a call throws.
#pragma once
#include <sstream>
#include <string>
#include <variant>

#include <gtest/gtest.h>

#include "core/error.h"
#include "markdown/reader.h"
#include "model/document.h"

namespace bidfmt::markdown::test {

// [text] plain, [b:text] bold, [i:…] italic, [bi:…], [u:…] underline, [s:…] strike, [^:…]
// superscript, [_:…] subscript, [->URL:text] link, [br] line break, [^N] footnote N's mark;
// ∅ for no spans at all.
inline std::string dump(const model::Inlines& text) {
  if (text.empty()) return "∅";
  std::string out;
  for (const auto& s : text) {
    if (s.footnote) {
      out += "[^" + std::to_string(s.footnote) + "]";
      continue;
    }
    std::string flags = std::string(s.bold ? "b" : "") + (s.italic ? "i" : "") + (s.underline ? "u" : "") + (s.strike ? "s" : "") +
                        (s.superscript ? "^" : "") + (s.subscript ? "_" : "");
    if (!s.link.empty()) flags += "->" + s.link;
    out += "[";
    if (s.line_break) out += flags.empty() ? "br" : flags + ":br";
    else out += flags.empty() ? s.text : flags + ":" + s.text;
    out += "]";
  }
  return out;
}

inline const char* dump(model::CellAlign a) {
  switch (a) {
    case model::CellAlign::left: return "l";
    case model::CellAlign::center: return "c";
    case model::CellAlign::right: return "r";
    default: return "-";
  }
}

// One line per block (a table adds one line per row).
inline std::string dump(const model::Block& b) {
  std::ostringstream o;
  if (auto* h = std::get_if<model::Heading>(&b)) {
    o << "H" << h->level << "@" << h->line << (h->unnumbered ? " {-}" : "") << " " << dump(h->text);
  } else if (auto* p = std::get_if<model::Paragraph>(&b)) {
    if (p->kind == model::ParagraphKind::quote) o << "Q" << p->quote_depth << " ";
    else if (p->kind == model::ParagraphKind::code) o << "C" << (p->quote_depth ? std::to_string(p->quote_depth) : "") << " ";
    else o << "P" << (p->quote_depth ? "?" + std::to_string(p->quote_depth) : "") << " ";
    o << dump(p->text);
  } else if (auto* li = std::get_if<model::ListItem>(&b)) {
    o << "LI#" << li->list_id << " d" << li->depth << " " << (li->ordered ? "ol" : "ul");
    if (li->ordered || li->start != 1) o << li->start;
    if (li->continuation) o << " +";
    if (li->task) o << (li->task == 1 ? " [ ]" : " [x]");
    o << " " << dump(li->text);
  } else if (auto* t = std::get_if<model::Table>(&b)) {
    o << "TABLE@" << t->line << " \"" << t->caption << "\" ";
    for (size_t i = 0; i < t->align.size(); ++i) o << (i ? "," : "") << dump(t->align[i]);
    if (t->header_rows != 1) o << " head=" << t->header_rows;
    for (const auto& m : t->merges) o << " merge(" << m.row << "," << m.col << ")=" << m.rows << "x" << m.cols;
    o << "\n  H:";
    for (const auto& c : t->header) o << " " << dump(c) << " |";
    for (const auto& r : t->rows) {
      o << "\n  R:";
      for (const auto& c : r) o << " " << dump(c) << " |";
    }
  } else if (auto* f = std::get_if<model::Figure>(&b)) {
    o << "FIG@" << f->line << " " << f->path << " \"" << f->caption << "\"";
    if (!f->alt.empty()) o << " alt=\"" << f->alt << "\"";
  } else if (std::holds_alternative<model::PageBreak>(b)) {
    o << "PAGEBREAK";
  } else if (std::holds_alternative<model::ThematicBreak>(b)) {
    o << "HR";
  } else if (auto* s = std::get_if<model::SectionStart>(&b)) {
    o << "SECTION "
      << (s->shape == model::PageShape::landscape      ? "landscape"
          : s->shape == model::PageShape::a3_landscape ? "a3"
                                                       : "portrait");
  } else if (std::holds_alternative<model::SectionEnd>(b)) {
    o << "END";
  }
  return o.str();
}

inline std::string dump_blocks(const model::Document& d) {
  std::string out;
  for (const auto& b : d.blocks) out += dump(b) + "\n";
  return out;
}

inline std::string dump_warnings(const model::Document& d) {
  std::string out;
  for (const auto& w : d.warnings) out += "W@" + std::to_string(w.line) + " " + w.zh + "\n";
  return out;
}

// Parses `text` as file "t.md" with images relative to `base_dir`.
inline model::Document parse(const std::string& text, const std::string& base_dir = ".") { return read(text, "t.md", base_dir); }

inline std::string blocks_of(const std::string& text) { return dump_blocks(parse(text)); }

// The Error that `f` throws; a test failure (and an empty Error) when it throws none.
template <typename F>
Error error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no bidfmt::Error thrown";
  return Error("", -1, "", "");
}

inline bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace bidfmt::markdown::test
