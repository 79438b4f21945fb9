// Rule output.per-chapter (Standard B): one chapter per file, the file named after the chapter.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <filesystem>

#include "docx/labels.h"
#include "docx/script.h"
#include "rules/describe.h"
#include "rules/heading_common.h"
#include "rules/rule.h"

namespace bidfmt::rules {
namespace {

const RuleInfo kInfo{
    "output.per-chapter",
    {"各章单独成文件", "one file per chapter"},
    {"output.per_chapter"},
    Severity::error,
    false,  // splitting a file or renaming it is the writer's (build --split-chapters does it)
};

// A name as compared: full and half width folded (NFKC: 「第２章」 = 「第2章」, U+3000 = space),
// blanks left out (「第二章 工程概况」 = 「第二章  工程概况」 = 「第二章工程概况」, the standard's example).
std::string comparable(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  if (U_SUCCESS(status)) {
    icu::UnicodeString folded = nfkc->normalize(u, status);
    if (U_SUCCESS(status)) u = folded;
  }
  icu::UnicodeString out;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (!u_isUWhiteSpace(c)) out.append(c);
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

// A file name a writer gave the chapter: one with a Chinese character. A name of Latin letters and
// digits only (b.docx, a web upload's document.docx) names no chapter and is not judged.
bool names_a_chapter(const std::string& stem) {
  bool cjk = false;
  docx::for_each_code_point(stem, [&](char32_t c) { cjk |= docx::font_slot(c, false) == docx::FontSlot::east_asia; });
  return cjk;
}

bool applies(const Context& ctx) { return ctx.profile.output.per_chapter; }

// The length of the chapter label a comparable name starts with (「第二章」), or 0: the profile's
// first heading level, its blanks left out as in comparable().
size_t chapter_label(const std::string& name, const profile::Profile& profile) {
  if (profile.headings.empty()) return 0;
  std::vector<profile::NumberLevel> levels{profile.headings.front().number};
  levels.front().text = comparable(levels.front().text);
  auto m = docx::match_label(name, levels, 0);
  return m ? m->length : 0;
}

// Whether the file name is the chapter's: equal once compared, or — when the heading shows no
// number (heading.l1 reports that) — the name's label followed by the heading's text.
bool same_name(const std::string& stem, const std::string& title, const profile::Profile& profile) {
  const std::string a = comparable(stem), b = comparable(title);
  if (a == b) return true;
  if (chapter_label(b, profile)) return false;
  const size_t label = chapter_label(a, profile);
  return label > 0 && a.compare(label, std::string::npos, b) == 0;
}

void check(const Context& ctx, Reporter& out) {
  const size_t mark = out.mark();
  std::vector<const docx::Paragraph*> chapters;
  for (const docx::Paragraph& p : ctx.doc.body().paragraphs)
    if (p.role == docx::Role::heading && p.heading_level == 1 && ctx.in_body(p.section)) chapters.push_back(&p);
  if (chapters.size() > 1) {
    const std::string n = std::to_string(chapters.size());
    for (size_t i = 1; i < chapters.size(); ++i) {
      const std::string title = heading_shown(*chapters[i]);
      out.add("chapters", ctx.at(*chapters[i]), Text{"每个文件一章", "one chapter per file"}, Text{n + " 章", n + " chapters"},
              Text{"文件含 " + n + " 个章标题:「" + title + "」应单独成一个文档(各章单独做一个word文档)",
                   "the file holds " + n + " chapter headings: '" + title + "' belongs in a file of its own"});
    }
  }
  if (!chapters.empty()) {
    const std::string stem = std::filesystem::u8path(ctx.doc.path()).stem().u8string();
    const std::string title = heading_shown(*chapters.front());
    if (names_a_chapter(stem) && !same_name(stem, title, ctx.profile))
      out.add("file_name", ctx.at(*chapters.front()), plain(title), plain(stem),
              Text{"文档名称「" + stem + "」与章名称「" + title + "」不一致",
                   "the file name '" + stem + "' is not the chapter's title '" + title + "'"});
  }
  out.about(mark, ctx.cls("output.per_chapter"));
}

}  // namespace

const Rule& output_per_chapter_rule() {
  static const Rule r{kInfo, check, applies};
  return r;
}

}  // namespace bidfmt::rules
