// Check test fixtures: a clean DOCX built from Markdown once, XML edits that break one rule, running check.
#pragma once
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "api/bidfmt.h"
#include "profile/profile.h"
#include "support/testkit.h"

namespace bidfmt::testfix {

using Parts = std::map<std::string, std::string>;

inline const char* kProject = "测试项目工程";

// Body text with digits and Latin, headings 1–4, a list, two tables (one landscape), a figure.
inline const char* kMarkdown = R"(---
project: 测试项目工程
title: 施工组织设计
bidder: 某某建设集团有限公司
date: 2026年11月
---

# 工程概况

本工程位于某市，全长 2.860 km，工期 120 日历天。

Table: 工程概况统计表

| 序号 | 项目 | 内容 |
|---|---|---|
| 1 | 工程名称 | 测试项目工程 |
| 2 | 路线长度 | 2.860 km |

## 编制依据

### 编制原则

正文段落，包含 Calibri 数字 123 和英文 ABC。

1. 第一项要求；
2. 第二项要求：
   1. 子项一；
   2. 子项二。

#### 深层标题

深层标题下的正文。

## 施工部署

![施工总平面布置示意图](images/plan.png)

部署正文段落。

# 主要施工方法

## 测量工程

### 控制网复测

复测正文。

::: landscape

Table: 横向表格

| 序号 | 内容 |
|---|---|
| 1 | 甲 |

:::

正文结束段落。
)";

// A 4×3 PNG.
inline const unsigned char kPng[] = {0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
                                     0x52, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x03, 0x08, 0x02, 0x00, 0x00, 0x00, 0x3b,
                                     0x96, 0x39, 0x91, 0x00, 0x00, 0x00, 0x11, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
                                     0xcf, 0xc0, 0x00, 0x47, 0x48, 0x4c, 0x34, 0x1e, 0x00, 0xe9, 0x3d, 0x0b, 0xf5, 0x26, 0xd4,
                                     0xa4, 0xe9, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

inline void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// The clean DOCX `bidfmt build` makes from kMarkdown (built once per test process).
inline const std::string& clean_docx() {
  static const std::string path = [] {
    std::string dir = testkit::temp_dir("check-fixture-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir + "/images");
    write_file(dir + "/images/plan.png", std::string(reinterpret_cast<const char*>(kPng), sizeof kPng));
    write_file(dir + "/bid.md", kMarkdown);
    testkit::RunResult r = testkit::run_cli({"build", dir + "/bid.md", "-o", dir + "/clean.docx"});
    if (r.status != 0) ADD_FAILURE() << "build failed: " << r.err;
    return dir + "/clean.docx";
  }();
  return path;
}

inline Parts clean_parts() { return testkit::read_zip(clean_docx()); }

// Parses a part, lets `f` change it, and stores it back.
inline void edit(Parts& parts, const std::string& part, const std::function<void(pugi::xml_document&)>& f) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(parts.at(part).c_str())) << part;
  f(doc);
  std::ostringstream os;
  doc.save(os, "", pugi::format_raw);
  parts[part] = os.str();
}

// Writes the parts as a DOCX named `name` in a temp folder; returns its path.
inline std::string write(const Parts& parts, const std::string& name) {
  std::string dir = testkit::temp_dir("check-case-" + name);
  std::string path = dir + "/" + name + ".docx";
  testkit::write_zip(path, parts);
  return path;
}

inline const profile::Profile& xx2014() {
  static const profile::Profile p = profile::load("xx-2014");
  return p;
}

inline report::FileReport check(const std::string& path, const std::string& project = kProject) {
  return check_file(path, xx2014(), project);
}

inline std::set<std::string> rule_ids(const report::FileReport& r) {
  std::set<std::string> ids;
  for (const rules::Finding& f : r.findings) ids.insert(f.rule());
  return ids;
}

// All findings, one per line, for failure messages.
inline std::string dump(const report::FileReport& r) {
  std::string s = r.checked ? "" : "NOT CHECKED: " + r.error.en + "\n";
  for (const rules::Finding& f : r.findings)
    s += f.rule() + " [" + f.kind() + "] p" + std::to_string(f.where().paragraph) + " s" + std::to_string(f.where().section) + " " +
         f.where().part() + ": " + f.message().zh + "\n";
  return s;
}

// XPath helpers over the WordprocessingML prefix.
inline pugi::xml_node first(pugi::xml_document& d, const std::string& xpath) {
  pugi::xml_node n = d.select_node(xpath.c_str()).node();
  EXPECT_TRUE(n) << "no node for " << xpath;
  return n;
}

// The w:p whose text (all w:t) equals `text`.
inline pugi::xml_node paragraph_with_text(pugi::xml_document& d, const std::string& text) {
  for (pugi::xpath_node x : d.select_nodes("//w:p")) {
    std::string t;
    for (pugi::xpath_node tn : x.node().select_nodes(".//w:t")) t += tn.node().text().get();
    if (t == text) return x.node();
  }
  ADD_FAILURE() << "no paragraph with text " << text;
  return {};
}

// The paragraph's w:pPr, created when missing (as the first child).
inline pugi::xml_node ppr_of(pugi::xml_node p) {
  pugi::xml_node ppr = p.child("w:pPr");
  return ppr ? ppr : p.prepend_child("w:pPr");
}

// Sets (replacing) a child element of a property element, e.g. set_child(ppr, "w:jc", {{"w:val","left"}}).
inline pugi::xml_node set_child(pugi::xml_node parent, const char* name, std::initializer_list<std::pair<const char*, const char*>> attrs) {
  parent.remove_child(name);
  pugi::xml_node n = parent.append_child(name);
  for (const auto& [k, v] : attrs) n.append_attribute(k) = v;
  return n;
}

// Inserts `count` empty paragraphs in the style of the paragraph whose text is `text`, before it:
// blank lines left in a heading style, which Word numbers like the heading.
inline void blank_lines_before(Parts& parts, const std::string& text, int count) {
  edit(parts, "word/document.xml", [&](pugi::xml_document& d) {
    pugi::xml_node para = paragraph_with_text(d, text);
    ASSERT_TRUE(para);
    for (int i = 0; i < count; ++i)
      para.parent().insert_child_before("w:p", para).append_child("w:pPr").append_copy(para.child("w:pPr").child("w:pStyle"));
  });
}

}  // namespace bidfmt::testfix
