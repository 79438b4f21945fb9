// The command line as a new user meets it: every subcommand answers --help (Chinese, English with
// --lang en) and refuses what it does not know with one line, its usage and exit status 2.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "support/testkit.h"

namespace bidfmt {
namespace {

const std::vector<std::vector<std::string>> kCommands = {
    {"build"},    {"parse"},  {"check"}, {"fix"}, {"profiles"}, {"profiles", "list"}, {"profiles", "show"}, {"profiles", "validate"},
    {"template"}, {"explain"}};

std::string joined(const std::vector<std::string>& words) {
  std::string s = "bidfmt";
  for (const std::string& w : words) s += " " + w;
  return s;
}

std::vector<std::string> with(std::vector<std::string> words, std::initializer_list<std::string> more) {
  words.insert(words.end(), more);
  return words;
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

TEST(CliHelp, EverySubcommandAnswersHelpInChinese) {
  for (const auto& cmd : kCommands) {
    SCOPED_TRACE(joined(cmd));
    testkit::RunResult r = testkit::run_cli(with(cmd, {"--help"}));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_NE(r.out.find("用法: " + joined(cmd)), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("选项:"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("显示本帮助并退出"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("Options:"), std::string::npos) << "an English label in the Chinese help\n" << r.out;
    EXPECT_EQ(r.out.find("Usage"), std::string::npos) << r.out;
    EXPECT_EQ(testkit::run_cli(with(cmd, {"-h"})).out, r.out);
  }
}

TEST(CliHelp, EverySubcommandAnswersHelpInEnglish) {
  for (const auto& cmd : kCommands) {
    SCOPED_TRACE(joined(cmd));
    testkit::RunResult r = testkit::run_cli(with(cmd, {"--help", "--lang", "en"}));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("Usage: " + joined(cmd)), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("print this help and exit"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("用法"), std::string::npos) << r.out;
    // --lang before the subcommand works as well.
    std::vector<std::string> before{"--lang=en"};
    before.insert(before.end(), cmd.begin(), cmd.end());
    before.push_back("--help");
    EXPECT_EQ(testkit::run_cli(before).out, r.out);
  }
}

TEST(CliHelp, TheTopLevelHelpListsEverySubcommand) {
  testkit::RunResult r = testkit::run_cli({"--help"});
  EXPECT_EQ(r.status, 0);
  for (const char* sub : {"build", "parse", "check", "fix", "profiles", "template", "explain"})
    EXPECT_NE(r.out.find(std::string("\n  ") + sub + " "), std::string::npos) << sub << "\n" << r.out;
  EXPECT_EQ(testkit::run_cli({"help"}).out, r.out);
  testkit::RunResult bare = testkit::run_cli({});
  EXPECT_EQ(bare.status, 2) << "nothing was asked";
  EXPECT_EQ(bare.out, r.out);
}

TEST(CliHelp, ChineseDescriptionsStartInOneColumn) {
  // Option names are padded by display width (a Chinese character is two columns), so every
  // description begins at the same column whether the value name is 文件 or FILE.
  testkit::RunResult r = testkit::run_cli({"check", "--help"});
  size_t profile = r.out.find("  --profile 名称"), identity = r.out.find("  --identity 文件");
  ASSERT_NE(profile, std::string::npos) << r.out;
  ASSERT_NE(identity, std::string::npos) << r.out;
  auto column_of = [&](size_t line_start, const std::string& desc) {
    size_t at = r.out.find(desc, line_start);
    std::string before = r.out.substr(line_start, at - line_start);
    size_t cjk = 0;  // three-byte UTF-8 characters (all CJK here): two columns each
    for (unsigned char c : before) cjk += (c & 0xF0) == 0xE0;
    return before.size() - cjk;  // bytes - 3·cjk + 2·cjk
  };
  EXPECT_EQ(column_of(profile, "格式配置"), column_of(identity, "暗标"));
}

// One line naming the problem, then the command's usage and where to read more; exit 2.
void expect_usage_error(const testkit::RunResult& r, const std::string& message, const std::string& usage) {
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(first_line(r.err), "bidfmt: " + message) << r.err;
  EXPECT_NE(r.err.find("\n" + usage), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 3) << r.err;
}

TEST(CliUsage, UnknownOptionOfEverySubcommand) {
  for (const auto& cmd : kCommands) {
    SCOPED_TRACE(joined(cmd));
    expect_usage_error(testkit::run_cli(with(cmd, {"--bogus"})), "未知选项「--bogus」", "用法: " + joined(cmd));
    expect_usage_error(testkit::run_cli(with(cmd, {"--bogus", "--lang", "en"})), "unknown option '--bogus'", "Usage: " + joined(cmd));
  }
}

TEST(CliUsage, OptionWithoutItsValue) {
  expect_usage_error(testkit::run_cli({"check", "a.docx", "--profile"}), "选项「--profile」需要一个值", "用法: bidfmt check");
  expect_usage_error(testkit::run_cli({"--lang", "en", "build", "a.md", "-o"}), "option '--output' needs a value", "Usage: bidfmt build");
}

TEST(CliUsage, MissingArgumentsAndSubcommands) {
  expect_usage_error(testkit::run_cli({"build", "a.md"}), "build 需要 -o 输出文件.docx", "用法: bidfmt build");
  expect_usage_error(testkit::run_cli({"check"}), "check 需要至少一个 .docx 文件或文件夹", "用法: bidfmt check");
  expect_usage_error(testkit::run_cli({"profiles", "show"}), "缺少参数「名称」", "用法: bidfmt profiles show");
  expect_usage_error(testkit::run_cli({"profiles", "show", "--lang", "en"}), "missing argument 'NAME'", "Usage: bidfmt profiles show");
  expect_usage_error(testkit::run_cli({"profiles"}), "profiles 需要 list、show 名称 或 validate 文件", "用法: bidfmt profiles");
  expect_usage_error(testkit::run_cli({"template", "extra"}), "多余的参数「extra」", "用法: bidfmt template");
  expect_usage_error(testkit::run_cli({"explain", "a", "b", "--lang", "en"}),
                     "usage: bidfmt explain RULE-ID | --all [--markdown] | --keys --markdown [--profile NAME]", "Usage: bidfmt explain");
}

TEST(CliUsage, UnknownSubcommandAndLanguage) {
  expect_usage_error(testkit::run_cli({"frobnicate"}),
                     "未知的子命令「frobnicate」(可用 build、parse、check、fix、profiles、template、explain、serve;见 --help)",
                     "用法: bidfmt");
  testkit::RunResult lang = testkit::run_cli({"check", "a.docx", "--lang", "fr"});
  EXPECT_EQ(lang.status, 2);
  EXPECT_EQ(lang.err, "bidfmt: --lang 只接受 zh 或 en\n");
}

TEST(CliUsage, ValuesInEveryWayCli11Takes) {
  // --name=VALUE and repeated --override, interleaved with the inputs, as before the move to CLI11.
  std::string dir = testkit::temp_dir("cli-values");
  testkit::RunResult r =
      testkit::run_cli({"build", testkit::source_dir() + "/samples/road-bid.md", "--output=" + dir + "/a.docx", "--profile=xx-2014"});
  EXPECT_EQ(r.status, 0) << r.err;
  std::ofstream(dir + "/t1.yaml") << "page:\n  margin_left: 30mm\n";
  std::ofstream(dir + "/t2.yaml") << "page:\n  margin_right: 30mm\n";
  testkit::RunResult show =
      testkit::run_cli({"profiles", "show", "xx-2014", "--override", dir + "/t1.yaml", "--override", dir + "/t2.yaml"});
  EXPECT_EQ(show.status, 0) << show.err;
  EXPECT_NE(show.out.find("t1.yaml"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("t2.yaml"), std::string::npos) << show.out;
  testkit::RunResult c = testkit::run_cli({"check", "--override", dir + "/t1.yaml", dir + "/a.docx", "--format", "json"});
  EXPECT_EQ(c.status, 1) << "the tender's margin is not the built one: " << c.err;
  EXPECT_NE(c.out.find("page.margins"), std::string::npos);
}

}  // namespace
}  // namespace bidfmt
