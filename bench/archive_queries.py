#!/usr/bin/env python3
"""The 200 search queries of the archive benchmarks (realistic: words of parsed subjects,
accent-free, accented, --exact, --from, --type), one JSON array of `vanban search`
arguments per line, always the same for the same base records:
    bench/archive_queries.py BASE_JSONL [N=200]
"""
import json, random, sys

random.seed(7)
strip = str.maketrans("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ",
                      "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd")
words = []
for line in open(sys.argv[1]):
    r = json.loads(line)
    subj = ((r.get("header") or {}).get("subject") or {}).get("text") or ""
    words += [w.strip(".,;:()").lower() for w in subj.split() if len(w) > 2]
words = [w for w in words if w.isalpha()] or ["quyết", "định"]
for i in range(int(sys.argv[2]) if len(sys.argv) > 2 else 200):
    k = random.choice([1, 2, 2, 3])
    start = random.randrange(max(1, len(words) - k))
    q = " ".join(words[start:start + k])
    kind = i % 5
    if kind == 0: args = [q.translate(strip)]
    elif kind == 1: args = [q]
    elif kind == 2: args = [q, "--exact"]
    elif kind == 3: args = [q.translate(strip), "--from", "2024-01-01"]
    else: args = [q.translate(strip), "--type", random.choice(["QĐ", "TT", "NĐ", "NQ"])]
    print(json.dumps(args, ensure_ascii=False))
