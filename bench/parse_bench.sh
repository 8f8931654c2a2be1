#!/usr/bin/env bash
# Field-level accuracy of `vanban parse` against the golden records in tests/golden/parse:
# exact match per field (text fields after OCR folding, as in tests/unit/parse_golden_test.cc),
# printed per field family, per sample and overall, plus parse time per document.
#
# Usage: bench/parse_bench.sh [VANBAN_BINARY] [--restore]
#   VANBAN_BINARY  default: $VANBAN, else build/cmd/vanban under the repo
#   --restore      restore with the default model before parsing (default: --no-restore)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${VANBAN:-$repo/build/cmd/vanban}
restore=--no-restore
for a in "$@"; do
  case $a in
    --restore) restore= ;;
    *) bin=$a ;;
  esac
done
[ -x "$bin" ] || { echo "parse_bench: no vanban binary at $bin (pass its path)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "parse_bench: needs python3" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for g in "$repo"/tests/golden/parse/*.json; do
  name=$(basename "$g" .json)
  sample=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sample"])' "$g")
  start=$(date +%s%N)
  "$bin" parse $restore --jsonl "$repo/samples/$sample" > "$tmp/$name.out"
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 )) > "$tmp/$name.ms"
done
python3 - "$repo/tests/golden/parse" "$tmp" <<'PY'
import json, os, re, sys, unicodedata
gdir, out = sys.argv[1], sys.argv[2]

def fold(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    s = re.sub(r"(?<![a-z])p(?=[aeiouy])", "d", s).replace("w", "u")
    s = "".join(c for c in s if c.isalnum() or c.isspace())
    return " ".join(s.split())

def segs(path):
    return re.findall(r"([^.\[]*)((?:\[[^\]]*\])?)", path.replace("].", "]\x00").replace(".", "\x00").replace("\x00", "."))

def resolve(root, path, want_all):
    cur = root
    parts = re.findall(r"[^.\[\]]+|\[[^\]]*\]", path)
    for i, p in enumerate(parts):
        if p.startswith("["):
            inner = p[1:-1]
            if not isinstance(cur, list): return None, False
            if "=" in inner:
                k, v = inner.split("=", 1)
                hits = [e for e in cur if isinstance(e, dict) and str(e.get(k)) == v]
                if want_all and i == len(parts) - 1: return hits, True
                if not hits: return None, False
                cur = hits[0]
            else:
                idx = int(inner)
                if idx >= len(cur): return None, False
                cur = cur[idx]
        else:
            if not isinstance(cur, dict) or p not in cur: return None, False
            cur = cur[p]
    return cur, True

def check(actual, path, exp):
    count = isinstance(exp, dict) and "count" in exp
    v, ok = resolve(actual, path, count)
    if not ok: return False
    if count: return isinstance(v, list) and len(v) == exp["count"]
    if isinstance(exp, dict) and "fold" in exp: return isinstance(v, str) and fold(v) == fold(exp["fold"])
    return v == exp

fam_tot, fam_ok, rows = {}, {}, []
total = good = 0
for f in sorted(os.listdir(gdir)):
    if not f.endswith(".json"): continue
    g = json.load(open(os.path.join(gdir, f)))
    name = f[:-5]
    actual = json.loads(open(os.path.join(out, name + ".out")).read())
    ms = open(os.path.join(out, name + ".ms")).read().strip()
    n = k = 0
    for path, exp in g["fields"].items():
        fam = re.sub(r"\[[^\]]*\]", "[]", path)
        ok = check(actual, path, exp)
        fam_tot[fam] = fam_tot.get(fam, 0) + 1
        fam_ok[fam] = fam_ok.get(fam, 0) + ok
        n += 1; k += ok
    rows.append((name, k, n, ms))
    total += n; good += k
print("%-70s %7s" % ("field", "exact"))
for fam in sorted(fam_tot):
    print("%-70s %3d/%-3d" % (fam, fam_ok[fam], fam_tot[fam]))
print()
print("%-40s %9s %8s" % ("sample", "fields", "parse ms"))
for name, k, n, ms in rows:
    print("%-40s %4d/%-4d %8s" % (name, k, n, ms))
print()
print("overall exact-match: %d/%d = %.1f%%" % (good, total, 100.0 * good / max(total, 1)))
PY
