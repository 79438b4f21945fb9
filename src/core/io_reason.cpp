// errno → a reason a bid writer understands. Only the cases people meet are worded; anything else
// is the system's own text (English: glibc's messages are not localized without a locale).
#include "core/io_reason.h"

#include <cerrno>
#include <cstring>

namespace bidfmt::core {

Text io_reason(int err, Io io) {
  const bool w = io == Io::write;
  switch (err) {
    case ENOENT: return w ? Text{"目录不存在", "folder does not exist"} : Text{"文件不存在", "file does not exist"};
    case EACCES:
    case EPERM: return w ? Text{"没有写入权限", "no permission to write"} : Text{"没有读取权限", "no permission to read"};
    case ENOSPC: return {"磁盘空间不足", "disk full"};
    case EDQUOT: return {"超出磁盘配额", "disk quota exceeded"};
    case EROFS: return {"文件系统只读", "read-only file system"};
    case ENOTDIR: return {"路径中有一段不是目录", "a part of the path is not a folder"};
    case EISDIR: return {"是目录,不是文件", "is a folder, not a file"};
    case ENAMETOOLONG: return {"文件名过长", "file name too long"};
    case EFBIG: return {"文件超过允许的大小", "file too large for this limit or file system"};
    case EIO: return {"磁盘读写错误", "input/output error"};
    case EMFILE:
    case ENFILE: return {"同时打开的文件过多", "too many open files"};
    default: {
      std::string sys = std::strerror(err);
      return {"系统错误(" + sys + ")", sys};
    }
  }
}

}  // namespace bidfmt::core
