// ZipWriter over minizip (zip.h), each entry deflated here and handed to minizip raw.
// Deflate was most of a build's time with zlib (57 of 82 ms for a 1,000-page bid at level 6).
// A part given whole goes through libdeflate, which compresses a buffer at once, faster than zlib.
// The part written in pieces — document.xml, 8.8 MB for a 1,000-page bid — is deflated by zlib on
// a second thread while the document writer produces the next piece: on two cores its deflate
// costs the build nothing, and it is never held whole (held whole for libdeflate, its buffer grew
// to 16 MB by doubling; faulting in and zeroing those pages was a tenth of the build).
// Every entry is plain deflate (method 8), so every zip reader takes it.
#include "package/zip_writer.h"

#include <libdeflate.h>
#include <minizip/zip.h>

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "core/error.h"
#include "core/io_reason.h"

namespace bidfmt::package {
namespace {
// minizip says ZIP_ERRNO when the system failed (errno tells why: a full disk, no permission);
// its other codes are its own. core::write_path_atomically renames `path` (a temp file) to the
// output the user named.
[[noreturn]] void fail(const std::string& path, const std::string& what, int code) {
  if (code == ZIP_ERRNO) {
    const int err = errno;
    Text r = core::io_reason(err ? err : EIO, core::Io::write);
    throw Error(path, 0, "无法写入:" + r.zh, "cannot write: " + r.en);
  }
  throw Error(path, 0, "写入 zip 失败(" + what + ",代码 " + std::to_string(code) + ")",
              "cannot write zip (" + what + ", code " + std::to_string(code) + ")");
}
constexpr size_t kPiece = size_t{256} << 10;  // bytes gathered before they go to the deflate thread
constexpr size_t kQueued = 4;                 // pieces waiting at most: the writer waits beyond
}  // namespace

// The entry being written in pieces: the writer appends to `gathering`; full pieces queue for the
// thread, which deflates them in order (one zlib stream) and writes what comes out to minizip.
// Only the thread touches minizip until the entry ends.
struct ZipWriter::Stream {
  z_stream z{};
  std::thread thread;
  std::mutex m;
  std::condition_variable cv;
  std::deque<std::string> queue;
  bool finish = false;  // no more pieces: end the deflate stream
  bool stop = false;    // abandon the entry (the writer failed)
  std::exception_ptr error;
  std::string gathering;
  uLong crc = 0;
  uint64_t size = 0;
};

ZipWriter::ZipWriter(const std::string& path, int level) : path_(path), level_(level) {
  errno = 0;
  zip_ = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  if (!zip_) fail(path_, "open", ZIP_ERRNO);
  if (level_ > 0) {
    deflater_ = libdeflate_alloc_compressor(level_);
    if (!deflater_) fail(path_, "deflate level " + std::to_string(level_), 0);
  }
}

ZipWriter::~ZipWriter() {
  if (stream_) {  // unwinding from a failed write: the thread stops, the output is discarded
    {
      std::lock_guard<std::mutex> lock(stream_->m);
      stream_->stop = true;
    }
    stream_->cv.notify_all();
    stream_->thread.join();
    deflateEnd(&stream_->z);
  }
  if (zip_) zipClose(static_cast<zipFile>(zip_), nullptr);
  if (deflater_) libdeflate_free_compressor(static_cast<libdeflate_compressor*>(deflater_));
}

void ZipWriter::begin(const std::string& name) {
  if (in_entry_) end_entry();
  zip_fileinfo info;
  std::memset(&info, 0, sizeof info);
  info.tmz_date.tm_year = 1980;  // fixed date: byte-stable output
  info.tmz_date.tm_mday = 1;
  // raw = 1: minizip writes the headers and our bytes as they are; end_entry gives it the CRC and size.
  int rc = zipOpenNewFileInZip2_64(static_cast<zipFile>(zip_), name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
                                   level_ == 0 ? 0 : Z_DEFLATED, level_, level_ == 0 ? 0 : 1, 0);
  if (rc != ZIP_OK) fail(path_, name, rc);
  in_entry_ = true;
}

void ZipWriter::write(std::string_view bytes) {
  if (!deflater_) return write_raw(bytes);
  if (!stream_) {
    stream_ = std::make_unique<Stream>();
    // Raw deflate (negative window bits): minizip writes the zip headers around it.
    if (deflateInit2(&stream_->z, std::min(level_, 9), Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      stream_.reset();
      fail(path_, "deflate level " + std::to_string(level_), 0);
    }
    try {
      stream_->thread = std::thread([this] { deflate_pieces(); });
    } catch (...) {  // no thread to be had: no stream either (a Stream always has its thread)
      deflateEnd(&stream_->z);
      stream_.reset();
      throw;
    }
  }
  Stream& s = *stream_;
  s.gathering.append(bytes);
  if (s.gathering.size() < kPiece) return;
  std::unique_lock<std::mutex> lock(s.m);
  s.cv.wait(lock, [&] { return s.queue.size() < kQueued || s.error; });
  if (s.error) {  // end_entry throws it
    s.gathering.clear();
    return;
  }
  s.queue.push_back(std::move(s.gathering));
  s.gathering = std::string();
  s.gathering.reserve(kPiece + (kPiece >> 2));
  lock.unlock();
  s.cv.notify_all();
}

// The deflate thread: pieces in order through one zlib stream, the output to minizip.
void ZipWriter::deflate_pieces() {
  Stream& s = *stream_;
  std::unique_ptr<unsigned char[]> out(new unsigned char[kPiece]);
  try {
    for (;;) {
      std::string piece;
      bool last;
      {
        std::unique_lock<std::mutex> lock(s.m);
        s.cv.wait(lock, [&] { return !s.queue.empty() || s.finish || s.stop; });
        if (s.stop) return;
        last = s.queue.empty();  // finish and nothing left
        if (!last) {
          piece = std::move(s.queue.front());
          s.queue.pop_front();
        }
      }
      s.cv.notify_all();
      s.crc = libdeflate_crc32(s.crc, piece.data(), piece.size());
      s.size += piece.size();
      s.z.next_in = reinterpret_cast<Bytef*>(piece.data());
      s.z.avail_in = static_cast<uInt>(piece.size());
      int rc;
      do {
        s.z.next_out = out.get();
        s.z.avail_out = static_cast<uInt>(kPiece);
        rc = deflate(&s.z, last ? Z_FINISH : Z_NO_FLUSH);
        if (rc == Z_STREAM_ERROR) fail(path_, "deflate", rc);
        write_raw(std::string_view(reinterpret_cast<const char*>(out.get()), kPiece - s.z.avail_out));
      } while (s.z.avail_out == 0 || (last && rc != Z_STREAM_END));
      if (last) return;
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(s.m);
    s.error = std::current_exception();
    s.cv.notify_all();
  }
}

void ZipWriter::write_raw(std::string_view bytes) {
  while (!bytes.empty()) {
    unsigned chunk = static_cast<unsigned>(std::min<size_t>(bytes.size(), 1u << 30));
    int rc = zipWriteInFileInZip(static_cast<zipFile>(zip_), bytes.data(), chunk);
    if (rc != ZIP_OK) fail(path_, "write", rc);
    bytes.remove_prefix(chunk);
  }
}

void ZipWriter::end_entry() {
  in_entry_ = false;
  if (!deflater_) {
    int rc = zipCloseFileInZip(static_cast<zipFile>(zip_));
    if (rc != ZIP_OK) fail(path_, "close entry", rc);
    return;
  }
  if (!stream_) return deflate_entry({});  // begun, nothing written
  Stream& s = *stream_;
  {
    std::lock_guard<std::mutex> lock(s.m);
    if (!s.gathering.empty()) s.queue.push_back(std::move(s.gathering));
    s.finish = true;
  }
  s.cv.notify_all();
  s.thread.join();
  std::unique_ptr<Stream> done = std::move(stream_);
  deflateEnd(&done->z);
  if (done->error) std::rethrow_exception(done->error);
  int rc = zipCloseFileInZipRaw64(static_cast<zipFile>(zip_), done->size, done->crc);
  if (rc != ZIP_OK) fail(path_, "close entry", rc);
}

void ZipWriter::add(const std::string& name, std::string_view bytes) {
  begin(name);
  if (!deflater_) return write(bytes);
  in_entry_ = false;
  deflate_entry(bytes);  // straight from the caller's bytes, no copy
}

void ZipWriter::deflate_entry(std::string_view bytes) {
  auto* c = static_cast<libdeflate_compressor*>(deflater_);
  size_t bound = libdeflate_deflate_compress_bound(c, bytes.size());
  std::unique_ptr<char[]> out(new char[bound]);
  size_t n = libdeflate_deflate_compress(c, bytes.data(), bytes.size(), out.get(), bound);
  if (n == 0) fail(path_, "deflate", 0);
  write_raw(std::string_view(out.get(), n));
  uLong crc = libdeflate_crc32(0, bytes.data(), bytes.size());
  int rc = zipCloseFileInZipRaw64(static_cast<zipFile>(zip_), bytes.size(), crc);
  if (rc != ZIP_OK) fail(path_, "close entry", rc);
}

void ZipWriter::close() {
  if (in_entry_) end_entry();
  int rc = zipClose(static_cast<zipFile>(zip_), nullptr);
  zip_ = nullptr;
  if (rc != ZIP_OK) fail(path_, "close", rc);
}

}  // namespace bidfmt::package
