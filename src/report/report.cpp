// Report format names and dispatch.
#include "report/report.h"

namespace bidfmt::report {

bool shows_part(const rules::Location& l) { return !l.part().empty() && l.part() != "word/document.xml"; }

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  if (name == "sarif") return Format::sarif;
  if (name == "junit") return Format::junit;
  if (name == "html") return Format::html;
  return std::nullopt;
}

void write_report(std::ostream& os, Format f, const std::vector<FileReport>& files, const ReportOptions& o) {
  switch (f) {
    case Format::text: write_text(os, files, o); break;
    case Format::json: write_json(os, files, o); break;
    case Format::sarif: write_sarif(os, files, o); break;
    case Format::junit: write_junit(os, files, o); break;
    case Format::html: write_html(os, files, o); break;
  }
}

}  // namespace bidfmt::report
