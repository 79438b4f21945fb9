// write_docx: plans the document, then writes every part into one zip, atomically.
#include "writer/docx_writer.h"

#include <cstdlib>
#include <ctime>

#include "core/file_io.h"
#include "package/zip_writer.h"
#include "writer/parts.h"

namespace bidfmt::writer {
namespace {

// W3CDTF timestamp: the given one, else SOURCE_DATE_EPOCH (reproducible builds), else now.
std::string timestamp(const std::string& given) {
  if (!given.empty()) return given;
  std::time_t t = std::time(nullptr);
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) t = static_cast<std::time_t>(std::strtoll(e, nullptr, 10));
  char buf[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

void write_docx(const model::Document& doc, const profile::Profile& profile, const WriteOptions& options, const std::string& path) {
  Plan plan = make_plan(doc, profile, options.pages, options.first_chapter, options.outside_refs.empty() ? nullptr : &options.outside_refs);
  plan.layout_draft = options.layout_draft;
  for (const auto& [block, text] : options.captions) plan.caption[block] = text;
  for (const auto& [block, label] : options.caption_labels) {
    plan.caption_label[block] = label;
    if (auto b = plan.ref_bookmark.find(block); b != plan.ref_bookmark.end())
      for (auto& [id, target] : plan.refs)
        if (target.bookmark == b->second) target.text = label;
  }
  std::string created = timestamp(options.created);
  core::write_path_atomically(path, [&](const std::string& tmp) {
    package::ZipWriter zip(tmp);
    zip.add("[Content_Types].xml", content_types_xml(plan, options.word_template));
    zip.add("_rels/.rels", package_rels_xml());
    write_document_xml(doc, profile, plan, zip);
    zip.add("word/_rels/document.xml.rels", document_rels_xml(plan));
    zip.add("word/styles.xml", styles_xml(profile));
    zip.add("word/numbering.xml", numbering_xml(profile, plan));
    zip.add("word/settings.xml", settings_xml(!plan.pages_known && doc.meta.toc, plan.footnotes));
    if (plan.footnotes) zip.add("word/footnotes.xml", footnotes_xml(doc, profile, plan));
    zip.add("word/fontTable.xml", font_table_xml(profile));
    for (const Geometry& g : plan.geometries) {
      zip.add(g.header_part, header_xml(profile, doc.meta, g));
      zip.add(g.footer_part, footer_xml(profile, plan));
    }
    for (const Image& img : plan.images) zip.add(img.part, core::read_file(img.source));
    zip.add("docProps/core.xml", core_xml(doc.meta, created));
    zip.add("docProps/app.xml", app_xml());
    zip.close();
  });
}

}  // namespace bidfmt::writer
