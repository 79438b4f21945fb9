// JSON content → model: parse (RapidJSON), validate against the schema, then map each block onto
// the model exactly as the Markdown reader would have produced it (nested lists become the model's
// flat list items with list ids and depths; a section becomes SectionStart … SectionEnd).
#include "content/json_reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <filesystem>

#include "content/schema.h"
#include "core/error.h"
#include "core/file_io.h"
#include "markdown/images.h"

namespace bidfmt::content {
namespace {

using rapidjson::Value;

// 「第 3 行第 7 列」 from RapidJSON's byte offset: lines counted by '\n', columns in characters.
std::pair<int, int> line_column(const std::string& text, size_t offset) {
  int line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

// RapidJSON names its parse errors in English only; the Chinese for the ones a writer meets.
std::string parse_error_zh(rapidjson::ParseErrorCode code) {
  switch (code) {
    case rapidjson::kParseErrorDocumentEmpty: return "文件是空的";
    case rapidjson::kParseErrorDocumentRootNotSingular: return "JSON 值之后还有多余的内容";
    case rapidjson::kParseErrorValueInvalid: return "无效的值";
    case rapidjson::kParseErrorObjectMissName: return "对象里缺少字段名(字段名要用双引号)";
    case rapidjson::kParseErrorObjectMissColon: return "字段名之后缺少冒号";
    case rapidjson::kParseErrorObjectMissCommaOrCurlyBracket: return "对象里缺少逗号或「}」";
    case rapidjson::kParseErrorArrayMissCommaOrSquareBracket: return "数组里缺少逗号或「]」";
    case rapidjson::kParseErrorStringUnicodeEscapeInvalidHex: return "字符串里的 \\u 转义不对";
    case rapidjson::kParseErrorStringUnicodeSurrogateInvalid: return "字符串里的代理对不对";
    case rapidjson::kParseErrorStringEscapeInvalid: return "字符串里有无效的转义";
    case rapidjson::kParseErrorStringMissQuotationMark: return "字符串缺少结尾的双引号";
    case rapidjson::kParseErrorStringInvalidEncoding: return "不是有效的 UTF-8 文本";
    case rapidjson::kParseErrorNumberTooBig: return "数字太大";
    case rapidjson::kParseErrorNumberMissFraction: return "数字的小数部分缺失";
    case rapidjson::kParseErrorNumberMissExponent: return "数字的指数部分缺失";
    default: return "无法解析";
  }
}

std::string str(const Value& v, const char* key, const std::string& fallback = "") {
  return v.HasMember(key) ? v[key].GetString() : fallback;
}
bool flag(const Value& v, const char* key) { return v.HasMember(key) && v[key].GetBool(); }
int integer(const Value& v, const char* key, int fallback) { return v.HasMember(key) ? v[key].GetInt() : fallback; }

class Reader {
 public:
  Reader(const std::string& source, const std::string& base_dir, model::Document& doc) : source_(source), base_dir_(base_dir), doc_(doc) {}

  void meta(const Value& m) {
    model::Meta& out = doc_.meta;
    out.project = str(m, "project");
    out.title = str(m, "title");
    out.bidder = str(m, "bidder");
    out.date = str(m, "date");
    out.profile = str(m, "profile");
    if (m.HasMember("cover")) out.cover = m["cover"].GetBool();
    if (m.HasMember("toc")) out.toc = m["toc"].GetBool();
  }

  void blocks(const Value& arr, const std::string& path) {
    for (rapidjson::SizeType i = 0; i < arr.Size(); ++i) block(arr[i], path + "/" + std::to_string(i));
  }

 private:
  [[noreturn]] void refuse(const std::string& path, const std::string& zh, const std::string& en) const {
    throw Error(source_, 0, "内容有误:" + path + ":" + zh, "content is wrong: " + path + ": " + en);
  }

  model::Inlines inlines(const Value& arr, const std::string& path) {
    model::Inlines out;
    for (rapidjson::SizeType i = 0; i < arr.Size(); ++i) {
      const Value& r = arr[i];
      const std::string at = path + "/" + std::to_string(i);
      model::Span s;
      s.text = str(r, "text");
      s.bold = flag(r, "bold");
      s.italic = flag(r, "italic");
      s.underline = flag(r, "underline");
      s.strike = flag(r, "strike");
      s.superscript = flag(r, "sup");
      s.subscript = flag(r, "sub");
      s.link = str(r, "link");
      s.line_break = flag(r, "break");
      const int marks = (s.line_break ? 1 : 0) + (r.HasMember("footnote") ? 1 : 0) + (r.HasMember("ref") ? 1 : 0);
      if (marks > 1 || (marks == 1 && !s.text.empty()))
        refuse(at, "一个片段只能是文字、换行(break)、脚注(footnote)或引用(ref)中的一种",
               "a run is one of text, a line break (break), a footnote or a reference (ref)");
      // A reference: the writer checks its target exists (in any input file) and shows its number.
      s.ref = str(r, "ref");
      if (r.HasMember("footnote")) {
        model::Footnote note;
        const Value& paras = r["footnote"]["paragraphs"];
        for (rapidjson::SizeType p = 0; p < paras.Size(); ++p)
          note.paragraphs.push_back(inlines(paras[p], at + "/footnote/paragraphs/" + std::to_string(p)));
        doc_.footnotes.push_back(std::move(note));
        s.footnote = static_cast<int>(doc_.footnotes.size());
      }
      out.push_back(std::move(s));
    }
    return out;
  }

  void block(const Value& b, const std::string& path) {
    const std::string type = b["type"].GetString();
    if (type == "heading") {
      model::Heading h;
      h.level = b["level"].GetInt();
      h.text = inlines(b["text"], path + "/text");
      h.unnumbered = flag(b, "unnumbered");
      h.id = str(b, "id");
      if (!h.id.empty() && h.id.compare(0, 4, "sec:") != 0)
        refuse(path + "/id", "标题的标识应以 sec: 开头", "a heading's id starts with sec:");
      doc_.blocks.push_back(std::move(h));
    } else if (type == "paragraph") {
      model::Paragraph p;
      const std::string style = str(b, "style", "body");
      p.kind = style == "quote" ? model::ParagraphKind::quote : style == "code" ? model::ParagraphKind::code : model::ParagraphKind::body;
      p.quote_depth = integer(b, "quote_depth", 0);
      p.text = inlines(b["text"], path + "/text");
      doc_.blocks.push_back(std::move(p));
    } else if (type == "list") {
      list(b, 0, path);
    } else if (type == "table") {
      table(b, path);
    } else if (type == "figure") {
      model::Figure f;
      try {
        f.path = markdown::resolve_image(b["image"].GetString(), base_dir_, source_, 0);
      } catch (const Error& e) {
        refuse(path + "/image", e.message(Lang::zh), e.message(Lang::en));
      }
      f.caption = str(b, "caption");
      f.alt = str(b, "alt");
      f.id = str(b, "id");
      if (!f.id.empty() && f.id.compare(0, 4, "fig:") != 0)
        refuse(path + "/id", "图的标识应以 fig: 开头", "a figure's id starts with fig:");
      doc_.blocks.push_back(std::move(f));
    } else if (type == "page_break") {
      doc_.blocks.push_back(model::PageBreak{});
    } else if (type == "thematic_break") {
      doc_.blocks.push_back(model::ThematicBreak{});
    } else if (type == "section") {
      if (in_section_) refuse(path, "分节不能嵌套", "sections cannot nest");
      model::SectionStart s;
      s.shape = str(b, "page") == "a3" ? model::PageShape::a3_landscape : model::PageShape::landscape;
      doc_.blocks.push_back(s);
      in_section_ = true;
      blocks(b["blocks"], path + "/blocks");
      in_section_ = false;
      doc_.blocks.push_back(model::SectionEnd{});
    }
  }

  // A list and the lists nested in its items: one model::ListItem per paragraph, the item's first
  // paragraph numbered, later ones continuations.
  void list(const Value& l, int depth, const std::string& path) {
    if (last_list_at_.size() <= static_cast<size_t>(depth)) last_list_at_.resize(static_cast<size_t>(depth) + 1, 0);
    int& last = last_list_at_[static_cast<size_t>(depth)];
    const int id = flag(l, "continues") && last ? last : next_list_id_++;
    last = id;
    const Value& items = l["items"];
    for (rapidjson::SizeType i = 0; i < items.Size(); ++i) {
      const Value& item = items[i];
      const std::string at = path + "/items/" + std::to_string(i);
      const std::string task = str(item, "task");
      bool first = !flag(item, "continued");
      const Value& content = item["content"];
      for (rapidjson::SizeType c = 0; c < content.Size(); ++c) {
        const Value& part = content[c];
        const std::string part_at = at + "/content/" + std::to_string(c);
        if (std::string(part["type"].GetString()) == "list") {
          list(part, depth + 1, part_at);
          continue;
        }
        model::ListItem li;
        li.list_id = id;
        li.depth = depth;
        li.ordered = flag(l, "ordered");
        li.start = integer(l, "start", 1);
        li.continuation = !first;
        if (first) li.task = task == "open" ? 1 : task == "done" ? 2 : 0;
        li.text = inlines(part["text"], part_at + "/text");
        first = false;
        doc_.blocks.push_back(std::move(li));
      }
    }
  }

  // Rows of cells as in HTML (a merged cell's covered positions left out) → the model's grid,
  // every row padded to the column count, covered cells empty.
  void table(const Value& b, const std::string& path) {
    model::Table t;
    t.caption = str(b, "caption");
    t.id = str(b, "id");
    if (!t.id.empty() && t.id.compare(0, 4, "tbl:") != 0) refuse(path + "/id", "表的标识应以 tbl: 开头", "a table's id starts with tbl:");
    t.header_rows = integer(b, "header_rows", 1);
    const Value& rows = b["rows"];
    const size_t n = rows.Size();
    std::vector<std::vector<model::Inlines>> grid(n);
    std::vector<std::vector<bool>> taken(n);
    size_t width = 0;
    for (size_t r = 0; r < n; ++r) {
      const Value& cells = rows[static_cast<rapidjson::SizeType>(r)]["cells"];
      size_t c = 0;
      for (rapidjson::SizeType k = 0; k < cells.Size(); ++k) {
        const Value& cell = cells[k];
        const std::string at = path + "/rows/" + std::to_string(r) + "/cells/" + std::to_string(k);
        while (c < taken[r].size() && taken[r][c]) ++c;
        const int rs = integer(cell, "rowspan", 1), cs = integer(cell, "colspan", 1);
        if (r + static_cast<size_t>(rs) > n)
          refuse(at + "/rowspan", "跨行数超出了表格的行数", "the rowspan reaches past the table's last row");
        for (size_t rr = r; rr < r + static_cast<size_t>(rs); ++rr) {
          if (taken[rr].size() < c + static_cast<size_t>(cs)) taken[rr].resize(c + static_cast<size_t>(cs), false);
          if (grid[rr].size() < c + static_cast<size_t>(cs)) grid[rr].resize(c + static_cast<size_t>(cs));
          for (size_t cc = c; cc < c + static_cast<size_t>(cs); ++cc) {
            if (taken[rr][cc]) refuse(at, "合并单元格与另一个合并单元格重叠", "the merged cell overlaps another merged cell");
            taken[rr][cc] = true;
          }
        }
        grid[r][c] = inlines(cell["text"], at + "/text");
        if (rs > 1 || cs > 1) t.merges.push_back(model::Table::Merge{r, c, rs, cs});
        c += static_cast<size_t>(cs);
      }
    }
    for (const auto& row : grid) width = std::max(width, row.size());
    if (b.HasMember("align"))
      for (const Value& a : b["align"].GetArray()) {
        const std::string s = a.GetString();
        t.align.push_back(s == "left"     ? model::CellAlign::left
                          : s == "center" ? model::CellAlign::center
                          : s == "right"  ? model::CellAlign::right
                                          : model::CellAlign::none);
      }
    width = std::max(width, t.align.size());
    t.align.resize(width, model::CellAlign::none);
    for (auto& row : grid) row.resize(width);
    if (!grid.empty()) {
      t.header = std::move(grid.front());
      t.rows.assign(std::make_move_iterator(grid.begin() + 1), std::make_move_iterator(grid.end()));
    }
    doc_.blocks.push_back(std::move(t));
  }

  const std::string& source_;
  const std::string& base_dir_;
  model::Document& doc_;
  int next_list_id_ = 1;
  std::vector<int> last_list_at_;  // per depth: the id of the last list there (for "continues")
  bool in_section_ = false;
};

}  // namespace

model::Document read(const std::string& text, const std::string& source, const std::string& base_dir) {
  // A UTF-8 byte order mark (Windows editors write one) is not JSON: skipped.
  const size_t skip = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  rapidjson::Document json;
  json.Parse<rapidjson::kParseValidateEncodingFlag>(text.data() + skip, text.size() - skip);
  if (json.HasParseError()) {
    const auto [line, column] = line_column(text, json.GetErrorOffset() + skip);
    const std::string why = rapidjson::GetParseError_En(json.GetParseError());
    throw Error(source, line, "JSON 语法错误(第 " + std::to_string(column) + " 列):" + parse_error_zh(json.GetParseError()),
                "JSON syntax error (column " + std::to_string(column) + "): " + why);
  }
  validate(json, source);
  model::Document doc;
  doc.source = source;
  Reader reader(source, base_dir, doc);
  if (json.HasMember("meta")) reader.meta(json["meta"]);
  reader.blocks(json["blocks"], "/blocks");
  return doc;
}

model::Document read_file(const std::string& path) {
  return read(core::read_file(path), path, std::filesystem::u8path(path).parent_path().u8string());
}

}  // namespace bidfmt::content
