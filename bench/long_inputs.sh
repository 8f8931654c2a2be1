#!/usr/bin/env bash
# Long and large inputs (issue 10, item 5): time and peak memory of restore, parse and
# export html on
#   line5m    one 5 MB line (sample text with its line breaks turned into spaces)
#   dieu100k  100,000 "Điều N." lines (N = 1..100, so every number repeats 1,000 times)
#   big50m    a 50 MB file: the OCR'd and clean samples of samples/ocrsim, repeated
# and prints a table against the targets: at most 10 s per 10 MB of input (at least 10 s)
# and 1 GB peak resident memory; parse and export without restoring also at most 8x the
# input (+ 64 MB for the program itself: code, tables, stack). The time target is on wall
# time; CPU time (user + system) is printed too, as it does not grow on a busy machine.
# Columns: wall and CPU seconds, both also per 10 MB of input ("s/10MB"); peak RSS in MB;
# "x in" = peak / input; "net x" = (peak - the same command's peak on a one-line input) /
# input, what the input itself costs; then the targets and the verdict.
#
#   bench/long_inputs.sh [BUILD_DIR]       (default: build/ under the repo)
#   LONG_INPUTS_RESTORE=0                  skip the runs that restore (minutes on 50 MB)
#   LONG_INPUTS="line5m dieu100k"          only these inputs (default: all three)
#   BENCH_WORK=/tmp/dir                    where the inputs are written (default: a temp dir)
#
# Restoration decodes every syllable with the language model (~70k syllables/s on OCR
# text), so `restore` and the restoring `parse`/`export` of 50 MB take minutes: they are
# measured and shown, and `--fast` (fewer context readings) next to them. `parse` and
# `export` read the ~15,000 documents of big50m one thread a core, so their CPU time may
# exceed their wall time; on a busy machine compare CPU times (docs/architecture.md).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
vanban=$build/cmd/vanban
[[ -x $vanban ]] || { echo "long_inputs: no $vanban (build first)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "long_inputs: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
restore=${LONG_INPUTS_RESTORE:-1}
work=${BENCH_WORK:-$(mktemp -d)}
[[ -n ${BENCH_WORK:-} ]] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

python3 - "$src/samples/ocrsim" "$work" <<'PY'
import glob, os, sys
samples, out = sys.argv[1], sys.argv[2]
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(samples, "*.txt")))]
blob = "\n".join(texts)

def fill(path, size, piece):
    data = (piece * (size // len(piece.encode()) + 1)).encode()[:size]
    data = data[: len(data.decode("utf-8", "ignore").encode())]  # whole code points only
    with open(path, "wb") as f:
        f.write(data)

fill(os.path.join(out, "line5m.txt"), 5_000_000, " ".join(blob.split()) + " ")
with open(os.path.join(out, "dieu100k.txt"), "w", encoding="utf-8") as f:
    for i in range(100_000):
        f.write(f"Điều {i % 100 + 1}. Quy định về việc thực hiện nhiệm vụ số {i + 1}.\n")
fill(os.path.join(out, "big50m.txt"), 50_000_000, blob + "\n")
PY

# name | command words (FILE is replaced by the input) | is it bound by the 8x rule
runs=(
  "restore|restore FILE|0|1"
  "restore --fast|restore --fast FILE|0|1"
  "parse --no-restore|parse --no-restore FILE|1|0"
  "parse (restores)|parse FILE|0|1"
  "export html --no-restore|export --to html --no-restore FILE|1|0"
  "export html (restores)|export --to html FILE|0|1"
)
# Peak RSS (KB) of each command on a one-line input: what the program costs by itself.
echo "Điều 1. Phạm vi điều chỉnh" >"$work/one_line.txt"
declare -A base_kb
for run in "${runs[@]}"; do
  IFS='|' read -r name words bound restoring <<<"$run"
  if [[ $restoring == 1 && $restore == 0 ]]; then continue; fi
  # shellcheck disable=SC2086
  set -- ${words/FILE/$work/one_line.txt}
  /usr/bin/time -f '%M' -o "$work/time.txt" "$vanban" "$@" >/dev/null 2>&1 || true
  base_kb[$name]=$(tail -1 "$work/time.txt")
done

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (wall times grow with it; CPU times do not)"
printf '%-9s %6s  %-25s %7s %7s %7s %7s %7s %6s %6s  %-21s %s\n' input MB command "time s" "s/10MB" "cpu s" \
  "cpu/10MB" "peak MB" "x in" "net x" target result
fails=0
for input in ${LONG_INPUTS:-line5m dieu100k big50m}; do
  file=$work/$input.txt
  bytes=$(stat -c %s "$file")
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
  for run in "${runs[@]}"; do
    IFS='|' read -r name words bound restoring <<<"$run"
    if [[ $restoring == 1 && $restore == 0 ]]; then continue; fi
    # shellcheck disable=SC2086
    set -- ${words/FILE/$file}
    rc=0
    /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "$vanban" "$@" >/dev/null 2>"$work/stderr.txt" || rc=$?
    if [[ $rc != 0 ]]; then
      echo "long_inputs: $input: vanban $name: exit $rc:" >&2
      grep -v '^Command exited' "$work/stderr.txt" | head -3 >&2
      fails=$((fails + 1))
    fi
    read -r secs kb user sys < <(tail -1 "$work/time.txt")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
    verdict=$(awk -v s="$secs" -v c="$cpu" -v kb="$kb" -v base="${base_kb[$name]}" -v b="$bytes" -v bound="$bound" 'BEGIN {
      limit_s = 10 * b / 10e6; if (limit_s < 10) limit_s = 10
      limit_mb = 1024
      if (bound == 1 && (8 * b + 64e6) / 1048576 < limit_mb) limit_mb = (8 * b + 64e6) / 1048576
      peak = kb / 1024
      ok = s <= limit_s && peak <= limit_mb
      printf "%.1f %.1f %.1f %.0f %.1f %.1f <=%.0fs <=%.0fMB %s", s, s * 10e6 / b, c * 10e6 / b, peak,
             kb * 1024 / b, (kb - base) * 1024 / b, limit_s, limit_mb, ok ? "pass" : "FAIL"
    }')
    read -r t per10 cper10 peak ratio net lt lm result <<<"$verdict"
    [[ $result == pass ]] || fails=$((fails + 1))
    printf '%-9s %6s  %-25s %7s %7s %7s %7s %7s %6s %6s  %-21s %s\n' "$input" "$mb" "$name" "$t" "$per10" "$cpu" \
      "$cper10" "$peak" "$ratio" "$net" "$lt $lm" "$result"
  done
done
echo "long_inputs: $fails run(s) over target"
[[ $fails == 0 ]]
