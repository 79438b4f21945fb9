// A look at one entry of a zip file without reading the rest: enough to tell an OpenDocument file
// (its "mimetype" entry) from a DOCX before either is read in full; and at an OLE2 file, enough to
// tell a password-protected DOCX from a .doc.
#pragma once
#include <optional>
#include <string>

namespace bidfmt::package {

// The first `max` bytes of entry `name` of the zip at `path`; nothing when `path` is not a
// readable zip or has no such entry. Never throws.
std::optional<std::string> peek_entry(const std::string& path, const std::string& name, size_t max);

// True when `path` is a password-protected OOXML document: Word and WPS write an encrypted DOCX as
// an OLE2 compound file (signature D0 CF 11 E0 A1 B1 1A E1) holding the streams EncryptionInfo and
// EncryptedPackage (MS-OFFCRYPTO §2.3.4); a Word 97–2003 .doc has neither. Looks for both stream
// names (UTF-16LE, as the compound file's directory stores them) in the file's first 64 MiB.
// Never throws.
bool is_encrypted_package(const std::string& path);

}  // namespace bidfmt::package
