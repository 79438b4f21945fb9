// bidfmt command line: dispatches to build / check / fix; exit 0 ok, 1 findings, 2 could not run.
#include <cstring>
#include <iostream>

#include "cli/cli.h"
#include "core/error.h"

#ifndef BIDFMT_VERSION
#define BIDFMT_VERSION "dev"
#endif

namespace bidfmt::cli {

bool Args::take(const std::string& name, std::string& value) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i] == name && i + 1 < items.size()) {
      value = items[i + 1];
      items.erase(items.begin() + static_cast<long>(i), items.begin() + static_cast<long>(i) + 2);
      return true;
    }
    if (items[i].rfind(name + "=", 0) == 0) {
      value = items[i].substr(name.size() + 1);
      items.erase(items.begin() + static_cast<long>(i));
      return true;
    }
  }
  return false;
}

bool Args::flag(const std::string& name) {
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i] == name) {
      items.erase(items.begin() + static_cast<long>(i));
      return true;
    }
  return false;
}

std::vector<std::string> Args::take_all(const std::string& name) {
  std::vector<std::string> all;
  for (std::string v; take(name, v);) all.push_back(v);
  return all;
}

std::string Args::first_unknown_option() const {
  for (const std::string& s : items)
    if (s.size() > 1 && s[0] == '-') return s;
  return "";
}

int usage_error(Lang lang, const std::string& zh, const std::string& en) {
  std::cerr << "bidfmt: " << (lang == Lang::en ? en : zh) << "\n";
  return 2;
}

namespace {

const char* kHelpZh =
    "bidfmt — 技术标格式工具\n"
    "\n"
    "用法:\n"
    "  bidfmt build 标书.md -o 技术标.docx [--profile xx-2014] [--override 招标要求.yaml]\n"
    "               [--paginate] [--pdf 技术标.pdf] [--doc] [--split-chapters -o 输出目录/] [--quiet]\n"
    "  bidfmt check 投标文件.docx [更多文件或目录…] [--profile 名称] [--override 文件] [--project 项目名称]\n"
    "               [--format text|json|sarif|junit|html] [-o 报告文件] [--jobs N] [--quiet]\n"
    "               [--render](LibreOffice 排版后核对页脚、目录页码等) [--annotate 批注版.docx]\n"
    "               [--anonymous [--identity 身份信息.yaml]](暗标:查找投标人身份信息)\n"
    "  bidfmt fix 投标文件.docx -o 输出.docx | --in-place | --dry-run [--profile 名称] [--override 文件]\n"
    "             [--project 项目名称] [--anonymous](暗标:清除文档属性和修订中的姓名)\n"
    "  bidfmt profiles list | show 名称 [--override 文件] | validate 文件\n"
    "  bidfmt template --profile 名称 -o 模板.dotx\n"
    "  bidfmt explain 规则ID | --all\n"
    "  bidfmt serve [--host 127.0.0.1] [--port 8080] [--token 令牌] [--max-upload 100MB] [--jobs N]\n"
    "               [--queue N] [--timeout 秒](团队网页与 HTTP API;见 docs/serve.md)\n"
    "  bidfmt --help | --version\n"
    "\n"
    "通用选项: --lang zh|en  消息语言(默认中文);--quiet  终端上也不显示进度行\n"
    "退出状态: 0 无问题, 1 发现格式问题, 2 无法执行(文件或配置错误)\n";

const char* kHelpEn =
    "bidfmt — format tool for Chinese technical bids\n"
    "\n"
    "Usage:\n"
    "  bidfmt build proposal.md -o bid.docx [--profile xx-2014] [--override tender.yaml]\n"
    "               [--paginate] [--pdf bid.pdf] [--doc] [--split-chapters -o outdir/] [--quiet]\n"
    "  bidfmt check bid.docx [more files or folders…] [--profile NAME] [--override FILE] [--project NAME]\n"
    "               [--format text|json|sarif|junit|html] [-o REPORT] [--jobs N] [--quiet]\n"
    "               [--render] (check the pages as LibreOffice lays them out) [--annotate commented.docx]\n"
    "               [--anonymous [--identity identity.yaml]] (anonymous bid: find what identifies the bidder)\n"
    "  bidfmt fix bid.docx -o out.docx | --in-place | --dry-run [--profile NAME] [--override FILE]\n"
    "             [--project NAME] [--anonymous] (anonymous bid: clear names from properties and revisions)\n"
    "  bidfmt profiles list | show NAME [--override FILE] | validate FILE\n"
    "  bidfmt template --profile NAME -o template.dotx\n"
    "  bidfmt explain RULE-ID | --all\n"
    "  bidfmt serve [--host 127.0.0.1] [--port 8080] [--token T] [--max-upload 100MB] [--jobs N]\n"
    "               [--queue N] [--timeout SECONDS] (the team's web page and HTTP API; docs/serve.md)\n"
    "  bidfmt --help | --version\n"
    "\n"
    "Common options: --lang zh|en  message language (default Chinese); --quiet  no progress line even on a terminal\n"
    "Exit status: 0 clean, 1 format findings, 2 could not run (bad file or profile)\n";

}  // namespace
}  // namespace bidfmt::cli

int main(int argc, char** argv) {
  using namespace bidfmt;
  cli::heap_on_huge_pages();
  cli::Args args;
  for (int i = 1; i < argc; ++i) args.items.emplace_back(argv[i]);
  std::string lang;
  if (args.take("--lang", lang)) {
    if (lang != "zh" && lang != "en") return cli::usage_error(Lang::zh, "--lang 只接受 zh 或 en", "--lang takes zh or en");
    args.lang = lang == "en" ? Lang::en : Lang::zh;
  }
  if (args.items.empty() || args.items[0] == "--help" || args.items[0] == "-h" || args.items[0] == "help") {
    std::cout << (args.lang == Lang::en ? cli::kHelpEn : cli::kHelpZh);
    return args.items.empty() ? 2 : 0;
  }
  if (args.items[0] == "--version") {
    std::cout << "bidfmt " << BIDFMT_VERSION << "\n";
    return 0;
  }
  std::string cmd = args.items[0];
  args.items.erase(args.items.begin());
  try {
    if (cmd == "build") return cli::run_build(args);
    if (cmd == "check") return cli::run_check(args);
    if (cmd == "fix") return cli::run_fix(args);
    if (cmd == "profiles") return cli::run_profiles(args);
    if (cmd == "template") return cli::run_template(args);
    if (cmd == "explain") return cli::run_explain(args);
    if (cmd == "serve") return cli::run_serve(args);
  } catch (const Error& e) {
    std::cerr << "bidfmt: " << e.one_line(args.lang) << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "bidfmt: " << e.what() << "\n";
    return 2;
  }
  return cli::usage_error(args.lang, "未知的子命令「" + cmd + "」(可用 build、check、fix、profiles、template、explain、serve;见 --help)",
                          "unknown subcommand '" + cmd + "' (build, check, fix, profiles, template, explain, serve; see --help)");
}
