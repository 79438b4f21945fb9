// Rule header.none-on-toc: cover and TOC pages carry no header and no footer.
#include "rules/checks.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "header.none-on-toc",
    {"目录页(及封面)不设页眉页脚", "no header or footer on TOC and cover pages"},
    {"header.on_toc", "header.on_cover"},
    Severity::error,
    true,
};

Text kind_text(bool header) { return header ? Text{"页眉", "header"} : Text{"页脚", "footer"}; }

void check(const Context& ctx, Reporter& out) {
  const profile::HeaderFooter& hf = ctx.profile.header_footer;
  for (const docx::Section& s : ctx.doc.sections()) {
    const size_t m = out.mark();
    bool toc_in_body = false;
    if (s.role == docx::SectionRole::body) {
      // A TOC sharing its section with the body gets the body's header and footer.
      for (int i = s.first_paragraph; i <= s.last_paragraph; ++i)
        if (ctx.doc.body().paragraphs[static_cast<size_t>(i)].role == docx::Role::toc) toc_in_body = true;
      if (!toc_in_body || hf.header_on_toc) continue;
    } else if ((s.role == docx::SectionRole::toc && hf.header_on_toc) || (s.role == docx::SectionRole::cover && hf.header_on_cover)) {
      continue;
    }
    Text what = s.role == docx::SectionRole::cover ? Text{"封面", "cover"} : Text{"目录", "TOC"};
    for (bool header : {true, false}) {
      for (const auto& [kind, part] : shown_parts(ctx, s, header)) {
        const docx::Story* st = part.empty() ? nullptr : ctx.doc.story(part);
        if (!st || !st->has_content) continue;
        Text k = kind_text(header);
        Location l = ctx.at_section(s.number);
        l.set_part(part);
        std::string sec = std::to_string(s.number);
        Text msg = toc_in_body
                       ? Text{"目录与正文同在第 " + sec + " 节,目录页会显示正文的" + k.zh + "(" + part + ");目录应单独成节且不设页眉页脚",
                              "the TOC shares section " + sec + " with the body, so TOC pages show the body " + k.en + " (" + part +
                                  "); give the TOC its own section without header or footer"}
                       : Text{"第 " + sec + " 节(" + what.zh + ")有" + k.zh + "(" + part + ")," + what.zh + "页不应设页眉页脚",
                              "section " + sec + " (" + what.en + ") has a " + k.en + " (" + part + "); " + what.en +
                                  " pages must have no header or footer"};
        out.add(header ? "header" : "footer", l, Text{"无", "none"}, k, msg);
      }
    }
    out.about(m, ctx.cls(s.role == docx::SectionRole::cover ? "header.on_cover" : "header.on_toc"));
  }
}

}  // namespace

const Rule& header_none_on_toc_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
