#!/usr/bin/env bash
# Installs what bidfmt needs on Debian 12 (as root): build tools, libraries, and the render
# toolchain (LibreOffice 25.2 from bookworm-backports, poppler, CJK fonts). Idempotent.
set -euo pipefail

build_pkgs=(build-essential cmake pkg-config libxml2-dev libxml2-utils libminizip-dev zlib1g-dev
            libicu-dev libpugixml-dev libmd4c-dev libyaml-cpp-dev libgtest-dev googletest libbenchmark-dev
            libcpp-httplib-dev libssl-dev libbrotli-dev rapidjson-dev libdeflate-dev)  # libdeflate: the DOCX writer's deflate; cpp-httplib: bidfmt serve; RapidJSON: its tests read the answers
render_pkgs=(poppler-utils fonts-noto-cjk fonts-crosextra-carlito chromium
             chromium-driver python3-selenium)  # chromium: the HTML report test; selenium: the serve page test
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
list=/etc/apt/sources.list.d/bookworm-backports.list
if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "deb http://deb.debian.org/debian bookworm-backports main" | $SUDO tee "$list" >/dev/null
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
[ ${#missing[@]} -gt 0 ] && $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
if [ $lo_ok -eq 0 ]; then
  $SUDO apt-get install -y -q --no-install-recommends -t bookworm-backports "${backport_pkgs[@]}"
fi
