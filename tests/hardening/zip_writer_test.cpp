// package::ZipWriter (libdeflate, and zlib on a thread for an entry written in pieces, through
// minizip's raw write): what it writes reads back byte for byte — by bidfmt's ZipReader, by zlib's
// inflate and CRC, and by Info-ZIP's unzip where installed — every entry is plain deflate (method
// 8), the same entries give the same file, and a failure while an entry is deflated on its thread
// reaches the caller as the error naming the file.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <random>

#include "core/error.h"
#include "package/zip_reader.h"
#include "package/zip_writer.h"
#include "support/testkit.h"

namespace bidfmt {
namespace {

// Entries of the shapes a DOCX has: tiny, empty, large repetitive XML, and incompressible bytes.
std::map<std::string, std::string> sample_entries() {
  std::map<std::string, std::string> e;
  e["[Content_Types].xml"] = "<?xml version=\"1.0\"?><Types/>";
  e["word/empty.xml"] = "";
  std::string xml;
  for (int i = 0; i < 60000; ++i) xml += "<w:p><w:r><w:t>第" + std::to_string(i) + "段正文</w:t></w:r></w:p>";
  e["word/document.xml"] = xml;
  std::mt19937 rng(19);
  std::string noise(300000, '\0');
  for (char& c : noise) c = static_cast<char>(rng() & 0xff);
  e["word/media/image1.png"] = noise;
  return e;
}

std::string write_zip(const std::string& name, const std::map<std::string, std::string>& entries, int level = 6) {
  std::string path = testkit::temp_dir("zip-writer-" + name) + "/" + name + ".docx";
  package::ZipWriter z(path, level);
  bool streamed = false;
  for (const auto& [n, bytes] : entries) {
    if (!streamed && bytes.size() > 1000) {  // one entry in pieces, as the part writers stream
      z.begin(n);
      for (size_t at = 0; at < bytes.size(); at += 4096) z.write(std::string_view(bytes).substr(at, 4096));
      streamed = true;
    } else {
      z.add(n, bytes);
    }
  }
  z.close();
  return path;
}

uint16_t u16(const std::string& s, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(s[at]) | static_cast<unsigned char>(s[at + 1]) << 8);
}
uint32_t u32(const std::string& s, size_t at) { return u16(s, at) | static_cast<uint32_t>(u16(s, at + 2)) << 16; }

TEST(ZipWriter, EntriesReadBackByteForByte) {
  auto entries = sample_entries();
  package::ZipReader r(write_zip("roundtrip", entries));
  ASSERT_EQ(r.names().size(), entries.size());
  for (const auto& [n, bytes] : entries) EXPECT_EQ(r.get(n), bytes) << n;
}

TEST(ZipWriter, EveryEntryIsPlainDeflateWithTheRightCrcAndSizes) {
  auto entries = sample_entries();
  std::string file = testkit::read_text(write_zip("headers", entries));
  size_t at = 0, seen = 0;
  while (at + 30 <= file.size() && u32(file, at) == 0x04034b50) {  // local file headers, in order
    uint16_t flags = u16(file, at + 6), method = u16(file, at + 8);
    uint32_t crc = u32(file, at + 14), csize = u32(file, at + 18), usize = u32(file, at + 22);
    uint16_t nlen = u16(file, at + 26), xlen = u16(file, at + 28);
    std::string name = file.substr(at + 30, nlen);
    ASSERT_TRUE(entries.count(name)) << name;
    const std::string& want = entries[name];
    EXPECT_EQ(method, 8) << name;
    EXPECT_EQ(flags & 1, 0) << name << ": not encrypted";
    EXPECT_EQ(crc, crc32(0, reinterpret_cast<const Bytef*>(want.data()), static_cast<uInt>(want.size()))) << name;
    EXPECT_EQ(usize, want.size()) << name;
    // zlib inflates the raw stream to the entry's bytes.
    std::string data = file.substr(at + 30 + nlen + xlen, csize), out(want.size() + 1, '\0');
    z_stream zs{};
    ASSERT_EQ(inflateInit2(&zs, -MAX_WBITS), Z_OK);
    zs.next_in = reinterpret_cast<Bytef*>(data.data());
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(inflate(&zs, Z_FINISH), Z_STREAM_END) << name;
    EXPECT_EQ(out.substr(0, zs.total_out), want) << name;
    inflateEnd(&zs);
    at += 30 + nlen + xlen + csize;
    ++seen;
  }
  EXPECT_EQ(seen, entries.size());
  EXPECT_LT(file.size(), 300000u + entries["word/document.xml"].size() / 5) << "the XML is compressed";
}

TEST(ZipWriter, InfoZipUnzipTestsTheArchive) {
  if (!testkit::have_program("unzip")) GTEST_SKIP() << "unzip not installed";
  std::string path = write_zip("unzip", sample_entries());
  testkit::RunResult r = testkit::run({"unzip", "-t", path});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("No errors detected"), std::string::npos) << r.out;
}

TEST(ZipWriter, SameEntriesGiveTheSameBytes) {
  auto entries = sample_entries();
  EXPECT_EQ(testkit::read_text(write_zip("same-a", entries)), testkit::read_text(write_zip("same-b", entries)));
}

// The same bytes in pieces of any size make the same entry: what is deflated on the thread does
// not depend on how the writer cut it.
TEST(ZipWriter, PiecesOfAnySizeGiveTheSameEntry) {
  std::string xml = sample_entries()["word/document.xml"];
  const std::string dir = testkit::temp_dir("zip-writer-pieces");
  auto zip_in = [&](const std::string& name, size_t piece) {
    std::string path = dir + "/" + name + ".zip";
    package::ZipWriter z(path);
    z.begin("word/document.xml");
    for (size_t at = 0; at < xml.size(); at += piece) z.write(std::string_view(xml).substr(at, piece));
    z.close();
    return testkit::read_text(path);
  };
  std::string a = zip_in("small", 977), b = zip_in("large", size_t{1} << 20);
  EXPECT_EQ(a, b);
  EXPECT_EQ(package::ZipReader(dir + "/small.zip").get("word/document.xml"), xml);
}

// A disk that fills while the thread writes the deflated entry: close() throws the Error that
// names the file (disk full), as the single-threaded writer did; nothing hangs.
TEST(ZipWriter, FullDiskWhileAnEntryIsDeflatedIsTheCallersError) {
  if (!std::ifstream("/dev/full")) GTEST_SKIP() << "no /dev/full";
  std::mt19937 rng(7);
  std::string noise(size_t{4} << 20, '\0');  // incompressible: the output exceeds stdio's buffer
  for (char& c : noise) c = static_cast<char>(rng() & 0xff);
  try {
    package::ZipWriter z("/dev/full");
    z.begin("word/document.xml");
    for (size_t at = 0; at < noise.size(); at += 65536) z.write(std::string_view(noise).substr(at, 65536));
    z.close();
    FAIL() << "no error writing to /dev/full";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), "/dev/full");
    EXPECT_NE(e.message(Lang::en).find("cannot write"), std::string::npos) << e.message(Lang::en);
  }
}

// A writer that fails half way (its own error, not the zip's) destroys the ZipWriter with an entry
// still being deflated: the thread stops and is joined.
TEST(ZipWriter, AbandonedEntryStopsItsThread) {
  std::string path = testkit::temp_dir("zip-writer-abandoned") + "/a.zip";
  std::string xml = sample_entries()["word/document.xml"];
  EXPECT_THROW(
      {
        package::ZipWriter z(path);
        z.begin("word/document.xml");
        z.write(xml);
        throw std::runtime_error("the document writer failed");
      },
      std::runtime_error);
}

TEST(ZipWriter, LevelZeroStoresEntries) {
  auto entries = sample_entries();
  std::string path = write_zip("stored", entries, 0);
  package::ZipReader r(path);
  for (const auto& [n, bytes] : entries) EXPECT_EQ(r.get(n), bytes) << n;
  std::string file = testkit::read_text(path);
  EXPECT_EQ(u16(file, 8), 0) << "method stored";
}

}  // namespace
}  // namespace bidfmt
