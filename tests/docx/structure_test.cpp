// Reading structure: numbering labels, fields, sections and header/footer inheritance, roles, bad files.
#include <gtest/gtest.h>

#include <fstream>

#include "core/error.h"
#include "docx/docx_fixture.h"
#include "docx/labels.h"
#include "docx/numbering.h"

namespace bidfmt::docxtest {
namespace {

const char* kHeadingNumbering = R"XML(
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="H1"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="H2"/><w:isLgl/><w:suff w:val="space"/><w:lvlText w:val="%1.%2"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>)XML";

const char* kHeadingStyles = R"(
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Custom3"><w:name w:val="My Third"/><w:pPr><w:outlineLvl w:val="2"/><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>)";

std::string p(const std::string& style, const std::string& text, const std::string& extra = "") {
  std::string ppr =
      style.empty() && extra.empty() ? "" : "<w:pPr>" + (style.empty() ? "" : "<w:pStyle w:val=\"" + style + "\"/>") + extra + "</w:pPr>";
  return "<w:p>" + ppr + "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

std::string list(int num, int ilvl, const std::string& text) {
  return p("", text, "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" + std::to_string(num) + "\"/></w:numPr>");
}

TEST(Numbering, HeadingLabelsChineseCountingAndLegal) {
  Pkg pk;
  pk.styles = kHeadingStyles;
  pk.numbering = kHeadingNumbering;
  // Heading 2 uses the WPS-style id "2": it is a heading by w:name, not by id.
  pk.body = p("H1", "概况") + p("2", "依据") + p("Custom3", "原则") + p("2", "范围") + p("H1", "方法") + p("2", "测量") + list(2, 0, "甲") +
            list(2, 1, "乙") + list(2, 0, "丙") + list(3, 0, "丁");
  auto d = read_pkg(pk, "labels");
  EXPECT_EQ(para(*d, "概况").label, "一、");
  EXPECT_EQ(para(*d, "依据").label, "1.1");
  EXPECT_EQ(para(*d, "原则").label, "1.1.1");
  EXPECT_EQ(para(*d, "范围").label, "1.2");
  EXPECT_EQ(para(*d, "方法").label, "二、");
  EXPECT_EQ(para(*d, "测量").label, "2.1");
  EXPECT_EQ(para(*d, "甲").label, "1、");
  EXPECT_EQ(para(*d, "乙").label, "(1)");
  EXPECT_EQ(para(*d, "丙").label, "2、");
  EXPECT_EQ(para(*d, "丁").label, "1、");  // startOverride restarts the shared list
  EXPECT_EQ(para(*d, "依据").heading_level, 2);
  EXPECT_EQ(para(*d, "原则").heading_level, 3);  // by outline level
  EXPECT_EQ(para(*d, "甲").role, docx::Role::list_item);
  EXPECT_EQ(para(*d, "测量").heading_path, "二、方法 › 2.1 测量");
}

TEST(Numbering, FormatNumber) {
  using docx::format_number;
  EXPECT_EQ(format_number(1, "chineseCounting"), "一");
  EXPECT_EQ(format_number(10, "chineseCounting"), "十");
  EXPECT_EQ(format_number(11, "chineseCounting"), "十一");
  EXPECT_EQ(format_number(20, "chineseCounting"), "二十");
  EXPECT_EQ(format_number(105, "chineseCounting"), "一百〇五");
  EXPECT_EQ(format_number(3, "decimalEnclosedCircle"), "③");
  EXPECT_EQ(format_number(28, "upperLetter"), "BB");
  EXPECT_EQ(format_number(4, "lowerRoman"), "iv");
  EXPECT_EQ(format_number(7, "decimal"), "7");
}

TEST(Numbering, MatchLabel) {
  const auto& levels = [] {
    std::vector<profile::NumberLevel> v;
    for (const auto& h : xx2014().headings) v.push_back(h.number);
    return v;
  }();
  auto m = docx::match_label("十二、施工方法", levels, 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->numbers, std::vector<int>{12});
  m = docx::match_label("2.13 测量", levels, 1);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->numbers, (std::vector<int>{2, 13}));
  EXPECT_FALSE(docx::match_label("2、测量", levels, 1));
  EXPECT_TRUE(docx::match_label("（3）说明", levels, 4));  // full-width parentheses
  EXPECT_TRUE(docx::match_label("⑤说明", levels, 5));
  EXPECT_EQ(docx::format_label(levels, 1, {3, 2}), "3.2");
  EXPECT_EQ(docx::format_label(levels, 0, {3}), "三、");
  EXPECT_EQ(docx::parse_numeral("一百〇五", "chineseCounting"), 105);
}

TEST(Structure, FieldsAsTokens) {
  Pkg pk;
  std::string footer = R"(<w:r><w:t>第</w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>
    <w:r><w:t>页，共</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>= </w:instrText></w:r>
    <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>
    <w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> - 2</w:instrText></w:r>
    <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>10</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r>)";
  pk.add_part("rIdF", "footer1.xml", hf_part(false, footer));
  pk.body = p("", "正文") + R"(<w:sectPr><w:footerReference w:type="default" r:id="rIdF"/></w:sectPr>)";
  auto d = read_pkg(pk, "fields");
  const docx::Story* st = d->story("word/footer1.xml");
  ASSERT_NE(st, nullptr);
  const auto& toks = st->paragraphs.at(0).tokens;
  ASSERT_EQ(toks.size(), 5u);
  EXPECT_EQ(toks[0].text, "第");
  EXPECT_TRUE(toks[1].field);
  EXPECT_EQ(toks[1].text, " PAGE ");
  EXPECT_EQ(toks[2].text, "页，共");
  EXPECT_TRUE(toks[3].field);
  EXPECT_EQ(toks[3].text, "= { NUMPAGES } - 2");
  EXPECT_EQ(toks[4].text, "页");
  EXPECT_EQ(st->paragraphs[0].text, "第3页，共10页");  // cached results are shown text
}

TEST(Structure, SectionsAndHeaderInheritance) {
  Pkg pk;
  pk.styles = kHeadingStyles;
  pk.numbering = kHeadingNumbering;
  pk.add_part("rIdH1", "header1.xml", hf_part(true, "<w:r><w:t>项目</w:t></w:r>"));
  pk.add_part("rIdH2", "header2.xml", hf_part(true, "<w:r><w:t>横向</w:t></w:r>"));
  auto sect = [](const std::string& refs, const std::string& extra = "") {
    return "<w:p><w:pPr><w:sectPr>" + refs + extra + "</w:sectPr></w:pPr></w:p>";
  };
  pk.body = p("", "封面") + sect("") +                                                                                          // 1 cover
            p("TOC1", "一、概况 1") + sect("") +                                                                                // 2 TOC
            p("H1", "概况") + sect(R"(<w:headerReference w:type="default" r:id="rIdH1"/>)", R"(<w:pgNumType w:start="1"/>)") +  // 3
            p("", "正文二") + sect("") +  // 4 inherits header1
            p("", "正文三") + R"(<w:sectPr><w:headerReference w:type="default" r:id="rIdH2"/><w:titlePg/></w:sectPr>)";  // 5
  auto d = read_pkg(pk, "sections");
  const auto& ss = d->sections();
  ASSERT_EQ(ss.size(), 5u);
  EXPECT_EQ(ss[0].role, docx::SectionRole::cover);
  EXPECT_EQ(ss[1].role, docx::SectionRole::toc);
  EXPECT_EQ(ss[2].role, docx::SectionRole::body);
  EXPECT_EQ(ss[0].headers.count("default"), 0u);
  EXPECT_EQ(ss[2].headers.at("default"), "word/header1.xml");
  EXPECT_EQ(ss[3].headers.at("default"), "word/header1.xml");
  EXPECT_EQ(ss[4].headers.at("default"), "word/header2.xml");
  EXPECT_TRUE(ss[4].title_pg);
  EXPECT_EQ(ss[2].page_start.value_or(0), 1);
  EXPECT_EQ(d->first_body_section(), 3);
  EXPECT_EQ(para(*d, "封面").role, docx::Role::cover);
  EXPECT_EQ(para(*d, "一、概况 1").role, docx::Role::toc);
}

// A static check frees the body's tree as it reads it (MainXml::release), the markers between
// blocks too (pandoc's w:bookmarkStart before each heading, Word's proofing marks): the model is
// what a kept tree gives, and what is read after the body — a section's w:sectPr, in a paragraph
// (inside a content control here) or the body's own — is still there (the ASan suite reads a
// freed node as an error).
TEST(Structure, ReleasedBodyKeepsWhatIsReadAfterIt) {
  Pkg pk;
  pk.body = R"(<w:bookmarkStart w:id="1" w:name="一"/><w:p><w:r><w:t>一</w:t></w:r></w:p><w:bookmarkEnd w:id="1"/>
      <w:sdt><w:sdtContent><w:bookmarkStart w:id="2" w:name="二"/>
        <w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgNumType w:fmt="upperRoman"/></w:sectPr></w:pPr>
        <w:r><w:t>二</w:t></w:r></w:p><w:bookmarkEnd w:id="2"/></w:sdtContent></w:sdt>
      <w:proofErr w:type="spellStart"/><w:p><w:r><w:t>三</w:t></w:r></w:p><w:proofErr w:type="spellEnd"/>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
      <w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>)";
  const std::string path = write_pkg(pk, "released-body");
  for (auto mode : {docx::Document::MainXml::keep, docx::Document::MainXml::release}) {
    auto d = docx::Document::read(path, xx2014(), mode);
    std::vector<std::string> texts;
    for (const docx::Paragraph& q : d->body().paragraphs) texts.push_back(q.text);
    EXPECT_EQ(texts, (std::vector<std::string>{"一", "二", "三", "格"}));
    EXPECT_EQ(d->body().tables.size(), 1u);
    const auto& ss = d->sections();
    ASSERT_EQ(ss.size(), 2u);
    EXPECT_EQ(ss[0].width.value_or(0), 11906);
    EXPECT_EQ(ss[0].page_format, "upperRoman");
    EXPECT_EQ(ss[0].last_paragraph, 1);
    EXPECT_EQ(ss[1].width.value_or(0), 16838);
    EXPECT_EQ(ss[1].orient, "landscape");
    EXPECT_EQ(ss[1].first_paragraph, 2);
  }
}

TEST(Structure, HeadingsRecognisedFromTypedNumbers) {
  Pkg pk;
  pk.body = p("", "一、工程概况") + p("", "1.1 编制依据") + p("", "1.1.1 编制原则") + p("", "一、本工程位于某市，全长 2.86 km。") +
            p("", "1.5米宽的边沟") + p("", "2.1");
  auto d = read_pkg(pk, "typed");
  EXPECT_EQ(para(*d, "一、工程概况").heading_level, 1);
  EXPECT_TRUE(para(*d, "一、工程概况").heading_by_text);
  EXPECT_EQ(para(*d, "1.1 编制依据").heading_level, 2);
  EXPECT_EQ(para(*d, "1.1.1 编制原则").heading_level, 3);
  EXPECT_EQ(para(*d, "一、本工程位于某市，全长 2.86 km。").role, docx::Role::body);  // a sentence, not a heading
  EXPECT_EQ(para(*d, "2.1").role, docx::Role::body);
}

TEST(Structure, BadFilesThrowLocatedErrors) {
  std::string dir = testkit::temp_dir("docx-bad");
  std::string not_zip = dir + "/not.docx";
  { std::ofstream(not_zip) << "hello"; }
  EXPECT_THROW(docx::Document::read(not_zip, xx2014()), Error);
  std::string no_doc = dir + "/nodoc.docx";
  testkit::write_zip(no_doc, {{"a.txt", "x"}});
  try {
    docx::Document::read(no_doc, xx2014());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), no_doc);
    EXPECT_NE(std::string(e.message(Lang::en)).find("main document"), std::string::npos) << e.message(Lang::en);
  }
  std::string bad_xml = dir + "/badxml.docx";
  testkit::write_zip(bad_xml, {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document><w:body>"}});
  try {
    docx::Document::read(bad_xml, xx2014());
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.message(Lang::en)).find("word/document.xml"), std::string::npos) << e.message(Lang::en);
  }
}

}  // namespace
}  // namespace bidfmt::docxtest
