// The HTML report: self-contained (no network), escapes what it shows, filterable by rule; with
// --render it embeds the page thumbnails and marks the pages of findings; it loads in headless
// Chromium without console errors and its first screen shows the summary.
#include <gtest/gtest.h>
#include <zlib.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "render/libreoffice.h"
#include "render/pdf.h"
#include "report/report.h"
#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

// The finding with another rule ID (the rest of what it says kept).
rules::Finding with_rule(rules::Finding f, const std::string& rule) {
  rules::Statement s = *f.what;
  s.rule = rule;
  f.what = core::Shared<rules::Statement>::make(std::move(s));
  return f;
}

report::FileReport sample_report() {
  report::FileReport f;
  f.path = "投标<文件>.docx";
  rules::Finding a(rules::Statement{"body.font", "size", Text{"小四", "12pt"}, Text{"小五", "9pt"},
                                    Text{"字号为 小五,应为 小四", "font size is 9pt; expected 12pt"}},
                   rules::Location{});
  a.edit_where().set_part("word/document.xml");
  a.edit_where().section = 3;
  a.edit_where().paragraph = 57;
  a.edit_where().set_heading_path("二、主要施工方法 › 2.3 管网工程");
  a.edit_where().set_excerpt("正文\"引号\"<b>&");
  rules::Finding b = with_rule(a, "page.margins");
  b.severity = rules::Severity::warning;
  b.edit_where() = {};
  b.edit_where().section = 1;
  f.findings = {a, b};
  return f;
}

std::string html_of(const std::vector<report::FileReport>& files, Lang lang) {
  std::ostringstream os;
  report::ReportOptions o;
  o.lang = lang;
  o.profile_id = "xx-2014";
  o.profile_source = "bundled:xx-2014";
  report::write_html(os, files, o);
  return os.str();
}

TEST(HtmlReport, SelfContainedEscapedAndFilterable) {
  std::string h = html_of({sample_report()}, Lang::zh);
  EXPECT_EQ(h.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(h.find("<html lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(h.find("汇总"), std::string::npos);
  EXPECT_NE(h.find("<style>"), std::string::npos);
  EXPECT_NE(h.find("<script>"), std::string::npos);
  // Nothing is fetched: no external scripts, styles, images or fonts.
  for (const char* bad : {"src=\"http", "href=\"http", "<link", "url(", "@import", "src=\"//"})
    EXPECT_EQ(h.find(bad), std::string::npos) << bad;
  // Escaped: the excerpt's quotes and tags, the path's angle brackets.
  EXPECT_NE(h.find("正文&quot;引号&quot;&lt;b&gt;&amp;"), std::string::npos);
  EXPECT_EQ(h.find("<b>&"), std::string::npos);
  EXPECT_NE(h.find("投标&lt;文件&gt;.docx"), std::string::npos);
  // Summary rows and findings carry their rule for the filter.
  EXPECT_NE(h.find("<tr class=\"rule\" data-rule=\"body.font\""), std::string::npos);
  EXPECT_NE(h.find("<tr class=\"rule\" data-rule=\"page.margins\""), std::string::npos);
  EXPECT_NE(h.find("class=\"finding\" id=\"f-0-0\" data-rule=\"body.font\""), std::string::npos);
  EXPECT_NE(h.find("第 57 段"), std::string::npos);
  EXPECT_NE(h.find("二、主要施工方法 › 2.3 管网工程"), std::string::npos);
  EXPECT_NE(h.find("小五"), std::string::npos);
  std::string en = html_of({sample_report()}, Lang::en);
  EXPECT_NE(en.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(en.find("Summary"), std::string::npos);
  EXPECT_NE(en.find("paragraph 57"), std::string::npos);
  EXPECT_EQ(en.find("汇总"), std::string::npos);
}

TEST(HtmlReport, PagesWithFindingsAreMarked) {
  report::FileReport f = sample_report();
  f.rendered = true;
  f.findings[0].edit_where().page = 2;
  rules::Finding r = with_rule(f.findings[0], "toc.page-numbers");
  r.edit_where().page = 1;
  f.findings.push_back(r);
  f.finding_y = {0.25, -1, -1};
  f.pages = {report::PageView{595, 842, "\x89PNG-1"}, report::PageView{595, 842, "\x89PNG-2"}};
  std::string h = html_of({f}, Lang::zh);
  EXPECT_NE(h.find("<figure class=\"page flagged\" id=\"p-0-1\">"), std::string::npos) << "a render finding's page is highlighted";
  EXPECT_NE(h.find("<figure class=\"page\" id=\"p-0-2\">"), std::string::npos);
  EXPECT_NE(h.find("data:image/png;base64,iVBORy0x"), std::string::npos);  // base64 of "\x89PNG-1"
  EXPECT_NE(h.find("href=\"#f-0-0\""), std::string::npos) << "a marker links to its finding";
  EXPECT_NE(h.find("top:25%"), std::string::npos) << "a static finding's marker sits at its paragraph";
  EXPECT_NE(h.find("href=\"#p-0-2\""), std::string::npos) << "the finding links to its page";
}

// ---- Chromium -----------------------------------------------------------------------------

struct Image {
  unsigned width = 0, height = 0;
  std::vector<unsigned char> rgb;  // 3 bytes a pixel
  std::array<int, 3> at(unsigned x, unsigned y) const {
    size_t i = (static_cast<size_t>(y) * width + x) * 3;
    return {rgb[i], rgb[i + 1], rgb[i + 2]};
  }
};

uint32_t be32(const std::string& s, size_t at) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(s[at])) << 24) | (static_cast<unsigned char>(s[at + 1]) << 16) |
         (static_cast<unsigned char>(s[at + 2]) << 8) | static_cast<unsigned char>(s[at + 3]);
}

// A small PNG decoder for 8-bit RGB/RGBA non-interlaced images (what Chromium writes).
bool decode_png(const std::string& png, Image& img, std::string& why) {
  if (png.size() < 8 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return why = "not a PNG", false;
  std::string idat;
  int color = -1, depth = 0, interlace = 0;
  for (size_t at = 8; at + 8 <= png.size();) {
    uint32_t len = be32(png, at);
    std::string type = png.substr(at + 4, 4);
    if (at + 12 + len > png.size()) return why = "truncated", false;
    if (type == "IHDR") {
      img.width = be32(png, at + 8);
      img.height = be32(png, at + 12);
      depth = static_cast<unsigned char>(png[at + 16]);
      color = static_cast<unsigned char>(png[at + 17]);
      interlace = static_cast<unsigned char>(png[at + 20]);
    } else if (type == "IDAT") {
      idat += png.substr(at + 8, len);
    } else if (type == "IEND") {
      break;
    }
    at += 12 + len;
  }
  if (depth != 8 || (color != 2 && color != 6) || interlace != 0) return why = "unsupported PNG format", false;
  unsigned bpp = color == 6 ? 4 : 3;
  size_t stride = static_cast<size_t>(img.width) * bpp;
  std::vector<unsigned char> raw((stride + 1) * img.height);
  uLongf raw_len = raw.size();
  if (uncompress(raw.data(), &raw_len, reinterpret_cast<const Bytef*>(idat.data()), idat.size()) != Z_OK || raw_len != raw.size())
    return why = "bad deflate data", false;
  std::vector<unsigned char> prev(stride, 0), cur(stride);
  img.rgb.resize(static_cast<size_t>(img.width) * img.height * 3);
  for (unsigned y = 0; y < img.height; ++y) {
    const unsigned char* line = raw.data() + y * (stride + 1);
    unsigned char filter = line[0];
    for (size_t i = 0; i < stride; ++i) {
      int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      int x = line[1 + i], v;
      switch (filter) {
        case 0: v = x; break;
        case 1: v = x + a; break;
        case 2: v = x + b; break;
        case 3: v = x + (a + b) / 2; break;
        case 4: {
          int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
          v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default: return why = "bad filter", false;
      }
      cur[i] = static_cast<unsigned char>(v & 0xff);
    }
    for (unsigned x = 0; x < img.width; ++x)
      for (unsigned k = 0; k < 3; ++k) img.rgb[(static_cast<size_t>(y) * img.width + x) * 3 + k] = cur[x * bpp + k];
    prev.swap(cur);
  }
  return true;
}

std::string chromium() {
  for (const char* name : {"chromium", "chromium-browser"})
    if (testkit::have_program(name)) return name;
  return "";
}

// Loads `html` in headless Chromium and screenshots the first 1280×900 screen.
testkit::RunResult screenshot(const std::string& html, const std::string& png, const std::string& profile_dir) {
  return testkit::run({chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                       "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile_dir,
                       "--enable-logging=stderr", "--v=0", "--screenshot=" + png, "--window-size=1280,900", "file://" + html});
}

bool console_error(const std::string& err) {
  return err.find("Uncaught") != std::string::npos || err.find("ERROR:CONSOLE") != std::string::npos;
}

TEST(HtmlReportInChromium, LoadsWithoutConsoleErrorsAndShowsTheSummary) {
  if (chromium().empty()) GTEST_SKIP() << "chromium not installed (scripts/install-deps.sh installs it)";
  std::string dir = testkit::temp_dir("html-chromium");
  // The console check must be able to fail: a page that throws is reported.
  std::string bad = dir + "/throws.html";
  { std::ofstream(bad) << "<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>"; }
  testkit::RunResult control = screenshot(bad, dir + "/throws.png", dir + "/profile-control");
  ASSERT_TRUE(console_error(control.err)) << "Chromium does not log console errors here:\n" << control.err;

  // The report of a document with findings; laid out by LibreOffice when it is installed.
  std::string docx = dir + "/road-bid.docx", html = dir + "/report.html", png = dir + "/report.png";
  bool render = render::available() && render::poppler_available();
  std::vector<std::string> build{"build", testkit::source_dir() + "/samples/road-bid.md", "-o", docx};
  if (render) build.push_back("--paginate");
  ASSERT_EQ(testkit::run_cli(build).status, 0);
  std::vector<std::string> args{"check", docx, "--profile", "chapter-heiti", "--format", "html", "-o", html};
  if (render) args.push_back("--render");
  testkit::RunResult checked = testkit::run_cli(args);
  ASSERT_EQ(checked.status, 1) << checked.err;
  std::string h = testkit::read_text(html);
  EXPECT_NE(h.find("汇总"), std::string::npos);
  if (render) {
    size_t thumbs = 0;
    for (size_t at = h.find("data:image/png;base64,"); at != std::string::npos; at = h.find("data:image/png;base64,", at + 1)) ++thumbs;
    EXPECT_GE(thumbs, 15u) << "one thumbnail per page";
    EXPECT_NE(h.find("class=\"marker"), std::string::npos);
    EXPECT_NE(h.find("PDF 第 "), std::string::npos) << "findings carry their page";
  }

  testkit::RunResult r = screenshot(html, png, dir + "/profile");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(console_error(r.err)) << r.err;
  ASSERT_TRUE(fs::exists(png));
  Image img;
  std::string why;
  ASSERT_TRUE(decode_png(testkit::read_text(png), img, why)) << why;
  EXPECT_EQ(img.width, 1280u);
  EXPECT_EQ(img.height, 900u);
  // The banner (#1f4e79) is at the top of the first screen, the page below it is light.
  auto near = [](std::array<int, 3> c, std::array<int, 3> want) {
    return std::abs(c[0] - want[0]) <= 6 && std::abs(c[1] - want[1]) <= 6 && std::abs(c[2] - want[2]) <= 6;
  };
  EXPECT_TRUE(near(img.at(10, 10), {0x1f, 0x4e, 0x79})) << img.at(10, 10)[0] << "," << img.at(10, 10)[1] << "," << img.at(10, 10)[2];
  EXPECT_TRUE(near(img.at(1200, 880), {0xf4, 0xf6, 0xf9}) || near(img.at(1200, 880), {0xff, 0xff, 0xff}));
  // Not one colour: the summary's text and cards are drawn.
  std::set<int> colours;
  for (unsigned y = 100; y < 450; y += 3)
    for (unsigned x = 0; x < 1280; x += 3) {
      auto c = img.at(x, y);
      colours.insert(c[0] << 16 | c[1] << 8 | c[2]);
    }
  EXPECT_GT(colours.size(), 20u);
  // The error count's card shows red digits (#c0392b) somewhere in the summary.
  bool red = false;
  for (unsigned y = 100; y < 450 && !red; ++y)
    for (unsigned x = 0; x < 600 && !red; ++x) red = near(img.at(x, y), {0xc0, 0x39, 0x2b});
  EXPECT_TRUE(red) << "no error count drawn in the summary";
}

}  // namespace
}  // namespace bidfmt
