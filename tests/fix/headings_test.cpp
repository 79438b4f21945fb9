// Fix on headings written by hand: typed numbers (「一、」「1.1」「1.1.1」「第二章」) become headings in the
// profile's styles with automatic numbering; only the typed numbers go. Bold short lines are reported.
#include <gtest/gtest.h>

#include "docx/document.h"
#include "fix/fix_support.h"

namespace bidfmt::testfix {
namespace {

// The w:pStyle of the paragraph whose text is `text`, "" when it has none.
std::string style_of(const std::string& docx, const std::string& text) {
  pugi::xml_document d;
  d.load_string(testkit::read_zip(docx).at("word/document.xml").c_str());
  for (pugi::xpath_node x : d.select_nodes("//w:body/w:p")) {
    std::string t;
    for (pugi::xpath_node tn : x.node().select_nodes(".//w:t")) t += tn.node().text().get();
    if (t == text) return x.node().child("w:pPr").child("w:pStyle").attribute("w:val").value();
  }
  return "<no paragraph '" + text + "'>";
}

// The clean document with its headings turned into plain paragraphs that carry typed numbers.
Parts typed_headings() {
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) {
    const std::pair<const char*, const char*> typed[] = {{"工程概况", "一、工程概况"},
                                                         {"编制依据", "1.1 编制依据"},
                                                         {"编制原则", "1.1.1编制原则"},
                                                         {"施工部署", "1.2 施工部署"},
                                                         {"主要施工方法", "第二章 主要施工方法"},
                                                         {"测量工程", "2.1　测量工程"},
                                                         {"控制网复测", "2.1.1 控制网复测"},
                                                         {"深层标题", nullptr}};
    for (const auto& [text, with_number] : typed) {
      pugi::xml_node para = paragraph_with_text(d, text);
      pugi::xml_node ppr = para.child("w:pPr");
      ppr.remove_child("w:pStyle");
      ppr.remove_child("w:numPr");
      pugi::xml_node r = para.child("w:r");
      if (with_number) {
        r.child("w:t").text() = with_number;
      } else {  // a bold short line followed by body text
        pugi::xml_node rpr = r.prepend_child("w:rPr");
        rpr.append_child("w:b");
        rpr.append_child("w:bCs");
      }
    }
  });
  return p;
}

TEST(FixHeadings, TypedNumbersBecomeAutomaticNumbering) {
  Parts p = typed_headings();
  Fixed f = fix_parts(p, "typed-headings");
  ASSERT_TRUE(f.result.changed);
  expect_fixed(f, "typed-headings");
  // The typed numbers are gone, the words stay; each heading is in the heading style of its level.
  EXPECT_EQ(style_of(f.output, "工程概况"), "Heading1");
  EXPECT_EQ(style_of(f.output, "编制依据"), "Heading2");
  EXPECT_EQ(style_of(f.output, "编制原则"), "Heading3");
  EXPECT_EQ(style_of(f.output, "施工部署"), "Heading2");
  EXPECT_EQ(style_of(f.output, "主要施工方法"), "Heading1");
  EXPECT_EQ(style_of(f.output, "测量工程"), "Heading2");
  EXPECT_EQ(style_of(f.output, "控制网复测"), "Heading3");
  // Only bold is not evidence enough (docs/fix.md): left alone, and the log says so.
  EXPECT_EQ(style_of(f.output, "深层标题"), "");
  bool reported = false;
  for (const fix::Change& c : f.result.changes) reported |= !c.applied && c.kind == "promote" && c.where.excerpt() == "深层标题";
  EXPECT_TRUE(reported);
  // Check sees them numbered by the profile's list: 一、 / 1.1 / 1.1.1.
  std::unique_ptr<docx::Document> doc = docx::Document::read(f.output, xx2014());
  std::vector<std::string> shown;
  for (const docx::Paragraph& q : doc->body().paragraphs)
    if (q.role == docx::Role::heading && q.heading_level <= 2) shown.push_back(q.shown());
  EXPECT_EQ(shown, (std::vector<std::string>{"一、工程概况", "1.1 编制依据", "1.2 施工部署", "二、主要施工方法", "2.1 测量工程"}));
}

TEST(FixHeadings, DryRunListsTheHeadingChangesInChineseAndEnglish) {
  Parts p = typed_headings();
  std::string dir = testkit::temp_dir("fix-headings-dry");
  testkit::write_zip(dir + "/in.docx", p);
  testkit::RunResult zh = testkit::run_cli({"fix", dir + "/in.docx", "--dry-run", "--project", kProject});
  EXPECT_EQ(zh.status, 0) << zh.err;
  EXPECT_NE(zh.out.find("[heading.l1] 设为标题:「一、」是规范的标题编号形式:正文 → 标题 1"), std::string::npos) << zh.out;
  EXPECT_NE(zh.out.find("[heading.l1] 手写标题编号改为自动编号:一、 → 一、"), std::string::npos) << zh.out;
  EXPECT_NE(zh.out.find("[heading.l1] 标题编号:第二章 → 二、"), std::string::npos) << zh.out;
  testkit::RunResult en = testkit::run_cli({"fix", dir + "/in.docx", "--dry-run", "--project", kProject, "--lang", "en"});
  EXPECT_EQ(en.status, 0) << en.err;
  EXPECT_NE(en.out.find("typed heading number made automatic: 1.1 → 1.1"), std::string::npos) << en.out;
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}), 1);  // nothing written
}

TEST(FixHeadings, RealHeadingWithTypedNumberLosesOnlyTheNumber) {
  // A heading-styled paragraph whose text repeats the number its numbering shows: 「一、一、工程概况」,
  // in a size check reports (fix works on what check reports; a heading it does not report stays).
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) {
    pugi::xml_node r = first(d, "//w:body/w:p[w:pPr/w:pStyle/@w:val='Heading1'][.//w:t='工程概况']/w:r[w:t]");
    ASSERT_TRUE(r);
    r.child("w:t").text() = "一、工程概况";
    pugi::xml_node rpr = r.child("w:rPr") ? r.child("w:rPr") : r.prepend_child("w:rPr");
    rpr.append_child("w:sz").append_attribute("w:val") = "18";
  });
  Fixed f = fix_parts(p, "heading-double-number");
  expect_fixed(f, "heading-double-number");
  EXPECT_EQ(style_of(f.output, "工程概况"), "Heading1");
}

TEST(FixHeadings, CaptionsRenumberedToTheProfilePattern) {
  // 「表 3」 and 「Table 2: …」 before the two tables become 「表1-1 …」 and 「表2.1-1 …」.
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) {
    first(d, "//w:p[.//w:t='表1-1 工程概况统计表']//w:t").text() = "表 3 工程概况统计表";
    pugi::xml_node cap = paragraph_with_text(d, "表2.1-1 横向表格");
    cap.child("w:pPr").remove_child("w:pStyle");
    cap.child("w:r").child("w:t").text() = "Table 2: 横向表格";
  });
  // check calls the wrong number fixable, since fix repairs it.
  std::string broken = testkit::temp_dir("fix-case-captions-check") + "/captions.docx";
  testkit::write_zip(broken, p);
  report::FileReport before = check(broken);
  bool number_found = false;
  for (const rules::Finding& x : before.findings)
    if (x.rule() == "table.caption" && x.kind() == "number") {
      number_found = true;
      EXPECT_TRUE(x.fixable) << x.message().zh;
    }
  EXPECT_TRUE(number_found) << dump_findings(before.findings);
  Fixed f = fix_parts(p, "captions");
  expect_fixed(f, "captions");
  std::vector<std::string> texts = paragraph_texts(testkit::read_zip(f.output).at("word/document.xml"));
  EXPECT_NE(std::find(texts.begin(), texts.end(), "表1-1 工程概况统计表"), texts.end());
  EXPECT_NE(std::find(texts.begin(), texts.end(), "表2.1-1 横向表格"), texts.end());
  EXPECT_EQ(style_of(f.output, "表2.1-1 横向表格"), "TableCaption");
}

}  // namespace
}  // namespace bidfmt::testfix
