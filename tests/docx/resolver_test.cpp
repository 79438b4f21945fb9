// Resolver: each value resolved through docDefaults → styles → numbering → direct, with its origin.
#include <gtest/gtest.h>

#include "docx/docx_fixture.h"
#include "docx/script.h"

namespace bidfmt::docxtest {
namespace {

using docx::Source;

const char* kStyles = R"(
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault>
  <w:pPrDefault><w:pPr><w:ind w:firstLine="100"/><w:spacing w:after="160"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="A"><w:name w:val="Normal"/><w:rPr><w:sz w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="B"><w:name w:val="Body B"/><w:basedOn w:val="A"/>
  <w:pPr><w:spacing w:after="100"/><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="C"><w:name w:val="Body C"/><w:basedOn w:val="B"/></w:style>)";

const char* kNumbering = R"(
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
  <w:pStyle w:val="B"/><w:lvlText w:val="%1、"/><w:pPr><w:ind w:firstLine="200"/></w:pPr>
  <w:rPr><w:sz w:val="18"/></w:rPr></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)";

TEST(Resolver, DocDefaultsBasedOnNumberingDirect) {
  Pkg p;
  p.styles = kStyles;
  p.numbering = kNumbering;
  p.body = R"(<w:p><w:pPr><w:pStyle w:val="C"/><w:spacing w:before="50"/></w:pPr><w:r><w:t>一</w:t></w:r></w:p>
              <w:p><w:pPr><w:pStyle w:val="C"/></w:pPr><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>二</w:t></w:r></w:p>)";
  auto d = read_pkg(p, "chain");
  const docx::Paragraph& a = para(*d, "一");
  // Size: docDefaults 20 → style A 22 (reached through C → B → A).
  ASSERT_EQ(a.runs.size(), 1u);
  EXPECT_EQ(a.runs[0].props->size.value, 22);
  EXPECT_EQ(a.runs[0].props->size.origin.source, Source::paragraph_style);
  EXPECT_EQ(a.runs[0].props->size.origin.style->id, "A");
  EXPECT_EQ(a.runs[0].props->size.below, 20);
  EXPECT_EQ(a.runs[0].props->size.below_origin.source, Source::doc_defaults);
  // Space after: docDefaults 160 → style B 100.
  EXPECT_EQ(a.props->after.value, 100);
  EXPECT_EQ(a.props->after.origin.style->id, "B");
  // First line: docDefaults 100 → numbering level 200 (numPr inherited from B, level by pStyle).
  EXPECT_EQ(a.props->first_line.value, 200);
  EXPECT_EQ(a.props->first_line.origin.source, Source::numbering);
  EXPECT_EQ(a.props->first_line.below_origin.source, Source::doc_defaults);
  // Space before: direct.
  EXPECT_EQ(a.props->before.value, 50);
  EXPECT_EQ(a.props->before.origin.source, Source::direct_paragraph);
  // The number label: paragraph mark + level rPr.
  EXPECT_EQ(a.label, "1、");
  EXPECT_EQ(a.label_props->size.value, 18);
  EXPECT_EQ(a.label_props->size.origin.source, Source::numbering);
  // Direct run formatting over the style.
  const docx::Paragraph& b = para(*d, "二");
  EXPECT_EQ(b.label, "2、");
  EXPECT_EQ(b.runs[0].props->size.value, 18);
  EXPECT_EQ(b.runs[0].props->size.origin.source, Source::direct);
  EXPECT_EQ(b.runs[0].props->size.below, 22);
  EXPECT_EQ(b.runs[0].props->size.below_origin.style->id, "A");
}

TEST(Resolver, NumIdZeroSwitchesStyleNumberingOff) {
  Pkg p;
  p.styles = kStyles;
  p.numbering = kNumbering;
  p.body =
      R"(<w:p><w:pPr><w:pStyle w:val="B"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>无</w:t></w:r></w:p>)";
  auto d = read_pkg(p, "numid0");
  const docx::Paragraph& a = para(*d, "无");
  EXPECT_EQ(a.label, "");
  EXPECT_EQ(a.props->first_line.value, 100);  // docDefaults; no numbering level applies
}

const char* kTheme = R"(<?xml version="1.0"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:fontScheme name="x">
<a:majorFont><a:latin typeface="Cambria"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>
<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/>
  <a:font script="Hans" typeface="等线"/><a:font script="Jpan" typeface="游明朝"/></a:minorFont>
</a:fontScheme></a:themeElements></a:theme>)";

TEST(Resolver, ThemeFonts) {
  Pkg p;
  p.theme = kTheme;
  p.styles = R"(<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"
      w:eastAsia="宋体" w:eastAsiaTheme="minorEastAsia"/></w:rPr></w:rPrDefault></w:docDefaults>)";
  p.body = R"(<w:p><w:r><w:t>文字</w:t></w:r></w:p>)";
  auto d = read_pkg(p, "theme");
  const docx::RunProps& r = *para(*d, "文字").runs[0].props;
  EXPECT_EQ(r.ascii.value.name, "Calibri");
  EXPECT_EQ(r.ascii.value.theme, "minorHAnsi");
  // The theme attribute wins over w:eastAsia; an empty a:ea falls back to the Hans script font.
  EXPECT_EQ(r.east_asia.value.name, "等线");
  EXPECT_EQ(r.east_asia.value.theme, "minorEastAsia");
  EXPECT_EQ(r.east_asia.origin.source, Source::doc_defaults);

  p.settings = R"(<w:themeFontLang w:val="en-US" w:eastAsia="ja-JP"/>)";
  auto j = read_pkg(p, "theme-ja");
  EXPECT_EQ(para(*j, "文字").runs[0].props->east_asia.value.name, "游明朝");
}

const char* kTableStyles = R"(
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="T1"><w:name w:val="Bid Table"/>
  <w:pPr><w:spacing w:line="276" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="21"/></w:rPr>
  <w:tblPr><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="12"/><w:insideH w:val="dashed" w:sz="2"/></w:tblBorders></w:tblPr>
  <w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr></w:tblStylePr></w:style>)";

std::string table(const std::string& look) {
  return R"(<w:tbl><w:tblPr><w:tblStyle w:val="T1"/><w:jc w:val="right"/>)" + look +
         R"(</w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>
    <w:tr><w:tc><w:p><w:r><w:t>头</w:t></w:r></w:p></w:tc></w:tr>
    <w:tr><w:tc><w:p><w:r><w:t>体</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>)";
}

TEST(Resolver, TableStyleAndFirstRow) {
  Pkg p;
  p.styles = kTableStyles;
  p.body = table("");
  auto d = read_pkg(p, "table-style");
  const docx::Paragraph& head = para(*d, "头");
  const docx::Paragraph& cell = para(*d, "体");
  EXPECT_TRUE(head.runs[0].props->bold.value);
  EXPECT_EQ(head.runs[0].props->bold.origin.source, Source::table_style);
  EXPECT_FALSE(cell.runs[0].props->bold.value);
  // The table style overrides the default paragraph style 「正文」.
  EXPECT_EQ(cell.runs[0].props->size.value, 21);
  EXPECT_EQ(cell.runs[0].props->size.origin.source, Source::table_style);
  EXPECT_EQ(cell.props->line.value, 276);
  ASSERT_EQ(d->body().tables.size(), 1u);
  const docx::Table& t = d->body().tables[0];
  EXPECT_EQ(t.props.jc.value, "right");
  EXPECT_EQ(t.props.jc.origin.source, Source::direct);
  EXPECT_EQ(t.props.jc.below, "center");
  EXPECT_EQ(t.props.borders[docx::kTop].value.size, 12);
  EXPECT_EQ(t.props.borders[docx::kTop].origin.source, Source::table_style);
  EXPECT_FALSE(t.props.borders[docx::kBottom].set());

  p.body = table(R"(<w:tblLook w:firstRow="0"/>)");
  auto off = read_pkg(p, "table-look-off");
  EXPECT_FALSE(para(*off, "头").runs[0].props->bold.value);
  p.body = table(R"(<w:tblLook w:val="0400"/>)");
  EXPECT_FALSE(para(*read_pkg(p, "table-look-hex"), "头").runs[0].props->bold.value);
}

TEST(Resolver, FirstLineCharsAndTwips) {
  Pkg p;
  p.styles = R"(<w:style w:type="paragraph" w:default="1" w:styleId="N"><w:name w:val="Normal"/>
      <w:pPr><w:ind w:firstLine="480" w:firstLineChars="200"/></w:pPr></w:style>)";
  p.body = R"(<w:p><w:pPr><w:ind w:firstLine="0"/></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>
              <w:p><w:pPr><w:ind w:firstLine="0" w:firstLineChars="0"/></w:pPr><w:r><w:t>乙</w:t></w:r></w:p>
              <w:p><w:pPr><w:ind w:hanging="420"/></w:pPr><w:r><w:t>丙</w:t></w:r></w:p>)";
  auto d = read_pkg(p, "chars");
  // 甲: direct firstLine 0, but the style's non-zero firstLineChars still wins.
  const docx::ParaProps& a = *para(*d, "甲").props;
  EXPECT_EQ(a.first_line.value, 0);
  EXPECT_EQ(a.first_line_chars.value, 200);
  EXPECT_EQ(a.first_line_chars.origin.source, Source::paragraph_style);
  // 乙: firstLineChars 0 cancels it; the twips value applies.
  const docx::ParaProps& b = *para(*d, "乙").props;
  EXPECT_EQ(b.first_line_chars.value, 0);
  EXPECT_EQ(b.first_line_chars.origin.source, Source::direct_paragraph);
  // 丙: hanging is a negative first line.
  EXPECT_EQ(para(*d, "丙").props->first_line.value, -420);
}

TEST(Resolver, ToggleBoldAcrossStyles) {
  Pkg p;
  p.styles = R"(<w:style w:type="paragraph" w:default="1" w:styleId="N"><w:name w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="H"><w:name w:val="heading 1"/><w:rPr><w:b/></w:rPr></w:style>
    <w:style w:type="character" w:styleId="S"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>)";
  p.body = R"(<w:p><w:pPr><w:pStyle w:val="H"/></w:pPr>
    <w:r><w:t>粗</w:t></w:r><w:r><w:rPr><w:rStyle w:val="S"/></w:rPr><w:t>反</w:t></w:r>
    <w:r><w:rPr><w:rStyle w:val="S"/><w:b/></w:rPr><w:t>直</w:t></w:r></w:p>)";
  auto d = read_pkg(p, "toggle");
  const docx::Paragraph& h = d->body().paragraphs[0];
  ASSERT_EQ(h.runs.size(), 3u);
  EXPECT_TRUE(h.runs[0].props->bold.value);   // paragraph style
  EXPECT_FALSE(h.runs[1].props->bold.value);  // paragraph style XOR character style
  EXPECT_TRUE(h.runs[2].props->bold.value);   // direct formatting is absolute
  EXPECT_EQ(h.heading_level, 1);
}

TEST(Resolver, FontSlotPerCharacter) {
  using docx::font_slot;
  using docx::FontSlot;
  EXPECT_EQ(font_slot(U'A', false), FontSlot::ascii);
  EXPECT_EQ(font_slot(U'7', true), FontSlot::ascii);
  EXPECT_EQ(font_slot(U'中', false), FontSlot::east_asia);
  EXPECT_EQ(font_slot(U'，', false), FontSlot::east_asia);  // full-width comma
  EXPECT_EQ(font_slot(U'ア', false), FontSlot::east_asia);
  EXPECT_EQ(font_slot(U'é', false), FontSlot::h_ansi);
  EXPECT_EQ(font_slot(U'“', false), FontSlot::h_ansi);    // ambiguous width …
  EXPECT_EQ(font_slot(U'“', true), FontSlot::east_asia);  // … East Asian with w:hint="eastAsia"
  EXPECT_EQ(font_slot(U'①', true), FontSlot::east_asia);
  EXPECT_EQ(font_slot(U' ', false), FontSlot::none);
  EXPECT_EQ(font_slot(0x3000, false), FontSlot::none);  // ideographic space
  EXPECT_EQ(font_slot(U'ب', false), FontSlot::cs);
}

TEST(Resolver, SameFontNames) {
  EXPECT_TRUE(docx::same_font("宋体", "SimSun"));
  EXPECT_TRUE(docx::same_font("calibri", "Calibri"));
  EXPECT_TRUE(docx::same_font("Times New Roman", "TimesNewRoman"));
  EXPECT_FALSE(docx::same_font("等线", "宋体"));
  EXPECT_TRUE(docx::same_font("SimHei", "黑体"));  // English name first
  EXPECT_TRUE(docx::same_font("仿宋_GB2312", "FangSong_GB2312"));
  EXPECT_TRUE(docx::same_font("Microsoft YaHei", "微软雅黑"));  // spaces do not count
  EXPECT_FALSE(docx::same_font("SimSun", "黑体"));              // an alias, but of another font
  EXPECT_FALSE(docx::same_font("Calibri", "Times New Roman"));
  EXPECT_FALSE(docx::same_font("", "宋体"));
}

TEST(Resolver, TrimAndBlankAgreeOnWhatIsBlank) {
  for (const char* s : {"", " ", "\u3000", "\t\r\n\u3000 ", " \u3000x\u3000 ", "x", "a\u3000", "\xe3\x80"})
    EXPECT_EQ(docx::blank(s), docx::trim(s).empty()) << s;
  EXPECT_EQ(docx::trim(" \u3000一、 概况\u3000\t"), "一、 概况");
  EXPECT_EQ(docx::trim("\xe3\x80"), "\xe3\x80");  // a cut-off U+3000 is not blank
  EXPECT_TRUE(docx::blank("\u3000\u3000\n"));
  EXPECT_FALSE(docx::blank("\u3000。"));
}

TEST(Resolver, ExcerptCollapsesSpaceAndCuts) {
  EXPECT_EQ(docx::excerpt("  一、 工程\t概况  "), "一、 工程 概况");
  EXPECT_EQ(docx::excerpt("混凝土强度等级 C30", 8), "混凝土强度等级…");  // no space before the cut
  EXPECT_EQ(docx::excerpt("混凝土强度等级C30", 8), "混凝土强度等级C…");
  EXPECT_EQ(docx::excerpt("abc", 3), "abc");
  EXPECT_EQ(docx::excerpt("", 3), "");
  EXPECT_EQ(docx::excerpt("a \xff b", 30), "a \xff b");  // an invalid byte is kept as it is
}

TEST(Resolver, NamespacePrefixIsNormalised) {
  Pkg p;
  std::string path = write_pkg(p, "ns");
  auto parts = testkit::read_zip(path);
  parts["word/document.xml"] =
      R"(<?xml version="1.0"?><x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body>
      <x:p><x:pPr><x:jc x:val="center"/></x:pPr><x:r><x:t>居中</x:t></x:r></x:p></x:body></x:document>)";
  testkit::write_zip(path, parts);
  auto d = docx::Document::read(path, xx2014());
  EXPECT_EQ(para(*d, "居中").props->jc.value, "center");
}

// A static check frees the main part once it is read (MainXml::release): every string the model
// keeps from it — direct paragraph, run, table and cell formatting, the section's page setup — is
// a copy, not a view into the freed text (the ASan suite reads freed memory as an error).
TEST(Resolver, ReleasedMainPartLeavesNoViewIntoItsText) {
  Pkg p;
  p.styles = kTableStyles;
  p.body = R"(<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:line="400" w:lineRule="exact"/>
      <w:tabs><w:tab w:val="right" w:pos="8000"/></w:tabs><w:rPr><w:rFonts w:eastAsia="楷体"/></w:rPr></w:pPr>
      <w:r><w:rPr><w:rFonts w:ascii="Arial" w:eastAsia="仿宋" w:hint="eastAsia"/></w:rPr><w:t>直接格式</w:t></w:r></w:p>
    <w:tbl><w:tblPr><w:tblStyle w:val="T1"/><w:jc w:val="right"/>
      <w:tblBorders><w:bottom w:val="double" w:sz="6"/></w:tblBorders></w:tblPr>
      <w:tr><w:tc><w:tcPr><w:tcBorders><w:left w:val="dashed" w:sz="4"/></w:tcBorders></w:tcPr>
        <w:p><w:r><w:t>头</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
    <w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgNumType w:fmt="upperRoman"/></w:sectPr>)";
  auto d = docx::Document::read(write_pkg(p, "released"), xx2014(), docx::Document::MainXml::release);
  EXPECT_EQ(d->package().part(d->package().main_part()), nullptr);  // the part's text is gone
  const docx::Paragraph& direct = para(*d, "直接格式");
  EXPECT_EQ(direct.props->jc.value, "center");
  EXPECT_EQ(direct.props->line_rule.value, "exact");
  ASSERT_EQ(direct.props->tabs.size(), 1u);
  EXPECT_EQ(direct.props->tabs[0].kind, "right");
  EXPECT_EQ(direct.mark->east_asia.value.name, "楷体");
  EXPECT_EQ(direct.runs[0].props->east_asia.value.name, "仿宋");
  EXPECT_EQ(direct.runs[0].props->ascii.value.name, "Arial");
  EXPECT_EQ(direct.runs[0].props->hint.value, "eastAsia");
  ASSERT_EQ(d->body().tables.size(), 1u);
  const docx::Table& t = d->body().tables[0];
  EXPECT_EQ(t.props.jc.value, "right");
  EXPECT_EQ(t.props.jc.below, "center");  // the table style's, overridden
  EXPECT_EQ(t.props.borders[docx::kBottom].value.style, "double");
  ASSERT_TRUE(t.rows.at(0).cells.at(0).borders);
  EXPECT_EQ(t.rows[0].cells[0].borders->side[docx::kLeft].value.style, "dashed");
  ASSERT_FALSE(t.edges[docx::kLeft].empty());
  EXPECT_EQ(t.edges[docx::kLeft][0].spec.style, "dashed");
  ASSERT_EQ(d->sections().size(), 1u);
  EXPECT_EQ(d->sections()[0].orient, "landscape");
  EXPECT_EQ(d->sections()[0].page_format, "upperRoman");
}

// numbering.xml is freed with the main part: the definitions keep their own strings, the labels
// and the properties the levels gave are read, and the levels' nodes are forgotten.
TEST(Resolver, ReleasedNumberingKeepsItsDefinitions) {
  Pkg p;
  p.styles = kStyles;
  p.numbering = kNumbering;
  p.body = R"(<w:p><w:pPr><w:pStyle w:val="C"/></w:pPr><w:r><w:t>一</w:t></w:r></w:p>)";
  auto d = docx::Document::read(write_pkg(p, "released-numbering"), xx2014(), docx::Document::MainXml::release);
  EXPECT_EQ(d->package().numbering(), nullptr);
  const docx::Paragraph& a = para(*d, "一");
  EXPECT_EQ(a.label, "1、");
  EXPECT_EQ(a.props->first_line.value, 200);  // the level's pPr, read before it was dropped
  EXPECT_EQ(a.label_props->size.value, 18);   // and its rPr
  ASSERT_NE(a.level, nullptr);
  EXPECT_EQ(a.level->text, "%1、");
  EXPECT_EQ(a.level->format, "decimal");
  EXPECT_EQ(a.level->pstyle, "B");
  EXPECT_FALSE(a.level->ppr);
  EXPECT_EQ(d->numbering().abstract_of(1), "0");
  EXPECT_EQ(d->numbering().level_for_style(1, "B"), 0);
}

}  // namespace
}  // namespace bidfmt::docxtest
