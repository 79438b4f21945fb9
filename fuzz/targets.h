// The fuzz targets' bodies, shared by the libFuzzer entry points (fuzz_*.cpp) and the regression
// test that replays every saved crash (tests/hardening/regression_test.cpp). Each feeds bytes to
// one reader; a bidfmt::Error is a clean refusal, any other exception escapes (a finding).
#pragma once
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>

#include "core/error.h"
#include "fuzz_util.h"
#include "markdown/reader.h"
#include "package/zip_reader.h"
#include "profile/profile.h"
#include "writer/docx_writer.h"
#if __has_include("docx/document.h") && __has_include("rules/checker.h") && __has_include("report/report.h")
#include "docx/document.h"
#include "report/report.h"
#include "rules/checker.h"
#define BIDFMT_FUZZ_HAVE_DOCX 1
#endif

namespace bidfmt::fuzz {

// Markdown bytes → markdown::read → the DOCX writer (images resolve against samples/).
inline void markdown_one(const uint8_t* data, size_t size, const std::string& samples_dir) {
  static const profile::Profile profile = profile::load("xx-2014");
  static const std::string out = scratch_dir() + "/out.docx";
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    model::Document doc = markdown::read(text, "fuzz.md", samples_dir);
    writer::WriteOptions wo;
    wo.created = "2024-01-01T00:00:00Z";
    writer::write_docx(doc, profile, wo, out);  // the front matter's `profile:` is not loaded
  } catch (const Error&) {
  }
}

// A small document that touches every profile section: headings 1–4, lists, quote, table,
// caption, an A3 section.
inline model::Document profile_probe_document() {
  using namespace model;
  Document d;
  d.meta.project = "项目";
  d.meta.title = "标题";
  auto text = [](const char* s) { return Inlines{Span{s, false, false, false, ""}}; };
  for (int level = 1; level <= 4; ++level) d.blocks.emplace_back(std::in_place_type<Heading>, Heading{level, text("标题"), 1});
  d.blocks.emplace_back(std::in_place_type<Paragraph>, Paragraph{ParagraphKind::body, 0, text("正文")});
  d.blocks.emplace_back(std::in_place_type<Paragraph>, Paragraph{ParagraphKind::quote, 1, text("引文")});
  d.blocks.emplace_back(std::in_place_type<ListItem>, ListItem{1, 0, true, 1, false, text("一")});
  d.blocks.emplace_back(std::in_place_type<ListItem>, ListItem{1, 1, true, 1, false, text("二")});
  d.blocks.emplace_back(std::in_place_type<ListItem>, ListItem{2, 0, false, 1, false, text("点")});
  Table t;
  t.align = {CellAlign::none, CellAlign::right};
  t.header = {text("a"), text("b")};
  t.rows = {{text("1"), text("2")}};
  t.caption = "表名";
  d.blocks.emplace_back(std::in_place_type<Table>, t);
  d.blocks.emplace_back(std::in_place_type<SectionStart>, SectionStart{PageShape::a3_landscape});
  d.blocks.emplace_back(std::in_place_type<Paragraph>, Paragraph{ParagraphKind::body, 0, text("横向")});
  d.blocks.emplace_back(std::in_place_type<SectionEnd>);
  return d;
}

// Profile YAML bytes → profile::parse → every writer part that reads the profile.
inline void profile_one(const uint8_t* data, size_t size) {
  static const model::Document doc = profile_probe_document();
  static const std::string out = scratch_dir() + "/out.docx";
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    profile::Profile p = profile::parse(text, "fuzz.yaml");
    writer::WriteOptions wo;
    wo.created = "2024-01-01T00:00:00Z";
    writer::write_docx(doc, p, wo, out);
  } catch (const Error&) {
  }
}

// Bytes → a file → package::ZipReader with small limits (bombs are cheap to find); every limit
// must hold for what was read.
inline void zip_one(const uint8_t* data, size_t size) {
  const std::string path = write_scratch("in.zip", data, size);
  package::ZipLimits limits;
  limits.max_total = 64u << 20;
  limits.max_entry = 32u << 20;
  limits.max_entries = 2000;
  try {
    package::ZipReader zip(path, limits);
    uint64_t total = 0;
    for (const std::string& name : zip.names()) total += zip.get(name).size();
    if (total > limits.max_total || zip.names().size() > limits.max_entries) __builtin_trap();
  } catch (const Error&) {
  }
}

#ifdef BIDFMT_FUZZ_HAVE_DOCX
// Bytes → a .docx file → the check pipeline: read, resolve, every rule, every report format.
inline void docx_one(const uint8_t* data, size_t size) {
  static const profile::Profile profile = profile::load("xx-2014");
  const std::string path = write_scratch("in.docx", data, size);
  report::FileReport r;
  r.path = path;
  try {
    std::unique_ptr<docx::Document> doc = docx::Document::read(path, profile);
    r.findings = rules::check_document(*doc, profile, "项目");
  } catch (const Error& e) {
    r.checked = false;
    r.error = Text{e.message(Lang::zh), e.message(Lang::en)};
  }
  std::ostringstream os;
  report::ReportOptions o;
  for (report::Format f : {report::Format::text, report::Format::json, report::Format::sarif, report::Format::junit})
    report::write_report(os, f, {r}, o);
}
#endif

}  // namespace bidfmt::fuzz
