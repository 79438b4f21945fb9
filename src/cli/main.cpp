// bidfmt command line: a CLI11 command tree (build / parse / check / fix / profiles / template / explain);
// exit 0 ok, 1 findings, 2 could not run. Usage errors are one line in the user's language, then the
// command's usage, exit 2.
#include <cstring>
#include <iostream>
#include <vector>

#include "cli/cli.h"
#include "core/error.h"
#include "core/heap.h"

#ifndef BIDFMT_VERSION
#define BIDFMT_VERSION "dev"
#endif

namespace bidfmt::cli {
namespace {

const CLI::App* g_current = nullptr;
const CLI::App* g_root = nullptr;

// The chosen command, deepest first: `profiles show` rather than `profiles`.
const CLI::App* deepest_selected(const CLI::App* app) {
  for (;;) {
    std::vector<const CLI::App*> subs;
    for (const CLI::App* s : app->get_subcommands()) subs.push_back(s);
    if (subs.empty()) return app;
    app = subs.front();
  }
}

// "bidfmt profiles show": the command's full name, for the usage line and the --help hint.
std::string full_name(const CLI::App* app) {
  std::string name = app->get_name();
  for (const CLI::App* p = app->get_parent(); p; p = p->get_parent()) name = p->get_name() + " " + name;
  return name;
}

// What the root's help says after the list of subcommands: every command at a glance.
std::string overview(Lang lang) {
  if (lang == Lang::en)
    return "Usage at a glance:\n"
           "  bidfmt build proposal.md -o bid.docx [--profile xx-2014] [--override tender.yaml]\n"
           "               [--paginate] [--pdf bid.pdf] [--doc] [--split-chapters -o outdir/] [--quiet]\n"
           "  bidfmt build 01.md 02.json … -o bid.docx [--meta bid.yaml]   (Markdown or JSON content: docs/content.md)\n"
           "  bidfmt parse proposal.md [-o proposal.json]\n"
           "  bidfmt check bid.docx|bid.doc|bid.wps|bid.rtf|bid.odt [more files or folders…] [--profile NAME]\n"
           "               [--override FILE] [--project NAME] [--format text|json|sarif|junit|html] [-o REPORT] [--quiet]\n"
           "               [--jobs N] [--render] [--annotate commented.docx] [--anonymous [--identity identity.yaml]] [--strict]\n"
           "  bidfmt fix bid.docx -o out.docx | --in-place | --dry-run [--profile NAME] [--override FILE]\n"
           "             [--project NAME] [--anonymous] [--strict] [--keep-text] [--log changes.json]\n"
           "  bidfmt profiles list | show NAME [--override FILE] | validate FILE\n"
           "  bidfmt template --profile NAME -o template.dotx\n"
           "  bidfmt explain RULE-ID | --all\n"
           "  bidfmt serve [--host 127.0.0.1] [--port 8080] [--token T] [--max-upload 100MB] [--jobs N]\n"
           "               [--queue N] [--timeout SECONDS] (the team's web page and HTTP API; docs/serve.md)\n"
           "  bidfmt --help | --version;  bidfmt COMMAND --help\n"
           "\n"
           "Common option: --lang zh|en  message language (default Chinese)\n"
           "Exit status: 0 clean, 1 format findings, 2 could not run (bad file, profile or command line)\n"
           "More: man bidfmt\n";
  return "用法一览:\n"
         "  bidfmt build 标书.md -o 技术标.docx [--profile xx-2014] [--override 招标要求.yaml]\n"
         "               [--paginate] [--pdf 技术标.pdf] [--doc] [--split-chapters -o 输出目录/] [--quiet]\n"
         "  bidfmt build 01-概况.md 02-施工方案.json … -o 技术标.docx [--meta 标书.yaml]   (Markdown 或 JSON 内容:见 docs/content.md)\n"
         "  bidfmt parse 标书.md [-o 标书.json]\n"
         "  bidfmt check 投标文件.docx|.doc|.wps|.rtf|.odt [更多文件或目录…] [--profile 名称] [--override 文件]\n"
         "               [--project 项目名称] [--format text|json|sarif|junit|html] [-o 报告文件] [--jobs N] [--quiet]\n"
         "               [--render] [--annotate 批注版.docx] [--anonymous [--identity 身份信息.yaml]] [--strict]\n"
         "  bidfmt fix 投标文件.docx -o 输出.docx | --in-place | --dry-run [--profile 名称] [--override 文件]\n"
         "             [--project 项目名称] [--anonymous] [--strict] [--keep-text] [--log 修改记录.json]\n"
         "  bidfmt profiles list | show 名称 [--override 文件] | validate 文件\n"
         "  bidfmt template --profile 名称 -o 模板.dotx\n"
         "  bidfmt explain 规则ID | --all\n"
         "  bidfmt serve [--host 127.0.0.1] [--port 8080] [--token 令牌] [--max-upload 100MB] [--jobs N]\n"
         "               [--queue N] [--timeout 秒](团队网页与 HTTP API;见 docs/serve.md)\n"
         "  bidfmt --help | --version;  bidfmt 子命令 --help\n"
         "\n"
         "通用选项: --lang zh|en  消息语言(默认中文)\n"
         "退出状态: 0 无问题, 1 发现格式问题, 2 无法执行(文件、配置或命令行错误)\n"
         "详见: man bidfmt\n";
}

// The first option-looking word among CLI11's leftovers, or the first leftover.
std::string first_extra(const CLI::App* app, const std::string& what) {
  std::vector<std::string> rest = app->remaining();
  for (const std::string& s : rest)
    if (s.size() > 1 && s[0] == '-') return s;
  if (!rest.empty()) return rest.front();
  size_t colon = what.rfind(": ");
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

// The option a CLI11 message is about: its first word that starts with '-'.
std::string option_in(const std::string& what) {
  size_t at = what.find('-');
  while (at != std::string::npos && at > 0 && what[at - 1] != ' ') at = what.find('-', at + 1);
  if (at == std::string::npos) return "";
  size_t end = what.find_first_of(" :", at);
  return what.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

// A CLI11 parse error in the user's words. CLI11 writes its messages in English only; each kind
// that the tree can raise is worded here again, and anything else keeps CLI11's English text
// inside a Chinese sentence (docs/cli.md).
int parse_failure(const CLI::ParseError& e, const CLI::App* at, Lang lang) {
  const std::string what = e.what();
  set_current_command(at);
  const bool root = at == g_root;
  // CLI11 checks what is required before what is left over: a mistyped option is the thing to
  // say even when an argument is missing too.
  if (!dynamic_cast<const CLI::ExtrasError*>(&e))
    for (const std::string& x : at->remaining())
      if (x.size() > 1 && x[0] == '-') return usage_error(lang, "未知选项「" + x + "」", "unknown option '" + x + "'");
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    std::string x = first_extra(at, what);
    if (root && !x.empty() && x[0] != '-')
      return usage_error(lang, "未知的子命令「" + x + "」(可用 build、parse、check、fix、profiles、template、explain、serve;见 --help)",
                         "unknown subcommand '" + x + "' (build, parse, check, fix, profiles, template, explain, serve; see --help)");
    if (!x.empty() && x[0] == '-') return usage_error(lang, "未知选项「" + x + "」", "unknown option '" + x + "'");
    return usage_error(lang, "多余的参数「" + x + "」", "unexpected argument '" + x + "'");
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    std::string opt = option_in(what);
    return usage_error(lang, "选项「" + opt + "」需要一个值", "option '" + opt + "' needs a value");
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    if (what.find("ubcommand") != std::string::npos) return usage_error(lang, "缺少子命令", "a subcommand is needed");
    // "NAME is required": the argument by the name the help shows.
    std::string name = what.substr(0, what.find(" is required"));
    if (auto f = std::dynamic_pointer_cast<CLI::Formatter>(at->get_formatter())) name = f->get_label(name);
    return usage_error(lang, "缺少参数「" + name + "」", "missing argument '" + name + "'");
  }
  if (dynamic_cast<const CLI::ConversionError*>(&e) || dynamic_cast<const CLI::ValidationError*>(&e)) {
    std::string opt = option_in(what);
    return usage_error(lang, "选项「" + opt + "」的值无效", "invalid value for option '" + opt + "'");
  }
  return usage_error(lang, "命令行有误(" + what + ")", "bad command line (" + what + ")");
}

// --lang is needed before the tree is built (the help is written in it), so it is read first.
// Returns false (after the error) when its value is neither zh nor en.
bool scan_lang(int argc, char** argv, Lang& lang) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i], v;
    if (a == "--") break;
    if (a == "--lang" && i + 1 < argc) v = argv[i + 1];
    else if (a.rfind("--lang=", 0) == 0) v = a.substr(7);
    else continue;
    if (v != "zh" && v != "en") {
      std::cerr << "bidfmt: --lang 只接受 zh 或 en\n";
      return false;
    }
    lang = v == "en" ? Lang::en : Lang::zh;
  }
  return true;
}

}  // namespace

void add_lang_option(CLI::App& app, Lang lang) {
  // The value was read by scan_lang; this makes it a known option here and lists it in the help.
  static std::string ignored;
  app.add_option("--lang", ignored, tr(lang, "消息语言:zh(默认)或 en", "message language: zh (default) or en"))->type_name("LANG");
}

void add_override_option(CLI::App& app, std::vector<std::string>& overrides, Lang lang) {
  app.add_option("--override", overrides,
                 tr(lang, "招标文件的格式要求(YAML),叠加在格式配置之上;可重复",
                    "the tender's own format requirements (YAML) laid over the profile; repeatable"))
      ->type_name("FILE")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->expected(1)
      ->allow_extra_args(false);
}

void set_current_command(const CLI::App* app) { g_current = app; }

int usage_error(Lang lang, const std::string& zh, const std::string& en) {
  std::cerr << "bidfmt: " << (lang == Lang::en ? en : zh) << "\n";
  if (g_current) {
    std::string name = full_name(g_current);
    if (auto f = std::dynamic_pointer_cast<CLI::Formatter>(g_current->get_formatter())) std::cerr << f->make_usage(g_current, name);
    std::cerr << tr(lang, "详见「", "see '") << name << " --help" << tr(lang, "」", "'") << "\n";
  }
  return 2;
}

}  // namespace bidfmt::cli

int main(int argc, char** argv) {
  using namespace bidfmt;
  using bidfmt::cli::tr;
  core::heap_on_huge_pages();  // core/heap.h
  Lang lang = Lang::zh;
  if (!cli::scan_lang(argc, argv, lang)) return 2;

  CLI::App root(tr(lang, "bidfmt — 技术标格式工具", "bidfmt — format tool for Chinese technical bids"), "bidfmt");
  root.formatter(cli::make_formatter(lang));
  // Subcommands copy these when they are added: the group name, the help flag, the formatter.
  root.option_defaults()->group(tr(lang, "选项", "Options"))->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  root.set_help_flag("-h,--help", tr(lang, "显示本帮助并退出", "print this help and exit"));
  bool version = false;
  root.add_flag("--version", version, tr(lang, "显示版本并退出", "print the version and exit"));
  cli::add_lang_option(root, lang);

  std::vector<cli::Command> commands{cli::add_build(root, lang),   cli::add_parse(root, lang),      cli::add_check(root, lang),
                                     cli::add_fix(root, lang),     cli::add_profiles(root, lang),   cli::add_template(root, lang),
                                     cli::add_explain(root, lang), cli::add_serve(root, lang, argv)};
  // CLI11 gives a subcommand's own help flag the group "Options" before option_defaults apply.
  std::function<void(CLI::App*)> localize = [&](CLI::App* app) {
    if (CLI::Option* h = app->get_help_ptr()) h->group(tr(lang, "选项", "Options"));
    for (CLI::App* sub : app->get_subcommands([](const CLI::App*) { return true; })) localize(sub);
  };
  for (cli::Command& c : commands) {
    c.app->group(tr(lang, "子命令", "Subcommands"));
    localize(c.app);
  }
  root.footer("\n" + cli::overview(lang));  // after the subcommands: they would copy it
  cli::g_root = &root;

  // `bidfmt` alone prints the help and fails (nothing was asked); `bidfmt help` is --help.
  if (argc < 2 || (argc == 2 && std::strcmp(argv[1], "help") == 0)) {
    std::cout << root.help();
    return argc < 2 ? 2 : 0;
  }
  try {
    root.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << root.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << root.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::ParseError& e) {
    return cli::parse_failure(e, cli::deepest_selected(&root), lang);
  }
  if (version) {
    std::cout << "bidfmt " << BIDFMT_VERSION << "\n";
    return 0;
  }
  try {
    for (cli::Command& c : commands)
      if (c.app->parsed()) {
        cli::set_current_command(cli::deepest_selected(c.app));
        return c.run();
      }
  } catch (const bidfmt::Error& e) {
    std::cerr << "bidfmt: " << e.one_line(lang) << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "bidfmt: " << e.what() << "\n";
    return 2;
  }
  cli::set_current_command(&root);
  return cli::usage_error(lang, "缺少子命令(可用 build、parse、check、fix、profiles、template、explain、serve;见 --help)",
                          "a subcommand is needed (build, parse, check, fix, profiles, template, explain, serve; see --help)");
}
