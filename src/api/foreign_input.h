// The files people have besides DOCX: Word 97–2003 (.doc) and WPS (.wps) — both OLE2 compound
// files —, RTF and OpenDocument text (.odt). check and fix read them by converting them with
// LibreOffice into a DOCX in a private temp folder first.
#pragma once
#include <memory>
#include <string>

#include "core/lang.h"

namespace bidfmt {

// encrypted: a password-protected DOCX (an OLE2 file holding EncryptedPackage); no converter opens
// it without the password, so it is not converted and the reader refuses it in one line.
enum class InputKind { docx, ole2, encrypted, rtf, odt, other };

// What `path` holds, by its first bytes: OLE2 signature D0 CF 11 E0 A1 B1 1A E1, "{\rtf", a zip
// whose "mimetype" entry says application/vnd.oasis.opendocument.text; any other zip is a DOCX to
// the reader. A file whose content says none of these is `other` (the reader names what it is).
InputKind input_kind(const std::string& path);

// True when `path` should go through LibreOffice first: its content is OLE2, RTF or ODT, or it
// says nothing of itself and is named .doc, .wps, .rtf or .odt (Word's "web page" .doc…).
bool needs_conversion(const std::string& path);

// 「Word 97–2003 / WPS 文档」: the kind of a file that needs conversion, for the notice.
Text kind_name(const std::string& path);

// Throws the Error convert would (naming `path`, saying how to install LibreOffice) when
// LibreOffice is missing: the CLI asks before it says it is converting.
void require_converter(const std::string& path);

// A converted input: the DOCX LibreOffice made of `original`, removed with this object.
class ConvertedInput {
 public:
  // Converts `original` (throws Error naming it when LibreOffice is missing — with the command that
  // installs it — or fails).
  explicit ConvertedInput(const std::string& original);
  ~ConvertedInput();
  ConvertedInput(const ConvertedInput&) = delete;
  ConvertedInput& operator=(const ConvertedInput&) = delete;
  const std::string& original() const { return original_; }
  const std::string& docx() const { return docx_; }

 private:
  struct Folder;
  std::string original_, docx_;
  std::unique_ptr<Folder> folder_;
};

}  // namespace bidfmt
