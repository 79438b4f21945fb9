// Standard B (profile chapter-heiti) end to end: a compliant chapter in the shape a Word 2003
// compatible file has checks with zero findings and fix leaves it alone; each single break is
// found by exactly its rule; every chapter file of a split build of each sample checks clean.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>

#include "api/bidfmt.h"
#include "docx/docx_fixture.h"
#include "rules/check_fixture.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;
using docxtest::kW;

const profile::Profile& chapter_heiti() {
  static const profile::Profile p = profile::load("chapter-heiti");
  return p;
}

// A run; `rpr` are its w:rPr children.
std::string run(const std::string& text, const std::string& rpr = "") {
  return "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") + "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}
std::string para(const std::string& style, const std::string& text, const std::string& ppr = "", const std::string& rpr = "") {
  std::string s = style.empty() ? "" : "<w:pStyle w:val=\"" + style + "\"/>";
  return "<w:p><w:pPr>" + s + ppr + "</w:pPr>" + run(text, rpr) + "</w:p>";
}
const char* kNoIndent = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>";
const char* kCenter = "<w:jc w:val=\"center\"/>";
const char* kCaptionRun = "<w:rFonts w:ascii=\"黑体\" w:hAnsi=\"黑体\" w:eastAsia=\"黑体\"/><w:sz w:val=\"21\"/>";

std::string caption(const std::string& text) { return para("", text, std::string(kNoIndent) + kCenter, kCaptionRun); }

std::string cell(const std::string& text, const std::string& rpr = "<w:sz w:val=\"21\"/>") {
  return "<w:tc><w:tcPr><w:tcW w:w=\"4000\" w:type=\"dxa\"/></w:tcPr>" + para("", text, kNoIndent, rpr) + "</w:tc>";
}

// A compliant chapter as Word 2003 (or a later Word in its compatibility mode 11) saves it:
// typed numbers, fonts in the styles (宋体 body, 黑体 headings), Word's default margins, no
// header, a 「第1页」 footer.
struct Chapter {
  std::string h1 = "第二章  工程概况";
  std::string h2 = "第一节  工程简介";
  std::string h3 = "1.1  工程位置";
  std::string h2_size = "28";
  std::string h3_jc = "<w:jc w:val=\"left\"/>";
  std::string h4_jc = "<w:jc w:val=\"left\"/>";
  std::string h1_size = "32";
  std::string figure_caption = caption("图2-1.3-1  扫描成果示意图");
  std::string table_jc = "center";
  std::string caption_1 = "表2-1.2-1  主要工程数量表";
  std::string cell_rpr = "<w:sz w:val=\"21\"/>";
  std::string body_1 = "本工程位于某市某区，道路全长2860m，路基宽度24m。";
  std::string body_2 = "路基采用分层填筑，每层压实厚度不大于0.3m。";
  std::string item_1 = "1、测量放样，恢复道路中线。";
  std::string page = "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>";
  std::string extra;  // more body content after the last paragraph

  docxtest::Pkg pkg() const {
    docxtest::Pkg p;
    p.settings =
        "<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/>"
        "<w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>"
        "<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"11\"/></w:compat>";
    auto heading = [](const char* id, const char* name, int outline, const std::string& size, const std::string& jc) {
      return std::string("<w:style w:type=\"paragraph\" w:styleId=\"") + id + "\"><w:name w:val=\"" + name +
             "\"/><w:basedOn w:val=\"a\"/><w:next w:val=\"a\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
             "<w:spacing w:before=\"120\" w:after=\"120\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>" +
             jc + "<w:outlineLvl w:val=\"" + std::to_string(outline) +
             "\"/></w:pPr><w:rPr><w:rFonts w:eastAsia=\"黑体\"/>"
             "<w:sz w:val=\"" +
             size + "\"/></w:rPr></w:style>";
    };
    p.styles =
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\" w:hAnsi=\"Times New Roman\" "
        "w:cs=\"Times New Roman\"/><w:kern w:val=\"2\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"24\"/>"
        "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>"
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/><w:qFormat/><w:pPr>"
        "<w:widowControl w:val=\"0\"/><w:spacing w:line=\"360\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/>"
        "<w:jc w:val=\"both\"/></w:pPr><w:rPr><w:sz w:val=\"24\"/></w:rPr></w:style>" +
        heading("1", "heading 1", 0, h1_size, kCenter) + heading("2", "heading 2", 1, h2_size, kCenter) +
        heading("3", "heading 3", 2, "24", h3_jc) + heading("4", "heading 4", 3, "24", h4_jc) +
        "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"a0\"><w:name w:val=\"Default Paragraph Font\"/></w:style>"
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"a1\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
        "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
        "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        "<w:style w:type=\"table\" w:styleId=\"a4\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"a1\"/><w:pPr><w:widowControl w:val=\"0\"/>"
        "<w:jc w:val=\"both\"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
        "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
        "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
        "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/></w:tblBorders></w:tblPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"a3\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"a\"/><w:pPr>"
        "<w:tabs><w:tab w:val=\"center\" w:pos=\"4153\"/><w:tab w:val=\"right\" w:pos=\"8306\"/></w:tabs><w:snapToGrid w:val=\"0\"/>"
        "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"left\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/></w:rPr></w:style>";
    p.add_part("rIdF1", "footer1.xml",
               std::string("<?xml version=\"1.0\"?><w:ftr ") + kW +
                   "><w:p><w:pPr><w:pStyle w:val=\"a3\"/><w:jc w:val=\"center\"/></w:pPr>" + run("第") +
                   "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
                   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
                   run("1") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + run("页") + "</w:p></w:ftr>");
    std::string table = "<w:tbl><w:tblPr><w:tblStyle w:val=\"a4\"/><w:tblW w:w=\"8000\" w:type=\"dxa\"/><w:jc w:val=\"" + table_jc +
                        "\"/><w:tblLook w:val=\"01E0\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"4000\"/><w:gridCol w:w=\"4000\"/></w:tblGrid>"
                        "<w:tr>" +
                        cell("项目", cell_rpr) + cell("数量", cell_rpr) + "</w:tr><w:tr>" + cell("路基土方", cell_rpr) +
                        cell("12000m3", cell_rpr) + "</w:tr></w:tbl>";
    p.body = para("1", h1) + para("2", h2) + para("3", h3) + para("", body_1) + para("3", "1.2  主要工程量") + caption(caption_1) + table +
             para("", "主要工程数量见上表。") + para("4", "1.2.1  路基工程") + para("", body_2) + para("", item_1) +
             para("", "2、填筑试验段，确定压实参数。") + para("3", "1.3  3D激光扫描复核") +
             para("", "路基成型后采用三维激光扫描复核标高。") + "<w:p><w:pPr><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>" + kCenter +
             "</w:pPr><w:r><w:pict/></w:r></w:p>" + figure_caption + extra +
             "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdF1\"/>" + page +
             "<w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
             "<w:cols w:space=\"425\"/><w:docGrid w:type=\"lines\" w:linePitch=\"312\"/></w:sectPr>";
    return p;
  }
};

// A section break closing the pages before it: A4 portrait, or A3 landscape (「比较大的图表用A3纸打印」).
std::string section_end(bool a3) {
  std::string size = a3 ? "<w:pgSz w:w=\"23811\" w:h=\"16838\" w:orient=\"landscape\"/>" : "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>";
  return "<w:p><w:pPr><w:sectPr>" + size +
         "<w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
         "</w:sectPr></w:pPr></w:p>";
}
// An A3 drawing section: the drawing and its caption (chapter 2, 节 1, 条 3: its own numbers).
std::string a3_section() {
  return section_end(false) + "<w:p><w:pPr><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>" + std::string(kCenter) +
         "</w:pPr><w:r><w:pict/></w:r></w:p>" + caption("图2-1.3-2  路基横断面设计图") + section_end(true);
}

std::string write(const Chapter& c, const std::string& name = "第二章 工程概况") { return docxtest::write_pkg(c.pkg(), name); }

report::FileReport check_b(const std::string& path) { return check_file(path, chapter_heiti(), ""); }

TEST(StandardB, Word2003ChapterChecksClean) {
  report::FileReport r = check_b(write(Chapter{}));
  ASSERT_TRUE(r.checked) << r.error.en;
  EXPECT_TRUE(r.findings.empty()) << testfix::dump(r);
}

TEST(StandardB, A3DrawingsAtTheEndCheckClean) {
  // After the last text, an A3 section keeps its own chapter's caption number (图2-1.3-2 after 图2-1.3-1).
  Chapter c;
  c.extra = a3_section();
  report::FileReport r = check_b(write(c));
  EXPECT_TRUE(r.findings.empty()) << testfix::dump(r);
  // In the middle, it is reported once, at the A3 section, and fix leaves it to the writer.
  c.extra = a3_section() + para("", "施工中加强测量控制。");
  r = check_b(write(c, "第二章 工程概况"));
  ASSERT_EQ(r.findings.size(), 1u) << testfix::dump(r);
  EXPECT_EQ(r.findings[0].rule() + "/" + r.findings[0].kind(), "page.size/a3_position");
  EXPECT_EQ(r.findings[0].where().section, 2);
  EXPECT_FALSE(r.findings[0].fixable);
  // Standard A does not ask for it: the same file has no such finding under xx-2014, even --strict.
  FileCheckOptions strict;
  strict.strict = true;
  for (const rules::Finding& f : check_file(write(c, "a"), testfix::xx2014(), strict).findings) EXPECT_NE(f.kind(), "a3_position");
}

TEST(StandardB, ChapterNumberIsTheFilesOwn) {
  // Chapter 2 is numbered 2 by its heading; its 节, 条 and captions count on from it. With a
  // heading numbered 1, its captions 表2-… and 图2-… are out of sequence.
  Chapter c;
  c.h1 = "第一章  工程概况";
  report::FileReport r = check_b(write(c, "第一章 工程概况"));
  EXPECT_EQ(testfix::rule_ids(r), (std::set<std::string>{"table.caption", "figure.caption"})) << testfix::dump(r);
}

TEST(StandardB, ChapterNumberFromTheNameWhenTheHeadingHasNone) {
  Chapter c;
  c.h1 = "工程概况";  // no number: heading.l1 reports it, the captions count on from the name's 2
  report::FileReport r = check_b(write(c, "第二章 工程概况"));
  EXPECT_EQ(testfix::rule_ids(r), std::set<std::string>{"heading.l1"}) << testfix::dump(r);
}

TEST(StandardB, FileNameIsTheChaptersTitle) {
  // Blanks and full/half width do not count (the standard's own example has no blank).
  for (const char* same : {"第二章工程概况", "第二章\xE3\x80\x80工程概况", "第二章  工程概况"}) {
    report::FileReport r = check_b(write(Chapter{}, same));
    EXPECT_TRUE(r.findings.empty()) << same << "\n" << testfix::dump(r);
  }
  for (const char* other : {"第三章 工程概况", "第二章 施工方法", "工程概况"}) {
    report::FileReport r = check_b(write(Chapter{}, other));
    ASSERT_EQ(r.findings.size(), 1u) << other << "\n" << testfix::dump(r);
    EXPECT_EQ(r.findings[0].rule() + "/" + r.findings[0].kind(), "output.per-chapter/file_name") << other;
  }
  // A name with no Chinese in it (b.docx, a web upload's document.docx) names no chapter.
  EXPECT_TRUE(check_b(write(Chapter{}, "chapter2")).findings.empty());
}

TEST(StandardB, FixOfACompliantChapterIsANoOp) {
  std::string in = write(Chapter{});
  FixOptions o;
  o.input = in;
  o.output = fs::path(in).parent_path().string() + "/fixed.docx";
  o.profile = "chapter-heiti";
  FixResult f = fix_docx(o);  // no --project: Standard B asks for no header
  EXPECT_FALSE(f.changed);
  std::string changes;
  for (const fix::Change& c : f.changes) changes += c.what.zh + "\n";
  EXPECT_TRUE(f.changes.empty()) << changes;
  auto parts = testkit::read_zip(o.output);
  for (const auto& [name, xml] : parts) EXPECT_EQ(name.find("header"), std::string::npos) << name;
  EXPECT_EQ(parts.at("word/footer1.xml").find("共"), std::string::npos);
}

// Single breaks: each is found by exactly its rule.
struct Break {
  const char* name;
  std::function<void(Chapter&)> edit;
  const char* rule;
};

std::vector<Break> standard_b_breaks() {
  return {
      {"page-size", [](Chapter& c) { c.page = "<w:pgSz w:w=\"12240\" w:h=\"15840\"/>"; }, "page.size"},
      {"l1-size", [](Chapter& c) { c.h1_size = "28"; }, "heading.l1"},
      {"l1-spaces", [](Chapter& c) { c.h1 = "第二章工程概况"; }, "heading.l1"},
      {"l4-centered", [](Chapter& c) { c.h4_jc = kCenter; }, "heading.l4"},
      {"table-left", [](Chapter& c) { c.table_jc = "left"; }, "table.align"},
      {"table-font", [](Chapter& c) { c.cell_rpr = "<w:sz w:val=\"24\"/>"; }, "table.font"},
      {"caption-number", [](Chapter& c) { c.caption_1 = "表1-1.2-1  主要工程数量表"; }, "table.caption"},
      {"caption-spaces", [](Chapter& c) { c.caption_1 = "表2-1.2-1主要工程数量表"; }, "table.caption"},
      {"body-font", [](Chapter& c) { c.extra = para("", "施工中加强测量控制。", "", "<w:rFonts w:eastAsia=\"楷体\"/>"); }, "body.font"},
      {"units", [](Chapter& c) { c.body_2 = "路基采用分层填筑，每层压实厚度不大于0.3米。"; }, "text.units"},
      {"two-chapters", [](Chapter& c) { c.extra = para("1", "第三章  施工部署") + para("", "施工部署如下。"); }, "output.per-chapter"},
      {"deep-item-dot", [](Chapter& c) { c.item_1 = "1.测量放样，恢复道路中线。"; }, "heading.depth"},
      {"punctuation", [](Chapter& c) { c.body_1 = "本工程位于某市某区,道路全长2860m,路基宽度24m。"; }, "text.punctuation"},
      {"l2-size", [](Chapter& c) { c.h2_size = "24"; }, "heading.l2"},
      {"l2-spaces", [](Chapter& c) { c.h2 = "第一节工程简介"; }, "heading.l2"},
      {"l3-centered", [](Chapter& c) { c.h3_jc = kCenter; }, "heading.l3"},
      {"l3-one-space", [](Chapter& c) { c.h3 = "1.1 工程位置"; }, "heading.l3"},
      {"figure-caption-font",
       [](Chapter& c) {
         c.figure_caption = para("", "图2-1.3-1  扫描成果示意图", std::string(kNoIndent) + kCenter, "<w:sz w:val=\"21\"/>");
       },
       "figure.caption"},
      {"figure-caption-number", [](Chapter& c) { c.figure_caption = caption("图2-1.2-1  扫描成果示意图"); }, "figure.caption"},
      // 「A3附图附表统一装订在全册的最后」: an A3 section with the chapter's text going on after it.
      {"a3-in-the-middle", [](Chapter& c) { c.extra = a3_section() + para("", "施工中加强测量控制。"); }, "page.size"},
  };
}

TEST(StandardB, EachBreakIsFoundByItsRule) {
  for (const Break& b : standard_b_breaks()) {
    Chapter c;
    b.edit(c);
    report::FileReport r = check_b(write(c));
    ASSERT_TRUE(r.checked) << b.name << ": " << r.error.en;
    EXPECT_EQ(testfix::rule_ids(r), std::set<std::string>{b.rule}) << b.name << "\n" << testfix::dump(r);
  }
}

// fix of a chapter with one fixable break, without --project: Standard B asks for no header and no
// 共Y页, so fix writes neither — it used to refuse (「页眉左侧需要项目名称…请用 --project 指定」),
// because any fix pass wrote a header into a body section that had none, reported or not.
TEST(StandardB, FixOfABrokenChapterAddsNoHeaderOrFooter) {
  int fixed = 0;
  for (const Break& b : standard_b_breaks()) {
    SCOPED_TRACE(b.name);
    Chapter c;
    b.edit(c);
    std::string in = write(c);
    report::FileReport before = check_b(in);
    bool fixable = false;
    for (const rules::Finding& f : before.findings) fixable |= f.fixable;
    if (!fixable) continue;
    FixOptions o;
    o.input = in;
    fs::create_directories(fs::path(in).parent_path() / "fixed");
    o.output = fs::path(in).parent_path().string() + "/fixed/第二章 工程概况.docx";
    o.profile = "chapter-heiti";
    FixResult r;
    ASSERT_NO_THROW(r = fix_docx(o));
    EXPECT_TRUE(r.changed);
    ++fixed;
    auto parts = testkit::read_zip(o.output);
    for (const auto& [name, xml] : parts) EXPECT_EQ(name.find("header"), std::string::npos) << name;
    EXPECT_EQ(parts.at("word/footer1.xml"), testkit::read_zip(in).at("word/footer1.xml"));
    // Nothing but what fix cannot fix and was there before: a chapter that came out numbered
    // 「第一章」 (fix's heading numbering starting at 1 in chapter 2's file) would be reported under
    // output.per-chapter, its captions 「表1-…」 under table.caption.
    std::set<std::string> unfixable;
    for (const rules::Finding& f : before.findings)
      if (!f.fixable) unfixable.insert(f.rule());
    report::FileReport after = check_b(o.output);
    for (const rules::Finding& f : after.findings) EXPECT_TRUE(!f.fixable && unfixable.count(f.rule())) << testfix::dump(after);
  }
  EXPECT_GE(fixed, 10) << "most Standard B breaks are fixable";
}

TEST(StandardB, EveryChapterOfASplitBuildChecksClean) {
  for (const char* sample : {"road-bid", "service-proposal"}) {
    std::string dir = testkit::temp_dir(std::string("standard-b-split-") + sample);
    testkit::RunResult b = testkit::run_cli({"build", testkit::source_dir() + "/samples/" + sample + ".md", "--profile", "chapter-heiti",
                                             "--split-chapters", "-o", dir + "/out"});
    ASSERT_EQ(b.status, 0) << b.err;
    size_t files = 0;
    for (const auto& e : fs::directory_iterator(dir + "/out")) {
      if (e.path().extension() != ".docx") continue;
      ++files;
      report::FileReport r = check_b(e.path().string());
      EXPECT_TRUE(r.findings.empty()) << e.path().filename().string() << "\n" << testfix::dump(r);
    }
    EXPECT_GT(files, 1u) << sample;
  }
}

}  // namespace
}  // namespace bidfmt

namespace bidfmt {
namespace {

// 「A3附图附表统一装订在全册的最后,并按章节次序排列」: build puts each `::: a3` section after the last
// chapter, its captions keeping their chapter's numbers; the result checks clean.
const char* kA3Markdown =
    "---\nproject: 某某道路工程\n---\n\n"
    "# 工程概况\n\n## 工程简介\n\n### 工程位置\n\n本工程位于某市某区。\n\n"
    "| 项目 | 数量 |\n|---|---|\n| 路基 | 12000m3 |\n\nTable: 主要工程数量表\n\n"
    "::: a3\n\n| 桩号 | 标高 |\n|---|---|\n| K0+000 | 12.5 |\n\nTable: 纵断面高程表\n\n:::\n\n"
    "路基成型后复核标高。\n\n| 设备 | 台数 |\n|---|---|\n| 压路机 | 2 |\n\nTable: 主要设备表\n\n"
    "# 施工部署\n\n## 总体部署\n\n### 施工顺序\n\n先路基后路面。\n\n"
    "::: a3\n\n| 工序 | 工期 |\n|---|---|\n| 路基 | 30天 |\n\nTable: 施工进度计划表\n\n:::\n\n"
    "各工序流水作业。\n";

std::vector<std::string> captions_of(const std::string& docx) {
  std::unique_ptr<docx::Document> d = docx::Document::read(docx, chapter_heiti());
  std::vector<std::string> out;
  for (const docx::Paragraph& p : d->body().paragraphs)
    if (p.role == docx::Role::table_caption) out.push_back(p.text);
  return out;
}

std::vector<bool> a3_sections(const std::string& docx) {
  std::unique_ptr<docx::Document> d = docx::Document::read(docx, chapter_heiti());
  std::vector<bool> out;
  for (const docx::Section& s : d->sections()) out.push_back(s.width && *s.width > 20000);
  return out;
}

TEST(StandardB, BuildPutsA3SectionsAfterTheLastChapter) {
  std::string dir = testkit::temp_dir("standard-b-a3-build");
  std::ofstream(dir + "/bid.md") << kA3Markdown;
  testkit::RunResult b = testkit::run_cli({"build", dir + "/bid.md", "--profile", "chapter-heiti", "-o", dir + "/bid.docx"});
  ASSERT_EQ(b.status, 0) << b.err;
  // The body's A4 text first, then the two A3 sections in chapter order.
  std::vector<bool> a3 = a3_sections(dir + "/bid.docx");
  ASSERT_GE(a3.size(), 3u);
  EXPECT_TRUE(a3[a3.size() - 1] || a3[a3.size() - 2]);
  size_t first_a3 = static_cast<size_t>(std::find(a3.begin(), a3.end(), true) - a3.begin());
  for (size_t i = first_a3; i < a3.size(); ++i) EXPECT_TRUE(a3[i] || i + 1 == a3.size()) << i;
  // Each caption keeps its chapter's number; the chapter's own tables count on without the moved one.
  EXPECT_EQ(captions_of(dir + "/bid.docx"), (std::vector<std::string>{"表1-1.1-1  主要工程数量表", "表1-1.1-2  主要设备表",
                                                                      "表1-1.1-3  纵断面高程表", "表2-1.1-1  施工进度计划表"}));
  // Two chapters in one file are what output.per-chapter reports; nothing else.
  report::FileReport r = check_b(dir + "/bid.docx");
  EXPECT_EQ(testfix::rule_ids(r), std::set<std::string>{"output.per-chapter"}) << testfix::dump(r);
}

TEST(StandardB, SplitBuildWritesTheA3SectionsIntoTheirOwnFile) {
  std::string dir = testkit::temp_dir("standard-b-a3-split");
  std::ofstream(dir + "/bid.md") << kA3Markdown;
  testkit::RunResult b = testkit::run_cli({"build", dir + "/bid.md", "--profile", "chapter-heiti", "--split-chapters", "-o", dir + "/out"});
  ASSERT_EQ(b.status, 0) << b.err;
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir + "/out")) {
    names.insert(e.path().filename().string());
    report::FileReport r = check_b(e.path().string());
    EXPECT_TRUE(r.findings.empty()) << e.path().filename().string() << "\n" << testfix::dump(r);
  }
  EXPECT_EQ(names, (std::set<std::string>{"第一章 工程概况.docx", "第二章 施工部署.docx", "A3附图附表.docx"}));
  EXPECT_EQ(captions_of(dir + "/out/A3附图附表.docx"), (std::vector<std::string>{"表1-1.1-3  纵断面高程表", "表2-1.1-1  施工进度计划表"}));
  EXPECT_EQ(captions_of(dir + "/out/第一章 工程概况.docx"),
            (std::vector<std::string>{"表1-1.1-1  主要工程数量表", "表1-1.1-2  主要设备表"}));
  // Under Standard A (page.a3_at_end false) the A3 section stays where it was written.
  testkit::RunResult a = testkit::run_cli({"build", dir + "/bid.md", "-o", dir + "/a.docx"});
  ASSERT_EQ(a.status, 0) << a.err;
  std::vector<bool> sections = a3_sections(dir + "/a.docx");
  EXPECT_FALSE(sections.back());
}

}  // namespace
}  // namespace bidfmt
