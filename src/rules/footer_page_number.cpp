// Rule footer.page-number: body footer shows 「第{PAGE}页，共{total}页」, centered, numbering from 1 at the body.
#include <cctype>
#include <set>

#include "docx/script.h"
#include "rules/checks.h"
#include "rules/describe.h"
#include "rules/kinds.h"

namespace bidfmt::rules {

// footer_page_number_rendered.cpp: the footers of the rendered pages (idle without a render).
void check_rendered_footers(const Context& ctx, Reporter& out);

namespace {

const RuleInfo kInfo{
    "footer.page-number",
    {"正文页脚页码", "body footer page numbers"},
    {"footer.text", "footer.align", "footer.size", "footer.restart_at_body"},
    Severity::error,
    true,
};

// The field's keyword (PAGE, NUMPAGES, PAGEREF, =, …) and its first argument.
std::pair<std::string, std::string> field_words(const std::string& instr) {
  std::string t = docx::trim(instr);
  std::string key, arg;
  size_t i = 0;
  if (!t.empty() && t[0] == '=') return {"=", docx::trim(t.substr(1))};
  while (i < t.size() && !std::isspace(static_cast<unsigned char>(t[i])) && t[i] != '\\')
    key += static_cast<char>(std::toupper(static_cast<unsigned char>(t[i++])));
  while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
  while (i < t.size() && !std::isspace(static_cast<unsigned char>(t[i])) && t[i] != '\\') arg += t[i++];
  if (arg.size() >= 2 && arg.front() == '"' && arg.back() == '"') arg = arg.substr(1, arg.size() - 2);
  return {key, arg};
}

bool is_total(const std::string& key) { return key == "NUMPAGES" || key == "SECTIONPAGES" || key == "PAGEREF" || key == "="; }

// Footer text with fields as {page}/{pages}, blanks dropped and commas made full-width.
std::string normalise(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (s.compare(i, 3, "\u3000") == 0) {
      i += 2;
      continue;
    }
    if (c == ',') {
      out += "，";
      continue;
    }
    out += c;
  }
  return out;
}

std::string shown(std::string pattern) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"{page}", "X"}, {"{pages}", "Y"}})
    for (size_t pos = pattern.find(from); pos != std::string::npos; pos = pattern.find(from)) pattern.replace(pos, from.size(), to);
  return pattern;
}

void check_total(const Context& ctx, Reporter& out, const Location& where, const std::string& key, const std::string& arg) {
  const docx::Document& doc = ctx.doc;
  int body_sections = 0;
  for (const docx::Section& s : doc.sections()) body_sections += s.role == docx::SectionRole::body;
  Text want{"PAGEREF 正文末尾书签(或单节正文的 SECTIONPAGES)",
            "PAGEREF to a bookmark at the end of the body (or SECTIONPAGES for a one-section body)"};
  if (key == "PAGEREF") {
    const std::vector<docx::Paragraph>& ps = doc.body().paragraphs;
    int at = -1;
    for (const docx::Paragraph& p : ps)
      for (const std::string& b : p.bookmarks)
        if (b == arg) at = p.index;
    if (at < 0) {
      out.add(kind::kTotalPages, where, want, plain("PAGEREF " + arg),
              Text{"总页数域 PAGEREF 指向的书签「" + arg + "」在正文中不存在",
                   "the total-pages field PAGEREF names bookmark '" + arg + "', which does not exist"});
      return;
    }
    for (size_t i = static_cast<size_t>(at) + 1; i < ps.size(); ++i) {
      if (ps[i].role == docx::Role::empty) continue;
      out.add(kind::kTotalPages, where, want, plain("PAGEREF " + arg),
              Text{"总页数域 PAGEREF 指向的书签「" + arg + "」不在正文末尾(第 " + std::to_string(ps[static_cast<size_t>(at)].number) +
                       " 段之后还有内容)",
                   "the total-pages field PAGEREF names bookmark '" + arg +
                       "', which is not at the end of the body (content follows paragraph " +
                       std::to_string(ps[static_cast<size_t>(at)].number) + ")"});
      return;
    }
  } else if (key == "SECTIONPAGES") {
    if (body_sections > 1)
      out.add(kind::kTotalPages, where, want, plain("SECTIONPAGES"),
              Text{"总页数用 SECTIONPAGES 只计本节页数,而正文有 " + std::to_string(body_sections) + " 节",
                   "SECTIONPAGES counts one section's pages, but the body has " + std::to_string(body_sections) + " sections"});
  } else if (key == "NUMPAGES") {
    if (doc.has_front_matter())
      out.add(kind::kTotalPages, where, want, plain("NUMPAGES"),
              Text{"总页数用 NUMPAGES 会计入封面和目录页,应只计正文页",
                   "NUMPAGES counts the cover and TOC pages too; the total must count body pages only"});
  } else if (key == "=") {
    out.add(kind::kTotalPages, where, want, plain("= " + arg),
            Text{"总页数用公式域「= " + arg + "」计算,无法静态核对是否只计正文页",
                 "the total is a formula field '= " + arg + "', which cannot be verified statically"})
        .severity = Severity::warning;
  }
}

void check_part(const Context& ctx, Reporter& out, const docx::Story& st, Location where) {
  const profile::HeaderFooter& hf = ctx.profile.header_footer;
  std::string want = normalise(hf.footer_text);
  // The text, its fields and the total they count are footer.text; alignment and size their own.
  const profile::ValueClass text_class = ctx.cls("footer.text");
  size_t m = out.mark();
  const docx::Paragraph* page_para = nullptr;
  for (const docx::Paragraph& p : st.paragraphs)
    for (const docx::Token& t : p.tokens)
      if (t.field && field_words(t.text).first == "PAGE" && !page_para) page_para = &p;
  if (!page_para) {
    out.add("page_field", where, plain(shown(want)), Text{"无页码域", "no PAGE field"},
            Text{"页脚没有页码(PAGE 域),应为「" + shown(want) + "」",
                 "the footer has no page number (PAGE field); expected '" + shown(want) + "'"});
    out.about(m, text_class);
    return;
  }
  where.paragraph = page_para->number;
  where.set_excerpt(docx::excerpt(page_para->text, 30));
  std::string actual, total_key, total_arg;
  for (const docx::Token& t : page_para->tokens) {
    if (!t.field) {
      actual += normalise(t.text);
      continue;
    }
    auto [key, arg] = field_words(t.text);
    if (key == "PAGE") actual += "{page}";
    else if (is_total(key)) {
      actual += "{pages}";
      if (total_key.empty()) {
        total_key = key;
        total_arg = arg;
      }
    } else {
      actual += "{" + key + "}";
    }
  }
  if (actual != want)
    out.add("format", where, plain(shown(want)), plain(shown(actual)),
            Text{"页脚为「" + shown(actual) + "」,应为「" + shown(want) + "」(X 为 PAGE 域,Y 为总页数域)",
                 "footer reads '" + shown(actual) + "'; expected '" + shown(want) + "' (X = PAGE field, Y = total-pages field)"});
  if (!total_key.empty()) check_total(ctx, out, where, total_key, total_arg);
  out.about(m, text_class);
  m = out.mark();
  if (!page_para->table) check_align(ctx, out, *page_para, hf.footer_align, where);
  out.about(m, ctx.cls("footer.align"));
  m = out.mark();
  check_size(ctx, out, *page_para, hf.footer_size, where, true);
  out.about(m, ctx.cls("footer.size"));
}

void check(const Context& ctx, Reporter& out) {
  const profile::HeaderFooter& hf = ctx.profile.header_footer;
  const profile::ValueClass text_class = ctx.cls("footer.text"), restart_class = ctx.cls("footer.restart_at_body");
  size_t m = out.mark();
  check_rendered_footers(ctx, out);  // check --render: the footers as printed
  out.about(m, text_class);
  std::set<std::string> seen;
  int first_body = ctx.doc.first_body_section();
  for (const docx::Section& s : ctx.doc.sections()) {
    if (s.role != docx::SectionRole::body) continue;
    std::string sec = std::to_string(s.number);
    Location where = ctx.at_section(s.number);
    // Numbering: restart at 1 on the first body page, then continue.
    m = out.mark();
    if (hf.restart_at_body) {
      if (s.number == first_body) {
        bool need = ctx.doc.has_front_matter();
        if ((need && s.page_start.value_or(0) != 1) || (!need && s.page_start && *s.page_start != 1))
          out.add(kind::kRestart, where, Text{"从 1 开始", "starts at 1"},
                  s.page_start ? Text{"从 " + std::to_string(*s.page_start) + " 开始", "starts at " + std::to_string(*s.page_start)}
                               : Text{"接续前文", "continues"},
                  Text{"正文第一节(第 " + sec + " 节)页码应从 1 开始(w:pgNumType w:start=\"1\")",
                       "the first body section (section " + sec + ") must restart page numbers at 1 (w:pgNumType w:start=\"1\")"});
      } else if (s.page_start) {
        out.add(kind::kRestart, where, Text{"接续前文", "continues"},
                Text{"从 " + std::to_string(*s.page_start) + " 开始", "starts at " + std::to_string(*s.page_start)},
                Text{"第 " + sec + " 节页码重新从 " + std::to_string(*s.page_start) + " 编号,正文页码应连续",
                     "section " + sec + " restarts page numbers at " + std::to_string(*s.page_start) +
                         "; body pages must be numbered continuously"});
      }
    }
    out.about(m, restart_class);
    m = out.mark();
    if (!s.page_format.empty() && s.page_format != "decimal")
      out.add(kind::kNumberFormat, where, Text{"阿拉伯数字", "arabic"}, plain(std::string(s.page_format)),
              Text{"第 " + sec + " 节页码格式为 " + std::string(s.page_format) + ",应为阿拉伯数字",
                   "section " + sec + " page numbers are " + std::string(s.page_format) + "; expected arabic (decimal)"});
    for (const auto& [kind, part] : shown_parts(ctx, s, false)) {
      const docx::Story* st = part.empty() ? nullptr : ctx.doc.story(part);
      if (!st || !st->has_content) {
        std::string want = shown(normalise(hf.footer_text));
        out.add(kind::kMissing, where, plain(want), Text{"无", "none"},
                Text{"第 " + sec + " 节(正文)没有页脚页码,应为「" + want + "」",
                     "section " + sec + " (body) has no footer page number; expected '" + want + "'"});
        out.about(m, text_class);
        continue;
      }
      if (!seen.insert(part).second) continue;
      Location at = where;
      at.set_part(part);
      check_part(ctx, out, *st, at);
    }
  }
}

}  // namespace

const Rule& footer_page_number_rule() {
  static const Rule r{kInfo, check};
  return r;
}

}  // namespace bidfmt::rules
