// WorkDir: the private temp folder one request works in, removed with everything in it when the
// request is done; uploads are saved there under safe names, and a zip of Markdown and images is
// unpacked there within the zip reader's limits.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace bidfmt::serve {

class WorkDir {
 public:
  // A fresh folder (mode 0700) under `root` ("" = $TMPDIR or /tmp). Throws Error when it cannot.
  explicit WorkDir(const std::string& root);
  ~WorkDir();
  WorkDir(const WorkDir&) = delete;
  WorkDir& operator=(const WorkDir&) = delete;
  const std::string& path() const { return path_; }

  // Writes `bytes` as `sub`/NAME inside the folder, NAME being the upload's own file name when it
  // is a plain one (no folder part, no control character, not hidden, with `ext`), else
  // `fallback`; the name is remembered for messages. Returns the path.
  std::string save(const std::string& sub, const std::string& upload_name, const std::string& bytes, const std::string& ext,
                   const std::string& fallback);

  // Unpacks the zip at `zip` into `sub`/ (ZipReader's checks: unsafe names, duplicates, bombs;
  // besides, at most 1,000 entries and 256 MiB). Returns the files written.
  std::vector<std::string> unpack(const std::string& zip, const std::string& sub);

  // `message` with the folder's paths turned into the names the user gave (a message never shows
  // the server's temp paths).
  std::string scrub(std::string message) const;

 private:
  std::string path_;
  std::vector<std::pair<std::string, std::string>> names_;  // saved path → name shown
};

// A plain file name from an upload's `filename`: its last path component, or "" when that is
// empty, hidden (leading '.'), over 200 bytes, or holds a control character.
std::string plain_name(const std::string& upload_name);

// Whether `name` ends with `ext` (ASCII case-insensitive), e.g. ".docx".
bool has_ext(const std::string& name, const std::string& ext);

}  // namespace bidfmt::serve
