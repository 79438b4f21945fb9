#!/usr/bin/env bash
# Installs what is missing, builds with tests, and runs every test under ctest; then builds the
# suite again with AddressSanitizer + UBSan (build-asan/) and runs it without the LibreOffice
# render tests (-LE render). BIDFMT_SKIP_ASAN=1 skips the second run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)

# The micro-benchmarks (bench/) are compiled here so they cannot rot; bench/run.sh runs them.
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBIDFMT_TESTS=ON -DBIDFMT_BENCH=ON >/dev/null
cmake --build build-test -j"$jobs"
(cd build-test && ctest --output-on-failure -j"$jobs" --timeout 900)

[ "${BIDFMT_SKIP_ASAN:-0}" = 1 ] && exit 0
echo "== ASan + UBSan suite (build-asan, -O1, without render tests)"
start=$(date +%s)
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DBIDFMT_SANITIZE=ON -DBIDFMT_TESTS=ON >/dev/null
cmake --build build-asan -j"$jobs"
# Leaks fail the test that leaked (the bidfmt subprocesses inherit these too); the LibreOffice
# processes bidfmt starts do not get them (src/render drops sanitizer settings from their env).
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-asan && ctest --output-on-failure -j"$jobs" --timeout 900 -LE render)
echo "== ASan + UBSan suite: $(( $(date +%s) - start )) s"
