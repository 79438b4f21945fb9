// fix(): load the profile, fix one DOCX, and write the result (or, with dry_run, nothing).
#include <filesystem>

#include "api/bidfmt.h"
#include "core/file_io.h"
#include "rules/anonymous.h"

namespace bidfmt {
namespace fs = std::filesystem;

size_t FixResult::fixable_remaining() const {
  size_t n = 0;
  for (const rules::Finding& f : remaining) n += f.fixable;
  return n;
}

FixResult fix_docx(const FixOptions& o) {
  if (o.input.empty()) throw Error("", 0, "fix 需要一个 .docx 输入文件", "fix takes one .docx input file");
  std::error_code ec;
  if (!fs::exists(o.input, ec)) throw Error(o.input, 0, "文件不存在", "no such file");
  if (fs::is_directory(o.input, ec)) throw Error(o.input, 0, "是文件夹,不是 .docx 文件", "is a folder, not a .docx file");
  if (!o.dry_run && !o.in_place && o.output.empty())
    throw Error(o.input, 0, "fix 需要 -o 输出文件、--in-place 或 --dry-run", "fix needs -o OUTPUT, --in-place or --dry-run");
  if (o.in_place && !o.output.empty() && !core::same_file(o.input, o.output))
    throw Error(o.input, 0, "--in-place 不能与另一个 -o 输出文件同用", "--in-place cannot be combined with a different -o output");
  if (!o.in_place && !o.output.empty() && core::same_file(o.input, o.output))
    throw Error(o.output, 0, "输出文件就是输入文件:要覆盖原文件请用 --in-place(会保留 .bak)",
                "the output is the input file: use --in-place to replace it (a .bak is kept)");
  profile::Profile profile = load_profile(o.profile, o.overrides);
  std::string input_bytes = core::read_file(o.input);

  const std::optional<rules::Identity> identity = rules::identity_for(o.anonymous, o.identity, profile.anonymous);
  fix::Options fo;
  fo.project = o.project;
  fo.strict = o.strict;
  fo.keep_text = o.keep_text;
  if (identity) fo.identity = &*identity;
  fix::Outcome out = fix::fix_file(o.input, profile, fo);
  FixResult r;
  r.changes = std::move(out.changes);
  r.notes = std::move(out.notes);
  r.remaining = std::move(out.remaining);
  r.project = out.project;
  r.profile_id = profile.id;
  r.changed = out.changed;
  if (o.dry_run) return r;
  if (o.in_place) {
    if (!out.changed) return r;  // nothing to change: the file stays as it is, no backup needed
    std::string bak = o.input + ".bak";
    core::write_file_atomically(bak, [&](std::ostream& os) { os << input_bytes; });
    r.written.push_back(bak);
    fix::write_package(out, o.input);
    r.written.push_back(o.input);
    return r;
  }
  if (out.changed) fix::write_package(out, o.output);
  else core::write_file_atomically(o.output, [&](std::ostream& os) { os << input_bytes; });  // complies: a byte copy
  r.written.push_back(o.output);
  return r;
}

}  // namespace bidfmt
