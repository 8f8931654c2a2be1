#!/usr/bin/env bash
# Archive benchmark: builds N documents of ~10 KB (the seed headers + OCR'd lines from
# bench/data/ocr_scan.tsv), indexes them with `vanban index --jobs J`, prints docs/s and the
# read/restore/parse/db split, re-indexes (all unchanged), then times `vanban search`.
#
#   bench/index_bench.sh [BUILD_DIR] [N=2000] [JOBS=2]
#   VANBAN_MODEL=path/to/vanban.model   restoration model (else parse without restoring)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
n=${2:-2000}
jobs=${3:-2}
vanban=$build/cmd/vanban
work=${BENCH_WORK:-/tmp/vanban_index_bench}
[[ -x $vanban ]] || { echo "no $vanban (build first)" >&2; exit 2; }
tsv=$src/bench/data/ocr_scan.tsv
[[ -f $tsv ]] || { echo "no $tsv" >&2; exit 2; }

rm -rf "$work"
mkdir -p "$work/docs"
# Document i: header and opening of seed i%4 (first 40 lines), then OCR lines from a
# rotating offset of the scan data until ~10 KB, then the seed's closing (last 25 lines).
awk -v n="$n" -v out="$work/docs" -v seeds="$(ls "$src"/samples/seeds/*.txt | tr '\n' ' ')" '
  BEGIN { FS = "\t"; ns = split(seeds, seed, " ") }
  { ocr[NR] = $2 }
  END {
    for (s = 1; s <= ns; s++) {
      k = 0
      while ((getline line < seed[s]) > 0) lines[s, ++k] = line
      close(seed[s]); count[s] = k
    }
    total = NR; pos = 1
    for (i = 0; i < n; i++) {
      s = i % ns + 1
      f = sprintf("%s/%05d.txt", out, i)
      size = 0
      for (k = 1; k <= 40 && k <= count[s]; k++) { print lines[s, k] > f; size += length(lines[s, k]) + 1 }
      while (size < 9000) { l = ocr[pos]; pos = pos % total + 1; print l > f; size += length(l) + 1 }
      for (k = count[s] - 24; k <= count[s]; k++) if (k > 40) print lines[s, k] > f
      close(f)
    }
  }' "$tsv"
bytes=$(du -sb "$work/docs" | cut -f1)
echo "corpus: $n documents, $((bytes / 1024)) KiB ($((bytes / n)) bytes/doc)"

model_args=(--no-restore)
if [[ -n ${VANBAN_MODEL:-} && -f $VANBAN_MODEL ]]; then model_args=(--model "$VANBAN_MODEL"); fi
echo "restoration: ${model_args[*]}"

db=$work/archive.sqlite
t0=$(date +%s.%N)
"$vanban" index "$work/docs" --db "$db" --jobs "$jobs" "${model_args[@]}" 2> "$work/index.err" || true
t1=$(date +%s.%N)
grep 'index:' "$work/index.err"
echo "first run wall: $(echo "$t1 - $t0" | bc) s"
"$vanban" index "$work/docs" --db "$db" --jobs "$jobs" "${model_args[@]}" 2>&1 | grep 'index:'
echo "db size: $(( $(stat -c %s "$db") / 1024 / 1024 )) MiB"

for q in "nghi quyet dan chu" "Nghị quyết dân chủ" "kiem tra giam sat" "20/NQ-HĐND" "chuyen giao nguoi dang chap hanh an" "ngan sach nha nuoc"; do
  best=999999
  for r in 1 2 3 4 5; do
    ms=$("$vanban" search "$q" --db "$db" --timing -n 20 2>&1 >/dev/null | sed -n 's/.*in \([0-9.]*\) ms/\1/p')
    best=$(echo "if ($ms < $best) $ms else $best" | bc)
  done
  hits=$("$vanban" search "$q" --db "$db" -n 1000 | grep -c '^[0-9]*\. ' || true)
  s0=$(date +%s%N); "$vanban" search "$q" --db "$db" -n 20 > /dev/null || true; s1=$(date +%s%N)
  printf 'search %-40s %4d hits  query %7.2f ms (best of 5)  process %5d ms\n' "\"$q\"" "$hits" "$best" $(((s1 - s0) / 1000000))
done
