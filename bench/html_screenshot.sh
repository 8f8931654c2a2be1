#!/usr/bin/env bash
# Renders `vanban export --to html` of samples in headless Chromium and saves screenshots
# to look at (sibling items styled alike, the note for a missing signature, the table of
# contents of long documents). Prints each PNG's path; exits 1 when Chromium fails.
#
# Usage: bench/html_screenshot.sh [OUTDIR] [SAMPLE...]
#   OUTDIR   default /tmp/vanban-html; SAMPLE default: the seeds and two ocrsim documents
#   needs chromium (Debian: apt-get install chromium).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${VANBAN:-$repo/build/cmd/vanban}
out=${1:-/tmp/vanban-html}
shift || true
[ -x "$bin" ] || { echo "html_screenshot: no vanban binary at $bin (set VANBAN)" >&2; exit 2; }
command -v chromium >/dev/null || { echo "html_screenshot: needs chromium" >&2; exit 2; }
samples=("$@")
[ ${#samples[@]} -gt 0 ] || samples=("$repo"/samples/seeds/*.txt "$repo"/samples/ocrsim/nghi_dinh_118_2026.clean.txt
                                     "$repo"/samples/ocrsim/ke_hoach_58_ubnd.clean.txt)
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for f in "${samples[@]}"; do
  name=$(basename "$f" .txt)
  "$bin" export --to html -o "$out/$name.html" "$f"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
           --screenshot="$out/$name.png" --window-size=1200,2400 "file://$out/$name.html" > /dev/null 2>&1
  [ -s "$out/$name.png" ] || { echo "html_screenshot: no screenshot for $name" >&2; exit 1; }
  echo "$out/$name.png"
done
