#!/usr/bin/env python3
"""How the answers of two vanban builds (or option sets) differ, query by query, over the
200 queries of bench/archive_queries.py (for a change that is allowed to change answers,
such as how many matches a step ranks):
    bench/archive_answers_compare.py BASE_JSONL A_VANBAN A_DB B_VANBAN B_DB [B_OPTION...]
One tab-separated line per query: the query, whether the hits are identical (documents and
order), whether the kinds of match are the same at every rank (phrase/near/words, as typed
or accent-free: "phrase and proximity first" kept), the number of hits of A and B, the share
of A's documents that B shows, the same for the documents they were made from (bench
records are varied copies of ~300 documents: the path without its bench/NNNNNN/ folder),
and whether the first hit is made from the same document; then a summary line.
"""
import json, os, re, statistics, subprocess, sys

base, a_bin, a_db, b_bin, b_db = sys.argv[1:6]
b_extra = sys.argv[6:]
here = os.path.dirname(os.path.abspath(__file__))
queries = [json.loads(l) for l in subprocess.run([os.path.join(here, "archive_queries.py"), base],
                                                 capture_output=True, text=True, check=True).stdout.splitlines()]

def hits(binary, db, args):
    p = subprocess.run([binary, "search", *args, "--db", db, "--limit", "20", "--json"], capture_output=True, text=True)
    if p.returncode not in (0, 1): sys.exit("%s failed on %s: %s" % (binary, args, p.stderr.strip()))
    return [(h["path"], h.get("match"), h.get("exact")) for h in json.loads(p.stdout)] if p.returncode == 0 else []

origin = lambda path: re.sub(r"^bench/\d+/", "", path)
def share(a, b): return len(set(a) & set(b)) / len(set(a)) if a else 1.0

rows = []
for q in queries:
    a, b = hits(a_bin, a_db, q), hits(b_bin, b_db, q + b_extra)
    row = (" ".join(q), a == b, [h[1:] for h in a] == [h[1:] for h in b], len(a), len(b),
           share([h[0] for h in a], [h[0] for h in b]), share([origin(h[0]) for h in a], [origin(h[0]) for h in b]),
           bool(a) == bool(b) and (not a or origin(a[0][0]) == origin(b[0][0])))
    rows.append(row)
    print("%s\t%s\t%s\t%d\t%d\t%.2f\t%.2f\t%s" % row)
changed = [r for r in rows if not r[1]]
print("# %d of %d answers identical; of the %d that change: kinds of match the same at every rank %d, as many hits %d,"
      " documents kept %.2f (median %.2f), documents made from the same ones %.2f (median %.2f), first hit from the same"
      " document %d" % (len(rows) - len(changed), len(rows), len(changed), sum(r[2] for r in changed),
                        sum(r[3] == r[4] for r in changed), statistics.mean([r[5] for r in changed] or [1]),
                        statistics.median([r[5] for r in changed] or [1]), statistics.mean([r[6] for r in changed] or [1]),
                        statistics.median([r[6] for r in changed] or [1]), sum(r[7] for r in changed)))
