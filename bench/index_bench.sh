#!/usr/bin/env bash
# Archive benchmark: builds N documents of ~10 KB each, indexes them with
# `vanban index --jobs J` and prints documents/second, the CPU-time split between
# restore, parse, record (JSON + search keys) and database, and the process CPU time;
# re-indexes (every file unchanged); then runs bench/search_bench.sh on the archive.
#
#   bench/index_bench.sh [BUILD_DIR] [N=2000] [JOBS=2]
#   VANBAN_MODEL=path/to/vanban.model   restoration model (default: BUILD_DIR/vanban.model;
#                                       VANBAN_MODEL=none parses without restoring)
#   INDEX_ARGS="--fast"                 more options for `vanban index`
#
# Documents: document i takes the header and opening (first 40 lines) of seed i mod 4,
# with its number replaced by i (so that every document is a different one), then OCR'd
# lines of bench/data/ocr_scan.tsv from a rotating offset until ~10 KB, then the seed's
# closing (last 25 lines). ocr_scan.tsv is ocrsim output for test-bucket corpus text only
# (bench/data/README.md), so nothing here was seen by any training step.
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
      numbered = 0
      for (k = 1; k <= 40 && k <= count[s]; k++) {
        l = lines[s, k]
        # The document number ("Số: 34 /KH-UBND", "S6:14 /KH-UBND", "Số: /KH-UBND").
        if (!numbered && k <= 12 && sub(/[0-9]* ?\/KH-UBND/, (i + 1) "/KH-UBND", l)) numbered = 1
        print l > f; size += length(l) + 1
      }
      while (size < 9000) { l = ocr[pos]; pos = pos % total + 1; print l > f; size += length(l) + 1 }
      for (k = count[s] - 24; k <= count[s]; k++) if (k > 40) print lines[s, k] > f
      close(f)
    }
  }' "$tsv"
bytes=$(du -sb "$work/docs" | cut -f1)
words=$(cat "$work"/docs/*.txt | wc -w)
echo "corpus: $n documents, $((bytes / 1024)) KiB ($((bytes / n)) bytes, $((words / n)) words per document)"

model=${VANBAN_MODEL:-$build/vanban.model}
model_args=(--no-restore)
if [[ $model != none && -f $model ]]; then model_args=(--model "$model"); fi
read -r -a extra_args <<< "${INDEX_ARGS:-}"
model_args+=("${extra_args[@]}")
echo "restoration: ${model_args[*]}; $jobs jobs on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

db=$work/archive.sqlite
/usr/bin/time -f '%e %U %S' -o "$work/time.txt" \
  "$vanban" index "$work/docs" --db "$db" --jobs "$jobs" "${model_args[@]}" 2> "$work/index.err" || true
grep 'index:' "$work/index.err" | sed 's/^vanban: //'
read -r wall user sys < "$work/time.txt"
awk -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v j="$jobs" 'BEGIN {
  printf "first run: %.1f docs/s (wall %.1f s); process CPU %.1f s (user %.1f, sys %.1f) = %.1f ms per document,\n", n / w, w, u + s, u, s, 1000 * (u + s) / n
  printf "  i.e. %.1f docs/s if the %d jobs had %d free cores\n", n / ((u + s) / j), j, j }'
"$vanban" index "$work/docs" --db "$db" --jobs "$jobs" "${model_args[@]}" 2>&1 | grep 'files:' | sed 's/^vanban: /second run: /'
echo "archive: $(( $(stat -c %s "$db") / 1024 / 1024 )) MiB"
"$src/bench/search_bench.sh" "$db" "$build"
