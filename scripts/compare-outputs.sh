#!/usr/bin/env bash
# Behaviour-unchanged check for refactoring: runs two bidfmt binaries over the same inputs and
# compares every output byte for byte (exit status, stdout, stderr, written files).
#
#   scripts/compare-outputs.sh OLD_BIDFMT NEW_BIDFMT [DOCX_DIR...]
#
# Inputs: every samples/*.md built under each bundled profile (SOURCE_DATE_EPOCH fixed so the
# package is reproducible), then every DOCX of the built samples, of $BIDFMT_CORPUS_DIR (default
# ../shared/corpus beside the repository, else /work/shared/corpus) and of the DOCX_DIR arguments
# (e.g. a copy of a build's tests/tmp fixture outputs), each under each bundled profile:
# `check --format json` and `fix -o … --log …`, and all of them in one `check` per report format.
# Exits 1 listing the differences, 0 when none.
set -u
old=$(realpath "$1"); new=$(realpath "$2"); shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${BIDFMT_CORPUS_DIR:-$root/../shared/corpus}
[ -d "$corpus" ] || corpus=/work/shared/corpus
work=$(mktemp -d "${TMPDIR:-/tmp}/compare-outputs.XXXXXX")
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000
profiles=$(cd "$root/styles" && ls *.yaml | sed 's/\.yaml$//')
diffs=0; runs=0

# run SIDE NAME ARGS...: runs the SIDE binary with ARGS in $work/SIDE/NAME (its cwd), keeping rc,
# stdout and stderr; "@OUT" in ARGS stands for that folder.
run() {
  local side=$1 name=$2; shift 2
  local bin=$old; [ "$side" = new ] && bin=$new
  local dir=$work/$side/$name
  mkdir -p "$dir"
  local args=() a
  for a in "$@"; do args+=("${a//@OUT/$dir}"); done
  (cd "$dir" && "$bin" "${args[@]}" > "$dir/stdout" 2> "$dir/stderr"; echo $? > "$dir/rc")
}

# both NAME ARGS...: runs both binaries, then compares the two folders (paths inside outputs are
# the same apart from the side's folder name, which is normalised: a report names its input).
both() {
  local name=$1; shift
  run old "$name" "$@"; run new "$name" "$@"
  runs=$((runs + 1))
  local f rel
  while IFS= read -r -d '' f; do
    rel=${f#"$work/old/$name/"}
    if [ ! -e "$work/new/$name/$rel" ]; then
      echo "DIFF $name: $rel only in old"; diffs=$((diffs + 1)); continue
    fi
    cmp -s "$f" "$work/new/$name/$rel" && continue
    if ! cmp -s <(sed -e "s|$work/old/|@W/|g" -e "s|$work/new/|@W/|g" "$f") \
                <(sed -e "s|$work/old/|@W/|g" -e "s|$work/new/|@W/|g" "$work/new/$name/$rel"); then
      echo "DIFF $name: $rel"; diffs=$((diffs + 1))
    fi
  done < <(find "$work/old/$name" -type f -print0)
  while IFS= read -r -d '' f; do
    rel=${f#"$work/new/$name/"}
    [ -e "$work/old/$name/$rel" ] || { echo "DIFF $name: $rel only in new"; diffs=$((diffs + 1)); }
  done < <(find "$work/new/$name" -type f -print0)
}

docx=()
for md in "$root"/samples/*.md; do
  base=$(basename "$md" .md)
  for p in $profiles; do
    both "build-$base-$p" build -q "$md" --profile "$p" -o @OUT/out.docx
    [ -f "$work/old/build-$base-$p/out.docx" ] && docx+=("$work/old/build-$base-$p/out.docx")
  done
done
for d in "$corpus" "$@"; do
  while IFS= read -r -d '' f; do docx+=("$f"); done < <(find "$d" -name '*.docx' -type f -print0 | sort -z)
done

# Every DOCX in one run per report format (the multi-file reports: SARIF, JUnit, text).
for p in $profiles; do
  for fmt in sarif junit text; do
    both "check-all-$fmt-$p" check -q --jobs 2 --format "$fmt" --profile "$p" "${docx[@]}"
  done
done

i=0
for f in "${docx[@]}"; do
  i=$((i + 1))
  for p in $profiles; do
    both "check-$i-$p" check -q --format json --profile "$p" "$f"
    both "fix-$i-$p" fix "$f" --profile "$p" --project 测试项目 -o @OUT/fixed.docx --log @OUT/log.json
  done
  rm -rf "$work"/old/check-* "$work"/new/check-* "$work"/old/fix-* "$work"/new/fix-*
done

echo "compare-outputs: $runs runs over ${#docx[@]} DOCX and $(ls "$root"/samples/*.md | wc -l) samples, $diffs differences"
[ "$diffs" -eq 0 ]
