// Profiles from outside (--profile, front matter `profile:`, extends, --override): unknown keys,
// wrong units, absurd values, cycles, devices, YAML bombs — each an Error naming file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "hardening/hardening.h"
#include "profile/profile.h"
#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;

std::string bundled() { return testkit::read_text(testkit::source_dir() + "/styles/xx-2014.yaml"); }

// The bundled profile with the first line that reads `key:` (key with its leading spaces) given
// `value` in place of what followed (comments included).
std::string with_value(const std::string& key, const std::string& value) {
  std::string text = bundled();
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    size_t indent = line.find_first_not_of(' ');
    if (indent != std::string::npos && line.compare(0, key.size() + 1, key + ":") == 0 && indent == key.find_first_not_of(' '))
      return text.substr(0, pos) + key + ": " + value + text.substr(end);
    pos = end + 1;
  }
  ADD_FAILURE() << "no line " << key;
  return text;
}

// The English message of parse's Error ("" when it parses); any other exception fails the test.
std::string parse_error(const std::string& text, const std::string& source = "p.yaml") {
  try {
    profile::parse(text, source);
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), source) << e.message(Lang::en);
    return e.message(Lang::en);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not a bidfmt::Error: " << e.what();
    return "other exception";
  }
  return "";
}

int error_line(const std::string& text) {
  try {
    profile::parse(text, "p.yaml");
  } catch (const Error& e) {
    return e.line();
  }
  return -1;
}

TEST(ProfileHardening, TheBundledProfileParses) { EXPECT_EQ(parse_error(bundled()), ""); }

TEST(ProfileHardening, UnknownNestedKeyNamesKeyAndLine) {
  std::string text = with_value("  gutter_position", "left\n  bogus_key: 1");
  std::string msg = parse_error(text);
  EXPECT_NE(msg.find("page.bogus_key"), std::string::npos) << msg;
  EXPECT_EQ(error_line(text), 19);
}

TEST(ProfileHardening, WrongUnitsAndAbsurdLengths) {
  for (const char* v : {"210px", "210", "abcmm", "mm", "1e999mm", "nanmm", "infmm", "-infmm", "0x10mm", "210 mm x", "99999999mm", "[210mm]",
                        "{a: 1}", "\"\""}) {
    std::string msg = parse_error(with_value("  width", v));
    EXPECT_NE(msg, "") << "page.width: " << v;
  }
}

TEST(ProfileHardening, NegativeOrZeroPageSizeAndMargins) {
  EXPECT_NE(parse_error(with_value("  width", "-210mm")), "");
  EXPECT_NE(parse_error(with_value("  height", "0mm")), "");
  EXPECT_NE(parse_error(with_value("  margin_left", "-22mm")), "");
  EXPECT_NE(parse_error(with_value("  margin_left", "300mm")), "");  // wider than the page
}

TEST(ProfileHardening, WrongFontSizes) {
  for (const char* v : {"12px", "0pt", "-3pt", "99999pt", "小十", "nanpt", "1e308pt"}) {
    EXPECT_NE(parse_error(with_value("  size", v)), "") << v;
  }
}

TEST(ProfileHardening, WrongLineSpacingAndIndents) {
  for (const char* v : {"0", "-1", "100", "nan", "inf", "1.5x"}) EXPECT_NE(parse_error(with_value("  line_spacing", v)), "") << v;
  for (const char* v : {"-2字符", "1e300字符", "nan字符", "2字", "99999999mm"})
    EXPECT_NE(parse_error(with_value("  first_line_indent", v)), "") << v;
}

TEST(ProfileHardening, OutOfRangeIntegersAndEnums) {
  EXPECT_NE(parse_error(with_value("  levels", "99")), "");
  EXPECT_NE(parse_error(with_value("  levels", "99999999999999999999")), "");
  EXPECT_NE(parse_error(with_value("  align", "justify")), "");
  EXPECT_NE(parse_error(with_value("  bold", "maybe")), "");
  EXPECT_NE(parse_error(with_value("  gutter_position", "bottom")), "");
}

TEST(ProfileHardening, NotAMapping) {
  for (const char* text : {"", "- a\n- b\n", "just text", "~", "[1, 2]", "id: [x]\nname: y\n"}) EXPECT_NE(parse_error(text), "") << text;
}

TEST(ProfileHardening, NonScalarKeys) {
  EXPECT_NE(parse_error(bundled() + "\n? [a, b]\n: 1\n"), "");
  EXPECT_NE(parse_error(bundled() + "\n? {a: 1}\n: 1\n"), "");
}

TEST(ProfileHardening, NonTextAssumptions) { EXPECT_NE(parse_error(bundled() + "\n  nested.key: [a, b]\n"), ""); }

TEST(ProfileHardening, DeeplyNestedYaml) {
  std::string deep = "id: x\nname: " + std::string(10000, '[') + std::string(10000, ']') + "\n";
  EXPECT_NE(parse_error(deep), "");
  std::string maps = "id: x\nname: y\npage: ";
  for (int i = 0; i < 5000; ++i) maps += "{a: ";
  maps += "1" + std::string(5000, '}') + "\n";
  EXPECT_NE(parse_error(maps), "");
}

TEST(ProfileHardening, YamlAliasBomb) {
  std::string yaml = "  a: &a [x,x,x,x,x,x,x,x,x,x]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    yaml += std::string("  ") + c + ": &" + c + " [";
    for (int k = 0; k < 10; ++k) yaml += std::string(k ? "," : "") + "*" + char(c - 1);
    yaml += "]\n";
  }
  std::string text = bundled() + "\nbomb_holder:\n" + yaml;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_NE(parse_error(text), "");
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

// --- files: extends, devices, size --------------------------------------------------------------

std::string write_profile(const std::string& dir, const std::string& name, const std::string& text) {
  std::string p = dir + "/" + name;
  hardening::write_bytes(p, text);
  return p;
}

std::string load_error(const std::string& path) {
  try {
    profile::load(path);
  } catch (const Error& e) {
    return e.one_line(Lang::en);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not a bidfmt::Error: " << e.what();
    return "other exception";
  }
  return "";
}

TEST(ProfileHardening, ExtendsCycleOfTwo) {
  std::string dir = testkit::temp_dir("profile-cycle");
  write_profile(dir, "a.yaml", "extends: b.yaml\nid: a\n");
  write_profile(dir, "b.yaml", "extends: a.yaml\nid: b\n");
  EXPECT_NE(load_error(dir + "/a.yaml").find("cycle"), std::string::npos);
}

TEST(ProfileHardening, ExtendsItself) {
  std::string dir = testkit::temp_dir("profile-self");
  write_profile(dir, "a.yaml", "extends: ./a.yaml\nid: a\n");
  EXPECT_NE(load_error(dir + "/a.yaml").find("cycle"), std::string::npos);
}

TEST(ProfileHardening, ExtendsThroughASymlinkCycle) {
  std::string dir = testkit::temp_dir("profile-link");
  write_profile(dir, "a.yaml", "extends: link.yaml\nid: a\n");
  fs::create_symlink(dir + "/a.yaml", dir + "/link.yaml");
  EXPECT_NE(load_error(dir + "/a.yaml"), "");
}

TEST(ProfileHardening, ExtendsALongChainEndsInTheBundledProfile) {
  std::string dir = testkit::temp_dir("profile-chain");
  write_profile(dir, "p0.yaml", "extends: xx-2014\nid: p0\n");
  for (int i = 1; i < 50; ++i)
    write_profile(dir, "p" + std::to_string(i) + ".yaml", "extends: p" + std::to_string(i - 1) + ".yaml\nid: p" + std::to_string(i) + "\n");
  EXPECT_EQ(load_error(dir + "/p49.yaml"), "");
}

TEST(ProfileHardening, ExtendsAMissingFileOrADevice) {
  std::string dir = testkit::temp_dir("profile-missing");
  write_profile(dir, "a.yaml", "extends: nope.yaml\nid: a\n");
  EXPECT_NE(load_error(dir + "/a.yaml").find("nope.yaml"), std::string::npos);
  write_profile(dir, "b.yaml", "extends: /dev/zero\nid: b\n");
  EXPECT_NE(load_error(dir + "/b.yaml").find("/dev/zero"), std::string::npos);
  write_profile(dir, "c.yaml", "extends: [a, b]\nid: c\n");
  EXPECT_NE(load_error(dir + "/c.yaml"), "");
  write_profile(dir, "d.yaml", "extends: " + dir + "\nid: d\n");
  EXPECT_NE(load_error(dir + "/d.yaml"), "");
}

TEST(ProfileHardening, DevicesAndHugeFiles) {
  EXPECT_NE(load_error("/dev/zero").find("device"), std::string::npos);
  EXPECT_NE(load_error("/dev/null"), "");
  std::string dir = testkit::temp_dir("profile-huge");
  std::string huge = bundled() + "\nassumptions_padding: |\n" + std::string(20u << 20, ' ') + "\n";
  EXPECT_NE(load_error(write_profile(dir, "huge.yaml", huge)).find("too large"), std::string::npos);
}

TEST(ProfileHardening, CliNamesTheProfileFileAndLine) {
  std::string dir = testkit::temp_dir("profile-cli");
  std::string md = write_profile(dir, "in.md", "# 标题\n");
  std::string p = write_profile(dir, "bad.yaml", with_value("  margin_top", "25furlongs"));
  hardening::Measured r = hardening::run_bidfmt({"build", md, "-o", dir + "/out.docx", "--profile", p, "--lang", "en"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(hardening::line_count(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("bad.yaml:13"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/out.docx"));
}

}  // namespace
}  // namespace bidfmt
