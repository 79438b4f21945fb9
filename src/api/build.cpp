// build(): Markdown reader → model → profile → DOCX writer → (optional) LibreOffice layout pass.
#include <filesystem>

#include "api/bidfmt.h"
#include "markdown/reader.h"
#include "profile/profile.h"
#include "render/libreoffice.h"
#include "writer/docx_writer.h"

namespace bidfmt {

BuildResult build(const BuildOptions& options) {
  model::Document doc = markdown::read_file(options.input);
  std::string profile_name = !options.profile.empty()      ? options.profile
                             : !doc.meta.profile.empty() ? doc.meta.profile
                                                         : "xx-2014";
  profile::Profile profile = profile::load(profile_name);
  BuildResult result;
  result.warnings = doc.warnings;
  writer::WriteOptions wo;
  bool paginate = options.paginate || !options.pdf.empty();
  if (paginate && !render::available())
    throw Error(options.output, 0, "--paginate/--pdf 需要 LibreOffice 与 python3-uno,未找到",
                "--paginate/--pdf need LibreOffice and python3-uno, which are not installed");
  if (!paginate) {
    writer::write_docx(doc, profile, wo, options.output);
    return result;
  }
  // The draft goes to a temp file: a failed layout pass leaves no output behind.
  std::string draft = options.output + ".draft.docx";
  struct Remove {
    std::string path;
    ~Remove() {
      std::error_code ec;
      std::filesystem::remove(path, ec);
    }
  } cleanup{draft};
  writer::write_docx(doc, profile, wo, draft);

  // One layout pass over the draft: LibreOffice updates the TOC and computes PAGEREF _BodyEnd;
  // the numbers go back into bidfmt's own XML (a LibreOffice-saved DOCX is never shipped).
  render::LayoutOptions lo;
  lo.update_toc = true;
  lo.pdf = options.pdf;
  render::LayoutResult layout = render::layout(draft, lo);
  writer::Pagination pages;
  pages.body_pages = layout.body_pages;
  for (const auto& entry : layout.toc) pages.heading_pages.push_back(entry.second);
  wo.pages = &pages;
  writer::write_docx(doc, profile, wo, options.output);
  result.body_pages = layout.body_pages;
  return result;
}

}  // namespace bidfmt
