// The man page (docs/bidfmt.1) and the bash completion (scripts/bidfmt-completion.bash) are
// written by hand; these tests keep them in step with the command line: every option a
// subcommand's --help lists is in that subcommand's section of the man page and on its line of
// the completion.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

#include "support/testkit.h"

namespace bidfmt {
namespace {

// The options a --help lists ("  -o,--output FILE   …" → -o, --output), from its option lines.
std::set<std::string> options_in_help(const std::string& help) {
  std::set<std::string> found;
  std::istringstream lines(help);
  const std::regex name("(^|,)(--?[a-z][a-z-]*)");
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("  -", 0) != 0) continue;
    std::string names = line.substr(2, line.find(' ', 2) - 2);
    for (std::sregex_iterator it(names.begin(), names.end(), name), end; it != end; ++it) found.insert((*it)[2]);
  }
  return found;
}

std::set<std::string> options_of(const std::vector<std::string>& cmd) {
  std::vector<std::string> args = cmd;
  args.insert(args.end(), {"--help", "--lang", "en"});
  testkit::RunResult r = testkit::run_cli(args);
  EXPECT_EQ(r.status, 0) << r.err;
  return options_in_help(r.out);
}

// troff writes a hyphen as \- : "--split-chapters" is "\-\-split\-chapters" in the source.
std::string troff(const std::string& option) {
  std::string s;
  for (char c : option) s += c == '-' ? std::string("\\-") : std::string(1, c);
  return s;
}

// The text of `.SS "bidfmt NAME"` up to the next section heading.
std::string man_section(const std::string& man, const std::string& title) {
  size_t at = man.find(".SS \"" + title + "\"");
  if (at == std::string::npos) return "";
  size_t end = std::min(man.find("\n.SS ", at + 1), man.find("\n.SH ", at + 1));
  return man.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

bool has_word(const std::string& text, const std::string& word) {
  // Not a prefix of a longer option: --profile must not be found in --profiles.
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    char next = at + word.size() < text.size() ? text[at + word.size()] : ' ';
    if (!(std::isalnum(static_cast<unsigned char>(next)) || next == '-' || next == '\\')) return true;
  }
  return false;
}

const std::vector<std::vector<std::string>> kCommands = {
    {"build"},    {"parse"},   {"check"}, {"fix"}, {"profiles"}, {"profiles", "show"}, {"profiles", "validate"},
    {"template"}, {"explain"}, {"serve"}};
const std::set<std::string> kGlobal = {"-h", "--help", "--lang", "--version"};

TEST(ManPage, EveryOptionOfEverySubcommandIsDescribed) {
  const std::string man = testkit::read_text(testkit::source_dir() + "/docs/bidfmt.1");
  ASSERT_FALSE(man.empty());
  const std::string global = man.substr(man.find(".SH GLOBAL OPTIONS"));
  for (const std::string& o : options_of({})) EXPECT_TRUE(has_word(global, troff(o))) << o << " (global)";
  for (const auto& cmd : kCommands) {
    const std::string section = man_section(man, "bidfmt " + cmd.front());
    ASSERT_FALSE(section.empty()) << "no .SS \"bidfmt " << cmd.front() << "\"";
    if (cmd.size() == 2) {
      EXPECT_TRUE(has_word(section, cmd[1])) << cmd[1];
    }
    std::set<std::string> opts = options_of(cmd);
    EXPECT_FALSE(opts.empty());
    for (const std::string& o : opts) {
      if (kGlobal.count(o)) continue;  // described once, under GLOBAL OPTIONS
      EXPECT_TRUE(has_word(section, troff(o))) << "bidfmt " << cmd.front() << " " << o << " is not in docs/bidfmt.1";
    }
  }
}

TEST(ManPage, NoOptionIsDescribedThatTheCommandLineDoesNotKnow) {
  const std::string man = testkit::read_text(testkit::source_dir() + "/docs/bidfmt.1");
  for (const auto& cmd : kCommands) {
    if (cmd.size() == 2) continue;
    const std::string section = man_section(man, "bidfmt " + cmd.front());
    std::set<std::string> known = options_of(cmd);
    if (cmd.front() == "profiles")
      for (const char* verb : {"show", "validate"})
        for (const std::string& o : options_of({"profiles", verb})) known.insert(o);
    const std::regex tp("\\.TP\\n\\.B[IR]? ((\\\\-)+[a-z](\\\\-|[a-z])*)");
    for (std::sregex_iterator it(section.begin(), section.end(), tp), end; it != end; ++it) {
      std::string o = (*it)[1];
      o = std::regex_replace(o, std::regex("\\\\-"), "-");
      EXPECT_TRUE(known.count(o)) << "docs/bidfmt.1 describes " << o << " under bidfmt " << cmd.front();
    }
  }
}

TEST(BashCompletion, EverySubcommandLineOffersItsOptions) {
  const std::string comp = testkit::read_text(testkit::source_dir() + "/scripts/bidfmt-completion.bash");
  ASSERT_FALSE(comp.empty());
  for (const auto& cmd : kCommands) {
    size_t at = comp.find("\n    " + cmd.front() + ")");
    ASSERT_NE(at, std::string::npos) << cmd.front();
    // The branch up to its ";;" (profiles spans a few lines).
    std::string branch = comp.substr(at, comp.find(";;\n", comp.find("opts=", at)) - at);
    for (const std::string& o : options_of(cmd))
      EXPECT_TRUE(has_word(branch, " " + o) || has_word(branch, "\"" + o)) << cmd.front() << " " << o;
  }
  // The first word: every subcommand.
  size_t top = comp.find("\n    *)");
  ASSERT_NE(top, std::string::npos);
  std::string first = comp.substr(top, comp.find('\n', top + 1) - top);
  for (const char* sub : {"build", "parse", "check", "fix", "profiles", "template", "explain", "serve"})
    EXPECT_TRUE(has_word(first, std::string("\"") + sub) || has_word(first, std::string(" ") + sub)) << sub;
}

TEST(BashCompletion, LoadsInBash) {
  if (!testkit::have_program("bash")) GTEST_SKIP() << "no bash";
  std::string script = testkit::source_dir() + "/scripts/bidfmt-completion.bash";
  testkit::RunResult r = testkit::run({"bash", "-c",
                                       "source '" + script +
                                           "' && COMP_WORDS=(bidfmt check --ren) && COMP_CWORD=2 && _bidfmt && "
                                           "printf '%s\\n' \"${COMPREPLY[@]}\""});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "--render\n");
}

}  // namespace
}  // namespace bidfmt
