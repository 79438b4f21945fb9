#!/usr/bin/env bash
# Fresh Debian 12 (as root): install what is missing, build bidfmt (Release), and build the bundled
# samples into out/ — DOCX with real page numbers (one LibreOffice layout pass) and a PDF.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBIDFMT_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)"
mkdir -p out
for md in samples/*.md; do
  name=$(basename "$md" .md)
  ./build/src/bidfmt build "$md" -o "out/$name.docx" --pdf "out/$name.pdf"
  echo "out/$name.docx  out/$name.pdf"
done
