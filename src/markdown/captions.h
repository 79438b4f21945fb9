// Captions typed as a line of their own, the way drafts write them next to a table or figure:
// 「表1-1 服务指标表」「表 2.3-1：名称」「图1 系统架构图」.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bidfmt::markdown {

struct TypedCaption {
  bool table = true;   // 表 (else 图)
  std::string number;  // 「表1-1」 as typed, for the warning
  std::string name;    // 「服务指标表」
};

// The caption a paragraph's plain text types, or nullopt: 表 or 图, a number (digits joined by
// . - – — ．), an optional colon, then a name; a short line that does not end as a sentence.
std::optional<TypedCaption> typed_caption(std::string_view text);

}  // namespace bidfmt::markdown
