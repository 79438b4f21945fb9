// libFuzzer target: Markdown bytes → markdown::read → the DOCX writer (body in targets.h).
#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bidfmt::fuzz::markdown_one(data, size, BIDFMT_SOURCE_DIR "/samples");
  return 0;
}
