// build(): Markdown reader → model → profile → DOCX writer → (optional) LibreOffice layout pass;
// also per-chapter output and the Word template.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include "api/bidfmt.h"
#include "api/inputs.h"
#include "content/json_reader.h"
#include "content/json_writer.h"
#include "core/file_io.h"
#include "core/resources.h"
#include "core/text.h"
#include "docx/document.h"
#include "markdown/reader.h"
#include "profile/profile.h"
#include "render/libreoffice.h"
#include "render/office_pool.h"
#include "rules/anonymous.h"
#include "writer/docx_writer.h"
#include "writer/plan.h"

namespace bidfmt {
namespace fs = std::filesystem;
namespace {

// Refuses, before anything is written, an output path that names a file the build reads: the
// Markdown input, the profile, an image (same inode or same canonical path).
void refuse_overwriting_inputs(const std::string& output, const std::vector<std::string>& inputs) {
  if (output.empty()) return;
  for (const std::string& in : inputs)
    if (core::same_file(output, in))
      throw Error(output, 0, "输出文件与输入文件「" + in + "」相同,拒绝覆盖输入",
                  "the output is the input file '" + in + "'; refusing to overwrite it");
}

// What a build reads: the Markdown, the profile file (bundled ones are not files), the images.
std::vector<std::string> input_files(const BuildOptions& o) {
  std::vector<std::string> files = o.inputs.empty() ? std::vector<std::string>{o.input} : o.inputs;
  if (!o.meta.empty()) files.push_back(o.meta);
  return files;
}

std::vector<std::string> files_read(const BuildOptions& o, const model::Document& doc, const profile::Profile& profile) {
  std::vector<std::string> files = input_files(o);
  files.push_back(profile.source);
  for (const model::Block& b : doc.blocks)
    if (const auto* f = std::get_if<model::Figure>(&b)) files.push_back(f->path);
  return files;
}

// Writes one DOCX, with a LibreOffice pass when asked: the draft goes to a temp file, LibreOffice
// lays it out (the PDF is exported from that layout), reads the TOC's page numbers and PAGEREF
// _BodyEnd, and the numbers go back into bidfmt's own XML (a LibreOffice-saved DOCX is never
// shipped). A failed pass leaves no output behind.
// The draft's TOC is plain lines whose PAGEREF fields LibreOffice computes as it lays the pages
// out (writer::WriteOptions::layout_draft): one layout, as a bare conversion does. A Word 97 copy
// (--doc) is exported from the draft, so it gets a real TOC field, which LibreOffice updates.
int write_one(const model::Document& doc, const profile::Profile& profile, writer::WriteOptions wo, const std::string& output,
              const BuildOptions& o, const std::string& pdf, std::vector<std::string>& written) {
  bool paginate = o.paginate || !pdf.empty() || o.doc;
  const std::vector<std::string> inputs = files_read(o, doc, profile);
  refuse_overwriting_inputs(output, inputs);
  refuse_overwriting_inputs(pdf, inputs);
  refuse_overwriting_inputs(pdf, {output});
  if (o.doc) refuse_overwriting_inputs(fs::path(output).replace_extension(".doc").string(), inputs);
  if (!paginate) {
    writer::write_docx(doc, profile, wo, output);
    written.push_back(output);
    return 0;
  }
  std::string draft = output + ".draft.docx";
  struct Remove {
    std::string path;
    ~Remove() {
      std::error_code ec;
      fs::remove(path, ec);
    }
  } cleanup{draft};
  writer::WriteOptions draft_options = wo;
  draft_options.layout_draft = !o.doc;
  writer::write_docx(doc, profile, draft_options, draft);
  render::LayoutOptions lo;
  lo.update_toc = !draft_options.layout_draft;
  if (draft_options.layout_draft) lo.toc_mark = writer::kLayoutTocMark;
  lo.pdf = pdf;
  if (o.doc) lo.doc = fs::path(output).replace_extension(".doc").string();
  render::LayoutResult layout = render::layout(draft, lo);
  writer::Pagination pages;
  pages.body_pages = layout.body_pages;
  for (const auto& entry : layout.toc) pages.heading_pages.push_back(entry.second);
  wo.pages = &pages;
  writer::write_docx(doc, profile, wo, output);
  written.push_back(output);
  if (!pdf.empty()) written.push_back(pdf);
  if (!lo.doc.empty()) written.push_back(lo.doc);
  return layout.body_pages;
}

// Characters a file name cannot hold on Windows or Linux become 「_」.
std::string file_safe(std::string s) {
  for (char& c : s)
    if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|') c = '_';
  while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.pop_back();
  return s;
}

// 暗标 (profile `anonymous: true`): the bidder stays off the cover and out of the properties.
void leave_out_bidder(model::Document& doc, const profile::Profile& profile) {
  if (!profile.anonymous || doc.meta.bidder.empty()) return;
  doc.warnings.push_back(
      model::Warning{0, "暗标:投标人「" + doc.meta.bidder + "」未写入封面和文档属性",
                     "anonymous bid: the bidder '" + doc.meta.bidder + "' is left off the cover and out of the properties"});
  doc.meta.bidder.clear();
}

// 暗标: what in the written text still identifies the bidder (phone numbers, e-mail, …) — the words
// are the writer's, so build reports them as warnings, as check would.
void warn_identifying_text(const std::vector<std::string>& written, const profile::Profile& profile, std::vector<model::Warning>& out) {
  if (!profile.anonymous) return;
  const rules::Identity none;
  for (const std::string& path : written) {
    if (fs::path(path).extension() != ".docx") continue;
    std::unique_ptr<docx::Document> d = docx::Document::read(path, profile);
    for (const rules::Finding& f : rules::check_anonymous(*d, none)) out.push_back(model::Warning{0, f.message().zh, f.message().en});
  }
}

std::string plain(const model::Inlines& inl) {
  std::string s;
  for (const model::Span& sp : inl) s += sp.text;
  return s;
}

// 「A3附图附表统一装订在全册的最后,并按章节次序排列」 (profile page.a3_at_end): the `::: a3` sections
// taken out of the chapters, in the order they came (chapter order), with the caption text each of
// their tables and figures keeps — its own chapter's number, after that chapter's other captions
// of the same heading (表2-1.1-3 when 表2-1.1-1 and -2 stay in the chapter).
// The name of that file under --split-chapters: what the standard calls them (docs/standard-b.md).
constexpr const char* kA3FileName = "A3附图附表";

struct A3Split {
  model::Document rest;                     // the document without its A3 sections
  std::vector<model::Block> a3;             // the A3 sections, SectionStart … SectionEnd each
  std::map<size_t, std::string> captions;   // index in `a3` → caption text
  std::map<size_t, std::string> labels;     // index in `a3` → its label and number 「表2-1.1-3」
  std::map<std::string, std::string> refs;  // every cross-reference id → the text it shows
};

// Every cross-reference id of a plan → the text a reference to it shows.
std::map<std::string, std::string> ref_texts(const writer::Plan& plan) {
  std::map<std::string, std::string> out;
  for (const auto& [id, target] : plan.refs) out[id] = target.text;
  return out;
}

bool a3_start(const model::Block& b) {
  auto* s = std::get_if<model::SectionStart>(&b);
  return s && s->shape == model::PageShape::a3_landscape;
}

A3Split split_a3(const model::Document& doc, const profile::Profile& profile) {
  A3Split out;
  out.rest = doc;
  out.rest.blocks.clear();
  // Each A3 section's blocks, and where (before which heading) its captions are numbered: at the
  // end of its own heading, so the chapter's other captions keep their numbers.
  const int restart = std::max(profile.table_caption.restart_level, profile.figure_caption.restart_level);
  std::vector<std::pair<size_t, size_t>> ranges;  // [begin, end) in doc.blocks
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (!a3_start(doc.blocks[i])) {
      out.rest.blocks.push_back(doc.blocks[i]);
      continue;
    }
    size_t end = i + 1;
    while (end < doc.blocks.size() && !std::holds_alternative<model::SectionEnd>(doc.blocks[end])) ++end;
    end = std::min(end + 1, doc.blocks.size());
    ranges.emplace_back(i, end);
    i = end - 1;
  }
  if (ranges.empty()) return out;
  // The numbering order: each A3 section just before the next heading that restarts its captions.
  model::Document numbered = doc;
  numbered.blocks.clear();
  std::vector<size_t> a3_index_in_numbered;  // per block of out.a3: its index in `numbered`
  std::vector<std::pair<size_t, size_t>> pending;
  auto flush = [&]() {
    for (const auto& [b, e] : pending)
      for (size_t k = b; k < e; ++k) {
        a3_index_in_numbered.push_back(numbered.blocks.size());
        numbered.blocks.push_back(doc.blocks[k]);
        out.a3.push_back(doc.blocks[k]);
      }
    pending.clear();
  };
  size_t r = 0;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (r < ranges.size() && i == ranges[r].first) {
      pending.push_back(ranges[r]);
      i = ranges[r].second - 1;
      ++r;
      continue;
    }
    if (auto* h = std::get_if<model::Heading>(&doc.blocks[i]); h && !h->unnumbered && h->level <= restart) flush();
    numbered.blocks.push_back(doc.blocks[i]);
  }
  flush();
  writer::Plan plan = writer::make_plan(numbered, profile, nullptr, 1);
  for (size_t k = 0; k < out.a3.size(); ++k) {
    auto it = plan.caption.find(a3_index_in_numbered[k]);
    if (it != plan.caption.end()) out.captions[k] = it->second;
    if (auto l = plan.caption_label.find(a3_index_in_numbered[k]); l != plan.caption_label.end()) out.labels[k] = l->second;
  }
  out.refs = ref_texts(plan);
  return out;
}

// The captions of `split` as they stand in a document whose A3 blocks begin at `offset`.
std::map<size_t, std::string> a3_captions(const A3Split& split, size_t offset) {
  std::map<size_t, std::string> out;
  for (const auto& [k, text] : split.captions) out[offset + k] = text;
  return out;
}
std::map<size_t, std::string> a3_labels(const A3Split& split, size_t offset) {
  std::map<size_t, std::string> out;
  for (const auto& [k, text] : split.labels) out[offset + k] = text;
  return out;
}

}  // namespace

bool is_json_input(const std::string& path) {
  std::string ext = fs::u8path(path).extension().u8string();
  for (char& c : ext) c = core::ascii_lower(c);
  return ext == ".json";
}

model::Document read_input(const std::string& path) { return is_json_input(path) ? content::read_file(path) : markdown::read_file(path); }

ParseResult parse(const std::string& input, const std::string& json_dir) {
  model::Document doc = read_input(input);
  return ParseResult{content::to_json(doc, json_dir), doc.warnings};
}

BuildResult build(const BuildOptions& o) {
  refuse_overwriting_inputs(o.output, input_files(o));  // before the input is even read
  // soffice starts while the input is read and the DOCX written: the layout pass finds it ready.
  if ((o.paginate || !o.pdf.empty() || o.doc) && render::available()) render::prestart_workers(1);
  model::Document doc = read_inputs(o.inputs.empty() ? std::vector<std::string>{o.input} : o.inputs, o.meta);
  std::string profile_name = !o.profile.empty() ? o.profile : !doc.meta.profile.empty() ? doc.meta.profile : "xx-2014";
  profile::Profile profile = load_profile(profile_name, o.overrides);
  if ((o.paginate || !o.pdf.empty() || o.doc) && !render::available())
    throw Error(o.output, 0, "--paginate/--pdf/--doc 需要 LibreOffice 与 python3-uno,未找到",
                "--paginate/--pdf/--doc need LibreOffice and python3-uno, which are not installed");
  leave_out_bidder(doc, profile);
  BuildResult result;
  result.warnings = doc.warnings;
  A3Split a3;
  if (profile.page.a3_at_end) {
    a3 = split_a3(doc, profile);
    if (!a3.a3.empty()) doc = a3.rest;
  }
  if (!o.split_chapters) {
    // output.per-chapter (「各章单独做一个word文档」): a profile that asks for it gets a file of several
    // chapters only with a warning saying how to write them as the standard asks.
    if (profile.output.per_chapter) {
      int chapters = 0;
      for (const model::Block& b : doc.blocks)
        if (auto* h = std::get_if<model::Heading>(&b); h && h->level == 1) ++chapters;
      if (chapters > 1)
        result.warnings.push_back(model::Warning{
            0, "格式要求各章单独成一个 Word 文档,本文件含 " + std::to_string(chapters) + " 章;加 --split-chapters 每章写一个文件",
            "the profile asks for one Word file per chapter and this file holds " + std::to_string(chapters) +
                " chapters; --split-chapters writes one file per chapter"});
    }
    writer::WriteOptions wo;
    if (!a3.a3.empty()) {
      // After the last chapter, in chapter order.
      wo.captions = a3_captions(a3, doc.blocks.size());
      wo.caption_labels = a3_labels(a3, doc.blocks.size());
      doc.blocks.insert(doc.blocks.end(), a3.a3.begin(), a3.a3.end());
    }
    result.body_pages = write_one(doc, profile, wo, o.output, o, o.pdf, result.written);
    warn_identifying_text(result.written, profile, result.warnings);
    return result;
  }

  // output.per-chapter: one complete DOCX per level-1 heading, named after it; numbering continues.
  std::error_code ec;
  fs::create_directories(o.output, ec);
  if (ec || !fs::is_directory(o.output))
    throw Error(o.output, 0, "无法创建输出目录:" + ec.message(), "cannot create the output folder: " + ec.message());
  std::vector<size_t> starts;
  for (size_t i = 0; i < doc.blocks.size(); ++i)
    if (auto* h = std::get_if<model::Heading>(&doc.blocks[i]); h && h->level == 1) starts.push_back(i);
  if (starts.empty()) starts.push_back(0);
  starts.front() = 0;  // anything before the first chapter belongs to it
  // A reference into another chapter's file is written as the number it shows (a REF field
  // cannot point into another file); the numbers are the whole build's.
  const std::map<std::string, std::string> all_refs = !a3.a3.empty() ? a3.refs : ref_texts(writer::make_plan(doc, profile, nullptr, 1));
  for (size_t c = 0; c < starts.size(); ++c) {
    model::Document part;
    part.meta = doc.meta;
    part.meta.cover = false;
    part.meta.toc = false;
    part.source = doc.source;
    size_t end = c + 1 < starts.size() ? starts[c + 1] : doc.blocks.size();
    part.blocks.assign(doc.blocks.begin() + static_cast<long>(starts[c]), doc.blocks.begin() + static_cast<long>(end));
    std::string title;
    for (const model::Block& b : part.blocks)
      if (auto* h = std::get_if<model::Heading>(&b); h && h->level == 1) {
        title = plain(h->text);
        break;
      }
    std::vector<int> counters{static_cast<int>(c) + 1};
    std::string number = writer::format_number(profile.heading(1)->number, counters, 1);
    while (!number.empty() && number.back() == ' ') number.pop_back();
    std::string name = file_safe(number + (number.empty() || title.empty() ? "" : " ") + title);
    if (name.empty()) name = "chapter-" + std::to_string(c + 1);
    writer::WriteOptions wo;
    wo.first_chapter = static_cast<int>(c) + 1;
    wo.outside_refs = all_refs;
    std::string path = (fs::path(o.output) / (name + ".docx")).string();
    write_one(part, profile, wo, path, o, "", result.written);
  }
  // The A3 sections in a file of their own, after the chapters: 「A3附图附表.docx」.
  if (!a3.a3.empty()) {
    model::Document part;
    part.meta = doc.meta;
    part.meta.cover = false;
    part.meta.toc = false;
    part.source = doc.source;
    part.blocks = a3.a3;
    writer::WriteOptions wo;
    wo.captions = a3_captions(a3, 0);
    wo.caption_labels = a3_labels(a3, 0);
    wo.outside_refs = all_refs;
    write_one(part, profile, wo, (fs::path(o.output) / (std::string(kA3FileName) + ".docx")).string(), o, "", result.written);
  }
  warn_identifying_text(result.written, profile, result.warnings);
  return result;
}

void write_template(const std::string& profile_name, const std::string& output) {
  profile::Profile profile = load_profile(profile_name);
  auto text = core::resource("templates/template.md");
  model::Document doc = markdown::read(std::string(*text), "templates/template.md", ".");
  writer::WriteOptions wo;
  wo.word_template = true;
  wo.created = "2026-01-01T00:00:00Z";  // templates are regenerated in CI: keep them byte-stable
  writer::write_docx(doc, profile, wo, output);
}

std::string describe_profile(const std::string& profile, const std::vector<std::string>& overrides) {
  load_profile(profile, overrides);  // its quotes: too (profile::describe checks all the rest)
  return profile::describe(profile, overrides);
}

}  // namespace bidfmt
