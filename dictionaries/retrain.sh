#!/bin/bash
# Rebuilds everything in dictionaries/ from the text corpus.  This is the one
# documented retraining command (see dictionaries/OCR.md).
#
#   dictionaries/retrain.sh [--skip-ocr] [--ocr-only] [--work DIR] path/to/vanban
#
# Steps (corpus = $VANBAN_CORPUS, default /work/shared/corpus):
#   1. OCR pairs: chunks of TRAIN-bucket documents (project split rule, see
#      ocr_select_lines.py) are rendered and read back by tesseract with
#      ocrsim (profiles scan, bad-scan, clean; fixed seeds) ->
#      dictionaries/ocr_pairs.tsv.xz ("clean<TAB>ocr", one rendered line per row).
#      --skip-ocr reuses the existing ocr_pairs.tsv.xz (tesseract takes ~20 min);
#      with --work DIR an interrupted run resumes (finished ocrsim runs are kept).
#   2. OCR channel: vanban train-channel -> dictionaries/ocr_channel.tsv
#   3. Language model and lexicon: vanban train --corpus DIR --out dictionaries/
#   4. Place names: place_names.py (the gazetteer's provinces, districts and
#      communes) -> dictionaries/place_names.txt, --merges (the old units each 2025
#      commune absorbed) -> dictionaries/place_merges.txt; personal names: person_names.py
#      (surnames and given names) -> dictionaries/person_names.txt, --rare (the
#      surnames under its cut, for a person's context only) -> person_names_rare.txt,
#      --surnames -> surnames.txt
# Needs: /usr/bin/python3 with PIL, tesseract (eng), xz, fonts-liberation2 and
# fonts-freefont-ttf (ocrsim's fonts; it reads far worse without them); ocrsim in
# $OCRSIM (default /work/shared/tools/ocrsim/ocrsim.py).
# Everything is deterministic: same corpus + same tools -> same files.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
corpus="${VANBAN_CORPUS:-/work/shared/corpus}"
ocrsim="${OCRSIM:-/work/shared/tools/ocrsim/ocrsim.py}"
py=/usr/bin/python3
skip_ocr=0
ocr_only=0
work=""
vanban=""
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-ocr) skip_ocr=1 ;;
    --ocr-only) ocr_only=1 ;;
    --work) work="$2"; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "retrain.sh: unknown option $1" >&2; exit 2 ;;
    *) vanban="$1" ;;
  esac
  shift
done
if [ "$ocr_only" = 0 ] && { [ -z "$vanban" ] || [ ! -x "$vanban" ]; }; then
  echo "usage: retrain.sh [--skip-ocr] [--ocr-only] [--work DIR] path/to/vanban" >&2
  exit 2
fi
if [ -z "$work" ]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/vanban-retrain.XXXXXX")"
fi
mkdir -p "$work"

# One ocrsim run: PROFILE SEED CHUNKS [ocrsim options].  Each run draws its own chunks
# (selection seed = ocrsim seed), so the runs cover different text.
ocr_run() {
  local profile="$1" seed="$2" chunks="$3"
  shift 3
  local base="$work/train_${profile}_${seed}"
  runs+=("$base.pairs.tsv")
  if [ -s "$base.pairs.tsv" ]; then  # resuming with the same --work: already done
    echo "retrain.sh: $profile seed $seed: reusing $base.pairs.tsv" >&2
    return
  fi
  "$py" "$here/ocr_select_lines.py" --corpus "$corpus" --bucket train --seed "$seed" \
      --chunks "$chunks" --chunk-chars 1000 --wiki-frac 0.15 --names "$base.names" > "$base.txt"
  nice -n 10 "$py" "$ocrsim" "$base.txt" --format tsv-meta --profile "$profile" \
      --seed "$seed" --jobs 1 "$@" -o "$base.meta.tsv"
  # keep rendered lines whose OCR was aligned (status ok): clean<TAB>ocr
  awk -F'\t' -v OFS='\t' '$3 == "ok" && $5 != "" { print $5, $6 }' "$base.meta.tsv" > "$base.pairs.tmp"
  mv "$base.pairs.tmp" "$base.pairs.tsv"
  echo "retrain.sh: $profile seed $seed: $(wc -l < "$base.pairs.tsv") pairs" >&2
}

if [ "$skip_ocr" = 0 ]; then
  runs=()
  ocr_run scan 1 75
  ocr_run scan 2 75
  ocr_run bad-scan 3 75
  ocr_run bad-scan 4 75
  ocr_run clean 5 38
  ocr_run scan 6 75
  ocr_run bad-scan 7 50
  # An office scanner's usual 300 dpi: the horn of ư is drawn apart and read as r
  # (`chirc`, `thurc`, `giri`), which the scan profile's 200-250 dpi never shows.
  ocr_run scan 8 75 --dpi 280,320
  cat "${runs[@]}" | xz -9 -T1 > "$here/ocr_pairs.tsv.xz.tmp"
  mv "$here/ocr_pairs.tsv.xz.tmp" "$here/ocr_pairs.tsv.xz"
  echo "retrain.sh: wrote $here/ocr_pairs.tsv.xz ($(xz -dc "$here/ocr_pairs.tsv.xz" | wc -l) pairs)" >&2
fi
[ "$ocr_only" = 1 ] && exit 0

"$vanban" train-channel --pairs "$here/ocr_pairs.tsv.xz" --out "$here/ocr_channel.tsv"
"$vanban" train --corpus "$corpus" --out "$here/"
"$py" "$here/place_names.py" --corpus "$corpus" > "$here/place_names.txt.tmp"
mv "$here/place_names.txt.tmp" "$here/place_names.txt"
"$py" "$here/place_names.py" --merges --corpus "$corpus" > "$here/place_merges.txt.tmp"
mv "$here/place_merges.txt.tmp" "$here/place_merges.txt"
"$py" "$here/person_names.py" --corpus "$corpus" > "$here/person_names.txt.tmp"
mv "$here/person_names.txt.tmp" "$here/person_names.txt"
"$py" "$here/person_names.py" --rare --corpus "$corpus" > "$here/person_names_rare.txt.tmp"
mv "$here/person_names_rare.txt.tmp" "$here/person_names_rare.txt"
"$py" "$here/person_names.py" --surnames --corpus "$corpus" > "$here/surnames.txt.tmp"
mv "$here/surnames.txt.tmp" "$here/surnames.txt"
echo "retrain.sh: done" >&2
