// Why a file could not be read or written, in the user's words (「目录不存在」「没有写入权限」
// 「磁盘空间不足」), from the errno the system gave; not the number, not a temp file's name.
#pragma once
#include "core/lang.h"

namespace bidfmt::core {

enum class Io { read, write };

// The reason for `err` (an errno value) when reading or writing a file.
Text io_reason(int err, Io io);

}  // namespace bidfmt::core
