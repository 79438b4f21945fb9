// HTML report: one self-contained page for reviewers — summary by rule, findings filterable by
// rule, and with --render the rendered pages as thumbnails with the places of findings marked.
#include <map>
#include <set>
#include <sstream>

#include "report/change_log.h"
#include "report/report.h"
#include "rules/registry.h"

namespace bidfmt::report {
namespace {

// ---- helpers ------------------------------------------------------------------------------

std::string esc(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string base64(const std::string& in) {
  static const char* t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v =
        (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) | static_cast<unsigned char>(in[i + 2]);
    out += t[v >> 18];
    out += t[(v >> 12) & 63];
    out += t[(v >> 6) & 63];
    out += t[v & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += t[v >> 18];
    out += t[(v >> 12) & 63];
    out += i + 1 < in.size() ? t[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// Findings only a rendered layout shows: the render-only rules and the rendered footer checks.
bool from_render(const rules::Finding& f) {
  return f.rule() == "toc.page-numbers" || f.rule() == "layout.short-last-page" || f.rule() == "table.same-width" ||
         f.kind().rfind("rendered_", 0) == 0;
}

struct Ui {
  bool en;
  const char* s(const char* zh, const char* en_text) const { return en ? en_text : zh; }
};

std::string location_html(const rules::Finding& f, size_t file, const Ui& ui) {
  const rules::Location& l = f.where();
  std::vector<std::string> parts;
  auto n = [](int v) { return std::to_string(v); };
  if (shows_part(l)) parts.push_back(esc(l.part()));
  if (l.section) parts.push_back(ui.en ? "section " + n(l.section) : "第 " + n(l.section) + " 节");
  if (l.table) {
    std::string t = ui.en ? "table " + n(l.table) : "表格 " + n(l.table);
    if (l.row) t += ui.en ? " row " + n(l.row) + " col " + n(l.column) : " 第 " + n(l.row) + " 行第 " + n(l.column) + " 列";
    parts.push_back(t);
  }
  if (l.paragraph) parts.push_back(ui.en ? "paragraph " + n(l.paragraph) : "第 " + n(l.paragraph) + " 段");
  if (l.page)
    parts.push_back("<a class=\"pg\" href=\"#p-" + n(static_cast<int>(file)) + "-" + n(l.page) + "\">" +
                    (ui.en ? "PDF page " + n(l.page) : "PDF 第 " + n(l.page) + " 页") + "</a>");
  std::string s;
  for (size_t i = 0; i < parts.size(); ++i) s += (i ? " · " : "") + parts[i];
  if (!l.heading_path().empty()) s += "<div class=\"path\">" + esc(l.heading_path()) + "</div>";
  if (!l.excerpt().empty()) s += "<div class=\"excerpt\">「" + esc(l.excerpt()) + "」</div>";
  return s;
}

const char* kStyle = R"CSS(
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 "Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:#1d2733;background:#f4f6f9}
.banner{background:#1f4e79;color:#fff;padding:18px 28px}
.banner h1{margin:0;font-size:22px}
.banner .meta{opacity:.85;font-size:13px;margin-top:4px}
main{padding:18px 28px 40px}
h2{font-size:18px;margin:22px 0 10px}
.cards{display:flex;gap:14px;flex-wrap:wrap;margin:8px 0 14px}
.card{background:#fff;border-radius:8px;padding:10px 18px;box-shadow:0 1px 3px rgba(0,0,0,.12);min-width:120px}
.card b{display:block;font-size:26px}
.card.err b{color:#c0392b}.card.warn b{color:#b7791f}.card.ok b{color:#2f855a}
table{border-collapse:collapse;width:100%;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.12)}
th,td{border-bottom:1px solid #e3e8ef;padding:6px 10px;text-align:left;vertical-align:top}
th{background:#eaf0f7;font-weight:600}
tr.rule{cursor:pointer}
tr.rule:hover{background:#f0f6ff}
tr.rule.on{background:#dbeafe}
.sev{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;color:#fff;white-space:nowrap}
.sev.error{background:#c0392b}.sev.warning{background:#b7791f}
code{font-family:"DejaVu Sans Mono",monospace;font-size:12px}
.path{color:#5a6b7d;font-size:12px}
.excerpt{color:#374151;font-size:12px}
.ev{font-size:12px;color:#374151}
.bar{margin:10px 0;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
button{border:1px solid #9fb3c8;background:#fff;border-radius:6px;padding:3px 10px;cursor:pointer;font:inherit}
button:hover{background:#eef4fb}
.file{margin-top:26px}
.status{font-size:13px;color:#5a6b7d}
.failed{color:#c0392b}
.pages{display:flex;flex-wrap:wrap;gap:14px;margin-top:12px}
.page{margin:0;background:#fff;padding:6px;border:3px solid transparent;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
.page.flagged{border-color:#c0392b}
.page figcaption{text-align:center;font-size:12px;color:#5a6b7d}
.thumb{position:relative;line-height:0}
.thumb img{display:block;border:1px solid #d5dbe3}
.marker{position:absolute;right:-4px;transform:translateY(-50%);min-width:18px;height:18px;border-radius:9px;background:#c0392b;color:#fff;
 font-size:11px;line-height:18px;text-align:center;text-decoration:none;padding:0 4px;box-shadow:0 0 0 2px #fff}
.marker.warning{background:#b7791f}
.marker.page-wide{left:-4px;right:auto;transform:none}
tr.finding:target{background:#fff6d6}
[hidden]{display:none!important}
)CSS";

const char* kScript = R"JS(
(function(){
  var active = null;
  function apply(){
    document.querySelectorAll('[data-rule]').forEach(function(el){
      if (el.classList.contains('rule')) { el.classList.toggle('on', active !== null && active === el.dataset.rule); return; }
      el.hidden = active !== null && el.dataset.rule !== active;
    });
    var label = document.getElementById('filter-label');
    if (label) label.textContent = active === null ? label.dataset.all : active;
  }
  document.querySelectorAll('tr.rule').forEach(function(tr){
    tr.addEventListener('click', function(){ active = (active === tr.dataset.rule) ? null : tr.dataset.rule; apply(); });
  });
  var all = document.getElementById('show-all');
  if (all) all.addEventListener('click', function(){ active = null; apply(); });
  apply();
})();
)JS";

}  // namespace

// 「fix 将做的修改」: the change log of a dry run of fix, applied changes first, then what it would
// leave alone and why.
static void write_fix_preview(std::ostream& os, const FileReport& f, Lang lang, const Ui& ui) {
  if (!f.fix_previewed) {
    if (!f.fix_error.zh.empty())
      os << "<h3>" << ui.s("fix 将做的修改", "What fix would change") << "</h3>\n<p class=\"failed\">"
         << ui.s("fix 无法运行:", "fix cannot run: ") << esc(f.fix_error.in(lang)) << "</p>\n";
    return;
  }
  os << "<section class=\"fix-preview\"><h3>" << ui.s("fix 将做的修改", "What fix would change") << "</h3>\n";
  size_t applied = 0;
  for (const rules::Change& c : f.fix_changes) applied += c.applied;
  if (applied == 0) os << "<p>" << ui.s("无需修改", "nothing to change") << "</p>\n";
  for (bool done : {true, false}) {
    std::vector<const rules::Change*> list;
    for (const rules::Change& c : f.fix_changes)
      if (c.applied == done) list.push_back(&c);
    if (list.empty()) continue;
    if (!done) os << "<p>" << ui.s("不修改(需人工判断):", "Left alone (for a person to decide):") << "</p>\n";
    os << "<table class=\"changes\"><thead><tr><th>" << ui.s("位置", "Location") << "</th><th>" << ui.s("规则", "Rule") << "</th><th>"
       << ui.s("修改", "Change") << "</th><th>" << ui.s("原值", "Before") << "</th><th>" << ui.s("新值", "After")
       << "</th></tr></thead><tbody>\n";
    for (const rules::Change* c : list) {
      std::string where = c->where.section ? (ui.en ? "section " + std::to_string(c->where.section) + " "
                                                    : "第 " + std::to_string(c->where.section) + " 节 ")
                                           : "";
      os << "<tr class=\"change" << (done ? "" : " left-alone") << "\"><td>" << esc(where + place_text(c->where, lang)) << "</td><td><code>"
         << esc(c->rule) << "</code></td><td>" << esc(c->what.in(lang)) << "</td><td class=\"ev\">" << esc(c->before.in(lang))
         << "</td><td class=\"ev\">" << esc(c->after.in(lang)) << "</td></tr>\n";
    }
    os << "</tbody></table>\n";
  }
  os << "</section>\n";
}

void write_html(std::ostream& os, const std::vector<FileReport>& files, const ReportOptions& o) {
  Ui ui{o.lang == Lang::en};
  int errors = 0, warnings = 0, failed = 0;
  std::map<std::string, std::pair<int, int>> by_rule;  // rule → errors, warnings
  for (const FileReport& f : files) {
    if (!f.checked) ++failed;
    for (const rules::Finding& x : f.findings) {
      auto& c = by_rule[x.rule()];
      (x.severity == rules::Severity::error ? c.first : c.second)++;
      (x.severity == rules::Severity::error ? errors : warnings)++;
    }
  }
  std::string title = ui.s("bidfmt 格式检查报告", "bidfmt format check report");
  os << "<!DOCTYPE html>\n<html lang=\"" << (ui.en ? "en" : "zh-CN") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
     << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
     << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
     << "<title>" << esc(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
  os << "<header class=\"banner\" id=\"top\"><h1>" << esc(title) << "</h1><div class=\"meta\">" << ui.s("格式配置 ", "profile ")
     << esc(o.profile_id) << " (" << esc(o.profile_source) << ") · bidfmt " << esc(o.tool_version) << "</div></header>\n<main>\n";

  // ---- summary ----------------------------------------------------------------------------
  os << "<section id=\"summary\"><h2>" << ui.s("汇总", "Summary") << "</h2>\n<div class=\"cards\">"
     << "<div class=\"card\"><b>" << files.size() << "</b>" << ui.s("个文件", "files") << "</div>"
     << "<div class=\"card " << (errors ? "err" : "ok") << "\"><b>" << errors << "</b>" << ui.s("处错误", "errors") << "</div>"
     << "<div class=\"card warn\"><b>" << warnings << "</b>" << ui.s("处警告", "warnings") << "</div>";
  if (failed) os << "<div class=\"card err\"><b>" << failed << "</b>" << ui.s("个文件无法检查", "files not checked") << "</div>";
  os << "</div>\n";
  if (by_rule.empty()) {
    os << "<p>" << ui.s("未发现格式问题。", "No findings.") << "</p>\n";
  } else {
    os << "<table class=\"rules\"><thead><tr><th>" << ui.s("规则", "Rule") << "</th><th>" << ui.s("说明", "Description") << "</th><th>"
       << ui.s("错误", "Errors") << "</th><th>" << ui.s("警告", "Warnings") << "</th></tr></thead><tbody>\n";
    for (const rules::Rule* r : rules::all_rules()) {
      auto it = by_rule.find(r->info.id);
      if (it == by_rule.end()) continue;
      os << "<tr class=\"rule\" data-rule=\"" << esc(r->info.id) << "\" title=\"" << esc(profile::quote_of(o.quotes, r->info.id))
         << "\"><td><code>" << esc(r->info.id) << "</code></td><td>" << esc(r->info.summary.in(o.lang)) << "</td><td>" << it->second.first
         << "</td><td>" << it->second.second << "</td></tr>\n";
    }
    os << "</tbody></table>\n<div class=\"bar\"><span>" << ui.s("筛选:", "Filter:") << "</span><b id=\"filter-label\" data-all=\""
       << ui.s("全部规则", "all rules") << "\">" << ui.s("全部规则", "all rules") << "</b><button id=\"show-all\" type=\"button\">"
       << ui.s("显示全部", "Show all") << "</button><span class=\"status\">"
       << ui.s("(点击规则行只看该规则)", "(click a rule to show only its findings)") << "</span></div>\n";
  }
  os << "</section>\n";

  // ---- files ------------------------------------------------------------------------------
  for (size_t fi = 0; fi < files.size(); ++fi) {
    const FileReport& f = files[fi];
    std::string fid = std::to_string(fi);
    os << "<section class=\"file\" id=\"file-" << fid << "\"><h2>" << esc(f.path) << "</h2>\n";
    if (!f.checked) {
      os << "<p class=\"failed\">" << ui.s("无法检查:", "could not check: ") << esc(f.error.in(o.lang)) << "</p></section>\n";
      continue;
    }
    rules::Counts c = rules::count(f.findings);
    os << "<p class=\"status\">"
       << (ui.en ? std::to_string(c.errors) + " error(s), " + std::to_string(c.warnings) + " warning(s)"
                 : "错误 " + std::to_string(c.errors) + " 处,警告 " + std::to_string(c.warnings) + " 处");
    if (f.rendered) os << ui.s(" · 已由 LibreOffice 排版渲染核对", " · checked on the pages as LibreOffice lays them out");
    os << "</p>\n";
    if (!f.findings.empty()) {
      os << "<table class=\"findings\"><thead><tr><th>" << ui.s("级别", "Severity") << "</th><th>" << ui.s("规则", "Rule") << "</th><th>"
         << ui.s("位置", "Location") << "</th><th>" << ui.s("问题", "Finding") << "</th><th>" << ui.s("应为", "Expected") << "</th><th>"
         << ui.s("实际", "Actual") << "</th></tr></thead><tbody>\n";
      for (size_t k = 0; k < f.findings.size(); ++k) {
        const rules::Finding& x = f.findings[k];
        bool err = x.severity == rules::Severity::error;
        os << "<tr class=\"finding\" id=\"f-" << fid << "-" << k << "\" data-rule=\"" << esc(x.rule()) << "\""
           << (x.where().page ? " data-page=\"" + std::to_string(x.where().page) + "\"" : "") << "><td><span class=\"sev "
           << (err ? "error" : "warning") << "\">" << (err ? ui.s("错误", "error") : ui.s("警告", "warning")) << "</span></td><td><code>"
           << esc(x.rule()) << "</code></td><td>" << location_html(x, fi, ui) << "</td><td>" << esc(x.message().in(o.lang))
           << "</td><td class=\"ev\">" << esc(x.expected().in(o.lang)) << "</td><td class=\"ev\">" << esc(x.actual().in(o.lang))
           << "</td></tr>\n";
      }
      os << "</tbody></table>\n";
    }
    write_fix_preview(os, f, o.lang, ui);
    if (!f.pages.empty()) {
      os << "<h2>" << ui.s("渲染页面", "Rendered pages") << "</h2>\n<div class=\"pages\">\n";
      for (size_t pi = 0; pi < f.pages.size(); ++pi) {
        const PageView& pv = f.pages[pi];
        int page = static_cast<int>(pi) + 1;
        bool flagged = false;
        for (const rules::Finding& x : f.findings) flagged |= x.where().page == page && from_render(x);
        os << "<figure class=\"page" << (flagged ? " flagged" : "") << "\" id=\"p-" << fid << "-" << page << "\"><div class=\"thumb\">";
        if (!pv.png.empty()) os << "<img alt=\"" << page << "\" src=\"data:image/png;base64," << base64(pv.png) << "\">";
        int wide_markers = 0;
        for (size_t k = 0; k < f.findings.size(); ++k) {
          const rules::Finding& x = f.findings[k];
          if (x.where().page != page) continue;
          double y = k < f.finding_y.size() ? f.finding_y[k] : -1;
          bool wide = y < 0 || from_render(x);
          os << "<a class=\"marker" << (x.severity == rules::Severity::error ? "" : " warning") << (wide ? " page-wide" : "")
             << "\" data-rule=\"" << esc(x.rule()) << "\" href=\"#f-" << fid << "-" << k << "\" title=\""
             << esc(x.rule() + ": " + x.message().in(o.lang)) << "\"";
          if (wide) os << " style=\"top:" << 6 + 22 * wide_markers++ << "px\"";
          else os << " style=\"top:" << static_cast<int>(y * 1000) / 10.0 << "%\"";
          os << ">" << k + 1 << "</a>";
        }
        os << "</div><figcaption>" << (ui.en ? "page " + std::to_string(page) : "第 " + std::to_string(page) + " 页")
           << "</figcaption></figure>\n";
      }
      os << "</div>\n";
    }
    os << "</section>\n";
  }
  os << "</main>\n<script>" << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace bidfmt::report
