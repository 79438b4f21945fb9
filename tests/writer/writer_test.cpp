// DOCX writer: every part validates against ECMA-376, and the XML carries the profile's values.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <filesystem>

#include "core/error.h"
#include "profile/profile.h"
#include "support/testkit.h"
#include "writer/docx_writer.h"
#include "writer/plan.h"

namespace bidfmt::writer {
namespace {

using testkit::read_zip;
using testkit::validate_part;

model::Inlines text(const std::string& s) {
  model::Span span;
  span.text = s;
  return {span};
}

model::Document sample_model() {
  model::Document d;
  d.source = "test.md";
  d.meta.project = "高桥村明家堍通组公路工程";
  d.meta.title = "施工组织设计";
  d.meta.bidder = "某某建设集团有限公司";
  d.meta.date = "2026年11月";
  d.blocks.push_back(model::Heading{1, text("工程概况"), 1});
  d.blocks.push_back(model::Heading{2, text("编制依据"), 2});
  d.blocks.push_back(model::Paragraph{model::ParagraphKind::body, 0, text("本工程路面宽度6.5m，全长约1,250m。")});
  model::Table t;
  t.align = {model::CellAlign::none, model::CellAlign::center};
  t.header = {text("项目"), text("内容")};
  t.rows = {{text("工程名称"), text("公路工程")}, {text("工期"), text("120天")}};
  t.caption = "工程概况统计表";
  d.blocks.push_back(t);
  d.blocks.push_back(model::Heading{3, text("编制范围"), 5});
  model::ListItem li;
  li.list_id = 1;
  li.ordered = true;
  li.text = text("路基工程");
  d.blocks.push_back(li);
  d.blocks.push_back(model::SectionStart{model::PageShape::landscape});
  d.blocks.push_back(t);
  d.blocks.push_back(model::SectionEnd{});
  d.blocks.push_back(model::Heading{1, text("施工部署"), 9});
  d.blocks.push_back(model::Paragraph{model::ParagraphKind::body, 0, text("结束。")});
  return d;
}

class WriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    profile_ = profile::load("xx-2014");
    dir_ = testkit::temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    path_ = dir_ + "/out.docx";
    write_docx(sample_model(), profile_, WriteOptions{"2026-11-26T00:00:00Z", nullptr}, path_);
    parts_ = read_zip(path_);
  }
  pugi::xml_document part(const std::string& name) {
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(parts_.at(name).c_str())) << name;
    return doc;
  }
  profile::Profile profile_;
  std::string dir_, path_;
  std::map<std::string, std::string> parts_;
};

TEST_F(WriterTest, EveryPartValidatesAgainstTheSchemas) {
  ASSERT_GE(parts_.size(), 12u);
  for (const auto& [name, xml] : parts_) {
    if (name.rfind("word/media/", 0) == 0) continue;
    EXPECT_EQ(validate_part(name, xml), "") << name;
  }
}

TEST_F(WriterTest, SectionsCarryPageSetupAndFurniture) {
  pugi::xml_document doc = part("word/document.xml");
  pugi::xpath_node_set sects = doc.select_nodes("//w:sectPr");
  // cover, TOC, portrait body, landscape body, last portrait body
  ASSERT_EQ(sects.size(), 5u);
  for (const pugi::xpath_node& s : sects) {
    pugi::xml_node mar = s.node().child("w:pgMar");
    EXPECT_EQ(mar.attribute("w:top").as_int(), 1417);
    EXPECT_EQ(mar.attribute("w:left").as_int(), 1247);
    EXPECT_EQ(mar.attribute("w:gutter").as_int(), 0);
  }
  EXPECT_FALSE(sects[0].node().child("w:headerReference"));  // cover
  EXPECT_FALSE(sects[1].node().child("w:footerReference"));  // TOC
  EXPECT_TRUE(sects[2].node().child("w:headerReference"));
  EXPECT_EQ(sects[2].node().child("w:pgNumType").attribute("w:start").as_int(), 1);
  EXPECT_FALSE(sects[3].node().child("w:pgNumType"));
  EXPECT_STREQ(sects[3].node().child("w:pgSz").attribute("w:orient").value(), "landscape");
  EXPECT_EQ(sects[3].node().child("w:pgSz").attribute("w:w").as_int(), 16838);
}

TEST_F(WriterTest, FooterTotalsBodyPagesThroughBookmark) {
  std::string footer = parts_.at("word/footer1.xml");
  EXPECT_NE(footer.find(" PAGE "), std::string::npos);
  EXPECT_NE(footer.find(" PAGEREF _BodyEnd "), std::string::npos);
  EXPECT_EQ(footer.find("SECTIONPAGES"), std::string::npos);
  EXPECT_EQ(footer.find("NUMPAGES"), std::string::npos);
  pugi::xml_document doc = part("word/document.xml");
  pugi::xpath_node_set marks = doc.select_nodes("//w:bookmarkStart[@w:name='_BodyEnd']");
  ASSERT_EQ(marks.size(), 1u);
  // …in the last body paragraph, which holds 「结束。」
  EXPECT_STREQ(marks[0].node().parent().child("w:r").child("w:t").text().get(), "结束。");
}

TEST_F(WriterTest, HeaderHasProjectLeftAndLabelRightPerPageShape) {
  std::string h1 = parts_.at("word/header1.xml"), h2 = parts_.at("word/header2.xml");
  EXPECT_NE(h1.find("高桥村明家堍通组公路工程"), std::string::npos);
  EXPECT_NE(h1.find("技术标"), std::string::npos);
  EXPECT_NE(h1.find("w:pos=\"9412\""), std::string::npos) << h1;   // A4 portrait text width
  EXPECT_NE(h2.find("w:pos=\"14344\""), std::string::npos) << h2;  // A4 landscape text width
}

TEST_F(WriterTest, HeadingsUseStylesAndNumbering) {
  pugi::xml_document doc = part("word/document.xml");
  EXPECT_EQ(doc.select_nodes("//w:p[w:pPr/w:pStyle/@w:val='Heading1']").size(), 2u);
  pugi::xml_document num = part("word/numbering.xml");
  pugi::xml_node lvl0 = num.select_node("//w:abstractNum[@w:abstractNumId='0']/w:lvl[@w:ilvl='0']").node();
  EXPECT_STREQ(lvl0.child("w:numFmt").attribute("w:val").value(), "chineseCounting");
  EXPECT_STREQ(lvl0.child("w:lvlText").attribute("w:val").value(), "%1、");
  pugi::xml_node lvl1 = num.select_node("//w:abstractNum[@w:abstractNumId='0']/w:lvl[@w:ilvl='1']").node();
  EXPECT_TRUE(lvl1.child("w:isLgl"));
  EXPECT_STREQ(lvl1.child("w:lvlText").attribute("w:val").value(), "%1.%2");
  // numbering.xml: every abstractNum before any num (Word and LibreOffice need it)
  bool seen_num = false;
  for (pugi::xml_node n : num.child("w:numbering").children()) {
    if (std::string(n.name()) == "w:num") seen_num = true;
    if (std::string(n.name()) == "w:abstractNum") {
      EXPECT_FALSE(seen_num);
    }
  }
}

TEST_F(WriterTest, TablesCarryBordersCaptionAndHeaderRow) {
  pugi::xml_document doc = part("word/document.xml");
  pugi::xml_node tbl = doc.select_node("//w:tbl").node();
  pugi::xml_node b = tbl.child("w:tblPr").child("w:tblBorders");
  EXPECT_STREQ(b.child("w:top").attribute("w:val").value(), "single");
  EXPECT_EQ(b.child("w:top").attribute("w:sz").as_int(), 12);
  EXPECT_STREQ(b.child("w:insideH").attribute("w:val").value(), "dashed");
  EXPECT_EQ(b.child("w:insideV").attribute("w:sz").as_int(), 2);
  EXPECT_STREQ(b.child("w:left").attribute("w:val").value(), "nil");
  EXPECT_STREQ(tbl.child("w:tblPr").child("w:jc").attribute("w:val").value(), "center");
  EXPECT_TRUE(tbl.child("w:tr").child("w:trPr").child("w:tblHeader"));
  pugi::xml_node cap = tbl.previous_sibling();
  EXPECT_STREQ(cap.child("w:pPr").child("w:pStyle").attribute("w:val").value(), "TableCaption");
  EXPECT_STREQ(cap.child("w:r").child("w:t").text().get(), "表1.1-1 工程概况统计表");
  // The second table (landscape, still under 1.1 → 1.1.1) is 表1.1-2.
  pugi::xml_node tbl2 = doc.select_nodes("//w:tbl")[1].node();
  EXPECT_STREQ(tbl2.previous_sibling().child("w:r").child("w:t").text().get(), "表1.1-2 工程概况统计表");
}

TEST_F(WriterTest, StylesCarryProfileValues) {
  pugi::xml_document st = part("word/styles.xml");
  pugi::xml_node normal = st.select_node("//w:style[@w:styleId='Normal']").node();
  EXPECT_EQ(normal.child("w:pPr").child("w:spacing").attribute("w:line").as_int(), 360);
  EXPECT_EQ(normal.child("w:pPr").child("w:ind").attribute("w:firstLineChars").as_int(), 200);
  EXPECT_EQ(normal.child("w:pPr").child("w:ind").attribute("w:firstLine").as_int(), 480);
  EXPECT_STREQ(normal.child("w:pPr").child("w:jc").attribute("w:val").value(), "both");
  EXPECT_STREQ(normal.child("w:rPr").child("w:rFonts").attribute("w:eastAsia").value(), "宋体");
  EXPECT_STREQ(normal.child("w:rPr").child("w:rFonts").attribute("w:ascii").value(), "Calibri");
  EXPECT_EQ(normal.child("w:rPr").child("w:sz").attribute("w:val").as_int(), 24);
  pugi::xml_node h3 = st.select_node("//w:style[@w:styleId='Heading3']").node();
  EXPECT_STREQ(h3.child("w:name").attribute("w:val").value(), "heading 3");
  EXPECT_STREQ(h3.child("w:rPr").child("w:b").attribute("w:val").value(), "0");
  EXPECT_EQ(h3.child("w:pPr").child("w:outlineLvl").attribute("w:val").as_int(), 2);
  pugi::xml_node tt = st.select_node("//w:style[@w:styleId='TableText']").node();
  EXPECT_EQ(tt.child("w:rPr").child("w:sz").attribute("w:val").as_int(), 21);
  EXPECT_EQ(tt.child("w:pPr").child("w:spacing").attribute("w:line").as_int(), 276);
  // No theme fonts anywhere: fonts are named.
  EXPECT_EQ(parts_.at("word/styles.xml").find("Theme"), std::string::npos);
}

TEST_F(WriterTest, TocCachesEveryHeadingWithItsNumber) {
  pugi::xml_document doc = part("word/document.xml");
  std::string all;
  for (const pugi::xpath_node& p : doc.select_nodes("//w:p[w:pPr/w:pStyle[starts-with(@w:val,'TOC')]]"))
    for (const pugi::xpath_node& t : p.node().select_nodes(".//w:t")) all += std::string(t.node().text().get()) + "|";
  EXPECT_NE(all.find("一、工程概况"), std::string::npos) << all;
  EXPECT_NE(all.find("1.1 编制依据"), std::string::npos) << all;
  EXPECT_NE(all.find("1.1.1 编制范围"), std::string::npos) << all;
  EXPECT_NE(all.find("二、施工部署"), std::string::npos) << all;
  EXPECT_NE(parts_.at("word/document.xml").find("TOC \\o \"1-3\" \\h \\z \\u"), std::string::npos);
  // Without a layout pass the TOC is marked for refresh.
  EXPECT_NE(parts_.at("word/settings.xml").find("w:updateFields"), std::string::npos);
}

// The draft a layout pass reads: the TOC's lines as the shipped file has them, inside a bookmark and
// with no TOC field (whose index LibreOffice would keep at the drafted numbers).
TEST_F(WriterTest, LayoutDraftTocIsTheSameLinesInItsBookmarkWithoutTheTocField) {
  WriteOptions o{"2026-11-26T00:00:00Z", nullptr};
  o.layout_draft = true;
  std::string draft = dir_ + "/draft.docx";
  write_docx(sample_model(), profile_, o, draft);
  std::map<std::string, std::string> parts = read_zip(draft);
  const std::string& xml = parts.at("word/document.xml");
  EXPECT_EQ(validate_part("word/document.xml", xml), "");
  EXPECT_EQ(xml.find("TOC \\o"), std::string::npos);
  pugi::xml_document doc, shipped = part("word/document.xml");
  ASSERT_TRUE(doc.load_string(xml.c_str()));
  auto toc_lines = [](const pugi::xml_document& d) {
    std::vector<std::string> lines;
    for (const pugi::xpath_node& p : d.select_nodes("//w:p[w:pPr/w:pStyle[starts-with(@w:val,'TOC') and @w:val!='TOCHeading']]")) {
      std::string line;
      for (const pugi::xpath_node& t : p.node().select_nodes(".//w:t|.//w:tab|.//w:instrText"))
        line += std::string(t.node().name()) == "w:tab" ? "\t" : t.node().text().get();
      lines.push_back(line);
    }
    return lines;
  };
  std::vector<std::string> lines = toc_lines(doc), shipped_lines = toc_lines(shipped);
  ASSERT_EQ(lines.size(), 5u);  // four headings and the paragraph that closes the TOC
  // The shipped file's first line also holds the TOC field's instruction; the entries are the same.
  EXPECT_EQ(std::vector<std::string>(lines.begin() + 1, lines.end()),
            std::vector<std::string>(shipped_lines.begin() + 1, shipped_lines.end()));
  EXPECT_NE(lines[0].find("PAGEREF"), std::string::npos) << lines[0];
  EXPECT_NE(shipped_lines[0].find(" TOC \\o"), std::string::npos) << shipped_lines[0];
  // The bookmark opens in the first entry and closes in the TOC's last paragraph.
  pugi::xpath_node start = doc.select_node((std::string("//w:bookmarkStart[@w:name='") + kLayoutTocMark + "']").c_str());
  ASSERT_TRUE(start);
  EXPECT_STREQ(start.node().parent().child("w:pPr").child("w:pStyle").attribute("w:val").value(), "TOC1");
  EXPECT_TRUE(start.node().next_sibling("w:hyperlink"));
  std::string id = start.node().attribute("w:id").value();
  pugi::xpath_node end = doc.select_node(("//w:bookmarkEnd[@w:id='" + id + "']").c_str());
  ASSERT_TRUE(end);
  EXPECT_FALSE(end.node().parent().child("w:hyperlink"));
  EXPECT_EQ(parts_.at("word/document.xml").find(kLayoutTocMark), std::string::npos) << "the shipped file has no such bookmark";
}

TEST_F(WriterTest, OutputIsReproducible) {
  std::string again = dir_ + "/again.docx";
  write_docx(sample_model(), profile_, WriteOptions{"2026-11-26T00:00:00Z", nullptr}, again);
  EXPECT_EQ(testkit::read_text(path_), testkit::read_text(again));
}

TEST(WriterErrors, UnwritableOutputLeavesNothing) {
  profile::Profile p = profile::load("xx-2014");
  std::string dir = testkit::temp_dir("unwritable");
  EXPECT_THROW(write_docx(sample_model(), p, {}, dir + "/no/such/dir/out.docx"), Error);
  EXPECT_TRUE(std::filesystem::is_empty(dir));
}

TEST(WriterNumbers, FormatsEachLevel) {
  profile::Profile p = profile::load("xx-2014");
  EXPECT_EQ(format_number(p.heading(1)->number, {3}, 1), "三、");
  EXPECT_EQ(format_number(p.heading(1)->number, {11}, 1), "十一、");
  EXPECT_EQ(format_number(p.heading(2)->number, {2, 4}, 2), "2.4");
  EXPECT_EQ(format_number(p.heading(3)->number, {2, 4, 1}, 3), "2.4.1");
  EXPECT_EQ(format_number(p.heading(5)->number, {1, 1, 1, 1, 3}, 5), "(3)");
  EXPECT_EQ(format_number(p.heading(6)->number, {1, 1, 1, 1, 1, 2}, 6), "②");
}

}  // namespace
}  // namespace bidfmt::writer
