// Headings: levels, source lines, and typed numbers removed with a warning (or kept).
#include <gtest/gtest.h>

#include "helpers.h"
#include "markdown/heading_numbers.h"

namespace bidfmt::markdown {
namespace {
using namespace test;

struct Stripped {
  const char* markdown;
  const char* heading;  // expected dump
  const char* number;   // expected removed number, "" = none
};

// Each case is one heading (after two chapters, so that no level shift applies; the expected
// dump's 「@1」 is line 1 of the case); its warning must name the removed number.
void expect_cases(const std::vector<Stripped>& cases) {
  for (const auto& c : cases) {
    SCOPED_TRACE(c.markdown);
    model::Document d = parse(std::string("# 甲\n\n# 乙\n\n") + c.markdown);
    std::string want = c.heading;
    want.replace(want.find("@1 "), 3, "@5 ");
    EXPECT_EQ(dump_blocks(d), "H1@1 [甲]\nH1@3 [乙]\n" + want + "\n");
    if (*c.number) {
      ASSERT_EQ(d.warnings.size(), 1u);
      EXPECT_EQ(d.warnings[0].line, 5);
      EXPECT_EQ(d.warnings[0].zh, std::string("标题中手写的编号「") + c.number + "」已删除，编号由 bidfmt 自动生成");
      EXPECT_TRUE(contains(d.warnings[0].en, c.number)) << d.warnings[0].en;
    } else {
      EXPECT_EQ(dump_warnings(d), "");
    }
  }
}

TEST(MarkdownHeadings, LevelsAndLines) {
  EXPECT_EQ(blocks_of("# 一级\n\n## 二级\n### 三级\n#### 四级\n\n##### 五级\n###### 六级\n\n设置\n===\n"),
            "H1@1 [一级]\n"
            "H2@3 [二级]\n"
            "H3@4 [三级]\n"
            "H4@5 [四级]\n"
            "H5@7 [五级]\n"
            "H6@8 [六级]\n"
            "H1@10 [设置]\n");
}

TEST(MarkdownHeadings, HashWithoutSpaceIsAHeading) { EXPECT_EQ(blocks_of("#工程概况\n"), "H1@1 [工程概况]\n"); }

TEST(MarkdownHeadings, Level1TypedNumbersAreRemoved) {
  expect_cases({
      {"# 一、工程概况", "H1@1 [工程概况]", "一、"},
      {"# 十二、 售后服务", "H1@1 [售后服务]", "十二、"},
      {"# 一.工程概况", "H1@1 [工程概况]", "一."},
      {"# 第一章 工程概况", "H1@1 [工程概况]", "第一章"},
      {"# 第十章工程概况", "H1@1 [工程概况]", "第十章"},
      {"# 第1章 工程概况", "H1@1 [工程概况]", "第1章"},
      {"# 第一部分 技术标", "H1@1 [技术标]", "第一部分"},
      {"# 第一章　工程概况", "H1@1 [工程概况]", "第一章"},  // U+3000 after the number
      {"# 1、工程概况", "H1@1 [工程概况]", "1、"},
      {"# 1. 工程概况", "H1@1 [工程概况]", "1."},
      {"# 12.工程概况", "H1@1 [工程概况]", "12."},
  });
}

TEST(MarkdownHeadings, Level2And3TypedNumbersAreRemoved) {
  expect_cases({
      {"## 1.1 概述", "H2@1 [概述]", "1.1"},
      {"## 1.1、概述", "H2@1 [概述]", "1.1、"},
      {"## 2.10　概述", "H2@1 [概述]", "2.10"},
      {"### 1.1.1 施工准备", "H3@1 [施工准备]", "1.1.1"},
      {"### 3.2.1、施工准备", "H3@1 [施工准备]", "3.2.1、"},
  });
}

TEST(MarkdownHeadings, Level4To6TypedNumbersAreRemoved) {
  expect_cases({
      {"#### 1、测量放线", "H4@1 [测量放线]", "1、"},
      {"#### 2. 测量放线", "H4@1 [测量放线]", "2."},
      {"##### (1) 土方开挖", "H5@1 [土方开挖]", "(1)"},
      {"##### （2）土方开挖", "H5@1 [土方开挖]", "（2）"},
      {"###### ① 材料进场", "H6@1 [材料进场]", "①"},
      {"###### ⑫材料进场", "H6@1 [材料进场]", "⑫"},
  });
}

TEST(MarkdownHeadings, TextStartingWithADigitIsKept) {
  expect_cases({
      {"# 2024年工作计划", "H1@1 [2024年工作计划]", ""},
      {"# 3D打印技术", "H1@1 [3D打印技术]", ""},
      {"# 1.5m高挡墙施工", "H1@1 [1.5m高挡墙施工]", ""},
      {"## 2.5米宽人行道", "H2@1 [2.5米宽人行道]", ""},
      {"## 10kV线路迁改", "H2@1 [10kV线路迁改]", ""},
      {"### 1.1.1施工准备", "H3@1 [1.1.1施工准备]", ""},
      {"#### 1.5m 高挡墙", "H4@1 [1.5m 高挡墙]", ""},
      {"##### (C30)混凝土", "H5@1 [(C30)混凝土]", ""},
      {"# 一般规定", "H1@1 [一般规定]", ""},
      {"# 第一批进场材料", "H1@1 [第一批进场材料]", ""},
  });
}

// Drafts type whatever scheme they like at whatever level: every common one goes.
TEST(MarkdownHeadings, NumbersOfAnyLevelAreRemoved) {
  expect_cases({
      {"## 一、概述", "H2@1 [概述]", "一、"},
      {"# 1.1 概述", "H1@1 [概述]", "1.1"},
      {"### (1) 概述", "H3@1 [概述]", "(1)"},
      {"##### ① 概述", "H5@1 [概述]", "①"},
      {"## （一）建设内容", "H2@1 [建设内容]", "（一）"},
      {"### 第一节 编制依据", "H3@1 [编制依据]", "第一节"},
      {"## 1. 项目理解", "H2@1 [项目理解]", "1."},
      {"#### 1.1.1 施工准备", "H4@1 [施工准备]", "1.1.1"},
      {"### 1） 组织机构", "H3@1 [组织机构]", "1）"},
      {"## 2.2  3D激光扫描复核", "H2@1 [3D激光扫描复核]", "2.2"},
  });
}

TEST(MarkdownHeadings, DigitsThatAreNoNumberAreKeptAtAnyLevel) {
  expect_cases({
      {"## 24小时服务热线", "H2@1 [24小时服务热线]", ""},
      {"### 3D激光扫描复核", "H3@1 [3D激光扫描复核]", ""},
      {"#### 5G网络覆盖", "H4@1 [5G网络覆盖]", ""},
      {"## 2024年度计划", "H2@1 [2024年度计划]", ""},
      {"### 十大保障措施", "H3@1 [十大保障措施]", ""},
  });
}

TEST(MarkdownHeadings, AHeadingThatIsOnlyANumberIsKept) { expect_cases({{"# 一、", "H1@1 [一、]", ""}, {"## 1.1 ", "H2@1 [1.1]", ""}}); }

TEST(MarkdownHeadings, NumberInItsOwnSpan) {
  expect_cases({
      {"# **一、** 工程概况", "H1@1 [工程概况]", "一、"},
      {"# 一、**工程概况**", "H1@1 [b:工程概况]", "一、"},
  });
}

TEST(MarkdownHeadings, WarningCarriesTheHeadingLine) {
  model::Document d = parse("正文\n\n# 一、概况\n\n## 1.1 范围\n");
  EXPECT_EQ(dump_warnings(d),
            "W@3 标题中手写的编号「一、」已删除，编号由 bidfmt 自动生成\n"
            "W@5 标题中手写的编号「1.1」已删除，编号由 bidfmt 自动生成\n");
}

TEST(MarkdownHeadingNumbers, StripDirectly) {
  model::Inlines text{model::Span{"（3）　养护", false, false, false, ""}};
  EXPECT_EQ(strip_heading_number(5, text), "（3）");
  EXPECT_EQ(dump(text), "[养护]");
  model::Inlines empty;
  EXPECT_EQ(strip_heading_number(1, empty), "");
  model::Inlines other{model::Span{"一、概述", false, false, false, ""}};
  EXPECT_EQ(strip_heading_number(7, other), "");
  EXPECT_EQ(dump(other), "[一、概述]");
}

}  // namespace
}  // namespace bidfmt::markdown
