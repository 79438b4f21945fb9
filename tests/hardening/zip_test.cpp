// package::ZipReader on broken and hostile zips: every one is an Error naming the file and the
// fault — never a crash, never unbounded memory (zip bombs are crafted here with zlib).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "core/error.h"
#include "hardening/hardening.h"
#include "package/zip_reader.h"
#include "support/testkit.h"

namespace bidfmt {
namespace {
namespace fs = std::filesystem;
using hardening::RawEntry;

// The English message of the Error reading `path` throws, or "" when it reads.
std::string read_error(const std::string& path, const package::ZipLimits& limits = {}) {
  try {
    package::ZipReader z(path, limits);
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), path);
    return e.message(Lang::en);
  }
  return "";
}

std::string write(const std::string& name, const std::string& bytes) {
  std::string path = testkit::temp_dir("zip-" + name) + "/" + name + ".docx";
  hardening::write_bytes(path, bytes);
  return path;
}

std::string zip_of(const std::vector<RawEntry>& entries) { return hardening::raw_zip(entries); }

const std::string kDoc = hardening::document_xml("<w:p><w:r><w:t>正文</w:t></w:r></w:p>");

// --- what the file is ---------------------------------------------------------------------------

TEST(ZipHardening, AWellFormedCraftedZipReads) {
  std::string path = write("ok", zip_of(hardening::minimal_docx(kDoc)));
  package::ZipReader z(path);
  EXPECT_EQ(z.names().size(), 3u);
  EXPECT_EQ(z.get("word/document.xml"), kDoc);
}

TEST(ZipHardening, TextRenamedToDocx) {
  EXPECT_NE(read_error(write("text", "# 标题\n\n这不是 zip。\n")).find("not a valid DOCX"), std::string::npos);
}

TEST(ZipHardening, EmptyFile) { EXPECT_NE(read_error(write("empty", "")).find("empty"), std::string::npos); }

TEST(ZipHardening, MissingFile) {
  std::string dir = testkit::temp_dir("zip-missing");
  std::string path = dir + "/nope.docx";
  EXPECT_NE(read_error(path).find("cannot read"), std::string::npos);
}

TEST(ZipHardening, LegacyDocOrEncryptedDocxIsNamed) {
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(4096, '\0');
  std::string msg = read_error(write("ole", ole));
  EXPECT_NE(msg.find(".doc"), std::string::npos) << msg;
  EXPECT_NE(msg.find("password"), std::string::npos) << msg;
}

TEST(ZipHardening, PdfRenamedToDocx) {
  EXPECT_NE(read_error(write("pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n")).find("PDF"), std::string::npos);
}

TEST(ZipHardening, TruncatedDownloadsAtEveryCut) {
  const std::string whole = zip_of(hardening::minimal_docx(kDoc));
  // Every length that loses the end record or data: each is an Error, none a crash.
  // Every cut is refused, or — when only the end record's tail was lost (comment length) —
  // reads the complete, correct parts. Nothing in between.
  const std::map<std::string, std::string> parts = testkit::read_zip(write("whole", whole));
  for (size_t cut = 0; cut < whole.size(); ++cut) {
    std::string path = write("cut", whole.substr(0, cut));
    if (read_error(path) != "") continue;
    EXPECT_EQ(testkit::read_zip(path), parts) << "cut at " << cut << " of " << whole.size();
  }
  EXPECT_NE(read_error(write("cut-pk", whole.substr(0, whole.size() / 2))).find("truncated"), std::string::npos);
}

TEST(ZipHardening, CentralDirectoryPointingPastTheEnd) {
  std::string z = zip_of(hardening::minimal_docx(kDoc));
  z[z.size() - 6] = '\x7f';  // central directory offset, high byte
  EXPECT_NE(read_error(write("cdoff", z)), "");
}

// --- entry data ---------------------------------------------------------------------------------

TEST(ZipHardening, WrongCrcOfAStoredEntry) {
  RawEntry e = hardening::stored("word/document.xml", kDoc);
  e.crc ^= 0x1234;
  std::string msg = read_error(write("crc", zip_of({e})));
  EXPECT_NE(msg.find("CRC"), std::string::npos) << msg;
  EXPECT_NE(msg.find("word/document.xml"), std::string::npos) << msg;
}

TEST(ZipHardening, FlippedByteInDeflatedData) {
  RawEntry e = hardening::deflated("word/document.xml", kDoc + std::string(5000, ' ') + kDoc);
  e.payload[e.payload.size() / 2] ^= 0x55;
  EXPECT_NE(read_error(write("flip", zip_of({e}))).find("word/document.xml"), std::string::npos);
}

TEST(ZipHardening, DeclaredSizeLargerThanTheData) {
  // minizip skips the CRC check when the stream ends before the declared size.
  RawEntry e = hardening::deflated("word/document.xml", kDoc);
  e.usize += 1000;
  std::string msg = read_error(write("short", zip_of({e})));
  EXPECT_NE(msg.find("damaged"), std::string::npos) << msg;
}

TEST(ZipHardening, DeclaredSizeSmallerThanTheData) {
  RawEntry e = hardening::deflated("word/document.xml", kDoc);
  e.usize = 10;
  EXPECT_NE(read_error(write("long", zip_of({e}))), "");
}

TEST(ZipHardening, EncryptedEntry) {
  RawEntry e = hardening::stored("word/document.xml", kDoc);
  e.flags |= 1;
  std::string msg = read_error(write("enc", zip_of({e})));
  EXPECT_NE(msg.find("encrypted"), std::string::npos) << msg;
}

TEST(ZipHardening, UnsupportedCompressionMethod) {
  RawEntry e = hardening::stored("word/document.xml", kDoc);
  e.method = 14;  // LZMA
  std::string msg = read_error(write("lzma", zip_of({e})));
  EXPECT_NE(msg.find("compression method 14"), std::string::npos) << msg;
}

// --- names --------------------------------------------------------------------------------------

TEST(ZipHardening, UnsafeEntryNames) {
  for (const char* name : {"../evil.xml", "word/../../evil.xml", "/etc/passwd", "word\\document.xml", "C:/x.xml", "word/a\x01.xml", ".."}) {
    std::string msg = read_error(write("name", zip_of({hardening::stored(name, "x")})));
    EXPECT_NE(msg.find("unsafe zip entry name"), std::string::npos) << name << ": " << msg;
  }
}

TEST(ZipHardening, NameWithANulByte) {
  std::string name("word/document.xml\0.png", 23);
  EXPECT_NE(read_error(write("nul", zip_of({hardening::stored(name, "x")}))).find("unsafe"), std::string::npos);
}

TEST(ZipHardening, HostileNameReachesNoTerminalAsControlBytes) {
  std::string msg = read_error(write("esc", zip_of({hardening::stored("word/\x1b]0;pwned\x07\x1b[2J.xml", "x")})));
  EXPECT_NE(msg.find("\\x1B"), std::string::npos) << msg;
  for (unsigned char c : msg) EXPECT_GE(c, 0x20) << msg;
}

TEST(ZipHardening, OverlongNameIsRefusedNotOverread) {
  // Regression: minizip leaves its name buffer unterminated for a name of 1024 bytes or more.
  std::string msg = read_error(write("longname", zip_of({hardening::stored(std::string(3000, 'a'), "x")})));
  EXPECT_NE(msg.find("too long"), std::string::npos) << msg;
}

TEST(ZipHardening, DuplicatePartNames) {
  std::string msg =
      read_error(write("dup", zip_of({hardening::stored("word/document.xml", "a"), hardening::stored("word/document.xml", "b")})));
  EXPECT_NE(msg.find("duplicate"), std::string::npos) << msg;
}

TEST(ZipHardening, DuplicatePartNamesDifferingOnlyInCase) {
  // OPC part names compare case-insensitively: Word would see one part, we two.
  std::string msg =
      read_error(write("dupcase", zip_of({hardening::stored("word/document.xml", "a"), hardening::stored("Word/Document.XML", "b")})));
  EXPECT_NE(msg.find("duplicate"), std::string::npos) << msg;
}

TEST(ZipHardening, DirectoryEntriesAreSkipped) {
  std::vector<RawEntry> e = hardening::minimal_docx(kDoc);
  e.insert(e.begin(), hardening::stored("word/", ""));
  package::ZipReader z(write("dir", zip_of(e)));
  EXPECT_EQ(z.names().size(), 3u);
}

// --- limits -------------------------------------------------------------------------------------

TEST(ZipHardening, TooManyEntries) {
  std::vector<RawEntry> e;
  for (int i = 0; i < 20; ++i) e.push_back(hardening::stored("f" + std::to_string(i), "x"));
  package::ZipLimits limits;
  limits.max_entries = 10;
  EXPECT_NE(read_error(write("many", zip_of(e)), limits).find("too many"), std::string::npos);
}

TEST(ZipHardening, TwoGigabytesOfZerosStopEarly) {
  // 2 GiB of zeros in a ~2 MB entry, with the true CRC and size: the reader must stop at the
  // ratio limit long before the data is inflated.
  const std::string path = write("bomb", zip_of({hardening::zeros_bomb("word/document.xml", 2ull << 30)}));
  EXPECT_LT(fs::file_size(path), 4u << 20);
  std::string msg = read_error(path);
  EXPECT_NE(msg.find("zip bomb"), std::string::npos) << msg;
}

TEST(ZipHardening, ZerosUnderTheEntryLimitStopAtTheRatio) {
  // 400 MiB declares less than the 512 MiB entry limit: inflating starts, and the ratio stops it.
  const std::string path = write("bomb400", zip_of({hardening::zeros_bomb("word/document.xml", 400u << 20)}));
  std::string msg = read_error(path);
  EXPECT_NE(msg.find("ratio"), std::string::npos) << msg;
}

TEST(ZipHardening, BombThatUnderstatesItsSizeStillStops) {
  RawEntry e = hardening::zeros_bomb("word/document.xml", 2ull << 30);
  e.usize = 1000;  // the directory claims a tiny entry
  std::string msg = read_error(write("bomb-small", zip_of({e})));
  EXPECT_NE(msg.find("CRC"), std::string::npos) << msg;  // minizip stops at the declared size
}

TEST(ZipHardening, BombThatOverstatesItsCompressedSizeStillStops) {
  // The ratio is measured on the bytes actually read, not on the size the directory claims.
  RawEntry e = hardening::zeros_bomb("word/document.xml", 400u << 20);
  e.csize_claim = 0x7fffffff;
  std::string msg = read_error(write("bomb-csize", zip_of({e})));
  EXPECT_NE(msg.find("ratio"), std::string::npos) << msg;
}

TEST(ZipHardening, DeclaredSizeOverTheEntryLimitIsRefusedBeforeInflating) {
  RawEntry e = hardening::stored("word/document.xml", "x");
  e.usize = 0xF0000000u;
  std::string msg = read_error(write("declared", zip_of({e})));
  EXPECT_NE(msg.find("declared size"), std::string::npos) << msg;
}

TEST(ZipHardening, TotalLimitAcrossEntries) {
  // Incompressible-looking entries under the ratio limit: the total limit stops them.
  std::string chunk(300 << 10, '\0');
  uint32_t x = 12345;
  for (char& c : chunk) c = static_cast<char>((x = x * 1103515245u + 12345u) >> 24);
  std::vector<RawEntry> e;
  for (int i = 0; i < 8; ++i) e.push_back(hardening::deflated("media/image" + std::to_string(i) + ".bin", chunk));
  package::ZipLimits limits;
  limits.max_total = 1u << 20;
  std::string msg = read_error(write("total", zip_of(e)), limits);
  EXPECT_NE(msg.find("together"), std::string::npos) << msg;
}

TEST(ZipHardening, EntryLimit) {
  package::ZipLimits limits;
  limits.max_entry = 64 << 10;
  limits.max_ratio = 1e9;
  std::string msg = read_error(write("entry", zip_of({hardening::deflated("big.xml", std::string(100 << 10, 'a'))})), limits);
  EXPECT_NE(msg.find("zip bomb"), std::string::npos) << msg;
}

TEST(ZipHardening, OverlappingEntriesShareOneKernel) {
  // Fifield's non-recursive bomb in miniature: many central entries point at one local entry.
  RawEntry kernel = hardening::zeros_bomb("k", 64u << 20);
  std::string z = hardening::raw_zip({kernel});
  // Re-point: build a central directory of 50 entries, all at offset 0 (same local header name "k"
  // makes them duplicates too; either fault must be reported).
  std::string local = z.substr(0, z.find(std::string("PK\x01\x02", 4)));
  std::string central;
  for (int i = 0; i < 50; ++i) {
    size_t at = z.find(std::string("PK\x01\x02", 4));
    central += z.substr(at, z.size() - 22 - at);
  }
  std::string out = local + central;
  std::string eocd = z.substr(z.size() - 22);
  eocd[8] = eocd[10] = 50;
  uint32_t cd_size = static_cast<uint32_t>(central.size());
  for (int b = 0; b < 4; ++b) eocd[12 + b] = static_cast<char>((cd_size >> (8 * b)) & 0xff);
  out += eocd;
  EXPECT_NE(read_error(write("overlap", out)), "");
}

}  // namespace
}  // namespace bidfmt
