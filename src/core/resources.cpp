// Lookup over the embedded files.
#include "core/resources.h"

namespace bidfmt::core {

std::optional<std::string_view> resource(std::string_view name) {
  for (const Resource& r : resources())
    if (r.name == name) return r.data;
  return std::nullopt;
}

}  // namespace bidfmt::core
