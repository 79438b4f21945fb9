#!/usr/bin/env bash
# Formats the C++ sources under src/ and tests/ with .clang-format (clang-format 14, Debian's
# clang-format package), or with --check lists the files it would change and exits 1.
#   scripts/format.sh [--check] [FILE...]
set -eu
cd "$(dirname "$0")/.."
cf=$(command -v clang-format-14 || command -v clang-format || true)
[ -n "$cf" ] || { echo "format.sh: clang-format not found (apt-get install clang-format)" >&2; exit 2; }
check=0
[ "${1:-}" = "--check" ] && { check=1; shift; }
if [ $# -gt 0 ]; then
  files=("$@")
elif git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h')
else  # a source tree without git (an unpacked tarball)
  mapfile -t files < <(find src tests \( -name '*.cpp' -o -name '*.h' \) -type f | sort)
fi
if [ $check -eq 0 ]; then
  "$cf" -i --style=file "${files[@]}"
  exit 0
fi
bad=0
for f in "${files[@]}"; do
  if ! "$cf" --style=file "$f" | cmp -s - "$f"; then echo "$f"; bad=1; fi
done
[ $bad -eq 0 ] || echo "format.sh: the files above are not formatted (scripts/format.sh formats them)" >&2
echo "format.sh: ${#files[@]} files checked"
exit $bad
