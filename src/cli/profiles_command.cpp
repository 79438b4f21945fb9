// `bidfmt profiles list|show|validate` and `bidfmt template`.
#include <iostream>

#include "api/bidfmt.h"
#include "cli/cli.h"
#include "profile/profile.h"

namespace bidfmt::cli {

int run_profiles(Args& args) {
  std::vector<std::string> overrides = args.take_all("--override");
  if (std::string u = args.first_unknown_option(); !u.empty())
    return usage_error(args.lang, "未知选项「" + u + "」", "unknown option '" + u + "'");
  std::string verb = args.items.empty() ? "" : args.items[0];
  if (verb == "list" && args.items.size() == 1) {
    for (const std::string& name : profile::bundled_names()) {
      profile::Profile p = profile::load(name);
      std::cout << name << "\t" << p.name << "\n";
    }
    return 0;
  }
  if (verb == "show" && args.items.size() == 2) {
    std::cout << describe_profile(args.items[1], overrides);
    return 0;
  }
  if (verb == "validate" && args.items.size() == 2) {
    profile::Profile p = profile::load(args.items[1], overrides);
    std::cout << (args.lang == Lang::en ? "valid: " : "有效:") << p.id << " (" << p.name << ")\n";
    return 0;
  }
  return usage_error(args.lang, "用法:bidfmt profiles list | show 名称 | validate 文件",
                     "usage: bidfmt profiles list | show NAME | validate FILE");
}

int run_template(Args& args) {
  std::string profile = "xx-2014", output;
  args.take("--profile", profile);
  args.take("-o", output) || args.take("--output", output);
  if (std::string u = args.first_unknown_option(); !u.empty())
    return usage_error(args.lang, "未知选项「" + u + "」", "unknown option '" + u + "'");
  if (output.empty() || !args.items.empty())
    return usage_error(args.lang, "用法:bidfmt template --profile 名称 -o 模板.dotx",
                       "usage: bidfmt template --profile NAME -o template.dotx");
  write_template(profile, output);
  return 0;
}

}  // namespace bidfmt::cli
