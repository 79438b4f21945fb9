// ZipWriter: writes an OPC package (DOCX) with minizip, parts in the order they are added.
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace bidfmt::package {

// Wraps minizip's zipFile. Every call checks minizip's status and throws Error naming the
// output file on failure. Timestamps are fixed (reproducible output).
class ZipWriter {
 public:
  // `level`: 1–9, 0 = stored (the micro-benchmarks use it to time XML alone). The default 1: the
  // DOCX parts are XML, which deflates to a tenth at the fastest level; images are compressed
  // already. A part given whole (add) is deflated by libdeflate at this level; a part written in
  // pieces (begin, write) by zlib at this level on a thread of its own while its writer goes on.
  explicit ZipWriter(const std::string& path, int level = 1);
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  // Starts a deflated entry; write its bytes with write(), then add the next or close().
  void begin(const std::string& name);
  void write(std::string_view bytes);
  // Whole entry in one call.
  void add(const std::string& name, std::string_view bytes);
  // Finishes the archive; the file is complete only after this returns.
  void close();

 private:
  struct Stream;
  void end_entry();
  void write_raw(std::string_view bytes);
  void deflate_pieces();                       // the deflate thread of a streamed entry
  void deflate_entry(std::string_view bytes);  // deflates, writes and closes the entry
  std::string path_;
  void* zip_ = nullptr;
  bool in_entry_ = false;
  int level_ = 1;
  void* deflater_ = nullptr;        // libdeflate_compressor, none when stored
  std::unique_ptr<Stream> stream_;  // the entry begun, while its pieces are deflated
};

}  // namespace bidfmt::package
