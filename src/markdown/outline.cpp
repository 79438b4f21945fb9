// Outline normalisation: the title heading, then the level shift.
#include "markdown/outline.h"

#include <algorithm>
#include <climits>

#include "markdown/inline_text.h"

namespace bidfmt::markdown {

void normalize_outline(model::Document& doc, const TypedHeadings& typed_headings) {
  std::vector<size_t> headings;
  for (size_t i = 0; i < doc.blocks.size(); ++i)
    if (std::holds_alternative<model::Heading>(doc.blocks[i])) headings.push_back(i);
  if (headings.empty()) return;

  // A lone # before deeper headings: the title, not a chapter.
  auto& first = std::get<model::Heading>(doc.blocks[headings.front()]);
  int top = 0;
  for (size_t i : headings) top += std::get<model::Heading>(doc.blocks[i]).level == 1;
  auto typed = [&](const model::Heading& h) { return typed_headings.count({h.file, h.line}) > 0; };
  // The `##` headings carry typed numbers (「## 一、项目概况」): their writer made them the chapters.
  bool numbered_below = false;
  for (size_t i : headings) {
    const auto& h = std::get<model::Heading>(doc.blocks[i]);
    numbered_below = numbered_below || (h.level == 2 && typed(h));
  }
  if (first.level == 1 && top == 1 && numbered_below && !typed(first) && !first.unnumbered) {
    const std::string title(trim(plain_text(first.text)));
    const int line = first.line;
    const std::string file = first.file;
    if (doc.meta.title.empty() && doc.meta.cover) {
      doc.meta.title = title;
      doc.warnings.push_back({line, "唯一的一级标题「" + title + "」在二级标题之前，已作为封面标题",
                              "the only level-1 heading \"" + title + "\" comes before the level-2 ones: it is the cover title", file});
      doc.blocks.erase(doc.blocks.begin() + static_cast<long>(headings.front()));
    } else if (doc.meta.title == title && doc.meta.cover) {
      doc.warnings.push_back({line, "一级标题「" + title + "」与封面标题相同，已删除",
                              "level-1 heading \"" + title + "\" repeats the cover title: removed", file});
      doc.blocks.erase(doc.blocks.begin() + static_cast<long>(headings.front()));
    } else {
      // No cover to carry it: the title stays as a body paragraph.
      model::Paragraph p;
      p.text = std::move(first.text);
      doc.warnings.push_back({line, "唯一的一级标题「" + title + "」在二级标题之前，视为文档标题，保留为正文段落",
                              "the only level-1 heading \"" + title + "\" comes before the level-2 ones: kept as a paragraph", file});
      doc.blocks[headings.front()].emplace<model::Paragraph>(std::move(p));
    }
    headings.clear();
    for (size_t i = 0; i < doc.blocks.size(); ++i)
      if (std::holds_alternative<model::Heading>(doc.blocks[i])) headings.push_back(i);
    if (headings.empty()) return;
  }

  int shallowest = INT_MAX;
  for (size_t i : headings) shallowest = std::min(shallowest, std::get<model::Heading>(doc.blocks[i]).level);
  if (shallowest <= 1) return;
  const int by = shallowest - 1;
  for (size_t i : headings) std::get<model::Heading>(doc.blocks[i]).level -= by;
  const std::string from(static_cast<size_t>(shallowest), '#');
  const model::Heading& top_heading = std::get<model::Heading>(doc.blocks[headings.front()]);
  doc.warnings.push_back({top_heading.line,
                          "最高一级标题为「" + from + "」，所有标题已上移 " + std::to_string(by) + " 级（「" + from + "」作为一级标题）",
                          "the shallowest heading is \"" + from + "\": every heading moved up " + std::to_string(by) + " level(s) (\"" +
                              from + "\" is level 1)",
                          top_heading.file});
}

}  // namespace bidfmt::markdown
