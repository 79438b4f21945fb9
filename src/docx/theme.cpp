// Theme font lookup: major/minor font schemes, with the script fallback for an empty a:ea.
#include "docx/theme.h"

#include "docx/xml.h"

namespace bidfmt::docx {
namespace {

// ISO 15924 script of an East Asian language tag as the theme's a:font@script uses it.
std::string script_of(std::string_view lang) {
  if (lang.rfind("zh-TW", 0) == 0 || lang.rfind("zh-HK", 0) == 0 || lang.rfind("zh-MO", 0) == 0) return "Hant";
  if (lang.rfind("ja", 0) == 0) return "Jpan";
  if (lang.rfind("ko", 0) == 0) return "Hang";
  return "Hans";
}

}  // namespace

Theme::Theme(const pugi::xml_document* theme, const pugi::xml_document* settings) {
  if (settings) {
    std::string_view ea = attr(settings->document_element().child("w:themeFontLang"), "w:eastAsia");
    if (!ea.empty()) ea_script_ = script_of(ea);
  }
  if (!theme) return;
  pugi::xml_node elements = child_local(theme->document_element(), "themeElements");
  pugi::xml_node scheme = child_local(elements, "fontScheme");
  auto read = [](pugi::xml_node font, Scheme& s) {
    s.latin = attr(child_local(font, "latin"), "typeface");
    s.ea = attr(child_local(font, "ea"), "typeface");
    s.cs = attr(child_local(font, "cs"), "typeface");
    for (pugi::xml_node f : font.children())
      if (local_name(f.name()) == "font") s.scripts[std::string(attr(f, "script"))] = attr(f, "typeface");
  };
  read(child_local(scheme, "majorFont"), major_);
  read(child_local(scheme, "minorFont"), minor_);
}

std::string_view Theme::font(std::string_view slot) const {
  if (slot.size() <= 5) return {};
  const Scheme& s = slot.rfind("major", 0) == 0 ? major_ : minor_;
  std::string_view kind = slot.substr(5);  // after "major"/"minor"
  if (kind == "EastAsia") {
    if (!s.ea.empty()) return s.ea;
    auto it = s.scripts.find(ea_script_);
    return it == s.scripts.end() ? std::string_view() : it->second;
  }
  if (kind == "Bidi") return s.cs;
  return s.latin;  // Ascii, HAnsi
}

}  // namespace bidfmt::docx
