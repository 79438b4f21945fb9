#!/usr/bin/env bash
# ctest `package`: the Debian package CPack makes of this build tree (what scripts/package.sh makes
# of a Release build), extracted into a scratch root with dpkg-deb -x and run from there: it builds
# a bundled sample and checks the result clean, with nothing from the source tree.
#   package_test.sh BUILD_DIR SCRATCH_DIR VERSION
set -euo pipefail
build=$1 scratch=$2 version=$3
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is missing (apt-get install dpkg-dev)"; exit 77; }
done
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$scratch"
mkdir -p "$scratch"
(cd "$build" && cpack -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log"; fail "cpack"; }
deb="$scratch/out/bidfmt_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || fail "no $deb (cpack wrote: $(ls "$scratch/out"))"

# Depends: the runtime libraries (dpkg-shlibdeps); Recommends: what rendering and conversion use.
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libstdc++6 libicu libyaml-cpp libpugixml libmd4c libminizip; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
recommends=$(dpkg-deb -f "$deb" Recommends)
for pkg in libreoffice-writer-nogui poppler-utils fonts-noto-cjk; do
  grep -q "$pkg" <<<"$recommends" || fail "Recommends lacks $pkg: $recommends"
done

root="$scratch/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/bidfmt usr/libexec/bidfmt/bidfmt-serve usr/share/man/man1/bidfmt.1.gz usr/share/bash-completion/completions/bidfmt \
         usr/share/bidfmt/styles/xx-2014.yaml usr/share/bidfmt/styles/chapter-heiti.yaml \
         usr/share/bidfmt/templates/xx-2014.dotx usr/share/bidfmt/templates/chapter-heiti.dotx \
         usr/share/doc/bidfmt/samples/road-bid.md; do
  [ -e "$root/$f" ] || fail "the package lacks /$f"
done
zcat "$root/usr/share/man/man1/bidfmt.1.gz" | grep -q '^\.SS "bidfmt check"' || fail "the man page is not bidfmt(1)"

bin="$root/usr/bin/bidfmt"
[ "$("$bin" --version)" = "bidfmt $version" ] || fail "--version: $("$bin" --version)"
cd "$scratch"  # nothing of the source or build tree is at hand
# `bidfmt serve` runs /usr/libexec/bidfmt/bidfmt-serve: its own check of --port answers (exit 2).
set +e; serve_out=$("$bin" serve --port none --lang en 2>&1); serve_rc=$?; set -e
[ "$serve_rc" = 2 ] && grep -q -- "--port takes a number" <<<"$serve_out" || fail "serve through bidfmt-serve: exit $serve_rc: $serve_out"
"$bin" build "$root/usr/share/doc/bidfmt/samples/road-bid.md" -o road-bid.docx || fail "build"
"$bin" check road-bid.docx || fail "check of the built sample is not clean"
"$bin" check road-bid.docx --profile "$root/usr/share/bidfmt/styles/xx-2014.yaml" --format json -o report.json || fail "check with the installed profile"
grep -q '"errors": 0' report.json || fail "report: $(head -c 400 report.json)"
echo "package: $(basename "$deb") installs into a scratch root, builds and checks a sample"
