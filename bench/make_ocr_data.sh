#!/bin/bash
# Makes the held-out OCR benchmark sets bench/data/ocr_scan.tsv and
# bench/data/ocr_badscan.tsv ("clean<TAB>ocr", one row per rendered line).
#
#   bench/make_ocr_data.sh [--work DIR] [--dev]
#
# --dev makes the tuning sets bench/data/dev/ocr_{scan,badscan}.tsv from the DEV
# bucket instead (4..5; also never trained on), so that decoder weights are chosen
# on data other than the test sets the figures are reported on.
# --fresh DIR makes a fresh held-out pair in DIR (not committed): other test-bucket
# chunks (selection seed 300, ocrsim seeds 301 and 302), for figures read once at the
# end of a piece of work, after every choice was made on dev (`restore_bench --data DIR`).
# --fresh-whole DIR: 12 TEST-bucket documents from their start, as --whole takes them
# from dev (not committed; read once at the end, as --fresh).
# --seed N (after --fresh, --fresh-whole or --whole) takes other chunks and noise:
# selection seed N, ocrsim seeds N+1 and N+2, for a new fresh bucket once the last one
# has been read.
# --whole makes bench/data/dev-whole/: 12 DEV-bucket documents from their start (headers,
# titles, lists and all, up to ~8,000 characters each; selection seed 600, ocrsim seeds
# 601 and 602), as users hand whole documents over (`restore_bench --data
# bench/data/dev-whole --only ocr`).
#
# Text: chunks of TEST-bucket documents only (FNV-1a-64(name) % 100 in 0..3, the
# project split rule; never used by any training step), chosen by
# dictionaries/ocr_select_lines.py with selection seed 100: 40 chunks of about
# 3,000 characters, 90 % legal, 10 % Wikipedia.  The same clean text goes through
# ocrsim twice: profile scan (seed 101) and bad-scan (seed 102).  Every rendered,
# non-empty line is kept, including lines the OCR lost (empty or low-similarity
# OCR side) because that is the real channel.  Deterministic; ~5 min of tesseract.
# Needs /usr/bin/python3 with PIL (python3-pil), tesseract (tesseract-ocr, eng) and the
# fonts ocrsim draws with (fonts-liberation2, fonts-freefont-ttf: without Liberation
# Serif 2 the pages are read far worse); corpus in $VANBAN_CORPUS
# (default /work/shared/corpus); ocrsim in $OCRSIM.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
corpus="${VANBAN_CORPUS:-/work/shared/corpus}"
ocrsim="${OCRSIM:-/work/shared/tools/ocrsim/ocrsim.py}"
py=/usr/bin/python3
work=""
bucket=test
out="$here/data"
select_seed=100
selection=(--chunks 40 --chunk-chars 3000 --wiki-frac 0.1)
scan_seed=101
bad_seed=102
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work="$2"; shift ;;
    --dev) bucket=dev; out="$here/data/dev" ;;
    --fresh) out="$2"; select_seed=300; scan_seed=301; bad_seed=302; shift ;;
    --whole) bucket=dev; out="$here/data/dev-whole"; select_seed=600; scan_seed=601; bad_seed=602
             selection=(--chunks 12 --chunk-chars 8000 --wiki-frac 0 --head-frac 1.0) ;;
    --fresh-whole) bucket=test; out="$2"; select_seed=700; scan_seed=701; bad_seed=702
             selection=(--chunks 12 --chunk-chars 8000 --wiki-frac 0 --head-frac 1.0); shift ;;
    --seed) [[ $2 =~ ^[0-9]+$ ]] || { echo "make_ocr_data.sh: --seed needs a number" >&2; exit 2; }
            select_seed=$2; scan_seed=$(($2 + 1)); bad_seed=$(($2 + 2)); shift ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "make_ocr_data.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$work" ] || work="$(mktemp -d "${TMPDIR:-/tmp}/vanban-bench.XXXXXX")"
mkdir -p "$work" "$out"

"$py" "$root/dictionaries/ocr_select_lines.py" --corpus "$corpus" --bucket "$bucket" --seed "$select_seed" \
    "${selection[@]}" --names "$work/test.names" > "$work/test.txt"

run() {
  local profile="$1" seed="$2" out="$3"
  nice -n 10 "$py" "$ocrsim" "$work/test.txt" --format tsv-meta --profile "$profile" \
      --seed "$seed" --jobs 1 -o "$work/test_$profile.meta.tsv"
  awk -F'\t' -v OFS='\t' '$5 != "" { print $5, $6 }' "$work/test_$profile.meta.tsv" > "$out.tmp"
  mv "$out.tmp" "$out"
  # Where each document's rows end, for restore_bench's "each document alone".
  "$py" "$here/ocr_document_rows.py" --corpus "$corpus" --bucket "$bucket" --seed "$select_seed" \
      "${selection[@]}" "$out" > "$out.docs"
  echo "make_ocr_data.sh: $out: $(wc -l < "$out") lines" >&2
}
run scan "$scan_seed" "$out/ocr_scan.tsv"
run bad-scan "$bad_seed" "$out/ocr_badscan.tsv"
