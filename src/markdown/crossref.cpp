// Cross-reference syntax: ids after captions and @references in text.
#include "markdown/crossref.h"

#include <cctype>

#include "markdown/inline_text.h"

namespace bidfmt::markdown {
namespace {

bool has_kind(std::string_view s) {
  for (std::string_view k : {"sec:", "tbl:", "fig:"})
    if (s.substr(0, k.size()) == k) return true;
  return false;
}

// The length of the id name at the start of `s`: ASCII letters and digits, 「_」「-」, and 「.」「:」
// between them. Chinese text runs on right after a reference (「见@tbl:staff所示」), so a
// character outside ASCII ends the id, as does trailing punctuation (「@tbl:a.」).
size_t name_length(std::string_view s) {
  size_t end = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isalnum(c) || c == '_' || c == '-') end = i + 1;
    else if (c != '.' && c != ':') break;
  }
  return end;
}

}  // namespace

bool is_crossref_id(std::string_view id) { return id.size() > 4 && has_kind(id) && name_length(id.substr(4)) == id.size() - 4; }

std::string id_attribute_only(std::string_view text, std::string_view kind) {
  const std::string_view t = trim(text);
  if (t.size() < 4 || t.substr(0, 2) != "{#" || t.back() != '}') return "";
  const std::string_view id = t.substr(2, t.size() - 3);
  if (id.size() <= kind.size() + 1 || id.substr(0, kind.size()) != kind || id[kind.size()] != ':' || !is_crossref_id(id)) return "";
  return std::string(id);
}

std::string take_id_attribute(std::string& text, std::string_view kind) {
  const size_t open = text.rfind("{#");
  if (open == std::string::npos) return "";
  std::string id = id_attribute_only(std::string_view(text).substr(open), kind);
  if (id.empty()) return "";
  text.resize(open);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
  return id;
}

bool append_with_refs(model::Inlines& out, std::string_view s, const model::Span& proto, int line) {
  bool any = false;
  size_t from = 0;
  auto text = [&](std::string_view piece) {
    if (piece.empty()) return;
    if (!out.empty() && out.back().ref.empty() && !out.back().line_break && !out.back().footnote && out.back().same_format(proto)) {
      out.back().text.append(piece);
      return;
    }
    model::Span t = proto;
    t.text.assign(piece);
    out.push_back(std::move(t));
  };
  for (size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    // 「a@tbl:x」 is an e-mail address, not a reference: the @ starts a word.
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(s[at - 1])) || s[at - 1] == '_' || s[at - 1] == '.')) continue;
    const std::string_view rest = s.substr(at + 1);
    if (!has_kind(rest)) continue;
    const size_t len = name_length(rest.substr(4));
    if (len == 0) continue;
    text(s.substr(from, at - from));
    model::Span r = proto;
    r.text.clear();
    r.ref = std::string(rest.substr(0, 4 + len));
    r.ref_line = line;
    out.push_back(std::move(r));
    from = at + 1 + 4 + len;
    at = from - 1;
    any = true;
  }
  if (!any) return false;
  text(s.substr(from));
  return true;
}

}  // namespace bidfmt::markdown
