// Shared pieces of the command-line front end: the CLI11 command tree and the subcommand definitions.
// Each subcommand file adds its CLI11 subcommand with its options bound to an options struct, and
// returns what to run once the command line has parsed.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/lang.h"

namespace bidfmt::cli {

// A subcommand as added to the tree: its CLI11 app and what runs when it was chosen.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

// The message in the user's language (the language is known before the tree is built: --lang is
// read from the arguments first, so the help itself can be Chinese or English).
inline std::string tr(Lang lang, const char* zh, const char* en) { return lang == Lang::en ? en : zh; }

// Adds --lang (accepted by every subcommand and shown in its help; its value was read already).
void add_lang_option(CLI::App& app, Lang lang);
// Adds --override FILE (repeatable): the tender's own format requirements laid over the profile.
void add_override_option(CLI::App& app, std::vector<std::string>& overrides, Lang lang);

Command add_build(CLI::App& root, Lang lang);
Command add_check(CLI::App& root, Lang lang);
// `parse`: Markdown → JSON content (docs/content.schema.json).
Command add_parse(CLI::App& root, Lang lang);
Command add_fix(CLI::App& root, Lang lang);
// `profiles list|show|validate`; `run` dispatches to the chosen verb.
Command add_profiles(CLI::App& root, Lang lang);
Command add_template(CLI::App& root, Lang lang);
Command add_explain(CLI::App& root, Lang lang);
// `serve`: the team's web page and HTTP API (src/serve). In bidfmt it executes bidfmt-serve with
// `argv` (main's); in bidfmt-serve it serves.
Command add_serve(CLI::App& root, Lang lang, char** argv);

// The formatter that writes help in Chinese or English (labels, group names, aligned by display
// width so that Chinese descriptions line up).
std::shared_ptr<CLI::Formatter> make_formatter(Lang lang);

// The command whose usage a usage error prints (set by main once the command line has parsed).
void set_current_command(const CLI::App* app);

// Prints a one-line error (Chinese or English), then the usage of the current command, on stderr;
// returns exit status 2.
int usage_error(Lang lang, const std::string& zh, const std::string& en);

}  // namespace bidfmt::cli
