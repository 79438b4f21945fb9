// libFuzzer target: bytes → package::ZipReader (small limits) (body in targets.h).
#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bidfmt::fuzz::zip_one(data, size);
  return 0;
}
