#!/usr/bin/env bash
# Search latency on an archive built by `vanban index` (e.g. by bench/index_bench.sh):
# a fixed set of queries (accent-insensitive, accented, symbols, phrases, prefixes,
# filtered, filter-only, no hit), each run REPEAT times. Prints, per query, the hit count
# and the median query time inside vanban (`search --timing`: SQL, ranking, snippets; wall
# and CPU, the latter not inflated when other jobs share the cores), then the median and
# maximum over every run, and the median time of the whole process (start, open the
# database, query, print).
#
#   bench/search_bench.sh ARCHIVE [BUILD_DIR] [REPEAT=7]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
db=${1:?usage: search_bench.sh ARCHIVE [BUILD_DIR] [REPEAT]}
build=${2:-$src/build}
repeat=${3:-7}
vanban=$build/cmd/vanban
[[ -x $vanban ]] || { echo "no $vanban (build first)" >&2; exit 2; }
[[ -f $db ]] || { echo "no archive $db (run bench/index_bench.sh)" >&2; exit 2; }

# label|query|extra arguments
queries=(
  "accent-free, common|nghi quyet dan chu|"
  "accented, exact first|Nghị quyết dân chủ|"
  "accent-free|kiem tra giam sat|"
  "symbol|20/NQ-HĐND|"
  "long accent-free|chuyen giao nguoi dang chap hanh an|"
  "phrase|\"dan chu o co so\"|"
  "prefix|quy* chế|"
  "exact only|hiến pháp|--exact"
  "filtered: type, dates|ngan sach nha nuoc|--type KH --from 2026-01-01 --to 2026-12-31"
  "filtered: issuer|thu tuc hanh chinh|--issuer binh"
  "filters only|<none>|--type KH --from 2025-01-01 --to 2025-12-31"
  "no hit|zzzkhongtontai|"
)

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

all=$(mktemp)
allcpu=$(mktemp)
procs=$(mktemp)
trap 'rm -f "$all" "$allcpu" "$procs"' EXIT
printf '%-24s %-50s %6s %10s %10s\n' "query" "" "hits" "wall ms" "CPU ms"
for entry in "${queries[@]}"; do
  IFS='|' read -r label query extra <<< "$entry"
  args=()
  [[ $query != "<none>" ]] && args+=("$query")
  # shellcheck disable=SC2206
  [[ -n $extra ]] && args+=($extra)
  runs=$(mktemp)
  cpus=$(mktemp)
  for ((r = 0; r < repeat; r++)); do
    s0=$(date +%s%N)
    timing=$("$vanban" search "${args[@]}" --db "$db" --timing -n 20 2>&1 >/dev/null | grep 'hits in' || true)
    s1=$(date +%s%N)
    ms=$(sed -n 's/.* in \([0-9.]*\) ms.*/\1/p' <<< "$timing")
    cpu=$(sed -n 's/.*CPU \([0-9.]*\) ms.*/\1/p' <<< "$timing")
    echo "$ms" | tee -a "$all" >> "$runs"
    echo "$cpu" | tee -a "$allcpu" >> "$cpus"
    echo $(((s1 - s0) / 1000)) >> "$procs"
  done
  hits=$("$vanban" search "${args[@]}" --db "$db" -n 10000 2>/dev/null | grep -c '^[0-9]*\. ' || true)
  printf '%-24s %-50s %6d %10.2f %10.2f\n' "$label" "${query:0:30} ${extra}" "$hits" "$(median < "$runs")" "$(median < "$cpus")"
  rm -f "$runs" "$cpus"
done
n=$(wc -l < "$all")
printf 'search over %d runs (%d queries x %d), inside vanban: wall median %.2f ms, max %.2f ms; CPU median %.2f ms, max %.2f ms\n' \
  "$n" "${#queries[@]}" "$repeat" "$(median < "$all")" "$(sort -n "$all" | tail -1)" "$(median < "$allcpu")" "$(sort -n "$allcpu" | tail -1)"
printf 'whole process (start, open, query, print): median %.1f ms; load average %s\n' \
  "$(median < "$procs" | awk '{ print $1 / 1000 }')" "$(cut -d' ' -f1-3 /proc/loadavg)"
