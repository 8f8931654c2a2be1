#!/bin/bash
# Restoring a document depends on that document and the model only: whatever ran before
# it in the same process, in any order, with any --jobs. Every sample is restored alone,
# in one batch, in reverse order, and through `index --jobs 2` (twice); all must agree
# byte for byte.
#   determinism.sh VANBAN MODEL SAMPLES_DIR WORKDIR
set -euo pipefail
vanban=$1 model=$2 samples=$3 work=$4
rm -rf "$work" && mkdir -p "$work/alone" "$work/in"
mapfile -t docs < <(ls "$samples"/seeds/*.txt "$samples"/ocrsim/*.txt | grep -v '\.clean\.txt$' | sort)
[ "${#docs[@]}" -ge 10 ] || { echo "too few samples: ${#docs[@]}"; exit 1; }
fail=0
for d in "${docs[@]}"; do
  "$vanban" restore --model "$model" "$d" > "$work/alone/$(basename "$d")"
  cp "$d" "$work/in/"
done
# One process, every document in turn: the output is the documents' outputs in order.
"$vanban" restore --model "$model" "${docs[@]}" > "$work/batch.txt"
for d in "${docs[@]}"; do cat "$work/alone/$(basename "$d")"; done > "$work/batch.expected"
cmp -s "$work/batch.txt" "$work/batch.expected" || { echo "FAIL: batch restore differs from single restores"; fail=1; }
mapfile -t reversed < <(printf '%s\n' "${docs[@]}" | tac)
"$vanban" restore --model "$model" "${reversed[@]}" > "$work/reversed.txt"
for d in "${reversed[@]}"; do cat "$work/alone/$(basename "$d")"; done > "$work/reversed.expected"
cmp -s "$work/reversed.txt" "$work/reversed.expected" || { echo "FAIL: reversed batch differs"; fail=1; }
# --json asks for confidence, which must not change the words chosen.
for d in "${docs[@]:0:3}"; do
  "$vanban" restore --json --model "$model" "$d" |
    /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["text"], end="")' > "$work/json.txt" 2>/dev/null ||
    "$vanban" restore --json --model "$model" "$d" |
    /usr/bin/python3 -c 'import json,sys; [print(json.loads(l).get("text",""), end="") for l in sys.stdin if "\"text\"" in l]' > "$work/json.txt"
  cmp -s "$work/json.txt" "$work/alone/$(basename "$d")" || { echo "FAIL: restore --json text differs for $(basename "$d")"; fail=1; }
done
# The archive: two clean runs with two workers give the same records.
for run in 1 2; do
  "$vanban" index --model "$model" --jobs 2 --db "$work/run$run.sqlite" "$work/in" 2> "$work/index$run.err" ||
    { echo "FAIL: index run $run"; cat "$work/index$run.err"; exit 1; }
  /usr/bin/python3 - "$work/run$run.sqlite" > "$work/records$run.txt" <<'PY'
import sqlite3, sys, json, os
db = sqlite3.connect(sys.argv[1])
for path, text, record in db.execute("SELECT path, text, record_json FROM documents ORDER BY path"):
    r = json.loads(record)
    r.pop("indexed_at", None)
    print(os.path.basename(path), json.dumps(text, ensure_ascii=False), json.dumps(r, ensure_ascii=False, sort_keys=True))
PY
done
cmp -s "$work/records1.txt" "$work/records2.txt" || { echo "FAIL: two index --jobs 2 runs differ"; diff "$work/records1.txt" "$work/records2.txt" | head -5; fail=1; }
# And the archive's records are those of `parse` on each document alone.
for d in "${docs[@]}"; do
  "$vanban" parse --model "$model" "$d" | /usr/bin/python3 -c '
import json, sys
r = json.loads(sys.stdin.readline())
print(json.dumps(r.get("header", {}), ensure_ascii=False, sort_keys=True))' > "$work/parse_alone.txt"
  /usr/bin/python3 - "$work/run1.sqlite" "$(basename "$d")" > "$work/parse_index.txt" <<'PY'
import sqlite3, sys, json, os
db = sqlite3.connect(sys.argv[1])
for path, record in db.execute("SELECT path, record_json FROM documents"):
    if os.path.basename(path) == sys.argv[2]:
        print(json.dumps(json.loads(record).get("header", {}), ensure_ascii=False, sort_keys=True))
PY
  cmp -s "$work/parse_alone.txt" "$work/parse_index.txt" ||
    { echo "FAIL: indexed header of $(basename "$d") differs from parse alone"; diff "$work/parse_alone.txt" "$work/parse_index.txt" | head -4; fail=1; }
done
[ $fail -eq 0 ] && echo "determinism: ${#docs[@]} documents agree alone, in batch, reversed and indexed"
exit $fail
