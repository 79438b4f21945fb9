// The fix layer's editing primitives on literal XML: typed text taken off a paragraph's front
// (never out of fields, content controls or tracked changes), children inserted in schema order,
// parts serialised with the namespace declarations their normalised prefixes need.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "docx/xml.h"
#include "fix/text_edit.h"
#include "fix/xml_edit.h"

namespace bidfmt::fix {
namespace {

const char* kNs = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

struct Para {
  pugi::xml_document doc;
  pugi::xml_node p;
  explicit Para(const std::string& inner) {
    doc.load_string(("<w:body " + std::string(kNs) + "><w:p>" + inner + "</w:p></w:body>").c_str());
    p = doc.document_element().child("w:p");
  }
  std::string xml() const {
    std::string s;
    for (pugi::xml_node c = p.first_child(); c; c = c.next_sibling()) s += xml::to_string(c);
    return s;
  }
};

TEST(FixTextEdit, TypedNumberAcrossRunsIsRemoved) {
  Para x(
      "<w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>1.</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>1 编制</w:t></w:r>"
      "<w:r><w:t>依据</w:t></w:r>");
  EXPECT_EQ(remove_leading_text(x.p, "1.1 "), TextEdit::done);
  EXPECT_EQ(x.xml(),
            "<w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>编制</w:t></w:r><w:r><w:t>依据</w:t></w:r>");
}

TEST(FixTextEdit, TabAndBlankAfterTheNumberGoToo) {
  Para x("<w:r><w:t xml:space=\"preserve\">一、 </w:t><w:tab/><w:t>概况</w:t></w:r>");
  EXPECT_EQ(remove_leading_text(x.p, "一、 \t"), TextEdit::done);
  EXPECT_EQ(x.xml(), "<w:r><w:t>概况</w:t></w:r>");
}

TEST(FixTextEdit, TextThatDoesNotMatchIsLeftAlone) {
  Para x("<w:r><w:t>二、概况</w:t></w:r>");
  EXPECT_EQ(remove_leading_text(x.p, "一、"), TextEdit::mismatch);
  EXPECT_EQ(x.xml(), "<w:r><w:t>二、概况</w:t></w:r>");
}

TEST(FixTextEdit, NumbersInFieldsTrackedChangesAndControlsStay) {
  Para field(
      "<w:r><w:t xml:space=\"preserve\">表 </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText>SEQ 表</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
      "<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t xml:space=\"preserve\"> 名称</w:t></w:r>");
  std::string before = field.xml();
  EXPECT_EQ(remove_leading_text(field.p, "表 3 "), TextEdit::protected_text);
  EXPECT_EQ(field.xml(), before);

  Para tracked("<w:ins w:id=\"1\" w:author=\"a\"><w:r><w:t>1.1 </w:t></w:r></w:ins><w:r><w:t>依据</w:t></w:r>");
  EXPECT_EQ(remove_leading_text(tracked.p, "1.1 "), TextEdit::protected_text);

  pugi::xml_document d;
  d.load_string(
      ("<w:body " + std::string(kNs) + "><w:sdt><w:sdtContent><w:p><w:r><w:t>1.1 依据</w:t></w:r></w:p></w:sdtContent></w:sdt></w:body>")
          .c_str());
  pugi::xml_node p = d.document_element().child("w:sdt").child("w:sdtContent").child("w:p");
  EXPECT_EQ(remove_leading_text(p, "1.1 "), TextEdit::protected_text);
}

TEST(FixTextEdit, HiddenTextAndFieldCodesAreNotText) {
  // As the reader counts: hidden runs and field instructions are not part of the paragraph's text.
  Para x("<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>1.2 名称</w:t></w:r>");
  EXPECT_EQ(remove_leading_text(x.p, "1.2 "), TextEdit::done);
  EXPECT_EQ(x.xml(), "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>名称</w:t></w:r>");
}

TEST(FixTextEdit, LeadingTextTakesTheFirstRunsFormatting) {
  Para x("<w:pPr/><w:hyperlink><w:r><w:rPr><w:b/></w:rPr><w:t>名称</w:t></w:r></w:hyperlink>");
  insert_leading_text(x.p, "表1-1 ");
  EXPECT_EQ(x.xml(),
            "<w:pPr/><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">表1-1 </w:t></w:r>"
            "<w:hyperlink><w:r><w:rPr><w:b/></w:rPr><w:t>名称</w:t></w:r></w:hyperlink>");
}

TEST(FixTextEdit, RunsInReadingOrderSkipTextBoxesAndDeletions) {
  Para x(
      "<w:r><w:t>a</w:t></w:r><w:hyperlink><w:r><w:t>b</w:t></w:r></w:hyperlink><w:del><w:r><w:delText>x</w:delText></w:r></w:del>"
      "<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r>");
  EXPECT_EQ(runs_of(x.p).size(), 3u);
}

TEST(FixXmlEdit, ChildrenGoWhereTheSchemaPutsThem) {
  Para x("<w:pPr><w:pStyle w:val=\"a\"/><w:jc w:val=\"left\"/><w:rPr><w:b/></w:rPr></w:pPr>");
  pugi::xml_node ppr = x.p.child("w:pPr");
  xml::ensure(ppr, "w:spacing", xml::ppr_order()).append_attribute("w:line") = "360";
  xml::ensure(ppr, "w:numPr", xml::ppr_order());
  xml::ensure(ppr, "w:jc", xml::ppr_order());  // present: kept where it is
  EXPECT_EQ(xml::to_string(ppr),
            "<w:pPr><w:pStyle w:val=\"a\"/><w:numPr/><w:spacing w:line=\"360\"/><w:jc w:val=\"left\"/><w:rPr><w:b/></w:rPr></w:pPr>");
}

TEST(FixXmlEdit, AttributesSetAndRemoved) {
  pugi::xml_document d;
  pugi::xml_node n = d.append_child("w:ind");
  EXPECT_TRUE(xml::set(n, "w:left", "0"));
  EXPECT_FALSE(xml::set(n, "w:left", "0"));
  EXPECT_TRUE(xml::remove_attrs(n, {"w:left", "w:right"}));
  EXPECT_TRUE(xml::remove_if_empty(n));
  EXPECT_FALSE(d.first_child());
}

TEST(FixXmlEdit, RenamedPrefixesAreDeclaredWhenThePartIsWritten) {
  // A producer's own prefix (ns0:) is read as w:; the rewritten part declares w: for it.
  docx::XmlDoc d = docx::parse_part(
      "<ns0:document xmlns:ns0=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><ns0:body><ns0:p/></ns0:body></ns0:document>",
      "f.docx", "word/document.xml");
  d->document_element().child("w:body").child("w:p").append_child("w:pPr");
  std::string s = xml::part_to_string(*d);
  EXPECT_NE(s.find("xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""), std::string::npos) << s;
  pugi::xml_document check;
  EXPECT_TRUE(check.load_string(s.c_str()));
  EXPECT_EQ(s.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", 0), 0u);
}

}  // namespace
}  // namespace bidfmt::fix
