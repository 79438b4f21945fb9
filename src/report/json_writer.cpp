// JsonWriter: commas, indentation and escaping.
#include "report/json_writer.h"

#include <cstdio>
#include <string>

#include "rules/finding.h"

namespace bidfmt::report {

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  size_t plain = 0;  // start of the run of characters that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      }
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

void JsonWriter::flush() {
  os_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
}

void JsonWriter::string(std::string_view s) {
  append_json_string(buf_, s);
  if (buf_.size() >= (1u << 16)) flush();
}

void JsonWriter::newline() {
  buf_ += '\n';
  buf_.append(2 * stack_.size(), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!stack_.empty()) {
    if (stack_.back().count++) buf_ += ',';
    newline();
  }
}

void JsonWriter::begin_object() {
  before_value();
  buf_ += '{';
  stack_.push_back({true, 0});
}

void JsonWriter::end_object() {
  bool empty = stack_.back().count == 0;
  stack_.pop_back();
  if (!empty) newline();
  buf_ += '}';
  if (stack_.empty()) {
    buf_ += '\n';
    flush();
  }
}

void JsonWriter::begin_array() {
  before_value();
  buf_ += '[';
  stack_.push_back({false, 0});
}

void JsonWriter::end_array() {
  bool empty = stack_.back().count == 0;
  stack_.pop_back();
  if (!empty) newline();
  buf_ += ']';
  if (stack_.empty()) flush();
}

void JsonWriter::key(std::string_view k) {
  before_value();
  string(k);
  buf_ += ": ";
  after_key_ = true;
}

void JsonWriter::value(std::string_view s) {
  before_value();
  string(s);
}

void JsonWriter::value(int v) {
  before_value();
  buf_ += std::to_string(v);
}

void JsonWriter::value(bool v) {
  before_value();
  buf_ += v ? "true" : "false";
}

void write_schema_and_tool(JsonWriter& w, std::string_view schema, std::string_view tool_version) {
  w.field("schema", schema);
  w.field("version", 1);
  w.key("tool");
  w.begin_object();
  w.field("name", "bidfmt");
  w.field("version", tool_version);
  w.end_object();
}

void write_text_pair(JsonWriter& w, std::string_view key, const Text& t, Lang lang) {
  w.field(key, t.in(lang));
  w.key(std::string(key) + "_i18n");
  w.begin_object();
  w.field("zh", t.zh);
  w.field("en", t.en);
  w.end_object();
}

void write_location(JsonWriter& w, const rules::Location& l, bool cell_and_page) {
  w.key("location");
  w.begin_object();
  w.field("part", l.part());
  w.field("section", l.section);
  w.field("paragraph", l.paragraph);
  w.field("table", l.table);
  if (cell_and_page) {
    w.field("row", l.row);
    w.field("column", l.column);
  }
  w.field("heading_path", l.heading_path());
  w.field("excerpt", l.excerpt());
  if (cell_and_page) w.field("page", l.page);
  w.end_object();
}

}  // namespace bidfmt::report
