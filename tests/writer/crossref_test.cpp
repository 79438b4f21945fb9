// Cross-references in the DOCX: a _Ref bookmark around the caption's label and number (or the
// heading's text) and a REF field whose cached result is the number the profile's numbering gives,
// under both profiles (their label formats differ); an unknown or twice-defined id is refused.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <filesystem>
#include <set>

#include "core/error.h"
#include "profile/profile.h"
#include "support/testkit.h"
#include "writer/docx_writer.h"

namespace bidfmt::writer {
namespace {

model::Inlines text(const std::string& s) {
  model::Span span;
  span.text = s;
  return {span};
}
model::Span ref(const std::string& id, int line) {
  model::Span s;
  s.ref = id;
  s.ref_line = line;
  return s;
}

model::Document with_refs() {
  model::Document d;
  d.source = "refs.md";
  d.meta.title = "技术标";
  model::Heading h1{1, text("概况"), 1};
  h1.id = "sec:one";
  model::Heading h2{2, text("人员"), 3};
  h2.id = "sec:staff";
  model::Heading h3{3, text("岗位"), 5};
  h3.id = "sec:post";
  model::Heading annex{1, text("附录"), 6};
  annex.unnumbered = true;
  annex.id = "sec:annex";
  d.blocks.push_back(h1);
  d.blocks.push_back(h2);
  d.blocks.push_back(h3);
  model::Paragraph p;
  p.text = text("见");
  for (const char* id : {"tbl:staff", "fig:site", "sec:one", "sec:staff", "sec:post", "sec:annex"}) p.text.push_back(ref(id, 7));
  d.blocks.push_back(p);
  model::Table t;
  t.header = {text("岗位"), text("人数")};
  t.rows = {{text("项目经理"), text("1")}};
  t.align = {model::CellAlign::none, model::CellAlign::none};
  t.caption = "人员配置表";
  t.id = "tbl:staff";
  t.line = 9;
  d.blocks.push_back(t);
  model::Figure f;
  f.path = testkit::source_dir() + "/samples/images/site-plan.png";
  f.caption = "现场平面图";
  f.id = "fig:site";
  f.line = 12;
  d.blocks.push_back(f);
  d.blocks.push_back(annex);
  return d;
}

struct Field {
  std::string bookmark, instr, cached;
};

// The REF fields of a part in order, and each bookmark's text.
struct Refs {
  std::vector<Field> fields;
  std::map<std::string, std::string> bookmarks;
};
Refs refs_in(const std::string& xml) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(xml.c_str()));
  Refs out;
  pugi::xpath_node_set nodes = doc.select_nodes("//w:t | //w:instrText | //w:fldChar | //w:bookmarkStart | //w:bookmarkEnd");
  nodes.sort();
  std::map<std::string, std::string> open;  // bookmark id → name
  int state = 0;                            // 1 in an instruction, 2 in the result
  for (const pugi::xpath_node& x : nodes) {
    pugi::xml_node n = x.node();
    const std::string name = n.name();
    if (name == "w:bookmarkStart") open[n.attribute("w:id").value()] = n.attribute("w:name").value();
    if (name == "w:bookmarkEnd") open.erase(n.attribute("w:id").value());
    if (name == "w:fldChar") {
      const std::string type = n.attribute("w:fldCharType").value();
      if (type == "begin") out.fields.push_back({}), state = 1;
      if (type == "separate") state = 2;
      if (type == "end") state = 0;
    }
    if (name == "w:instrText" && state == 1) out.fields.back().instr += n.text().get();
    if (name == "w:t") {
      if (state == 2) out.fields.back().cached += n.text().get();
      for (const auto& [id, b] : open) out.bookmarks[b] += n.text().get();
    }
  }
  for (Field& f : out.fields) {
    const size_t at = f.instr.find("_Ref");
    if (at != std::string::npos) f.bookmark = f.instr.substr(at, f.instr.find(' ', at) - at);
  }
  return out;
}

class CrossrefWriter : public ::testing::TestWithParam<std::pair<const char*, std::vector<std::string>>> {};

TEST_P(CrossrefWriter, ReferencesShowTheProfilesNumbersAndPointAtBookmarks) {
  const auto& [profile_name, want] = GetParam();
  const std::string path = testkit::temp_dir(std::string("xref-") + profile_name) + "/out.docx";
  write_docx(with_refs(), profile::load(profile_name), WriteOptions{"2026-11-26T00:00:00Z", nullptr}, path);
  auto parts = testkit::read_zip(path);
  for (const auto& [name, xml] : parts)
    if (name.rfind("word/media/", 0) != 0) {
      EXPECT_EQ(testkit::validate_part(name, xml), "") << name;
    }
  const Refs r = refs_in(parts.at("word/document.xml"));
  std::vector<Field> refs;
  for (const Field& f : r.fields)
    if (f.instr.find(" REF ") != std::string::npos) refs.push_back(f);
  ASSERT_EQ(refs.size(), want.size());
  for (size_t k = 0; k < refs.size(); ++k) {
    EXPECT_EQ(refs[k].cached, want[k]) << k;
    ASSERT_TRUE(r.bookmarks.count(refs[k].bookmark)) << refs[k].instr;
    EXPECT_LE(refs[k].bookmark.size(), 40u);
  }
  // Captions: the bookmark holds the label and number, what the reference shows.
  EXPECT_EQ(r.bookmarks.at(refs[0].bookmark), want[0]);
  EXPECT_EQ(r.bookmarks.at(refs[1].bookmark), want[1]);
  // Numbered headings: REF \n \h (the paragraph number as shown); the bookmark is around the
  // heading's text. An unnumbered heading's reference shows its text (REF \h).
  EXPECT_EQ(refs[2].instr, " REF " + refs[2].bookmark + " \\n \\h ");
  EXPECT_EQ(r.bookmarks.at(refs[3].bookmark), "人员");
  EXPECT_EQ(refs[5].instr, " REF " + refs[5].bookmark + " \\h ");
  std::set<std::string> distinct;
  for (const Field& f : refs) distinct.insert(f.bookmark);
  EXPECT_EQ(distinct.size(), refs.size());
}

INSTANTIATE_TEST_SUITE_P(Profiles, CrossrefWriter,
                         ::testing::Values(std::make_pair("xx-2014",
                                                          std::vector<std::string>{"表1.1-1", "图1.1-1", "一、", "1.1", "1.1.1", "附录"}),
                                           std::make_pair("chapter-heiti", std::vector<std::string>{"表1-1.1-1", "图1-1.1-1", "第一章",
                                                                                                    "第一节", "1.1", "附录"})),
                         [](const auto& i) {
                           std::string n = i.param.first;
                           for (char& c : n)
                             if (c == '-') c = '_';
                           return n;
                         });

TEST(CrossrefWriterErrors, UnknownIdNamesFileAndLine) {
  model::Document d = with_refs();
  std::get<model::Paragraph>(d.blocks[3]).text.push_back(ref("tbl:missing", 7));
  const std::string path = testkit::temp_dir("xref-unknown") + "/out.docx";
  try {
    write_docx(d, profile::load("xx-2014"), WriteOptions{}, path);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), "refs.md");
    EXPECT_EQ(e.line(), 7);
    EXPECT_NE(std::string(e.what()).find("tbl:missing"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(CrossrefWriterErrors, IdDefinedTwiceNamesBothPlaces) {
  model::Document d = with_refs();
  model::Table again = std::get<model::Table>(d.blocks[4]);
  again.line = 20;
  again.file = "b.md";
  d.blocks.push_back(again);
  try {
    make_plan(d, profile::load("xx-2014"), nullptr);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), "b.md");
    EXPECT_EQ(e.line(), 20);
    EXPECT_NE(std::string(e.what()).find("refs.md:9"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace bidfmt::writer
