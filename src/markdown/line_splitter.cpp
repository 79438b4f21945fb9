// Line-level pre-pass: code-fence tracking, section fences, \newpage lines, caption seams.
#include "markdown/line_splitter.h"

#include <string_view>

#include "core/error.h"
#include "markdown/captions.h"

namespace bidfmt::markdown {

namespace {

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The line without up to three leading spaces, or nullopt when it is indented further
// (indented code, list continuation): only such lines can be fences of ours.
std::optional<std::string_view> unindented(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[n] == ' ') ++n;
  if (n > 3 || (n < s.size() && s[n] == '\t')) return std::nullopt;
  return s.substr(n);
}

// Tracks ``` and ~~~ code fences (also inside block quotes and list items) so that `:::` or
// `\newpage` in code stays code.
class CodeFences {
 public:
  // Feeds one line; true when the line is part of a fenced code block (its fences included).
  bool in_code(std::string_view line) {
    size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) ++i;
    std::string_view s = line.substr(i);
    size_t run = 0;
    const char c = s.empty() ? '\0' : s[0];
    if (c == '`' || c == '~')
      while (run < s.size() && s[run] == c) ++run;
    if (open_char_) {
      if (c == open_char_ && run >= open_len_ && trim_ascii(s.substr(run)).empty()) open_char_ = 0;
      return true;
    }
    if (run >= 3 && (c == '~' || s.find('`', run) == std::string_view::npos)) {
      open_char_ = c;
      open_len_ = run;
      return true;
    }
    return false;
  }

 private:
  char open_char_ = 0;
  size_t open_len_ = 0;
};

// 「Table: 名称」「: 名称」, or a typed 「表1-1 名称」.
bool is_caption_line(std::string_view s) {
  if (s.compare(0, 6, "Table:") == 0 || (s.size() >= 2 && s[0] == ':' && (s[1] == ' ' || s[1] == '\t'))) return true;
  auto typed = typed_caption(s);
  return typed && typed->table;
}

bool is_pipe_line(std::string_view s) {
  auto u = unindented(s);
  return u && !u->empty() && (*u)[0] == '|';
}

// A section fence: three or more colons. Returns nullopt when `s` is not one, "" for a closing
// fence, else the section name (「landscape」「a3」; pandoc's 「{.landscape}」 too).
std::optional<std::string> fence_name(std::string_view line) {
  auto u = unindented(line);
  if (!u) return std::nullopt;
  std::string_view s = *u;
  size_t n = 0;
  while (n < s.size() && s[n] == ':') ++n;
  if (n < 3) return std::nullopt;
  s = trim_ascii(s.substr(n));
  while (!s.empty() && s.back() == ':') s.remove_suffix(1);  // 「::: landscape :::」
  s = trim_ascii(s);
  if (s.size() >= 2 && s.front() == '{' && s.back() == '}') {
    s = trim_ascii(s.substr(1, s.size() - 2));
    if (!s.empty() && s.front() == '.') s.remove_prefix(1);
  }
  std::string name(s);
  for (char& ch : name)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return name;
}

// 「[^label]: text」 at the start of a line (up to three spaces in): the label and the offset of
// the text in `line`, or nullopt.
std::optional<std::pair<std::string, size_t>> footnote_marker(std::string_view line) {
  auto u = unindented(line);
  if (!u || u->size() < 5 || u->compare(0, 2, "[^") != 0) return std::nullopt;
  const size_t close = u->find("]:");
  if (close == std::string_view::npos || close < 3) return std::nullopt;
  const std::string_view label = u->substr(2, close - 2);
  if (label.find_first_of(" \t[]") != std::string_view::npos) return std::nullopt;
  size_t text = static_cast<size_t>(u->data() - line.data()) + close + 2;
  while (text < line.size() && (line[text] == ' ' || line[text] == '\t')) ++text;
  return std::make_pair(std::string(label), text);
}

// A continuation line of a footnote: indented by a tab or at least two spaces.
bool indented(std::string_view line) { return !line.empty() && (line[0] == '\t' || line.compare(0, 2, "  ") == 0); }

std::string_view dedent(std::string_view line) {
  if (!line.empty() && line[0] == '\t') return line.substr(1);
  size_t n = 0;
  while (n < line.size() && n < 4 && line[n] == ' ') ++n;
  return line.substr(n);
}

}  // namespace

std::vector<Piece> split_lines(const SourceText& src, int first_line, const std::string& source) {
  std::vector<Piece> pieces;
  size_t seg_begin = src.line_begin(first_line);
  auto cut = [&](int before_line, std::optional<model::Block> block) {
    const size_t at = src.line_begin(before_line);
    if (at > seg_begin) pieces.push_back(Piece{seg_begin, at, std::nullopt, std::nullopt});
    if (block) pieces.push_back(Piece{at, at, std::move(block), std::nullopt});
    seg_begin = block ? src.line_begin(before_line + 1) : at;
  };

  CodeFences code;
  int open_line = 0;  // line of the `::: landscape` in force, 0 = none
  std::string open_text;
  const int last = src.line_count();
  for (int l = first_line; l <= last; ++l) {
    const std::string_view line = src.line(l);
    if (code.in_code(line)) continue;

    if (auto name = fence_name(line)) {
      const std::string shown(trim_ascii(line));
      if (name->empty()) {
        if (!open_line)
          throw Error(source, l, "多余的「:::」：前面没有 ::: landscape 或 ::: a3 与之对应",
                      "stray \":::\": no ::: landscape or ::: a3 is open");
        open_line = 0;
        cut(l, model::SectionEnd{});
        continue;
      }
      model::PageShape shape;
      if (*name == "landscape") shape = model::PageShape::landscape;
      else if (*name == "a3") shape = model::PageShape::a3_landscape;
      else
        throw Error(source, l, "未知的分节标记「" + shown + "」（可用 ::: landscape 或 ::: a3，以 ::: 结束）",
                    "unknown section fence \"" + shown + "\" (use ::: landscape or ::: a3, closed by :::)");
      if (open_line)
        throw Error(source, l, "分节不能嵌套：第" + std::to_string(open_line) + "行的「" + open_text + "」还没有用 ::: 结束",
                    "sections cannot nest: \"" + open_text + "\" on line " + std::to_string(open_line) + " is not closed by ::: yet");
      open_line = l;
      open_text = shown;
      cut(l, model::SectionStart{shape});
      continue;
    }

    // 「[^1]: 注释」 and the indented lines (and blank lines between them) that continue it.
    if (auto marker = footnote_marker(line)) {
      FootnoteDef def;
      def.label = marker->first;
      def.line = l;
      def.text.assign(line.substr(marker->second));
      int end = l;
      for (int k = l + 1; k <= last; ++k) {
        const std::string_view next = src.line(k);
        if (trim_ascii(next).empty()) continue;
        if (!indented(next)) break;
        for (int b = end + 1; b < k; ++b) def.text += '\n';
        def.text += '\n';
        def.text.append(dedent(next));
        end = k;
      }
      const size_t at = src.line_begin(l);
      if (at > seg_begin) pieces.push_back(Piece{seg_begin, at, std::nullopt, std::nullopt});
      pieces.push_back(Piece{at, at, std::nullopt, std::move(def)});
      seg_begin = src.line_begin(end + 1);
      l = end;
      continue;
    }

    if (auto u = unindented(line); u && trim_ascii(*u) == "\\newpage") {
      cut(l, model::PageBreak{});
      continue;
    }

    // 「Table: 名称」 (or a typed 「表1-1 名称」) right above or below a `|` table line: md4c
    // would read both as one paragraph (or the caption as a table row), so parse them apart.
    if (l < last) {
      const std::string_view next = src.line(l + 1);
      if ((is_caption_line(line) && is_pipe_line(next)) || (is_pipe_line(line) && is_caption_line(next))) cut(l + 1, std::nullopt);
    }
  }
  if (open_line)
    throw Error(source, open_line, "第" + std::to_string(open_line) + "行的「" + open_text + "」没有对应的结束行「:::」",
                "\"" + open_text + "\" on line " + std::to_string(open_line) + " is never closed by a \":::\" line");
  const size_t end = src.text().size();
  if (end > seg_begin) pieces.push_back(Piece{seg_begin, end, std::nullopt, std::nullopt});
  return pieces;
}

}  // namespace bidfmt::markdown
