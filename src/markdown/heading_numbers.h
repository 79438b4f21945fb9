// Typed heading numbers (「一、」「1.1」「（1）」「①」…): bidfmt numbers headings itself, so they go.
#pragma once
#include <string>

#include "model/document.h"

namespace bidfmt::markdown {

// Removes a hand-typed number of the style that `level` (1–6) uses, and the whitespace after it,
// from the start of `text`. Returns the removed number ("" when nothing was removed). Text that
// merely starts with a digit (「2024年工作计划」「3D打印」) and a heading that is only a number
// stay as they are.
// Numbers of any other common scheme (第一章 第一节 一、 （一） 1. 1、 （1） ① 1.1 1.1.1) are
// removed at any level too.
std::string strip_heading_number(int level, model::Inlines& text);

// Removes a trailing pandoc attribute block that marks the heading unnumbered — 「{-}」
// 「{.unnumbered}」 (with ids or classes beside it) — and returns whether there was one. A
// cross-reference id 「#sec:…」 in the block goes to `*id` (when given).
bool strip_unnumbered_mark(model::Inlines& text, std::string* id = nullptr);

}  // namespace bidfmt::markdown
