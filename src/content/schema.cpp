// Validation against docs/content.schema.json with RapidJSON's schema validator, and a message a
// writer can act on: the JSON path of the offending value and the reason, in Chinese and English.
// RapidJSON reports only the failing keyword and the two pointers (document, schema); the reason
// is read off the schema at that pointer (the missing field, the allowed values, the range). A
// block that matches none of `oneOf` is checked again against the one branch its "type" names, so
// the path goes down to the field that is wrong instead of stopping at the block.
#include "content/schema.h"

#include <rapidjson/error/en.h>
#include <rapidjson/pointer.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <map>
#include <memory>
#include <stdexcept>

#include "core/error.h"
#include "core/resources.h"

namespace bidfmt::content {
namespace {

using rapidjson::Value;

const rapidjson::Document& schema_json() {
  static const rapidjson::Document doc = [] {
    rapidjson::Document d;
    const std::string_view text = schema_text();
    d.Parse(text.data(), text.size());
    if (d.HasParseError()) throw std::logic_error("embedded docs/content.schema.json does not parse");
    return d;
  }();
  return doc;
}

// The schema itself, or definitions/<name> made a schema of its own (the definitions copied in,
// so its $refs resolve as in the whole schema). The JSON is kept for reading the schema at a
// failing schema pointer.
struct Schema {
  std::unique_ptr<rapidjson::Document> json;
  std::unique_ptr<rapidjson::SchemaDocument> schema;
};

const Schema& schema_for(const std::string& name) {
  static std::map<std::string, Schema> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  Schema s;
  s.json = std::make_unique<rapidjson::Document>();
  auto& a = s.json->GetAllocator();
  if (name.empty()) {
    s.json->CopyFrom(schema_json(), a);
  } else {
    s.json->CopyFrom(schema_json()["definitions"][name.c_str()], a);
    s.json->AddMember("definitions", Value(schema_json()["definitions"], a), a);
  }
  s.schema = std::make_unique<rapidjson::SchemaDocument>(*s.json);
  return cache.emplace(name, std::move(s)).first->second;
}

std::string str(const rapidjson::Pointer& p) {
  rapidjson::StringBuffer b;
  p.Stringify(b);
  return b.GetString();
}

std::string shown(const Value& v) {
  if (v.IsString()) return v.GetString();
  if (v.IsBool()) return v.GetBool() ? "true" : "false";
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  return "?";
}

std::string joined(const Value& arr, const char* sep) {
  std::string s;
  for (const Value& v : arr.GetArray()) s += (s.empty() ? "" : sep) + shown(v);
  return s;
}

struct Reason {
  std::string path, zh, en;
};

[[noreturn]] void refuse(const std::string& source, const Reason& r) {
  const std::string at = r.path.empty() ? "/" : r.path;
  throw Error(source, 0, "内容不符合 docs/content.schema.json:" + at + ":" + r.zh,
              "content does not follow docs/content.schema.json: " + at + ": " + r.en);
}

// What the JSON type names mean to a writer.
Reason type_reason(const std::string& type) {
  if (type == "integer") return {"", "应为整数", "must be an integer"};
  if (type == "string") return {"", "应为一段文字(字符串)", "must be a string"};
  if (type == "boolean") return {"", "应为 true 或 false", "must be true or false"};
  if (type == "array") return {"", "应为数组 [...]", "must be an array [...]"};
  if (type == "object") return {"", "应为对象 {...}", "must be an object {...}"};
  return {"", "类型不对(应为 " + type + ")", "has the wrong type (must be " + type + ")"};
}

// The definition a `{"$ref": "#/definitions/x"}` names, "" for anything else.
std::string ref_name(const Value& branch) {
  if (!branch.IsObject() || !branch.HasMember("$ref") || !branch["$ref"].IsString()) return "";
  const std::string ref = branch["$ref"].GetString();
  const std::string prefix = "#/definitions/";
  return ref.compare(0, prefix.size(), prefix) == 0 ? ref.substr(prefix.size()) : "";
}

Reason diagnose(const Value& instance, const std::string& def);

// Which branch of a failed oneOf the value meant (its "type"), checked on its own.
Reason one_of_reason(const Value& schema, const Value& v) {
  const Value& branches = schema["oneOf"];
  std::string kinds;
  for (const Value& b : branches.GetArray()) {
    const std::string name = ref_name(b);
    const Value* kind =
        name.empty() ? nullptr : rapidjson::Pointer(("/definitions/" + name + "/properties/type/enum/0").c_str()).Get(schema_json());
    if (!kind || !kind->IsString()) continue;
    if (v.IsObject() && v.HasMember("type") && v["type"].IsString() && std::string(v["type"].GetString()) == kind->GetString())
      return diagnose(v, name);
    if (kinds.find(std::string(kind->GetString()) + "、") == std::string::npos &&
        kinds.find("、" + std::string(kind->GetString())) == std::string::npos)
      kinds += (kinds.empty() ? "" : "、") + std::string(kind->GetString());
  }
  std::string kinds_en = kinds;
  for (size_t at; (at = kinds_en.find("、")) != std::string::npos;) kinds_en.replace(at, std::string("、").size(), ", ");
  if (!v.IsObject()) return type_reason("object");
  if (!v.HasMember("type")) return {"", "缺少「type」(可用:" + kinds + ")", "missing \"type\" (one of: " + kinds_en + ")"};
  return {"/type", "「" + shown(v["type"]) + "」不是可用的 type(可用:" + kinds + ")",
          "\"" + shown(v["type"]) + "\" is not a known type (one of: " + kinds_en + ")"};
}

// `member`: the name of the member the document pointer ends at, when that member is one the
// schema does not know (additionalProperties), else "".
Reason keyword_reason(const std::string& kw, const Value& s, const Value& v, const std::string& member) {
  if (kw == "type" && s.HasMember("type") && s["type"].IsString()) return type_reason(s["type"].GetString());
  if (kw == "required" && v.IsObject())
    for (const Value& name : s["required"].GetArray())
      if (!v.HasMember(name)) {
        const std::string n = name.GetString();
        return {"", "缺少必需的字段「" + n + "」", "missing the required field \"" + n + "\""};
      }
  if (kw == "additionalProperties" && !member.empty()) {
    // RapidJSON points at the unknown member itself.
    std::string known;
    if (s.HasMember("properties"))
      for (auto& m : s["properties"].GetObject()) known += (known.empty() ? "" : ", ") + std::string(m.name.GetString());
    return {"", "未知的字段「" + member + "」(可用:" + known + ")", "unknown field \"" + member + "\" (known: " + known + ")"};
  }
  if (kw == "additionalProperties" && v.IsObject()) {
    std::string known;
    if (s.HasMember("properties"))
      for (auto& m : s["properties"].GetObject()) known += (known.empty() ? "" : ", ") + std::string(m.name.GetString());
    for (auto& m : v.GetObject())
      if (!s.HasMember("properties") || !s["properties"].HasMember(m.name)) {
        const std::string n = m.name.GetString();
        return {"/" + n, "未知的字段「" + n + "」(可用:" + known + ")", "unknown field \"" + n + "\" (known: " + known + ")"};
      }
  }
  if (kw == "enum") {
    std::string zh_list = joined(s["enum"], "、"), en_list = joined(s["enum"], ", ");
    if (s["enum"].Size() == 1) return {"", "应为「" + zh_list + "」", "must be \"" + en_list + "\""};
    return {"", "应为以下之一:" + zh_list, "must be one of: " + en_list};
  }
  if (kw == "minimum" || kw == "maximum") {
    if (s.HasMember("minimum") && s.HasMember("maximum"))
      return {"", "应在 " + shown(s["minimum"]) + " 到 " + shown(s["maximum"]) + " 之间",
              "must be between " + shown(s["minimum"]) + " and " + shown(s["maximum"])};
    if (kw == "minimum") return {"", "应不小于 " + shown(s["minimum"]), "must be at least " + shown(s["minimum"])};
    return {"", "应不大于 " + shown(s["maximum"]), "must be at most " + shown(s["maximum"])};
  }
  if (kw == "minLength") return {"", "不能为空", "must not be empty"};
  if (kw == "pattern")
    return {"", "「" + shown(v) + "」不是可用的标识(应为 sec:名称、tbl:名称 或 fig:名称,不含空白与 {}@)",
            "\"" + shown(v) + "\" is not a usable id (sec:name, tbl:name or fig:name, without blanks or {}@)"};
  if (kw == "oneOf") return one_of_reason(s, v);
  return {"", "不符合内容格式(" + kw + ")", "does not follow the content format (" + kw + ")"};
}

// The first thing wrong with `instance` under definitions/<def> ("" = the whole schema), with a
// path relative to `instance`; an empty zh when nothing is.
Reason diagnose(const Value& instance, const std::string& def) {
  const Schema& sd = schema_for(def);
  rapidjson::SchemaValidator validator(*sd.schema);
  if (instance.Accept(validator)) return {};
  const std::string kw = validator.GetInvalidSchemaKeyword();
  const rapidjson::Pointer at = validator.GetInvalidDocumentPointer();
  const Value* v = at.Get(instance);
  const Value* s = validator.GetInvalidSchemaPointer().Get(*sd.json);
  if (!v || !s || !s->IsObject()) return {str(at), "不符合内容格式(" + kw + ")", "does not follow the content format (" + kw + ")"};
  std::string member;
  if (kw == "additionalProperties" && at.GetTokenCount() > 0) {
    const rapidjson::Pointer parent(at.GetTokens(), at.GetTokenCount() - 1);
    const Value* obj = parent.Get(instance);
    const auto& last = at.GetTokens()[at.GetTokenCount() - 1];
    const std::string name(last.name, last.length);
    if (obj && obj->IsObject() && obj->HasMember(name.c_str()) &&
        !(s->HasMember("properties") && (*s)["properties"].HasMember(name.c_str())))
      member = name;
  }
  Reason r = keyword_reason(kw, *s, *v, member);
  r.path = str(at) + r.path;
  return r;
}

}  // namespace

std::string_view schema_text() {
  static const std::string_view text = *core::resource("docs/content.schema.json");
  return text;
}

void validate(const Value& doc, const std::string& source) {
  Reason r = diagnose(doc, "");
  if (!r.zh.empty()) refuse(source, r);
}

}  // namespace bidfmt::content
