#!/usr/bin/env bash
# Builds the Debian package dist/bidfmt_<version>_<arch>.deb with CPack's DEB generator: a Release
# build in build-package/ (no tests), then `cpack -G DEB`. Depends is computed by dpkg-shlibdeps
# (dpkg-dev, which scripts/install-deps.sh installs); Recommends names LibreOffice, poppler and the
# CJK fonts. BIDFMT_BUILD_DIR picks another build folder (the package test uses its own).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BIDFMT_BUILD_DIR:-build-package}
dist=${BIDFMT_DIST_DIR:-dist}
command -v dpkg-shlibdeps >/dev/null || { echo "package.sh: dpkg-shlibdeps missing: apt-get install dpkg-dev" >&2; exit 2; }
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBIDFMT_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)" --target bidfmt bidfmt_man
mkdir -p "$dist"
dist=$(cd "$dist" && pwd)
(cd "$build" && cpack -G DEB -B "$dist" >/dev/null)
rm -rf "$dist/_CPack_Packages"
ls "$dist"/bidfmt_*.deb
