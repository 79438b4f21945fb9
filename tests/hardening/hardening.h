// Helpers for the hostile-input tests: crafted zips (raw headers, zlib), a measured subprocess
// runner (time, peak memory, file-size limit, timeout), and the "is check/fix there yet" probes.
#pragma once
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/testkit.h"

namespace bidfmt::hardening {

// ---------------------------------------------------------------------------------------------
// Crafted zips
// ---------------------------------------------------------------------------------------------

// One entry exactly as it goes into the zip: the payload is stored as given (already deflated
// for method 8), and every header field can lie.
struct RawEntry {
  std::string name;
  std::string payload;
  uint16_t method = 0;  // 0 stored, 8 deflated, anything else for "unsupported"
  uint16_t flags = 0;   // bit 0: encrypted
  uint32_t crc = 0;
  uint32_t usize = 0;                 // uncompressed size as declared
  uint32_t csize_claim = UINT32_MAX;  // compressed size as declared; UINT32_MAX = the payload's
};

inline uint32_t crc_of(const std::string& s) {
  return static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(s.data()), static_cast<uInt>(s.size())));
}

// Raw deflate (no zlib header), as zip method 8 stores it.
inline std::string deflate_raw(const std::string& data, int level = 6) {
  z_stream zs{};
  if (deflateInit2(&zs, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 16, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  if (deflate(&zs, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline RawEntry stored(const std::string& name, const std::string& data) {
  return RawEntry{name, data, 0, 0, crc_of(data), static_cast<uint32_t>(data.size())};
}
inline RawEntry deflated(const std::string& name, const std::string& data) {
  return RawEntry{name, deflate_raw(data), 8, 0, crc_of(data), static_cast<uint32_t>(data.size())};
}

// `bytes` zero bytes, deflated, without ever holding them: one flushed 1 MiB chunk repeated (a
// full flush leaves no back-reference across chunks), then an empty final block. bytes must be a
// multiple of 1 MiB. ~1000:1 — 2 GiB of zeros is a 2 MB entry.
inline RawEntry zeros_bomb(const std::string& name, uint64_t bytes) {
  const size_t mib = 1u << 20;
  const std::string zeros(mib, '\0');
  z_stream zs{};
  deflateInit2(&zs, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
  std::string chunk(deflateBound(&zs, mib) + 64, '\0'), tail(64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
  zs.avail_in = static_cast<uInt>(mib);
  zs.next_out = reinterpret_cast<Bytef*>(chunk.data());
  zs.avail_out = static_cast<uInt>(chunk.size());
  deflate(&zs, Z_FULL_FLUSH);
  chunk.resize(chunk.size() - zs.avail_out);
  zs.next_out = reinterpret_cast<Bytef*>(tail.data());
  zs.avail_out = static_cast<uInt>(tail.size());
  deflate(&zs, Z_FINISH);
  tail.resize(tail.size() - zs.avail_out);
  deflateEnd(&zs);
  const uint64_t n = bytes / mib;
  RawEntry e;
  e.name = name;
  e.method = 8;
  e.payload.reserve(chunk.size() * n + tail.size());
  const uLong one = crc32(0L, reinterpret_cast<const Bytef*>(zeros.data()), static_cast<uInt>(mib));
  uLong crc = 0;
  for (uint64_t i = 0; i < n; ++i) {
    e.payload += chunk;
    crc = crc32_combine(crc, one, static_cast<z_off_t>(mib));
  }
  e.payload += tail;
  e.crc = static_cast<uint32_t>(crc);
  e.usize = static_cast<uint32_t>(bytes);
  return e;
}

namespace detail {
inline void put16(std::string& s, uint32_t v) {
  s.push_back(static_cast<char>(v & 0xff));
  s.push_back(static_cast<char>((v >> 8) & 0xff));
}
inline void put32(std::string& s, uint32_t v) {
  put16(s, v & 0xffff);
  put16(s, v >> 16);
}
}  // namespace detail

// A zip of the entries in order: local headers, central directory, end record (no zip64).
inline std::string raw_zip(const std::vector<RawEntry>& entries) {
  using detail::put16;
  using detail::put32;
  std::string out, central;
  for (const RawEntry& e : entries) {
    const uint32_t offset = static_cast<uint32_t>(out.size());
    const uint32_t csize = e.csize_claim == UINT32_MAX ? static_cast<uint32_t>(e.payload.size()) : e.csize_claim;
    auto header = [&](std::string& s, bool central_entry) {
      put16(s, 20);  // version needed
      put16(s, e.flags);
      put16(s, e.method);
      put16(s, 0);     // time
      put16(s, 0x21);  // date: 1980-01-01
      put32(s, e.crc);
      put32(s, csize);
      put32(s, e.usize);
      put16(s, static_cast<uint32_t>(e.name.size()));
      put16(s, 0);  // extra
      if (central_entry) {
        put16(s, 0);  // comment
        put16(s, 0);  // disk
        put16(s, 0);  // internal attributes
        put32(s, 0);  // external attributes
        put32(s, offset);
      }
      s += e.name;
    };
    put32(out, 0x04034b50);
    header(out, false);
    out += e.payload;
    put32(central, 0x02014b50);
    put16(central, 20);  // version made by
    header(central, true);
  }
  const uint32_t cd_offset = static_cast<uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<uint32_t>(entries.size()));
  put16(out, static_cast<uint32_t>(entries.size()));
  put32(out, static_cast<uint32_t>(central.size()));
  put32(out, cd_offset);
  put16(out, 0);
  return out;
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The smallest DOCX parts a reader accepts: content types, package rels, a document.
inline std::vector<RawEntry> minimal_docx(const std::string& document_xml) {
  const std::string ct =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  const std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"word/document.xml\"/></Relationships>";
  return {deflated("[Content_Types].xml", ct), deflated("_rels/.rels", rels), deflated("word/document.xml", document_xml)};
}

inline const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// word/document.xml with `body` inside w:body.
inline std::string document_xml(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"") + kW + "\"><w:body>" + body +
         "</w:body></w:document>";
}

// ---------------------------------------------------------------------------------------------
// A measured subprocess
// ---------------------------------------------------------------------------------------------

struct Measured {
  int status = -1;  // exit status, 128+signal when killed
  bool timed_out = false;
  double seconds = 0;
  long max_rss_mb = 0;
  std::string out, err;
};

struct Limits {
  int timeout_s = 60;
  long file_size_bytes = -1;  // RLIMIT_FSIZE for the child (writes past it fail with EFBIG)
};

// Runs argv (argv[0] a path) with stdin from /dev/null; kills it after the timeout.
inline Measured run_measured(const std::vector<std::string>& argv, const Limits& limits = {}) {
  Measured m;
  const std::string base = testkit::temp_dir("measured-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
  const std::string out_path = base + "/out", err_path = base + "/err";
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    int in = ::open("/dev/null", O_RDONLY);
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    if (limits.file_size_bytes >= 0) {
      ::signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails with EFBIG, as on a full disk
      rlimit rl{static_cast<rlim_t>(limits.file_size_bytes), static_cast<rlim_t>(limits.file_size_bytes)};
      ::setrlimit(RLIMIT_FSIZE, &rl);
    }
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  rusage ru{};
  for (;;) {
    pid_t done = ::wait4(pid, &status, WNOHANG, &ru);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(limits.timeout_s)) {
      ::kill(pid, SIGKILL);
      ::wait4(pid, &status, 0, &ru);
      m.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  m.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  m.max_rss_mb = ru.ru_maxrss / 1024;
  m.out = testkit::read_text(out_path);
  m.err = testkit::read_text(err_path);
  std::filesystem::remove_all(base);
  return m;
}

// The bidfmt CLI, measured.
inline Measured run_bidfmt(std::vector<std::string> args, const Limits& limits = {}) {
  args.insert(args.begin(), testkit::binary());
  return run_measured(args, limits);
}

// A sanitizer report or a crash in a child's stderr.
inline bool sanitizer_report(const std::string& err) {
  return err.find("AddressSanitizer") != std::string::npos || err.find("LeakSanitizer") != std::string::npos ||
         err.find("runtime error:") != std::string::npos || err.find("UndefinedBehaviorSanitizer") != std::string::npos;
}

inline size_t line_count(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

// "" when `bidfmt SUB` is implemented, else why not (for GTEST_SKIP).
inline std::string missing_subcommand(const std::string& sub) {
  testkit::RunResult r = testkit::run_cli({sub, "/nonexistent/probe.docx", "-o", "/nonexistent/probe-out.docx", "--lang", "en"});
  if (r.err.find("not implemented") != std::string::npos) return "bidfmt " + sub + " is not implemented yet";
  return "";
}

}  // namespace bidfmt::hardening
