// A look at one entry of a zip file without reading the rest: enough to tell an OpenDocument file
// (its "mimetype" entry) from a DOCX before either is read in full.
#pragma once
#include <optional>
#include <string>

namespace bidfmt::package {

// The first `max` bytes of entry `name` of the zip at `path`; nothing when `path` is not a
// readable zip or has no such entry. Never throws.
std::optional<std::string> peek_entry(const std::string& path, const std::string& name, size_t max);

}  // namespace bidfmt::package
