// Rules: the clean built document checks clean, and each edit that breaks one rule yields exactly that rule.
#include <gtest/gtest.h>

#include "rules/broken_cases.h"
#include "rules/registry.h"
#include "rules/values.h"
#include "support/testkit.h"

namespace bidfmt::testfix {
namespace {

// Expects the findings of `parts` to come from exactly `ids`.
void expect_only(const Parts& parts, const std::string& name, const std::set<std::string>& ids, const std::string& project = kProject) {
  report::FileReport r = check(write(parts, name), project);
  ASSERT_TRUE(r.checked) << r.error.en;
  EXPECT_EQ(rule_ids(r), ids) << dump(r);
}

report::FileReport check_parts(const Parts& parts, const std::string& name) { return check(write(parts, name)); }

// The registry is the list of rules; what the profiles say of rules is held against it.
TEST(Rules, RegistryAndProfilesNameTheSameRules) {
  std::set<std::string> ids;
  for (const rules::Rule* r : rules::all_rules()) {
    EXPECT_TRUE(ids.insert(r->info.id).second) << "twice in the registry: " << r->info.id;
    EXPECT_FALSE(r->info.summary.zh.empty()) << r->info.id;
    EXPECT_FALSE(r->info.summary.en.empty()) << r->info.id;
    EXPECT_EQ(rules::find_rule(r->info.id), r) << r->info.id;
  }
  std::set<std::string> quoted;
  for (const std::string& name : profile::bundled_names()) {
    const profile::Profile p = profile::load(name);
    EXPECT_FALSE(p.quotes.empty()) << name;
    // Every rule a profile quotes a sentence for, or names for a heading level, is a rule bidfmt checks.
    for (const auto& [id, sentence] : p.quotes) {
      EXPECT_TRUE(ids.count(id)) << name << " quotes: " << id << " is no rule of the registry";
      EXPECT_FALSE(sentence.empty()) << name << " " << id;
      quoted.insert(id);
    }
    for (const profile::HeadingLevel& h : p.headings)
      EXPECT_TRUE(ids.count(h.rule)) << name << " headings." << h.level << ".rule " << h.rule;
  }
  // Every rule enforces a sentence of one of the standards — except bid.anonymous (暗标), a
  // tender's requirement that neither standard has.
  for (const std::string& id : ids) EXPECT_EQ(quoted.count(id) == 0, id == "bid.anonymous") << id;
}

// Each rule declares the profile keys it compares with (RuleInfo::keys): each one is a value the
// profile loader knows (a bundled profile has it, with a class, or — for an option no bundled
// profile sets — a profile that sets it); only a rule that compares rendered pages with the
// document itself declares none.
TEST(Rules, EveryRuleDeclaresKeysTheProfilesHave) {
  std::vector<profile::Profile> profiles;
  for (const std::string& name : profile::bundled_names()) profiles.push_back(profile::load(name));
  const std::string dir = testkit::temp_dir("rule-keys");
  const std::string anonymous = dir + "/anonymous.yaml";
  std::ofstream(anonymous) << "anonymous: true\n";
  profiles.push_back(profile::load("xx-2014", {anonymous}));
  for (const rules::Rule* r : rules::all_rules()) {
    const std::string id = r->info.id;
    EXPECT_EQ(r->info.keys.empty(), id == "toc.page-numbers") << id;
    std::set<std::string> seen;
    for (const std::string& declared : r->info.keys) {
      EXPECT_TRUE(seen.insert(declared).second) << id << " declares " << declared << " twice";
      bool found = false;
      for (const profile::Profile& p : profiles) {
        found = found || !rules::values_of(*r, declared, p).empty();  // values_of lists values the profile classifies
      }
      EXPECT_TRUE(found) << id << " declares " << declared << ", which no profile has";
    }
  }
  // The rules name what they compare: a key in a rule's list is what its findings are settled by.
  const rules::Rule* margins = rules::find_rule("page.margins");
  ASSERT_NE(margins, nullptr);
  EXPECT_EQ(rules::values_of(*margins, profile::load("xx-2014")),
            (std::vector<std::string>{"page.margin_top", "page.margin_bottom", "page.margin_left", "page.margin_right"}));
}

TEST(Rules, BuiltDocumentIsClean) {
  report::FileReport r = check(clean_docx());
  ASSERT_TRUE(r.checked) << r.error.en;
  EXPECT_TRUE(r.findings.empty()) << dump(r);
}

TEST(Rules, CleanWithoutProjectToo) {
  report::FileReport r = check(clean_docx(), "");
  EXPECT_TRUE(r.findings.empty()) << dump(r);
}

TEST(Rules, StandardBRoundTrip) {
  // The same Markdown built and checked with the chapter-heiti profile (Standard B) is clean too,
  // and fails Standard A (its headings are 第一章 in 黑体).
  std::string dir = testkit::temp_dir("check-standard-b");
  std::filesystem::create_directories(dir + "/images");
  write_file(dir + "/images/plan.png", std::string(reinterpret_cast<const char*>(kPng), sizeof kPng));
  write_file(dir + "/bid.md", kMarkdown);
  testkit::RunResult b = testkit::run_cli({"build", dir + "/bid.md", "--profile", "chapter-heiti", "-o", dir + "/b.docx"});
  ASSERT_EQ(b.status, 0) << b.err;
  report::FileReport r = check_file(dir + "/b.docx", profile::load("chapter-heiti"), kProject);
  // Its two chapters in one file break 「各章单独做一个word文档」 and nothing else (build
  // --split-chapters writes a file a chapter: standard_b_test.cpp checks those clean).
  ASSERT_EQ(r.findings.size(), 1u) << dump(r);
  EXPECT_EQ(r.findings[0].rule() + "/" + r.findings[0].kind(), "output.per-chapter/chapters");
  EXPECT_TRUE(rule_ids(check(dir + "/b.docx")).count("heading.l1"));
}

// ---- page -------------------------------------------------------------------------------------

TEST(Rules, PageSizeLetter) {
  Parts p = clean_parts();
  break_as(p, "page_size");
  expect_only(p, "page-size", {"page.size"});
}

TEST(Rules, PageMarginsLeft20mm) {
  Parts p = clean_parts();
  break_as(p, "page_margins");
  report::FileReport r = check_parts(p, "page-margins");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"page.margins"}) << dump(r);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].kind(), "margin_left");
  EXPECT_EQ(r.findings[0].actual().zh, "20.0mm");
  EXPECT_EQ(r.findings[0].expected().zh, "22.0mm");
  EXPECT_EQ(r.findings[0].where().section, 3);
}

TEST(Rules, PageMarginsWithinTolerance) {
  Parts p = clean_parts();
  on_document(p, [](pugi::xml_document& d) { sect(d, 2).child("w:pgMar").attribute("w:left") = "1250"; });
  expect_only(p, "page-margins-tol", {});
}

TEST(Rules, PageGutter) {
  Parts p = clean_parts();
  break_as(p, "page_gutter");
  expect_only(p, "page-gutter", {"page.gutter"});
}

// ---- paragraphs -------------------------------------------------------------------------------

TEST(Rules, ParaAlignDirectLeft) {
  Parts p = clean_parts();
  break_as(p, "para_align");
  report::FileReport r = check_parts(p, "para-align");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"para.align"}) << dump(r);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_NE(r.findings[0].message().zh.find("段落直接格式"), std::string::npos) << r.findings[0].message().zh;
  EXPECT_EQ(r.findings[0].where().heading_path(), "二、主要施工方法 › 2.1 测量工程 › 2.1.1 控制网复测");
  EXPECT_EQ(r.findings[0].where().excerpt(), "复测正文。");
}

// The findings of several rules on one paragraph share its location (one for the paragraph, not
// one per finding): a badly formatted 1,000-page bid has 160,000 findings on 30,000 paragraphs.
TEST(Rules, FindingsOnOneParagraphShareItsLocation) {
  Parts p = clean_parts();
  break_as(p, "para_align");
  break_as(p, "body_size");
  report::FileReport r = check_parts(p, "one-paragraph-two-rules");
  EXPECT_EQ(rule_ids(r), (std::set<std::string>{"para.align", "body.font"})) << dump(r);
  ASSERT_EQ(r.findings.size(), 2u) << dump(r);
  EXPECT_EQ(r.findings[0].where().excerpt(), "复测正文。");
  EXPECT_EQ(r.findings[1].where().excerpt(), "复测正文。");
  EXPECT_TRUE(r.findings[0].shared_where() == r.findings[1].shared_where());
  // A copy changed on its own does not change the finding it was copied from.
  rules::Finding moved = r.findings[1];
  moved.edit_where().page = 7;
  EXPECT_EQ(moved.where().page, 7);
  EXPECT_EQ(r.findings[1].where().page, 0);
  EXPECT_EQ(r.findings[0].where().page, 0);
}

// A rule that words each finding itself (Reporter::add) still shares one statement among the
// findings that say the same: 「标题层级过深」 on 2,756 paragraphs of one file is one statement.
TEST(Rules, EqualWordingsShareOneStatement) {
  const rules::RuleInfo info{"heading.depth", Text{"层级", "depth"}, {}, rules::Severity::error, false};
  rules::Findings out;
  rules::Reporter rep(info, out);
  auto say = [&](const std::string& actual, int paragraph) {
    rules::Location at;
    at.paragraph = paragraph;
    rep.add("list_number", at, Text{"1.", "1."}, Text{actual, actual}, Text{"层级过深:" + actual, "too deep: " + actual});
  };
  say("1.1.1.1.1", 3);
  say("1.1.1.1.1", 9);
  say("1.1.1.1.2", 12);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(out[0].what == out[1].what);
  EXPECT_FALSE(out[0].what == out[2].what);
  EXPECT_EQ(out[1].where().paragraph, 9);  // each keeps its own place
  EXPECT_EQ(out[2].actual().zh, "1.1.1.1.2");
  EXPECT_EQ(out[1].rule(), "heading.depth");
}

TEST(Rules, ParaIndentNoFirstLine) {
  Parts p = clean_parts();
  break_as(p, "para_indent");
  expect_only(p, "para-indent", {"para.indent"});
}

TEST(Rules, ParaIndentTwipsOnlyIsAccepted) {
  // firstLine 480 without firstLineChars: 2 characters of 小四.
  Parts p = clean_parts();
  on_document(p, [](pugi::xml_document& d) {
    set_child(ppr_of(paragraph_with_text(d, "复测正文。")), "w:ind", {{"w:firstLine", "480"}, {"w:firstLineChars", "0"}});
  });
  expect_only(p, "para-indent-twips", {});
}

TEST(Rules, ParaIndentCharsWinOverTwips) {
  // firstLineChars 100 (1 char) wins over a correct firstLine 480.
  Parts p = clean_parts();
  break_as(p, "para_indent_chars");
  expect_only(p, "para-indent-chars", {"para.indent"});
}

TEST(Rules, ParaSpacingHiddenInBasedOnStyle) {
  // Style Body2 is based on Base2, which sets space after 10 pt; Body2 itself says nothing.
  Parts p = clean_parts();
  break_as(p, "para_spacing_based_on");
  report::FileReport r = check_parts(p, "para-spacing");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"para.spacing"}) << dump(r);
  ASSERT_EQ(r.findings.size(), 1u) << dump(r);
  EXPECT_EQ(r.findings[0].kind(), "space_after");
  EXPECT_NE(r.findings[0].message().zh.find("样式「Base Two」"), std::string::npos) << r.findings[0].message().zh;
}

TEST(Rules, ParaSpacingTocSingle) {
  Parts p = clean_parts();
  break_as(p, "para_spacing_toc");
  expect_only(p, "para-spacing-toc", {"para.spacing"});
}

// ---- header and footer ------------------------------------------------------------------------

TEST(Rules, HeaderOnTocSection) {
  Parts p = clean_parts();
  break_as(p, "header_on_toc");
  expect_only(p, "header-toc", {"header.none-on-toc"});
}

TEST(Rules, HeaderRightText) {
  Parts p = clean_parts();
  break_as(p, "header_right_text");
  expect_only(p, "header-right", {"header.text"});
}

TEST(Rules, HeaderProjectMismatch) { expect_only(clean_parts(), "header-project", {"header.text"}, "另一个项目"); }

TEST(Rules, HeaderSizeDirect) {
  Parts p = clean_parts();
  edit(p, "word/header1.xml", [](pugi::xml_document& d) {
    pugi::xml_node r = first(d, "//w:r");
    r.prepend_child("w:rPr").append_child("w:sz").append_attribute("w:val") = "24";
  });
  report::FileReport r = check_parts(p, "header-size");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"header.text"}) << dump(r);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].kind(), "size");
  EXPECT_NE(r.findings[0].message().zh.find("直接格式,覆盖了样式「页眉」的 小五"), std::string::npos) << r.findings[0].message().zh;
}

TEST(Rules, HeaderAsTwoCellTable) {
  // The header as a borderless two-cell table, right cell right-aligned: accepted.
  Parts p = clean_parts();
  edit(p, "word/header1.xml", [](pugi::xml_document& d) {
    pugi::xml_node hdr = d.document_element();
    hdr.remove_children();
    pugi::xml_node tbl = hdr.append_child("w:tbl");
    tbl.append_child("w:tblPr");
    pugi::xml_node tr = tbl.append_child("w:tr");
    for (const char* text : {"测试项目工程", "技术标"}) {
      pugi::xml_node para = tr.append_child("w:tc").append_child("w:p");
      pugi::xml_node ppr = para.append_child("w:pPr");
      ppr.append_child("w:pStyle").append_attribute("w:val") = "Header";
      if (std::string(text) == "技术标") ppr.append_child("w:jc").append_attribute("w:val") = "right";
      para.append_child("w:r").append_child("w:t").text() = text;
    }
    hdr.append_child("w:p");
  });
  expect_only(p, "header-table", {});
}

TEST(Rules, FooterFormulaTotalIsAWarning) {
  Parts p = clean_parts();
  edit(p, "word/footer1.xml", [](pugi::xml_document& d) {
    for (pugi::xpath_node t : d.select_nodes("//w:instrText"))
      if (std::string(t.node().text().get()).find("PAGEREF") != std::string::npos) t.node().text() = "= 12 - 2";
  });
  report::FileReport r = check_parts(p, "footer-formula");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"footer.page-number"}) << dump(r);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].severity, rules::Severity::warning);
}

TEST(Rules, FooterNumpagesWithFrontMatter) {
  Parts p = clean_parts();
  edit(p, "word/footer1.xml", [](pugi::xml_document& d) {
    for (pugi::xpath_node t : d.select_nodes("//w:instrText"))
      if (std::string(t.node().text().get()).find("PAGEREF") != std::string::npos) t.node().text() = " NUMPAGES ";
  });
  expect_only(p, "footer-numpages", {"footer.page-number"});
}

TEST(Rules, FooterSectionpagesWithManyBodySections) {
  Parts p = clean_parts();
  edit(p, "word/footer1.xml", [](pugi::xml_document& d) {
    for (pugi::xpath_node t : d.select_nodes("//w:instrText"))
      if (std::string(t.node().text().get()).find("PAGEREF") != std::string::npos) t.node().text() = " SECTIONPAGES ";
  });
  expect_only(p, "footer-sectionpages", {"footer.page-number"});
}

TEST(Rules, FooterSimpleFieldsAndAsciiCommaAccepted) {
  // fldSimple form, ASCII comma: still 第{PAGE}页,共{PAGEREF}页.
  Parts p = clean_parts();
  edit(p, "word/footer1.xml", [](pugi::xml_document& d) {
    pugi::xml_node para = first(d, "//w:p");
    while (para.last_child() && std::string(para.last_child().name()) != "w:pPr") para.remove_child(para.last_child());
    auto text = [&](const char* s) { para.append_child("w:r").append_child("w:t").text() = s; };
    auto field = [&](const char* instr, const char* cached) {
      pugi::xml_node f = para.append_child("w:fldSimple");
      f.append_attribute("w:instr") = instr;
      f.append_child("w:r").append_child("w:t").text() = cached;
    };
    text("第");
    field(" PAGE ", "1");
    text("页,共");
    field(" PAGEREF _BodyEnd \\h ", "9");
    text("页");
  });
  expect_only(p, "footer-simple", {});
}

TEST(Rules, FooterNoRestartAtBody) {
  Parts p = clean_parts();
  break_as(p, "footer_restart");
  expect_only(p, "footer-restart", {"footer.page-number"});
}

TEST(Rules, FooterBookmarkNotAtEnd) {
  Parts p = clean_parts();
  on_document(p, [](pugi::xml_document& d) {
    pugi::xml_node bm = first(d, "//w:bookmarkStart[@w:name='_BodyEnd']");
    bm.attribute("w:name") = "_Elsewhere";
    pugi::xml_node head = paragraph_with_text(d, "复测正文。");
    pugi::xml_node b = head.append_child("w:bookmarkStart");
    b.append_attribute("w:id") = "999";
    b.append_attribute("w:name") = "_BodyEnd";
  });
  expect_only(p, "footer-bookmark", {"footer.page-number"});
}

// ---- headings ---------------------------------------------------------------------------------

TEST(Rules, HeadingL1NumberFormatHiddenInNumbering) {
  Parts p = clean_parts();
  break_as(p, "heading_l1_numfmt");
  report::FileReport r = check_parts(p, "heading-l1-numfmt");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"heading.l1"}) << dump(r);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings[0].kind(), "number_format");
  EXPECT_EQ(r.findings[0].actual().zh, "1、");
  EXPECT_EQ(r.findings[0].expected().zh, "一、");
}

TEST(Rules, HeadingL1LabelSizeHiddenInNumberingLevel) {
  Parts p = clean_parts();
  break_as(p, "heading_l1_label_size");
  report::FileReport r = check_parts(p, "heading-l1-lvl-size");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"heading.l1"}) << dump(r);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_NE(r.findings[0].message().zh.find("编号定义"), std::string::npos) << r.findings[0].message().zh;
}

TEST(Rules, HeadingL2NotBoldInStyle) {
  Parts p = clean_parts();
  on_styles(p, [](pugi::xml_document& d) {
    pugi::xml_node rpr = style(d, "Heading2").child("w:rPr");
    set_child(rpr, "w:b", {{"w:val", "0"}});
  });
  expect_only(p, "heading-l2-bold", {"heading.l2"});
}

// The heading titled `title` with its automatic number switched off and `typed` typed instead: it
// keeps the heading style.
void type_number(Parts& p, const std::string& title, const std::string& typed) {
  on_document(p, [&](pugi::xml_document& d) {
    pugi::xml_node h = paragraph_with_text(d, title);
    pugi::xml_node np = ppr_of(h).append_child("w:numPr");
    np.append_child("w:ilvl").append_attribute("w:val") = "0";
    np.append_child("w:numId").append_attribute("w:val") = "0";
    first(d, "//w:p[.//w:t='" + title + "']//w:t").text() = (typed + title).c_str();
  });
}

TEST(Rules, HeadingL2SequenceTyped) {
  // A typed number that skips: the paragraph keeps the heading style but switches numbering off.
  Parts p = clean_parts();
  type_number(p, "施工部署", "1.5 ");
  report::FileReport r = check_parts(p, "heading-l2-seq");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"heading.l2"}) << dump(r);
  ASSERT_EQ(r.findings.size(), 1u) << dump(r);
  EXPECT_EQ(r.findings[0].kind(), "number_sequence");
  EXPECT_EQ(r.findings[0].expected().zh, "1.2");
}

// A whole bid counts its chapters from 1: a typed 「三、」 as the first chapter is out of sequence.
TEST(Rules, HeadingL1TypedFirstNumberPastOneIsOutOfSequence) {
  Parts p = clean_parts();
  type_number(p, "工程概况", "三、");
  report::FileReport r = check_parts(p, "heading-l1-typed-start");
  ASSERT_FALSE(r.findings.empty());
  const rules::Finding& f = r.findings.front();  // the typed heading (the next chapters follow from it)
  EXPECT_EQ(f.rule() + "/" + f.kind(), "heading.l1/number_sequence") << dump(r);
  EXPECT_EQ(f.actual().zh, "三、") << dump(r);
  EXPECT_EQ(f.expected().zh, "一、") << dump(r);
}

// …but a file whose automatic numbering starts its first chapter at 三 (w:startOverride, as a
// chapter of a bid kept in several files has it) counts on from 三: its headings are in sequence,
// and its captions are expected to follow (表3-1), so the fixture's 表1-1 is what is reported.
TEST(Rules, HeadingL1StartOverrideIsTheFilesFirstChapter) {
  Parts p = clean_parts();
  edit(p, "word/numbering.xml", [](pugi::xml_document& d) {
    pugi::xml_node num = first(d, "//w:num[@w:numId='1']");
    pugi::xml_node ov = num.append_child("w:lvlOverride");
    ov.append_attribute("w:ilvl") = "0";
    ov.append_child("w:startOverride").append_attribute("w:val") = "3";
  });
  report::FileReport r = check_parts(p, "heading-l1-start-override");
  std::set<std::string> ids = rule_ids(r);
  for (const char* rule : {"heading.l1", "heading.l2", "heading.l3"}) EXPECT_FALSE(ids.count(rule)) << rule << "\n" << dump(r);
  ASSERT_TRUE(ids.count("table.caption")) << dump(r);
  for (const rules::Finding& f : r.findings) {
    if (f.rule() == "table.caption") {
      EXPECT_EQ(f.expected().zh.rfind("表3", 0), 0u) << dump(r);  // the first chapter's table: 表3-1
      break;
    }
  }
}

// …and not where the first chapter's number comes out: blank lines in the heading style are
// numbered too (apache/poi's stress008.docx), so a first chapter after two of them shows 「三、」 in
// a list that starts at 一、 — out of sequence, as the reader sees it.
TEST(Rules, HeadingL1AfterNumberedBlankLinesIsOutOfSequence) {
  Parts p = clean_parts();
  blank_lines_before(p, "工程概况", 2);
  report::FileReport r = check_parts(p, "heading-l1-blank-lines");
  const rules::Finding* first = nullptr;
  for (const rules::Finding& f : r.findings)
    if (f.rule() == "heading.l1" && f.kind() == "number_sequence" && !first) first = &f;
  ASSERT_NE(first, nullptr) << dump(r);
  EXPECT_EQ(first->actual().zh, "三、") << dump(r);
  EXPECT_EQ(first->expected().zh, "一、") << dump(r);
}

TEST(Rules, HeadingL3FirstLineIndentInNumberingLevel) {
  // The heading numbering level's pPr indents the first line by 2 characters.
  Parts p = clean_parts();
  break_as(p, "heading_l3_indent");
  report::FileReport r = check_parts(p, "heading-l3-indent");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"heading.l3"}) << dump(r);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings[0].kind(), "first_line_indent");
}

TEST(Rules, HeadingL3BoldByCharacterStyle) {
  // A character style that turns bold on makes the level-3 heading bold.
  Parts p = clean_parts();
  break_as(p, "heading_l3_char_style");
  expect_only(p, "heading-l3-bold", {"heading.l3"});
}

TEST(Rules, HeadingDepthWrongDeepNumber) {
  Parts p = clean_parts();
  break_as(p, "heading_depth_number");
  expect_only(p, "heading-depth", {"heading.depth"});
}

TEST(Rules, HeadingDepthTooDeep) {
  Parts p = clean_parts();
  break_as(p, "heading_too_deep");
  expect_only(p, "heading-too-deep", {"heading.depth"});
}

// ---- body -------------------------------------------------------------------------------------

TEST(Rules, BodyFontThroughThemeFont) {
  Parts p = clean_parts();
  add_theme(p);
  on_document(p, [](pugi::xml_document& d) {
    pugi::xml_node r = first(d, "//w:p[.//w:t='复测正文。']/w:r");
    r.prepend_child("w:rPr").append_child("w:rFonts").append_attribute("w:eastAsiaTheme") = "minorEastAsia";
  });
  report::FileReport r = check_parts(p, "body-font-theme");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"body.font"}) << dump(r);
  ASSERT_EQ(r.findings.size(), 1u) << dump(r);
  EXPECT_EQ(r.findings[0].kind(), "east_asia_font");
  EXPECT_NE(r.findings[0].actual().zh.find("等线"), std::string::npos) << r.findings[0].actual().zh;
  EXPECT_NE(r.findings[0].actual().zh.find("minorEastAsia"), std::string::npos) << r.findings[0].actual().zh;
}

TEST(Rules, BodyFontLatinOnlyWhereDigitsAre) {
  // ascii font Times New Roman on a run with digits → latin_font; on a CJK-only run → nothing.
  Parts p = clean_parts();
  on_document(p, [](pugi::xml_document& d) {
    for (const char* text : {"复测正文。", "本工程位于某市，全长 2.860 km，工期 120 日历天。"}) {
      pugi::xml_node r = first(d, std::string("//w:p[.//w:t='") + text + "']/w:r");
      pugi::xml_node f = r.prepend_child("w:rPr").append_child("w:rFonts");
      f.append_attribute("w:ascii") = "Times New Roman";
      f.append_attribute("w:hAnsi") = "Times New Roman";
    }
  });
  report::FileReport r = check_parts(p, "body-font-latin");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"body.font"}) << dump(r);
  ASSERT_EQ(r.findings.size(), 1u) << dump(r);
  EXPECT_EQ(r.findings[0].kind(), "latin_font");
  EXPECT_EQ(r.findings[0].where().excerpt().substr(0, 9), "本工程");
}

TEST(Rules, BodySizeDirectOverridesNormal) {
  Parts p = clean_parts();
  break_as(p, "body_size");
  report::FileReport r = check_parts(p, "body-size");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"body.font"}) << dump(r);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].message().zh, "字号为 小五(直接格式,覆盖了样式「正文」的 小四),应为 小四");
  EXPECT_EQ(r.findings[0].message().en,
            "font size is 9pt (小五) (direct formatting, overriding 12pt (小四) from style 'Normal'); expected 12pt (小四)");
}

TEST(Rules, SameWordingIsSharedEachPlaceIsItsOwn) {
  // Two paragraphs with the same wrong size: one statement (made once), two places.
  Parts p = clean_parts();
  on_document(p, [](pugi::xml_document& d) {
    for (const char* text : {"复测正文。", "正文结束段落。"}) {
      std::string xpath = std::string("//w:p[.//w:t='") + text + "']/w:r";
      first(d, xpath).prepend_child("w:rPr").append_child("w:sz").append_attribute("w:val") = "18";
    }
  });
  report::FileReport r = check_parts(p, "body-size-twice");
  ASSERT_EQ(r.findings.size(), 2u) << dump(r);
  EXPECT_EQ(r.findings[0].what, r.findings[1].what) << "equal wording is made once and shared";
  EXPECT_EQ(r.findings[1].message().zh, "字号为 小五(直接格式,覆盖了样式「正文」的 小四),应为 小四");
  EXPECT_EQ(r.findings[0].where().excerpt(), "复测正文。");
  EXPECT_EQ(r.findings[1].where().excerpt(), "正文结束段落。");
  EXPECT_NE(r.findings[0].where().paragraph, r.findings[1].where().paragraph);
  EXPECT_FALSE(r.findings[0].shared_where() == r.findings[1].shared_where());
}

TEST(Rules, LeftAndRightIndentEachNameTheirSide) {
  // The same wrong value on both sides: the keys of the wording differ only in the aspect.
  Parts p = clean_parts();
  on_document(p, [](pugi::xml_document& d) {
    set_child(ppr_of(paragraph_with_text(d, "复测正文。")), "w:ind", {{"w:left", "567"}, {"w:right", "567"}, {"w:firstLineChars", "200"}});
  });
  report::FileReport r = check_parts(p, "para-indent-sides");
  ASSERT_EQ(r.findings.size(), 2u) << dump(r);
  EXPECT_EQ(r.findings[0].kind(), "indent_left");
  EXPECT_EQ(r.findings[1].kind(), "indent_right");
  EXPECT_EQ(r.findings[0].message().zh.rfind("左缩进(文本之前)为 10.0mm", 0), 0u) << r.findings[0].message().zh;
  EXPECT_EQ(r.findings[1].message().zh.rfind("右缩进(文本之后)为 10.0mm", 0), 0u) << r.findings[1].message().zh;
}

TEST(Rules, BodyCharacterSpacing) {
  Parts p = clean_parts();
  break_as(p, "body_char_spacing");
  expect_only(p, "body-spacing", {"body.font"});
}

// ---- tables -----------------------------------------------------------------------------------

TEST(Rules, TableAlignLeft) {
  Parts p = clean_parts();
  break_as(p, "table_align");
  expect_only(p, "table-align", {"table.align"});
}

TEST(Rules, TableFontSizeInStyle) {
  Parts p = clean_parts();
  break_as(p, "table_font_style");
  expect_only(p, "table-font", {"table.font"});
}

TEST(Rules, TableHeaderRowNotBold) {
  Parts p = clean_parts();
  on_document(p, [](pugi::xml_document& d) {
    pugi::xml_node row = first(d, "//w:tbl/w:tr");
    for (pugi::xpath_node b : row.select_nodes(".//w:rPr/w:b")) b.parent().remove_child(b.node());
  });
  expect_only(p, "table-header", {"table.header-row"});
}

// A table style with borders single 0.5 pt all round and a bold first row.
void add_table_style_with_bold_first_row(Parts& p) {
  add_table_style(p);
  on_styles(p, [](pugi::xml_document& d) {
    pugi::xml_node fr = style(d, "GridX").append_child("w:tblStylePr");
    fr.append_attribute("w:type") = "firstRow";
    fr.append_child("w:rPr").append_child("w:b");
  });
}

TEST(Rules, TableHeaderRowBoldFromTableStyleFirstRow) {
  // Direct bold removed, but the table style's firstRow part makes the header bold: clean.
  Parts p = clean_parts();
  add_table_style_with_bold_first_row(p);
  on_document(p, [](pugi::xml_document& d) {
    pugi::xml_node tbl = first(d, "//w:tbl");
    pugi::xml_node ts = tbl.child("w:tblPr").prepend_child("w:tblStyle");
    ts.append_attribute("w:val") = "GridX";
    for (pugi::xpath_node b : tbl.child("w:tr").select_nodes(".//w:rPr/w:b")) b.parent().remove_child(b.node());
  });
  expect_only(p, "table-style-first-row", {});
}

TEST(Rules, TableBordersHiddenInTableStyle) {
  Parts p = clean_parts();
  add_table_style_with_bold_first_row(p);
  on_document(p, [](pugi::xml_document& d) {
    pugi::xml_node pr = first(d, "//w:tbl/w:tblPr");
    pr.prepend_child("w:tblStyle").append_attribute("w:val") = "GridX";
    pr.remove_child("w:tblBorders");
  });
  report::FileReport r = check_parts(p, "table-borders-style");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"table.borders"}) << dump(r);
  EXPECT_EQ(r.findings.size(), 6u) << dump(r);
  EXPECT_NE(r.findings[0].message().zh.find("表格样式「Grid X」"), std::string::npos) << r.findings[0].message().zh;
}

TEST(Rules, TableBordersCellOverride) {
  Parts p = clean_parts();
  on_document(p, [](pugi::xml_document& d) {
    pugi::xml_node tcpr = first(d, "//w:tbl/w:tr[2]/w:tc[2]/w:tcPr");
    pugi::xml_node top = tcpr.append_child("w:tcBorders").append_child("w:top");
    top.append_attribute("w:val") = "single";
    top.append_attribute("w:sz") = "4";
  });
  report::FileReport r = check_parts(p, "table-borders-cell");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"table.borders"}) << dump(r);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].kind(), "inside_h");
  EXPECT_EQ(r.findings[0].where().row, 2);
}

TEST(Rules, TableBordersFromTheStylesFirstRowPart) {
  Parts p = clean_parts();
  break_as(p, "table_borders_first_row_rule");
  report::FileReport r = check_parts(p, "table-borders-first-row");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"table.borders"}) << dump(r);
  ASSERT_EQ(r.findings.size(), 1u) << dump(r);  // one per table and line kind, not one per cell
  EXPECT_EQ(r.findings[0].kind(), "inside_h");
  EXPECT_NE(r.findings[0].message().zh.find("标题行(firstRow)"), std::string::npos) << r.findings[0].message().zh;
}

TEST(Rules, TableBordersPerCellAsLibreOfficeWritesThem) {
  // No table borders; every cell carries the sides it draws: clean.
  Parts p = clean_parts();
  on_document(p, [](pugi::xml_document& d) {
    for (pugi::xpath_node x : d.select_nodes("//w:tbl")) {
      pugi::xml_node tbl = x.node();
      tbl.child("w:tblPr").remove_child("w:tblBorders");
      std::vector<pugi::xml_node> rows;
      for (pugi::xml_node tr : tbl.children("w:tr")) rows.push_back(tr);
      for (size_t r = 0; r < rows.size(); ++r) {
        std::vector<pugi::xml_node> cells;
        for (pugi::xml_node tc : rows[r].children("w:tc")) cells.push_back(tc);
        for (size_t c = 0; c < cells.size(); ++c) {
          pugi::xml_node tcpr = cells[c].child("w:tcPr") ? cells[c].child("w:tcPr") : cells[c].prepend_child("w:tcPr");
          pugi::xml_node tcb =
              tcpr.child("w:tcW") ? tcpr.insert_child_after("w:tcBorders", tcpr.child("w:tcW")) : tcpr.prepend_child("w:tcBorders");
          auto side = [&](const char* name, bool outer, bool nil_outer) {
            pugi::xml_node e = tcb.append_child(name);
            if (outer && nil_outer) {
              e.append_attribute("w:val") = "nil";
              return;
            }
            e.append_attribute("w:val") = outer ? "single" : "dashed";
            e.append_attribute("w:sz") = outer ? "12" : "2";
          };
          side("w:top", r == 0, false);
          side("w:left", c == 0, true);
          side("w:bottom", r + 1 == rows.size(), false);
          side("w:right", c + 1 == cells.size(), true);
        }
      }
    }
  });
  expect_only(p, "table-borders-per-cell", {});
}

TEST(Rules, HeaderTabOfTheLandscapeSection) {
  Parts p = clean_parts();
  break_as(p, "header_landscape_keeps_portrait_tab");
  report::FileReport r = check_parts(p, "header-landscape-tab");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"header.text"}) << dump(r);
  ASSERT_EQ(r.findings.size(), 1u) << dump(r);
  EXPECT_EQ(r.findings[0].kind(), "right_tab");
  EXPECT_EQ(r.findings[0].where().part(), "word/header2.xml");
}

TEST(Rules, TableCaptionNumber) {
  Parts p = clean_parts();
  break_as(p, "table_caption_number");
  expect_only(p, "table-caption-number", {"table.caption"});
}

TEST(Rules, TableCaptionBelowTable) {
  Parts p = clean_parts();
  on_document(p, [](pugi::xml_document& d) {
    pugi::xml_node cap = paragraph_with_text(d, "表1-1 工程概况统计表");
    pugi::xml_node tbl = cap.next_sibling("w:tbl");
    cap.parent().insert_move_after(cap, tbl);
  });
  report::FileReport r = check_parts(p, "table-caption-below");
  EXPECT_EQ(rule_ids(r), std::set<std::string>{"table.caption"}) << dump(r);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings[0].kind(), "position");
}

}  // namespace
}  // namespace bidfmt::testfix
