// `bidfmt build` on hostile Markdown: huge, deeply nested, wide, binary, odd line endings —
// each finishes in seconds and either builds or fails in one line (exit 2).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "hardening/hardening.h"
#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;
using hardening::Measured;

#if defined(__SANITIZE_ADDRESS__)
constexpr double kSlow = 4;  // ASan + UBSan at -O1
#else
constexpr double kSlow = 1;
#endif

struct Built {
  Measured run;
  std::string dir, md, out;
};

Built build(const std::string& name, const std::string& markdown, double max_seconds = 10) {
  Built b;
  b.dir = testkit::temp_dir("md-" + name);
  b.md = b.dir + "/in.md";
  b.out = b.dir + "/out.docx";
  hardening::write_bytes(b.md, markdown);
  b.run = hardening::run_bidfmt({"build", b.md, "-o", b.out, "--lang", "en"},
                                hardening::Limits{static_cast<int>(max_seconds * kSlow * 3) + 10});
  // A hang fails here; how fast a build runs is for bench/, not for tests.
  EXPECT_FALSE(b.run.timed_out) << name;
  EXPECT_FALSE(hardening::sanitizer_report(b.run.err)) << b.run.err.substr(0, 4000);
  // No temp files, whatever happened.
  for (const auto& f : fs::directory_iterator(b.dir)) EXPECT_EQ(f.path().filename().string().find(".tmp"), std::string::npos) << f.path();
  return b;
}

void expect_built(const Built& b) {
  EXPECT_EQ(b.run.status, 0) << b.run.err.substr(0, 2000);
  EXPECT_TRUE(fs::exists(b.out));
}

void expect_refused(const Built& b, const std::string& needle) {
  EXPECT_EQ(b.run.status, 2) << b.run.err.substr(0, 2000);
  EXPECT_EQ(hardening::line_count(b.run.err), 1u) << b.run.err.substr(0, 2000);
  EXPECT_NE(b.run.err.find(needle), std::string::npos) << b.run.err.substr(0, 2000);
  EXPECT_FALSE(fs::exists(b.out));
}

// Builds or refuses cleanly: exit 0 with output, or exit 2 with one line and no output.
void expect_either(const Built& b) {
  if (b.run.status == 0) return expect_built(b);
  EXPECT_EQ(b.run.status, 2) << b.run.err.substr(0, 2000);
  EXPECT_EQ(hardening::line_count(b.run.err), 1u) << b.run.err.substr(0, 2000);
  EXPECT_FALSE(fs::exists(b.out));
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string document_xml(const std::string& docx) { return testkit::read_zip(docx).at("word/document.xml"); }

// --- size ---------------------------------------------------------------------------------------

TEST(MarkdownHardening, FiftyMegabytes) {
  std::string chunk =
      "## 施工组织设计\n\n本工程位于城区主干道，全长约十二公里，采用分段施工、流水作业的方式组织，确保工期与质量。"
      "施工期间设置临时交通导改，减少对周边居民出行的影响。\n\n- 第一项措施\n- 第二项措施\n  1. 细则\n\n"
      "Table: 主要机械设备表\n\n| 名称 | 数量 | 备注 |\n|------|-----:|:----:|\n| 挖掘机 | 4 | 自有 |\n| 压路机 | 2 | 租赁 |\n\n"
      "> 引用的规范条文。\n\n";
  std::string md = "---\nproject: 大文件测试\n---\n\n# 总体概述\n\n";
  md += repeat(chunk, (50u << 20) / chunk.size());
  Built b = build("50mb", md, 60);
  expect_built(b);
  fs::remove_all(b.dir);  // 50 MB in, more out
}

TEST(MarkdownHardening, TenMegabyteLine) {
  expect_built(build("longline", "# 标题\n\n" + repeat("很长的一行文字 word ", 10u << 20 >> 5) + "\n"));
}

// --- nesting ------------------------------------------------------------------------------------

TEST(MarkdownHardening, TenThousandNestedBulletLists) { expect_either(build("nested-ul", repeat("- ", 10000) + "最深的一项\n")); }

TEST(MarkdownHardening, TenThousandNestedOrderedLists) { expect_either(build("nested-ol", repeat("1. ", 10000) + "最深的一项\n")); }

TEST(MarkdownHardening, ThousandIndentedListLevels) {
  std::string md;
  for (int i = 0; i < 1000; ++i) md += std::string(static_cast<size_t>(i) * 2, ' ') + "- 第" + std::to_string(i) + "层\n";
  expect_either(build("indented-ul", md));
}

TEST(MarkdownHardening, TenThousandNestedQuotes) { expect_either(build("nested-quote", repeat(">", 10000) + " 最深的引用\n")); }

TEST(MarkdownHardening, TenThousandAlternatingQuotesAndLists) { expect_either(build("nested-mixed", repeat("> - ", 5000) + "深处\n")); }

TEST(MarkdownHardening, TenThousandNestedEmphasisAndBrackets) {
  expect_either(build("nested-inline", repeat("*", 10000) + "x" + repeat("*", 10000) + "\n\n" + repeat("[", 10000) + "x" +
                                           repeat("](u)", 10000) + "\n\n" + repeat("**_", 3000) + "y\n"));
}

// --- width and count ----------------------------------------------------------------------------

TEST(MarkdownHardening, TableWithFiveThousandColumns) {
  std::string head = "|", rule = "|", row = "|";
  for (int i = 0; i < 5000; ++i) {
    head += " c" + std::to_string(i) + " |";
    rule += "---|";
    row += " " + std::to_string(i) + " |";
  }
  expect_either(build("wide", "Table: 宽表\n\n" + head + "\n" + rule + "\n" + row + "\n" + row + "\n"));
}

TEST(MarkdownHardening, HundredThousandDistinctLinks) {
  // Regression: links were looked up linearly per link (quadratic in the writer).
  std::string md = "# 链接\n\n";
  for (int i = 0; i < 100000; ++i) md += "[l" + std::to_string(i) + "](https://example.com/" + std::to_string(i) + ") ";
  md += "\n";
  expect_built(build("links", md, 20));
}

TEST(MarkdownHardening, FiftyThousandHeadingsAndTables) {
  std::string md;
  for (int i = 0; i < 50000; ++i) md += "### 小节\n\n| a |\n|---|\n| " + std::to_string(i) + " |\n\n";
  expect_built(build("many", md, 30));
}

// --- bytes --------------------------------------------------------------------------------------

TEST(MarkdownHardening, NulByteNamesTheLine) {
  expect_refused(build("nul", std::string("# 标题\n\n正文\n第四行") + '\0' + "坏\n"), "in.md:4");
}

TEST(MarkdownHardening, BinaryFileRenamedToMd) {
  std::string bin("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  expect_refused(build("binary", bin + repeat(std::string("\xff\xd8\x00\x01", 4), 1000)), "in.md");
}

TEST(MarkdownHardening, CrlfAndBomBuildTheSameDocumentAsLf) {
  const std::string lf = "---\nproject: 换行\n---\n\n# 标题\n\n第一段\n续行\n\n- 项\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  std::string cr;
  for (char c : lf) cr += c == '\n' ? '\r' : c;
  Built a = build("lf", lf), b = build("crlf", crlf), c = build("cr", cr);
  expect_built(a);
  expect_built(b);
  expect_built(c);
  EXPECT_EQ(document_xml(a.out), document_xml(b.out));
  EXPECT_EQ(document_xml(a.out), document_xml(c.out));
}

TEST(MarkdownHardening, BomOnlyAndEmptyFiles) {
  expect_either(build("bom-only", "\xEF\xBB\xBF"));
  expect_either(build("empty", ""));
  expect_either(build("newlines", repeat("\n", 100000)));
}

// --- front matter and references ----------------------------------------------------------------

TEST(MarkdownHardening, ProjectNameContainingItsOwnPlaceholder) {
  // Regression: {project} in the project name made the header substitution loop forever.
  Built b = build("placeholder", "---\nproject: \"{project}{project}\"\n---\n\n# 标题\n");
  expect_built(b);
}

TEST(MarkdownHardening, DeeplyNestedFrontMatterYaml) {
  expect_refused(build("deep-yaml", "---\nproject: " + repeat("[", 10000) + repeat("]", 10000) + "\n---\n\n正文\n"), "in.md");
}

TEST(MarkdownHardening, YamlAliasBombInFrontMatter) {
  std::string yaml = "a: &a [x,x,x,x,x,x,x,x,x,x]\n";
  for (char c = 'b'; c <= 'j'; ++c)
    yaml += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + ",*" +
            char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + "]\n";
  expect_refused(build("alias", "---\n" + yaml + "project: *j\n---\n\n正文\n"), "in.md");
}

TEST(MarkdownHardening, ProfileNamedAsADevice) {
  expect_refused(build("profile-dev", "---\nprofile: /dev/zero\n---\n\n正文\n"), "/dev/zero");
}

TEST(MarkdownHardening, ImagesThatAreNotFiles) {
  for (const char* ref : {"/dev/zero", "/dev/urandom", "/", "/proc/self/mem", "../../../../../../../../etc/shadow"}) {
    Built b = build("img", std::string("# 图\n\n![图名](") + ref + ")\n");
    expect_refused(b, "in.md:3");
  }
}

TEST(MarkdownHardening, FenceNestingIsRefusedNotRecursed) {
  expect_refused(build("fences", repeat("::: landscape\n", 10000) + "正文\n" + repeat(":::\n", 10000)), "in.md:2");
}

}  // namespace
}  // namespace bidfmt
