#!/usr/bin/env bash
# Builds the fuzz targets (clang, ASan+UBSan, build-fuzz/) and runs one:
#   fuzz/run.sh TARGET SECONDS [extra libFuzzer flags…]
# TARGET is fuzz_markdown, fuzz_profile, fuzz_zip or fuzz_docx. The seed corpus is generated
# from samples/*.md, styles/*.yaml and ../shared/corpus/pandoc-docx/*.docx each run; what the
# fuzzer learns stays in build-fuzz/corpus/TARGET (never committed). Crashes land in
# build-fuzz/artifacts/TARGET/: copy small ones to tests/hardening/inputs/ as regression tests.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh TARGET SECONDS [libFuzzer flags…]}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS [libFuzzer flags…]}
shift 2
root=$PWD
build=$root/build-fuzz
shared=${BIDFMT_SHARED_DIR:-$root/../shared}

CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBIDFMT_FUZZ=ON \
  -DBIDFMT_TESTS=OFF >/dev/null
cmake --build "$build" -j"${JOBS:-2}" --target "$target" bidfmt >/dev/null

seed=$build/seed/$target
corpus=$build/corpus/$target
artifacts=$build/artifacts/$target
rm -rf "$seed"
mkdir -p "$seed" "$corpus" "$artifacts"
case $target in
  fuzz_markdown)
    cp samples/*.md "$seed"/
    cp tests/hardening/inputs/*.md "$seed"/ 2>/dev/null || true ;;
  fuzz_profile)
    cp styles/*.yaml "$seed"/
    cp tests/hardening/inputs/*.yaml "$seed"/ 2>/dev/null || true ;;
  fuzz_zip|fuzz_docx)
    cp "$shared"/corpus/pandoc-docx/*.docx "$seed"/ 2>/dev/null || true
    # bidfmt's own output: the samples, built by this (instrumented) bidfmt.
    for md in samples/*.md; do
      "$build/src/bidfmt" build "$md" -o "$seed/bidfmt-$(basename "$md" .md).docx" 2>/dev/null || true
    done
    cp tests/hardening/inputs/*.docx "$seed"/ 2>/dev/null || true ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec "$build/fuzz/$target" "$corpus" "$seed" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 \
  -max_len="${MAX_LEN:-1048576}" -artifact_prefix="$artifacts/" -print_final_stats=1 "$@"
