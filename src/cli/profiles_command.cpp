// `bidfmt profiles list|show|validate` and `bidfmt template`.
#include <iostream>

#include "api/bidfmt.h"
#include "cli/cli.h"
#include "profile/profile.h"

namespace bidfmt::cli {
namespace {

struct ProfilesArgs {
  std::vector<std::string> overrides;
  std::string name;
};

int profiles_usage(Lang lang) {
  return usage_error(lang, "profiles 需要 list、show 名称 或 validate 文件", "profiles takes list, show NAME or validate FILE");
}

}  // namespace

Command add_profiles(CLI::App& root, Lang lang) {
  auto a = std::make_shared<ProfilesArgs>();
  CLI::App* app = root.add_subcommand("profiles", tr(lang, "列出、显示、校验格式配置", "list, show and validate profiles"));
  add_lang_option(*app, lang);
  app->require_subcommand(0, 1);
  CLI::App* list = app->add_subcommand("list", tr(lang, "列出内置的格式配置", "list the bundled profiles"));
  CLI::App* show = app->add_subcommand(
      "show", tr(lang, "显示格式配置的每个取值及其来源文件", "print every resolved value of a profile and the file it came from"));
  CLI::App* validate = app->add_subcommand("validate", tr(lang, "校验格式配置文件", "validate a profile file"));
  for (CLI::App* verb : {list, show, validate}) {
    verb->group(tr(lang, "子命令", "Subcommands"));
    add_lang_option(*verb, lang);
  }
  show->add_option("NAME", a->name, tr(lang, "内置名称或 YAML 文件", "a bundled name or a YAML file"))->type_name("")->required();
  validate->add_option("FILE", a->name, tr(lang, "格式配置 YAML 文件", "a profile YAML file"))->type_name("")->required();
  for (CLI::App* verb : {show, validate}) add_override_option(*verb, a->overrides, lang);

  return {app, [a, lang, list, show, validate]() -> int {
            if (list->parsed()) {
              for (const std::string& name : profile::bundled_names()) {
                profile::Profile p = profile::load(name);
                std::cout << name << "\t" << p.name << "\n";
              }
              return 0;
            }
            if (show->parsed()) {
              std::cout << describe_profile(a->name, a->overrides);
              return 0;
            }
            if (validate->parsed()) {
              profile::Profile p = load_profile(a->name, a->overrides);
              std::cout << (lang == Lang::en ? "valid: " : "有效:") << p.id << " (" << p.name << ")\n";
              return 0;
            }
            return profiles_usage(lang);
          }};
}

Command add_template(CLI::App& root, Lang lang) {
  auto profile = std::make_shared<std::string>("xx-2014");
  auto output = std::make_shared<std::string>();
  CLI::App* app = root.add_subcommand("template", tr(lang, "写出格式配置的 Word 模板(.dotx)", "write a profile's Word template (.dotx)"));
  app->add_option("--profile", *profile,
                  tr(lang, "格式配置:内置名称或 YAML 文件(默认 xx-2014)", "profile: a bundled name or a YAML file (default xx-2014)"))
      ->type_name("NAME");
  app->add_option("-o,--output", *output, tr(lang, "要写的 .dotx", "the .dotx to write"))->type_name("FILE");
  add_lang_option(*app, lang);
  return {app, [profile, output, lang]() -> int {
            if (output->empty())
              return usage_error(lang, "用法:bidfmt template --profile 名称 -o 模板.dotx",
                                 "usage: bidfmt template --profile NAME -o template.dotx");
            write_template(*profile, *output);
            return 0;
          }};
}

}  // namespace bidfmt::cli
