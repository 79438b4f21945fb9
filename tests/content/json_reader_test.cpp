// JSON content in: the schema refuses a wrong document naming the JSON path and the reason (zh and
// en); a syntax error names the line and column; a valid document reads into the model.
#include <gtest/gtest.h>

#include "content/json_reader.h"
#include "content/json_writer.h"
#include "content/schema.h"
#include "core/error.h"
#include "support/testkit.h"

namespace bidfmt::content {
namespace {

std::string doc_with(const std::string& blocks) { return R"({"bidfmt": "content/1", "blocks": [)" + blocks + "]}"; }

// The one line the CLI would print, in both languages.
std::pair<std::string, std::string> refusal(const std::string& json) {
  try {
    read(json, "p.json", ".");
  } catch (const Error& e) {
    return {e.one_line(Lang::zh), e.one_line(Lang::en)};
  }
  ADD_FAILURE() << "accepted: " << json;
  return {};
}

TEST(ContentSchema, CellWithoutTextNamesTheCellsPath) {
  auto [zh, en] = refusal(doc_with(R"({"type": "paragraph", "text": []},
      {"type": "table", "rows": [{"cells": [{"text": []}]}, {"cells": [{"text": []}, {"rowspan": 2}]}]})"));
  EXPECT_EQ(zh, "p.json: 内容不符合 docs/content.schema.json:/blocks/1/rows/1/cells/1:缺少必需的字段「text」");
  EXPECT_EQ(en, "p.json: content does not follow docs/content.schema.json: /blocks/1/rows/1/cells/1: missing the required field \"text\"");
}

TEST(ContentSchema, HeadingLevelOutOfRange) {
  auto [zh, en] = refusal(doc_with(R"({"type": "heading", "level": 7, "text": []})"));
  EXPECT_NE(zh.find("/blocks/0/level:应在 1 到 6 之间"), std::string::npos) << zh;
  EXPECT_NE(en.find("/blocks/0/level: must be between 1 and 6"), std::string::npos) << en;
}

TEST(ContentSchema, UnknownBlockTypeListsTheKnownOnes) {
  auto [zh, en] = refusal(doc_with(R"({"type": "tabel", "rows": []})"));
  EXPECT_NE(zh.find("/blocks/0/type:「tabel」不是可用的 type"), std::string::npos) << zh;
  EXPECT_NE(en.find("one of: heading, paragraph, list, table, figure, page_break, thematic_break, section"), std::string::npos) << en;
}

TEST(ContentSchema, UnknownFieldNamed) {
  auto [zh, en] = refusal(doc_with(R"({"type": "figure", "image": "a.png", "title": "x"})"));
  EXPECT_NE(zh.find("/blocks/0/title:未知的字段「title」"), std::string::npos) << zh;
  EXPECT_NE(en.find("/blocks/0/title: unknown field \"title\""), std::string::npos) << en;
}

TEST(ContentSchema, WrongTypeDeepInANestedList) {
  auto [zh, en] = refusal(doc_with(R"({"type": "list", "items": [{"content": [
      {"type": "paragraph", "text": []},
      {"type": "list", "items": [{"content": [{"type": "paragraph", "text": [{"text": 3}]}]}]}]}]})"));
  EXPECT_NE(zh.find("/blocks/0/items/0/content/1/items/0/content/0/text/0/text:应为一段文字(字符串)"), std::string::npos) << zh;
  EXPECT_NE(en.find("must be a string"), std::string::npos) << en;
}

TEST(ContentSchema, MissingFormatMarkerAndBadEnum) {
  EXPECT_NE(refusal(R"({"blocks": []})").first.find("/:缺少必需的字段「bidfmt」"), std::string::npos);
  auto [zh, en] = refusal(doc_with(R"({"type": "section", "page": "a4", "blocks": []})"));
  EXPECT_NE(zh.find("/blocks/0/page:应为以下之一:landscape、a3"), std::string::npos) << zh;
  EXPECT_NE(en.find("/blocks/0/page: must be one of: landscape, a3"), std::string::npos) << en;
}

TEST(ContentSchema, BadCrossReferenceIdRefused) {
  auto [zh, en] = refusal(doc_with(R"({"type": "table", "id": "table 1", "rows": []})"));
  EXPECT_NE(zh.find("/blocks/0/id:「table 1」不是可用的标识"), std::string::npos) << zh;
}

TEST(ContentModel, RowspanPastTheLastRowRefused) {
  auto [zh, en] = refusal(doc_with(R"({"type": "table", "rows": [{"cells": [{"text": [], "rowspan": 3}]}, {"cells": []}]})"));
  EXPECT_NE(zh.find("/blocks/0/rows/0/cells/0/rowspan:"), std::string::npos) << zh;
}

TEST(ContentModel, NestedSectionRefused) {
  auto [zh, en] =
      refusal(doc_with(R"({"type": "section", "page": "landscape", "blocks": [{"type": "section", "page": "a3", "blocks": []}]})"));
  EXPECT_NE(zh.find("/blocks/0/blocks/0:分节不能嵌套"), std::string::npos) << zh;
}

TEST(ContentModel, MissingImageNamesThePath) {
  auto [zh, en] = refusal(doc_with(R"({"type": "figure", "image": "nowhere.png"})"));
  EXPECT_NE(zh.find("/blocks/0/image:找不到图片文件「nowhere.png」"), std::string::npos) << zh;
}

TEST(ContentSyntax, ErrorNamesLineAndColumn) {
  try {
    read("{\n  \"bidfmt\": \"content/1\",\n  \"blocks\": [\n    {\"type\": \"heading\" \"level\": 1}\n  ]\n}\n", "p.json", ".");
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.line(), 4);
    EXPECT_EQ(e.one_line(Lang::zh), "p.json:4: JSON 语法错误(第 24 列):对象里缺少逗号或「}」");
    EXPECT_EQ(e.one_line(Lang::en), "p.json:4: JSON syntax error (column 24): Missing a comma or '}' after an object member.");
  }
}

TEST(ContentSyntax, ColumnCountsCharactersNotBytes) {
  try {
    read("{\"bidfmt\": \"content/1\", \"blocks\": [{\"type\": \"paragraph\", \"text\": [{\"text\": \"中文\"}}]}", "p.json", ".");
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.line(), 1);
    // 「…"中文"}}」: the second 「}」 is character 81 though byte 85.
    EXPECT_NE(e.one_line(Lang::en).find("(column 81)"), std::string::npos) << e.one_line(Lang::en);
  }
}

TEST(ContentRead, ListsTablesAndFootnotesMapOntoTheModel) {
  model::Document d = read(doc_with(R"(
    {"type": "list", "ordered": true, "start": 3, "items": [
      {"content": [{"type": "paragraph", "text": [{"text": "一"}]},
                   {"type": "list", "items": [{"task": "done", "content": [{"type": "paragraph", "text": [{"text": "甲"}]}]}]},
                   {"type": "paragraph", "text": [{"text": "一续"}]}]}]},
    {"type": "table", "header_rows": 2, "rows": [
      {"cells": [{"text": [{"text": "A"}], "colspan": 2}, {"text": [{"text": "C", "bold": true}], "rowspan": 2}]},
      {"cells": [{"text": [{"text": "a"}]}, {"text": [{"text": "b"}, {"footnote": {"paragraphs": [[{"text": "注"}]]}}]}]}]})"),
                           "p.json", ".");
  ASSERT_EQ(d.blocks.size(), 4u);
  const auto& a = std::get<model::ListItem>(d.blocks[0]);
  const auto& b = std::get<model::ListItem>(d.blocks[1]);
  const auto& c = std::get<model::ListItem>(d.blocks[2]);
  EXPECT_TRUE(a.ordered);
  EXPECT_EQ(a.start, 3);
  EXPECT_EQ(a.depth, 0);
  EXPECT_EQ(b.depth, 1);
  EXPECT_EQ(b.task, 2);
  EXPECT_NE(b.list_id, a.list_id);
  EXPECT_EQ(c.list_id, a.list_id);
  EXPECT_TRUE(c.continuation);
  const auto& t = std::get<model::Table>(d.blocks[3]);
  EXPECT_EQ(t.header_rows, 2);
  ASSERT_EQ(t.header.size(), 3u);
  ASSERT_EQ(t.rows.size(), 1u);
  ASSERT_EQ(t.rows[0].size(), 3u);
  EXPECT_TRUE(t.rows[0][2].empty());  // covered by C's rowspan
  ASSERT_EQ(t.merges.size(), 2u);
  EXPECT_EQ(t.merges[0].col, 0u);
  EXPECT_EQ(t.merges[0].cols, 2);
  EXPECT_EQ(t.merges[1].col, 2u);
  EXPECT_EQ(t.merges[1].rows, 2);
  ASSERT_EQ(d.footnotes.size(), 1u);
  EXPECT_EQ(t.rows[0][1][1].footnote, 1);
}

// The writer's output is what the reader reads back to the same model (JSON → model → JSON).
TEST(ContentWrite, OutputValidatesAndReadsBackToTheSameJson) {
  const std::string in = doc_with(R"(
    {"type": "heading", "level": 2, "unnumbered": true, "text": [{"text": "标题", "italic": true}]},
    {"type": "list", "items": [{"content": [{"type": "paragraph", "text": [{"text": "x"}, {"break": true}, {"text": "y", "link": "https://e.cn"}]}]}]},
    {"type": "paragraph", "text": []},
    {"type": "list", "continues": true, "items": [{"continued": true, "content": [{"type": "paragraph", "text": [{"text": "z"}]}]}]},
    {"type": "section", "page": "a3", "blocks": [{"type": "paragraph", "style": "quote", "quote_depth": 1, "text": [{"text": "q", "sup": true}]}]},
    {"type": "page_break"}, {"type": "thematic_break"})");
  const std::string once = to_json(read(in, "p.json", "."), ".");
  rapidjson::Document d;
  d.Parse(once.c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_NO_THROW(validate(d, "out.json"));
  EXPECT_EQ(to_json(read(once, "p.json", "."), "."), once);
  EXPECT_NE(once.find("\"continues\": true"), std::string::npos) << once;
  EXPECT_NE(once.find("\"continued\": true"), std::string::npos) << once;
}

}  // namespace
}  // namespace bidfmt::content
