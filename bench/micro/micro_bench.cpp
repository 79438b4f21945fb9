// Micro-benchmarks of bidfmt's hot paths, one stage at a time, on one bid (BIDFMT_BENCH_INPUT, a
// Markdown file; default samples/road-bid.md). Build: BIDFMT_BENCH=ON; run bench/run.sh --micro.
//   build:  Markdown → model (md4c), document.xml writing (stored, no deflate), the whole DOCX
//   check:  zip + parse + style resolution + roles (Document::read), style resolution alone,
//           every rule over a read document
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "core/file_io.h"
#include "docx/document.h"
#include "docx/resolver.h"
#include "docx/styles.h"
#include "docx/theme.h"
#include "markdown/reader.h"
#include "package/zip_writer.h"
#include "profile/profile.h"
#include "rules/checker.h"
#include "writer/docx_writer.h"
#include "writer/parts.h"
#include "writer/plan.h"

namespace {
using namespace bidfmt;

// The fixture every benchmark shares: the input bid, its model, its DOCX and that DOCX read.
struct Bid {
  std::string markdown_path, text, docx_path, scratch;
  profile::Profile profile;
  model::Document model;
  std::unique_ptr<docx::Document> doc;

  Bid() {
    const char* in = std::getenv("BIDFMT_BENCH_INPUT");
    markdown_path = in && *in ? in : BIDFMT_SOURCE_DIR "/samples/road-bid.md";
    text = core::read_file(markdown_path);
    profile = profile::load("xx-2014");
    model = markdown::read_file(markdown_path);
    std::string dir = "/tmp/bidfmt-micro-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    docx_path = dir + "/bid.docx";
    scratch = dir + "/scratch.docx";
    writer::write_docx(model, profile, {}, docx_path);
    doc = docx::Document::read(docx_path, profile);
  }
  ~Bid() {
    std::error_code ec;
    std::filesystem::remove_all(std::filesystem::path(docx_path).parent_path(), ec);
  }
};

Bid& bid() {
  static Bid b;
  return b;
}

void per_input_byte(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bid().text.size()));
}

// ---- build ------------------------------------------------------------------------------------

void BM_MarkdownToModel(benchmark::State& state) {
  for (auto _ : state) {
    model::Document d = markdown::read(bid().text, bid().markdown_path, BIDFMT_SOURCE_DIR "/samples");
    benchmark::DoNotOptimize(d.blocks.data());
  }
  per_input_byte(state);
}
BENCHMARK(BM_MarkdownToModel)->Unit(benchmark::kMillisecond);

// XML writing alone: the plan and word/document.xml, into a stored (not deflated) zip entry.
void BM_WriteDocumentXml(benchmark::State& state) {
  for (auto _ : state) {
    writer::Plan plan = writer::make_plan(bid().model, bid().profile, nullptr);
    package::ZipWriter zip(bid().scratch, 0);
    zip.begin("word/document.xml");
    writer::write_document_xml(bid().model, bid().profile, plan, zip);
    zip.close();
  }
  per_input_byte(state);
}
BENCHMARK(BM_WriteDocumentXml)->Unit(benchmark::kMillisecond);

void BM_StylesAndNumberingXml(benchmark::State& state) {
  writer::Plan plan = writer::make_plan(bid().model, bid().profile, nullptr);
  for (auto _ : state) {
    std::string s = writer::styles_xml(bid().profile);
    std::string n = writer::numbering_xml(bid().profile, plan);
    benchmark::DoNotOptimize(s.data());
    benchmark::DoNotOptimize(n.data());
  }
}
BENCHMARK(BM_StylesAndNumberingXml)->Unit(benchmark::kMicrosecond);

// The whole package as build writes it (deflate level 6, temp file renamed into place).
void BM_WriteDocx(benchmark::State& state) {
  for (auto _ : state) writer::write_docx(bid().model, bid().profile, {}, bid().scratch);
  per_input_byte(state);
}
BENCHMARK(BM_WriteDocx)->Unit(benchmark::kMillisecond);

// ---- check ------------------------------------------------------------------------------------

// Unzip, parse, resolve every paragraph and run, assign roles.
void BM_ReadDocx(benchmark::State& state) {
  for (auto _ : state) {
    std::unique_ptr<docx::Document> d = docx::Document::read(bid().docx_path, bid().profile);
    benchmark::DoNotOptimize(d.get());
  }
}
BENCHMARK(BM_ReadDocx)->Unit(benchmark::kMillisecond);

// Style resolution alone: docDefaults → table style → basedOn chain → direct, for every
// paragraph and run of the parsed document.xml (a fresh Resolver each time: no warm cache).
void BM_ResolveStyles(benchmark::State& state) {
  const docx::Package& pkg = bid().doc->package();
  docx::Theme theme(pkg.theme(), pkg.settings());
  docx::StyleSheet sheet(pkg.styles(), theme);
  pugi::xpath_query paragraphs("//w:p");
  pugi::xpath_node_set ps = paragraphs.evaluate_node_set(pkg.document());
  int64_t runs = 0;
  for (auto _ : state) {
    docx::StringPool strings;
    docx::Resolver resolver(sheet, theme, strings);
    runs = 0;
    for (const pugi::xpath_node& x : ps) {
      pugi::xml_node p = x.node();
      pugi::xml_node ppr = p.child("w:pPr");
      const docx::Style* pstyle = sheet.find(ppr.child("w:pStyle").attribute("w:val").value());
      if (!pstyle) pstyle = sheet.default_paragraph();
      docx::ParaProps direct;
      const bool has_direct = docx::has_direct_formatting(ppr);
      if (has_direct) docx::apply_ppr(direct, ppr, docx::Origin{docx::Source::direct_paragraph});
      const docx::ParaProps* pp = resolver.paragraph(pstyle, {}, has_direct ? &direct : nullptr, nullptr, 0);
      benchmark::DoNotOptimize(pp);
      for (pugi::xml_node r : p.children("w:r")) {
        pugi::xml_node rpr = r.child("w:rPr");
        const docx::Style* rstyle = sheet.find(rpr.child("w:rStyle").attribute("w:val").value());
        const docx::RunProps* rp = resolver.run(pstyle, {}, rstyle, rpr);
        benchmark::DoNotOptimize(rp);
        ++runs;
      }
    }
  }
  state.counters["runs"] = static_cast<double>(runs);
  state.counters["paragraphs"] = static_cast<double>(ps.size());
}
BENCHMARK(BM_ResolveStyles)->Unit(benchmark::kMillisecond);

// Every rule of the registry over the read document.
void BM_CheckRules(benchmark::State& state) {
  size_t findings = 0;
  for (auto _ : state) {
    rules::Findings f = rules::check_document(*bid().doc, bid().profile, "");
    findings = f.size();
    benchmark::DoNotOptimize(f.size());
  }
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_CheckRules)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
