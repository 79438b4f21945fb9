// libFuzzer target: bytes → the whole check pipeline and every report format (body in targets.h).
#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bidfmt::fuzz::docx_one(data, size);
  return 0;
}
