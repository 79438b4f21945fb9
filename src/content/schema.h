// The content schema (docs/content.schema.json, embedded at build time) and the check against it.
#pragma once
#include <rapidjson/document.h>

#include <string>
#include <string_view>

namespace bidfmt::content {

// docs/content.schema.json as compiled into the binary.
std::string_view schema_text();

// Throws Error naming `source`, the JSON path of the first value the schema refuses and why
// (「/blocks/3/level: 应为 1 到 6 之间的整数」), in Chinese and English.
void validate(const rapidjson::Value& doc, const std::string& source);

}  // namespace bidfmt::content
