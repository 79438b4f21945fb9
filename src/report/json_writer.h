// JsonWriter: a small streaming JSON writer with indentation and correct string escaping (RFC 8259).
#pragma once
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang.h"

namespace bidfmt::rules {
struct Location;
}

namespace bidfmt::report {

// Output is assembled in a buffer and handed to the stream in large pieces (a report of a
// 1,000-page bid from another tool has some 160,000 findings), and when the top-level value ends.
class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& os) : os_(os) {}
  ~JsonWriter() { flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  void flush();
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // The key of the next value inside an object.
  void key(std::string_view k);
  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(int v);
  void value(bool v);
  template <typename T>
  void field(std::string_view k, const T& v) {
    key(k);
    value(v);
  }

 private:
  void before_value();
  void newline();
  void string(std::string_view s);  // quoted and escaped into buf_
  std::ostream& os_;
  std::string buf_;
  struct Level {
    bool object;
    int count;
  };
  std::vector<Level> stack_;
  bool after_key_ = false;
};

// `s` as a quoted JSON string appended to `out`; control characters escaped, UTF-8 kept.
void append_json_string(std::string& out, std::string_view s);

// `key`: the text in the report's language, and `key_i18n`: {"zh": …, "en": …} (every JSON
// document bidfmt writes gives both, so a script reads either).
void write_text_pair(JsonWriter& w, std::string_view key, const Text& t, Lang lang);
// What every JSON document bidfmt writes opens with: "schema", "version": 1 and "tool" {name, version}.
void write_schema_and_tool(JsonWriter& w, std::string_view schema, std::string_view tool_version);
// "location": {part, section, paragraph, table, [row, column,] heading_path, excerpt[, page]}. The
// check report (docs/report-json.md) gives the table cell and the rendered page; fix's change log
// (docs/fix.md) does not.
void write_location(JsonWriter& w, const rules::Location& l, bool cell_and_page);

}  // namespace bidfmt::report
