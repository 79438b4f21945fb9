// libFuzzer target: profile YAML → profile::parse → the writer parts that read it (body in targets.h).
#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bidfmt::fuzz::profile_one(data, size);
  return 0;
}
