// Theme fonts (word/theme/theme1.xml, DrawingML §20.1.4.1.16): what asciiTheme="minorHAnsi" etc. name.
#pragma once
#include <pugixml.hpp>

#include <map>
#include <string>
#include <string_view>

namespace bidfmt::docx {

class Theme {
 public:
  Theme() = default;
  // Reads the font scheme of `theme` (may be null) and the East Asian theme language of
  // `settings` (w:themeFontLang w:eastAsia, may be null) used when a:ea is empty.
  Theme(const pugi::xml_document* theme, const pugi::xml_document* settings);
  // The typeface an ST_Theme value names (majorEastAsia, minorHAnsi, …); "" when unknown.
  std::string_view font(std::string_view theme_slot) const;

 private:
  struct Scheme {
    std::string_view latin, ea, cs;
    std::map<std::string, std::string_view> scripts;  // a:font script="Hans" typeface="等线"
  };
  Scheme major_, minor_;
  std::string ea_script_ = "Hans";
};

}  // namespace bidfmt::docx
