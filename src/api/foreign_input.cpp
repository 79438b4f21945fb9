// Telling a .doc/.wps/.rtf/.odt from a DOCX by content, and converting it with LibreOffice.
#include "api/foreign_input.h"

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "core/text.h"
#include "package/zip_peek.h"
#include "render/libreoffice.h"
#include "render/process.h"

namespace bidfmt {
namespace fs = std::filesystem;

namespace {
std::string head(const std::string& path, size_t n) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(n, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(n));
  bytes.resize(static_cast<size_t>(in.gcount()));
  return bytes;
}

std::string extension(const std::string& path) {
  std::string e = fs::u8path(path).extension().string();
  for (char& c : e) c = core::ascii_lower(c);
  return e;
}
}  // namespace

InputKind input_kind(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return InputKind::other;
  const std::string h = head(path, 8);
  if (h == std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return package::is_encrypted_package(path) ? InputKind::encrypted : InputKind::ole2;
  if (h.compare(0, 5, "{\\rtf") == 0) return InputKind::rtf;
  if (h.compare(0, 4, "PK\x03\x04") == 0) {
    // ODF packages start with their media type; a DOCX has no "mimetype" entry.
    if (auto m = package::peek_entry(path, "mimetype", 64); m && m->rfind("application/vnd.oasis.opendocument.text", 0) == 0)
      return InputKind::odt;
    return InputKind::docx;
  }
  return InputKind::other;
}

bool needs_conversion(const std::string& path) {
  switch (input_kind(path)) {
    case InputKind::ole2:
    case InputKind::rtf:
    case InputKind::odt: return true;
    case InputKind::docx:
    case InputKind::encrypted: return false;  // the reader says it needs its password removed
    case InputKind::other: {
      std::error_code ec;
      if (!fs::is_regular_file(path, ec)) return false;
      const std::string e = extension(path);
      return e == ".doc" || e == ".wps" || e == ".rtf" || e == ".odt";
    }
  }
  return false;
}

Text kind_name(const std::string& path) {
  switch (input_kind(path)) {
    case InputKind::ole2: return {"Word 97–2003 / WPS 文档", "Word 97–2003 / WPS document"};
    case InputKind::rtf: return {"RTF 文档", "RTF document"};
    case InputKind::odt: return {"OpenDocument 文本(.odt)", "OpenDocument text (.odt)"};
    default: return {extension(path) + " 文件", extension(path) + " file"};
  }
}

void require_converter(const std::string& path) {
  if (!render::available())
    throw Error(path, 0, std::string("需要 LibreOffice 才能读取此格式,请先安装(") + render::kInstallHint + ")",
                std::string("reading this format needs LibreOffice; install it first (") + render::kInstallHint + ")");
}

struct ConvertedInput::Folder {
  render::TempDir dir{"convert"};
};

ConvertedInput::ConvertedInput(const std::string& original) : original_(original), folder_(std::make_unique<Folder>()) {
  require_converter(original);
  docx_ = (folder_->dir.path / (fs::u8path(original).stem().string() + ".docx")).string();
  render::convert_to_docx(original, docx_);
}

ConvertedInput::~ConvertedInput() = default;

}  // namespace bidfmt
