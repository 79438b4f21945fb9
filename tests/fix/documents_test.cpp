// Fix on whole documents: one with wrong page setup and fonts everywhere, and the bundled samples
// after LibreOffice re-saved them (its own serialisation: cell borders, styles, sections).
#include <gtest/gtest.h>

#include "fix/fix_support.h"

namespace bidfmt::testfix {
namespace {

namespace fs = std::filesystem;

// Letter paper with Word's US margins, 楷体/Times New Roman 14 pt on every run, left-aligned
// paragraphs with space after and single spacing, a default font of 等线 — in every section.
Parts wrong_everywhere() {
  Parts p = clean_parts();
  edit(p, "word/document.xml", [](pugi::xml_document& d) {
    for (pugi::xpath_node x : d.select_nodes("//w:sectPr")) {
      pugi::xml_node sp = x.node();
      pugi::xml_node sz = sp.child("w:pgSz"), mar = sp.child("w:pgMar");
      sz.attribute("w:w") = "12240";
      sz.attribute("w:h") = "15840";
      sz.remove_attribute("w:orient");
      for (auto [a, v] : {std::pair{"w:top", "1440"}, {"w:right", "1800"}, {"w:bottom", "1440"}, {"w:left", "1800"}, {"w:gutter", "283"}})
        mar.attribute(a) = v;
    }
    for (pugi::xpath_node x : d.select_nodes("//w:r[w:t]")) {
      pugi::xml_node r = x.node();
      pugi::xml_node rpr = r.child("w:rPr") ? r.child("w:rPr") : r.prepend_child("w:rPr");
      rpr.remove_child("w:rFonts");
      pugi::xml_node f = rpr.prepend_child("w:rFonts");
      f.append_attribute("w:ascii") = "Times New Roman";
      f.append_attribute("w:hAnsi") = "Times New Roman";
      f.append_attribute("w:eastAsia") = "楷体";
      rpr.remove_child("w:sz");
      rpr.append_child("w:sz").append_attribute("w:val") = "28";
    }
    for (pugi::xpath_node x : d.select_nodes("//w:body/w:p[w:r/w:t]")) {
      pugi::xml_node ppr = ppr_of(x.node());
      ppr.remove_child("w:spacing");
      ppr.remove_child("w:jc");
      pugi::xml_node at = ppr.child("w:ind") ? ppr.child("w:ind") : ppr.child("w:rPr");
      pugi::xml_node sp = at ? ppr.insert_child_before("w:spacing", at) : ppr.append_child("w:spacing");
      sp.append_attribute("w:after") = "200";
      sp.append_attribute("w:line") = "240";
      sp.append_attribute("w:lineRule") = "auto";
      pugi::xml_node rpr = ppr.child("w:rPr");
      pugi::xml_node jc = rpr ? ppr.insert_child_before("w:jc", rpr) : ppr.append_child("w:jc");
      jc.append_attribute("w:val") = "left";
    }
  });
  edit(p, "word/styles.xml", [](pugi::xml_document& d) {
    pugi::xml_node f = first(d, "//w:docDefaults/w:rPrDefault/w:rPr/w:rFonts");
    f.attribute("w:eastAsia") = "等线";
    f.attribute("w:ascii") = "Cambria";
  });
  return p;
}

TEST(FixDocuments, WrongMarginsAndFontsEverywhere) {
  Parts p = wrong_everywhere();
  report::FileReport before = check(write(p, "fix-wrong-everywhere-in"));
  ASSERT_GT(before.findings.size(), 50u) << "the fixture should break many rules";
  Fixed f = fix_parts(p, "wrong-everywhere");
  ASSERT_TRUE(f.result.changed);
  expect_fixed(f, "wrong-everywhere");
}

// A sample built from Markdown, then opened and saved again by LibreOffice.
std::string resaved_sample(const std::string& sample, const std::string& dir) {
  fs::copy(testkit::source_dir() + "/samples", dir + "/samples", fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  std::string built = dir + "/" + sample + ".docx";
  testkit::RunResult b = testkit::run_cli({"build", dir + "/samples/" + sample + ".md", "-o", built});
  EXPECT_EQ(b.status, 0) << b.err;
  fs::create_directories(dir + "/lo");
  testkit::RunResult lo = testkit::run({"soffice", "-env:UserInstallation=file://" + dir + "/lo-profile", "--headless", "--convert-to",
                                        "docx:MS Word 2007 XML", "--outdir", dir + "/lo", built});
  EXPECT_EQ(lo.status, 0) << lo.err;
  return dir + "/lo/" + sample + ".docx";
}

TEST(FixDocuments, SamplesAfterLibreOfficeResavedThem) {
  if (!testkit::have_program("soffice")) GTEST_SKIP() << "soffice (LibreOffice) is not installed";
  for (const std::string sample : {"road-bid", "service-proposal"}) {
    std::string dir = testkit::temp_dir("fix-lo-" + sample);
    std::string resaved = resaved_sample(sample, dir);
    ASSERT_TRUE(fs::exists(resaved)) << resaved;
    Fixed f = fix_path(resaved, "lo-" + sample, "");  // the project name comes from the header
    EXPECT_FALSE(f.result.project.empty());
    expect_fixed(f, "lo-" + sample, "");
  }
}

}  // namespace
}  // namespace bidfmt::testfix
