#!/usr/bin/env bash
# Installs what bidfmt needs on Debian 12 (as root): build tools, libraries, and the render
# toolchain (LibreOffice 25.2 from bookworm-backports, poppler, CJK fonts). Idempotent.
set -euo pipefail

build_pkgs=(build-essential cmake pkg-config libxml2-dev libxml2-utils libminizip-dev zlib1g-dev
            libicu-dev libpugixml-dev libmd4c-dev libyaml-cpp-dev libgtest-dev googletest libbenchmark-dev
            libcli11-dev libcpp-httplib-dev libssl-dev libbrotli-dev rapidjson-dev libdeflate-dev
            dpkg-dev clang-format)  # dpkg-dev: dpkg-shlibdeps, which CPack uses for the .deb's Depends
# (scripts/package.sh); clang-format: scripts/format.sh
# chromium, chromium-driver, python3-selenium: the HTML report tests drive Chromium
render_pkgs=(poppler-utils fonts-noto-cjk fonts-crosextra-carlito chromium chromium-driver python3-selenium
             pandoc python3-docx)  # pandoc, python3-docx: the peers bench/run.sh measures bidfmt against
backport_pkgs=(libreoffice-writer-nogui python3-uno)

missing=()
for p in "${build_pkgs[@]}" "${render_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
lo_ok=0
if dpkg-query -W -f='${Version}' libreoffice-writer-nogui 2>/dev/null | grep -q '^4:2[5-9]'; then
  dpkg-query -W -f='${Status}' python3-uno 2>/dev/null | grep -q "ok installed" && lo_ok=1
fi
[ ${#missing[@]} -eq 0 ] && [ $lo_ok -eq 1 ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
# The bookworm-backports line reuses the mirror this machine already installs bookworm from (its
# URI and keyring), read from /etc/apt/sources.list (one-line format) and
# /etc/apt/sources.list.d/*.sources (deb822); no mirror host name is written here.
debian_source() {  # prints "URI<TAB>SIGNED-BY" of the first source that serves suite bookworm
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk '$1 == "deb" {
           i = 2; opts = ""
           if ($i ~ /^\[/) { while ($i !~ /\]$/) { opts = opts " " $i; i++ } opts = opts " " $i; i++ }
           if ($(i + 1) == "bookworm") {
             key = ""; if (match(opts, /signed-by=[^] ]+/)) key = substr(opts, RSTART + 10, RLENGTH - 10)
             print $i "\t" key; exit
           }
         }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    # deb822: stanzas separated by blank lines; Types, URIs, Suites, Signed-By fields.
    awk 'function flush() { if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ / bookworm / && uri != "") { print uri "\t" key; found = 1 }
                            types = suites = uri = key = "" }
         /^[ \t]*$/ { flush(); if (found) exit; next }
         /^#/ { next }
         tolower($1) == "types:" { $1 = ""; types = $0 }
         tolower($1) == "uris:" { uri = $2 }
         tolower($1) == "suites:" { $1 = ""; suites = $0 }
         tolower($1) == "signed-by:" { key = $2 }
         END { if (!found) flush() }' "$f"
  done | head -n 1
}
list=/etc/apt/sources.list.d/bookworm-backports.list
if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  src=$(debian_source)
  if [ -z "$src" ]; then
    echo "install-deps: no apt source for Debian bookworm found in /etc/apt/sources.list or" >&2
    echo "  /etc/apt/sources.list.d/; add one (or a bookworm-backports line) and run this again." >&2
    exit 2
  fi
  uri=${src%%$'\t'*}
  key=${src#*$'\t'}
  echo "deb ${key:+[signed-by=$key] }$uri bookworm-backports main" | $SUDO tee "$list" >/dev/null
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
[ ${#missing[@]} -gt 0 ] && $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
if [ $lo_ok -eq 0 ]; then
  $SUDO apt-get install -y -q --no-install-recommends -t bookworm-backports "${backport_pkgs[@]}"
fi
