// build on every bundled sample: schema-valid parts, golden styles/numbering/document/headers/footers, document structure.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

std::vector<std::string> samples() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(testkit::source_dir() + "/samples"))
    // Markdown samples and JSON content ones (a distinct stem each: goldens are named by it).
    if (e.path().extension() == ".md" || e.path().extension() == ".json") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// Indented form of an XML part: goldens are stored and diffed this way.
std::string indented(const std::string& xml) {
  pugi::xml_document doc;
  doc.load_string(xml.c_str(), pugi::parse_default | pugi::parse_declaration);
  std::ostringstream ss;
  doc.save(ss, "  ", pugi::format_indent);
  return ss.str();
}

// First differing line, for a readable failure.
std::string first_difference(const std::string& want, const std::string& got) {
  std::stringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ea = !std::getline(a, la), eb = !std::getline(b, lb);
    if (ea && eb) return "";
    if (ea || eb || la != lb) return "line " + std::to_string(line) + ":\n  golden: " + la + "\n  actual: " + lb;
  }
}

class BuiltSample : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    name_ = fs::path(GetParam()).stem().string();
    std::string dir = testkit::temp_dir("build-" + name_ + "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    docx_ = dir + "/out.docx";
    testkit::RunResult r = testkit::run_cli({"build", GetParam(), "-o", docx_});
    ASSERT_EQ(r.status, 0) << r.err;
    parts_ = testkit::read_zip(docx_);
  }
  std::string name_, docx_;
  std::map<std::string, std::string> parts_;
};

TEST_P(BuiltSample, EveryPartValidates) {
  int checked = 0;
  for (const auto& [part, xml] : parts_) {
    if (part.rfind("word/media/", 0) == 0) continue;
    EXPECT_EQ(testkit::validate_part(part, xml), "") << part;
    ++checked;
  }
  EXPECT_GE(checked, 12);
}

// check(build(x)) is clean — for the JSON sample too, with its cross-reference fields.
TEST_P(BuiltSample, ChecksClean) {
  testkit::RunResult check = testkit::run_cli({"check", docx_});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
}

// Goldens live in tests/golden/SAMPLE/, one file per part, indented. They change only through
// BIDFMT_ACCEPT_GOLDEN=1 (the test then writes what it built; review the diff in git).
bool accepting_goldens() {
  const char* acc = std::getenv("BIDFMT_ACCEPT_GOLDEN");
  return acc && std::string(acc) == "1";
}

void expect_golden(const std::string& sample, const std::string& part, const std::string& got) {
  std::string file = testkit::source_dir() + "/tests/golden/" + sample + "/" + fs::path(part).filename().string();
  if (accepting_goldens()) {
    fs::create_directories(fs::path(file).parent_path());
    std::ofstream(file, std::ios::binary) << got;
  }
  std::string want = testkit::read_text(file);
  ASSERT_FALSE(want.empty()) << "no golden " << file << " (run once with BIDFMT_ACCEPT_GOLDEN=1)";
  EXPECT_EQ(first_difference(want, got), "")
      << part << " differs from " << file
      << "\nif the change is intended, regenerate the goldens in the build folder with: BIDFMT_ACCEPT_GOLDEN=1 ctest -R Golden "
         "(or BIDFMT_ACCEPT_GOLDEN=1 tests/test_build --gtest_filter='*Golden*'), then review the diff of tests/golden in git";
}

TEST_P(BuiltSample, StylesAndNumberingMatchGolden) {
  for (const char* part : {"word/styles.xml", "word/numbering.xml"}) expect_golden(name_, part, indented(parts_.at(part)));
}

// The parts that carry the content: word/document.xml and every header and footer.
bool content_part(const std::string& part) {
  static const std::regex re("word/(document|header[0-9]+|footer[0-9]+)\\.xml");
  return std::regex_match(part, re);
}

// The content parts of `docx` built from `input` with the build time fixed (SOURCE_DATE_EPOCH),
// as a reproducible build makes them.
std::map<std::string, std::string> content_parts(const std::string& input, const std::string& docx, const std::string& epoch) {
  testkit::RunResult r = testkit::run({testkit::binary(), "build", input, "-o", docx}, {"SOURCE_DATE_EPOCH=" + epoch});
  EXPECT_EQ(r.status, 0) << r.err;
  std::map<std::string, std::string> out;
  for (const auto& [part, xml] : testkit::read_zip(docx))
    if (content_part(part)) out[part] = xml;
  return out;
}

// Normalisers: none. Of what build writes, only docProps/core.xml (the build time) differs
// between two builds of one input, and it has no golden; document.xml, the headers and the
// footers hold no time, revision ids (rsids), random ids or paths —
// ContentPartsAreReproducible below keeps it so. Were something of the kind added, it would be
// masked here by a function named for it (mask_dates, strip_rsids), not by loosening the golden.
std::string normalised(const std::string& xml) { return indented(xml); }

TEST_P(BuiltSample, DocumentHeadersAndFootersMatchGolden) {
  const auto parts = content_parts(GetParam(), testkit::temp_dir("golden-" + name_) + "/out.docx", "1700000000");
  ASSERT_TRUE(parts.count("word/document.xml"));
  std::set<std::string> files;
  for (const auto& [part, xml] : parts) {
    expect_golden(name_, part, normalised(xml));
    files.insert(fs::path(part).filename().string());
  }
  EXPECT_GE(files.size(), 3u);  // document.xml, a header, a footer at least
  // No stale golden: every header*/footer* golden is a part the sample still has.
  for (const auto& e : fs::directory_iterator(testkit::source_dir() + "/tests/golden/" + name_)) {
    const std::string f = e.path().filename().string();
    if (content_part("word/" + f) && !files.count(f)) {
      if (accepting_goldens()) fs::remove(e.path());
      else
        ADD_FAILURE() << "stale golden " << e.path().string() << ": the sample has no word/" << f << " (BIDFMT_ACCEPT_GOLDEN=1 removes it)";
    }
  }
}

// Why the goldens need no normaliser: two builds of one input at different times, into different
// folders, write the same content parts byte for byte.
TEST_P(BuiltSample, ContentPartsAreReproducible) {
  const auto a = content_parts(GetParam(), testkit::temp_dir("repro-a-" + name_) + "/a.docx", "1700000000");
  const auto b = content_parts(GetParam(), testkit::temp_dir("repro-b-" + name_) + "/b.docx", "1800000000");
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a.size(), b.size());
  for (const auto& [part, xml] : a) {
    auto it = b.find(part);
    ASSERT_NE(it, b.end()) << part;
    EXPECT_TRUE(xml == it->second) << part << ": " << first_difference(xml, it->second);
  }
}

TEST_P(BuiltSample, DocumentStructure) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(parts_.at("word/document.xml").c_str()));
  std::string md = testkit::read_text(GetParam());
  const bool json = fs::path(GetParam()).extension() == ".json";
  // Headings: one styled paragraph per Markdown heading (JSON heading block), levels preserved,
  // no typed numbers.
  for (int level = 1; level <= 3; ++level) {
    std::regex re(json ? "\"type\": \"heading\", \"level\": " + std::to_string(level) + ","
                       : "\\n" + std::string(static_cast<size_t>(level), '#') + " ");
    auto count = std::distance(std::sregex_iterator(md.begin(), md.end(), re), std::sregex_iterator());
    std::string q = "//w:p[w:pPr/w:pStyle/@w:val='Heading" + std::to_string(level) + "']";
    EXPECT_EQ(static_cast<long>(doc.select_nodes(q.c_str()).size()), count) << "level " << level;
  }
  for (const pugi::xpath_node& h : doc.select_nodes("//w:p[w:pPr/w:pStyle[starts-with(@w:val,'Heading')]]")) {
    std::string text;
    for (const pugi::xpath_node& t : h.node().select_nodes(".//w:t")) text += t.node().text().get();
    EXPECT_FALSE(std::regex_search(text, std::regex("^(\\d+(\\.\\d+)*\\s|第.+章)"))) << text;
  }
  // Tables: each has the profile's borders and a caption 表N.N-N (or 表N-N) before it.
  pugi::xpath_node_set tables = doc.select_nodes("//w:tbl");
  ASSERT_GE(tables.size(), 3u);
  for (const pugi::xpath_node& t : tables) {
    pugi::xml_node b = t.node().child("w:tblPr").child("w:tblBorders");
    EXPECT_EQ(b.child("w:top").attribute("w:sz").as_int(), 12);
    EXPECT_STREQ(b.child("w:insideH").attribute("w:val").value(), "dashed");
    pugi::xml_node cap = t.node().previous_sibling("w:p");
    std::string text;
    for (const pugi::xpath_node& r : cap.select_nodes(".//w:t")) text += r.node().text().get();
    EXPECT_TRUE(std::regex_search(text, std::regex("^表\\d+(\\.\\d+)?-\\d+ "))) << text;
  }
  // Cross-references: every REF field names a bookmark the document has, and its cached result is
  // the text that bookmark holds (the caption's label and number) or a heading number.
  const std::string& xml = parts_.at("word/document.xml");
  for (size_t at = xml.find(" REF _Ref"); at != std::string::npos; at = xml.find(" REF _Ref", at + 1)) {
    const std::string name = xml.substr(at + 5, xml.find(' ', at + 5) - at - 5);
    EXPECT_NE(xml.find("w:name=\"" + name + "\""), std::string::npos) << name;
  }
  if (json) {
    EXPECT_NE(xml.find(" REF _Ref"), std::string::npos);
  }
  // Heading numbering comes from numbering.xml, not text.
  EXPECT_NE(parts_.at("word/numbering.xml").find("chineseCounting"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Samples, BuiltSample, ::testing::ValuesIn(samples()), [](const ::testing::TestParamInfo<std::string>& i) {
  std::string n = fs::path(i.param).stem().string();
  std::replace(n.begin(), n.end(), '-', '_');
  return n;
});

}  // namespace
}  // namespace bidfmt
