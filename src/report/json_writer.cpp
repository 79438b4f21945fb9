// JsonWriter: commas, indentation and escaping.
#include "report/json_writer.h"

#include <cstdio>
#include <string>

namespace bidfmt::report {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

void JsonWriter::newline() {
  os_ << '\n';
  for (size_t i = 0; i < stack_.size(); ++i) os_ << "  ";
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!stack_.empty()) {
    if (stack_.back().count++) os_ << ',';
    newline();
  }
}

void JsonWriter::begin_object() {
  before_value();
  os_ << '{';
  stack_.push_back({true, 0});
}

void JsonWriter::end_object() {
  bool empty = stack_.back().count == 0;
  stack_.pop_back();
  if (!empty) newline();
  os_ << '}';
  if (stack_.empty()) os_ << '\n';
}

void JsonWriter::begin_array() {
  before_value();
  os_ << '[';
  stack_.push_back({false, 0});
}

void JsonWriter::end_array() {
  bool empty = stack_.back().count == 0;
  stack_.pop_back();
  if (!empty) newline();
  os_ << ']';
}

void JsonWriter::key(std::string_view k) {
  before_value();
  os_ << json_string(k) << ": ";
  after_key_ = true;
}

void JsonWriter::value(std::string_view s) {
  before_value();
  os_ << json_string(s);
}

void JsonWriter::value(int v) {
  before_value();
  os_ << v;
}

void JsonWriter::value(bool v) {
  before_value();
  os_ << (v ? "true" : "false");
}

}  // namespace bidfmt::report
