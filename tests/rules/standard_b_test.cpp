// Standard B (profile chapter-heiti) end to end: a compliant chapter in the shape a Word 2003
// compatible file has checks with zero findings and fix leaves it alone; each single break is
// found by exactly its rule; every chapter file of a split build of each sample checks clean.
#include <gtest/gtest.h>

#include <filesystem>
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
  std::string h4_jc = "<w:jc w:val=\"left\"/>";
  std::string h1_size = "32";
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
             "<w:spacing w:before=\"120\" w:after=\"120\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>" + jc +
             "<w:outlineLvl w:val=\"" + std::to_string(outline) + "\"/></w:pPr><w:rPr><w:rFonts w:eastAsia=\"黑体\"/>"
             "<w:sz w:val=\"" + size + "\"/></w:rPr></w:style>";
    };
    p.styles =
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\" w:hAnsi=\"Times New Roman\" "
        "w:cs=\"Times New Roman\"/><w:kern w:val=\"2\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"24\"/>"
        "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>"
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/><w:qFormat/><w:pPr>"
        "<w:widowControl w:val=\"0\"/><w:spacing w:line=\"360\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/>"
        "<w:jc w:val=\"both\"/></w:pPr><w:rPr><w:sz w:val=\"24\"/></w:rPr></w:style>" +
        heading("1", "heading 1", 0, h1_size, kCenter) + heading("2", "heading 2", 1, "28", kCenter) +
        heading("3", "heading 3", 2, "24", "<w:jc w:val=\"left\"/>") + heading("4", "heading 4", 3, "24", h4_jc) +
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
               std::string("<?xml version=\"1.0\"?><w:ftr ") + kW + "><w:p><w:pPr><w:pStyle w:val=\"a3\"/><w:jc w:val=\"center\"/></w:pPr>" +
                   run("第") + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
                   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run("1") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + run("页") +
                   "</w:p></w:ftr>");
    std::string table = "<w:tbl><w:tblPr><w:tblStyle w:val=\"a4\"/><w:tblW w:w=\"8000\" w:type=\"dxa\"/><w:jc w:val=\"" + table_jc +
                        "\"/><w:tblLook w:val=\"01E0\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"4000\"/><w:gridCol w:w=\"4000\"/></w:tblGrid>"
                        "<w:tr>" + cell("项目", cell_rpr) + cell("数量", cell_rpr) + "</w:tr><w:tr>" + cell("路基土方", cell_rpr) +
                        cell("12000m3", cell_rpr) + "</w:tr></w:tbl>";
    p.body = para("1", h1) + para("2", "第一节  工程简介") + para("3", "1.1  工程位置") + para("", body_1) +
             para("3", "1.2  主要工程量") + caption(caption_1) + table + para("", "主要工程数量见上表。") +
             para("4", "1.2.1  路基工程") + para("", body_2) + para("", item_1) + para("", "2、填筑试验段，确定压实参数。") +
             para("3", "1.3  3D激光扫描复核") + para("", "路基成型后采用三维激光扫描复核标高。") + extra +
             "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdF1\"/>" + page +
             "<w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
             "<w:cols w:space=\"425\"/><w:docGrid w:type=\"lines\" w:linePitch=\"312\"/></w:sectPr>";
    return p;
  }
};

std::string write(const Chapter& c, const std::string& name = "第二章 工程概况") { return docxtest::write_pkg(c.pkg(), name); }

report::FileReport check_b(const std::string& path) { return check_file(path, chapter_heiti(), ""); }

TEST(StandardB, Word2003ChapterChecksClean) {
  report::FileReport r = check_b(write(Chapter{}));
  ASSERT_TRUE(r.checked) << r.error.en;
  EXPECT_TRUE(r.findings.empty()) << testfix::dump(r);
}

TEST(StandardB, ChapterNumberIsTheFilesOwn) {
  // Chapter 2 is numbered 2 by its heading; its 节, 条 and captions count on from it. With a
  // heading numbered 1, its caption 表2-… is out of sequence.
  Chapter c;
  c.h1 = "第一章  工程概况";
  report::FileReport r = check_b(write(c, "第一章 工程概况"));
  EXPECT_EQ(testfix::rule_ids(r), std::set<std::string>{"table.caption"}) << testfix::dump(r);
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

TEST(StandardB, EachBreakIsFoundByItsRule) {
  const std::vector<Break> breaks = {
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
  };
  for (const Break& b : breaks) {
    Chapter c;
    b.edit(c);
    report::FileReport r = check_b(write(c));
    ASSERT_TRUE(r.checked) << b.name << ": " << r.error.en;
    EXPECT_EQ(testfix::rule_ids(r), std::set<std::string>{b.rule}) << b.name << "\n" << testfix::dump(r);
  }
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
