#!/usr/bin/python3
"""The skeleton of other document types through OCR: header and headings.

Takes the first lines of held-out (TEST-bucket) Official Gazette documents of each type
(nghị định, thông tư, quyết định, nghị quyết, văn bản hợp nhất), puts them through the
OCR simulator, and compares what `vanban parse` reads from the OCR'd copy (restored)
with what it reads from the clean text: the header fields (issuer, type, number, place,
date, subject) and the chapter / article headings (number and title). Prints, per
type, the share of fields and headings read exactly (up to where a word puts its tone
mark, "hoá" = "hóa": the scan lost the marks, and both placements are correct).

  bench/skeleton_bench.py [--vanban build/cmd/vanban] [--model build/vanban.model]
                          [--work DIR] [--lines 150] [--per-type 3] [--seed 11]
                          [--profile scan] [--show]

Needs /usr/bin/python3 with PIL, tesseract (eng), the fonts ocrsim draws with
(fonts-liberation2, fonts-freefont-ttf: without Liberation Serif 2 the headings score
about 40% instead of 70%) and ocrsim ($OCRSIM, default
/work/shared/tools/ocrsim/ocrsim.py); corpus in $VANBAN_CORPUS (/work/shared/corpus).
Deterministic for a given seed; a few minutes of tesseract on 2 cores.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata
from difflib import SequenceMatcher

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "dictionaries"))
from ocr_select_lines import BUCKETS, docs, fnv1a64  # noqa: E402  (the project split rule)

TYPES = ["nghi-dinh", "thong-tu", "quyet-dinh", "nghi-quyet", "van-ban-hop-nhat"]
HEADER_FIELDS = ["issuer", "doc_type", "number", "place", "date", "subject"]


def pick(corpus, per_type, lines, seed):
    """per_type TEST-bucket Gazette documents of each type: name -> first |lines| lines."""
    chosen = {t: [] for t in TYPES}
    path = os.path.join(corpus, "legal-congbao.txt.xz")
    for name, body in docs(path):
        if fnv1a64(name) % 100 not in BUCKETS["test"]:
            continue
        kind = next((t for t in TYPES if "__" + t + "-" in name), None)
        if kind is None:
            continue
        # Digital-signature stamps of the Gazette PDF are not part of the document.
        text = [l for l in body if not l.startswith(("Người ký:", "Email:", "Cơ quan:", "Thời gian ký:"))]
        chosen[kind].append((fnv1a64("%d:%s" % (seed, name)), name, text[:lines]))
    out = {}
    for kind, found in chosen.items():
        for _, name, text in sorted(found)[:per_type]:
            out[name] = (kind, text)
    return out


def parse(vanban, model, path, restore):
    args = [vanban, "parse", "--format", "json", path]
    args += ["--model", model] if restore else ["--no-restore"]
    run = subprocess.run(args, capture_output=True, text=True)
    if run.returncode != 0:
        return None
    # A head cut after a sign-off may hold a second record: the first is the document.
    return json.JSONDecoder().raw_decode(run.stdout.lstrip())[0]


def header_fields(doc):
    h = doc.get("header", {})
    def text(v):
        if isinstance(v, dict):
            for k in ("text", "full", "label_vi", "date", "raw"):
                if v.get(k):
                    return v[k]
            return ""
        return v or ""
    return {
        "issuer": text(h.get("issuer")),
        "doc_type": text(h.get("doc_type")),
        "number": text(h.get("number_symbol")),
        "place": text(h.get("place")),
        "date": text(h.get("issued_date")),
        "subject": " ".join(text(h.get("subject")).split()),
    }


def headings(doc):
    """(level, number, heading) of every chapter and article, in order."""
    out = []
    def walk(sections):
        for s in sections:
            if s.get("level") in ("chuong", "muc", "dieu", "phan"):
                out.append((s.get("level"), s.get("num") or "", " ".join((s.get("heading") or "").split())))
            walk(s.get("children", []))
    walk(doc.get("body", []))
    return out


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def same_spelling(a, b):
    """Equal up to where a word puts its tone mark ("hoá" = "hóa", "thuỷ" = "thủy"): both
    placements are correct Vietnamese, and the scan lost the marks the writer chose."""
    def canon(text):
        out = []
        for word in unicodedata.normalize("NFD", text).split(" "):
            tones = "".join(c for c in word if c in TONE_MARKS)
            out.append("".join(c for c in word if c not in TONE_MARKS) + tones)
        return " ".join(out)
    return a == b or canon(a) == canon(b)


def align(ref, hyp):
    """Number of reference headings matched exactly, in order (LCS)."""
    n, m = len(ref), len(hyp)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            d[i][j] = d[i + 1][j + 1] + 1 if ref[i][:2] == hyp[j][:2] and same_spelling(ref[i][2], hyp[j][2]) else max(d[i + 1][j], d[i][j + 1])
    return d[0][0]


def words(text):
    """Words of |text| without punctuation or specks, case kept."""
    return re.findall(r"\w+", text)


def fold(word):
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c)).replace("đ", "d")


MISS_CAUSES = ["missing", "extent", "specks", "case", "letters", "extent+letters"]
# Who has to fix a miss: a field or heading not found, or one that took in or lost words at
# its ends, is the parser's; wrong letters or case in a word that is there (OCR letters
# kept or misread, marks) are restoration's; specks and punctuation inside the text
# ("Phạm:vi", "cấp.sổ") are kept by both, listed apart.
CAUSE_OWNER = {"missing": "parse", "extent": "parse", "specks": "specks", "case": "restore", "letters": "restore",
               "extent+letters": "both"}


def miss_cause(ref, hyp):
    """Why |hyp| (None when nothing was read there) is not |ref|: one of MISS_CAUSES."""
    if hyp is None:
        return "missing"
    rw, hw = words(ref), words(hyp)
    if rw == hw:
        return "specks"
    if [w.lower() for w in rw] == [w.lower() for w in hw]:
        return "case"
    ops = [op for op in SequenceMatcher(None, [fold(w) for w in rw], [fold(w) for w in hw], autojunk=False).get_opcodes()
           if op[0] != "equal"]
    # The same words up to their marks ("số" for "sổ", "HÀNG" for "HẰNG"): letters, not
    # extent (all() of no ops was true, and such misses were counted the parser's).
    if not ops:
        return "letters"
    # Words added or dropped at either end: the field or heading ran on or stopped short.
    at_ends = [tag in ("insert", "delete") and (i1 == 0 or i2 == len(rw)) for tag, i1, i2, _, _ in ops]
    if all(at_ends):
        return "extent"
    return "extent+letters" if any(at_ends) else "letters"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.dirname(HERE)
    ap.add_argument("--vanban", default=os.path.join(root, "build/cmd/vanban"))
    ap.add_argument("--model", default=os.path.join(root, "build/vanban.model"))
    ap.add_argument("--work", default="/tmp/vanban-skeleton")
    ap.add_argument("--lines", type=int, default=150)
    ap.add_argument("--per-type", type=int, default=3)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--profile", default="scan")
    ap.add_argument("--show", action="store_true", help="print every field or heading read wrong")
    a = ap.parse_args()
    corpus = os.environ.get("VANBAN_CORPUS", "/work/shared/corpus")
    ocrsim = os.environ.get("OCRSIM", "/work/shared/tools/ocrsim/ocrsim.py")
    os.makedirs(a.work, exist_ok=True)

    chosen = pick(corpus, a.per_type, a.lines, a.seed)
    per_type = {t: {"fields": 0, "fields_ok": 0, "heads": 0, "heads_ok": 0, "docs": 0} for t in TYPES}
    causes = {"header": {c: 0 for c in MISS_CAUSES}, "headings": {c: 0 for c in MISS_CAUSES}}
    for name, (kind, text) in sorted(chosen.items()):
        # The OCR'd copy is kept for reruns; its name holds everything its text depends
        # on (a copy made from fewer lines must not stand in for a longer head).
        stem = os.path.join(a.work, "%s.%s.%d.%dl" % (name[:-4] if name.endswith(".txt") else name, a.profile,
                                                        a.seed, a.lines))
        clean_path, ocr_path = stem + ".clean.txt", stem + ".ocr.txt"
        with open(clean_path, "w", encoding="utf-8") as f:
            f.write("\n".join(text) + "\n")
        if not os.path.exists(ocr_path):
            with open(clean_path, encoding="utf-8") as src, open(ocr_path + ".part", "w", encoding="utf-8") as dst:
                subprocess.run(["/usr/bin/python3", ocrsim, "--format", "ocr", "--profile", a.profile,
                                "--seed", str(a.seed), "--jobs", "2"], stdin=src, stdout=dst,
                               stderr=subprocess.DEVNULL, check=True)
            os.replace(ocr_path + ".part", ocr_path)
        ref, hyp = parse(a.vanban, a.model, clean_path, False), parse(a.vanban, a.model, ocr_path, True)
        if ref is None or hyp is None:
            print("%s: parse failed" % name)
            continue
        t = per_type[kind]
        t["docs"] += 1
        rf, hf = header_fields(ref), header_fields(hyp)
        for k in HEADER_FIELDS:
            if not rf[k]:
                continue
            t["fields"] += 1
            same = same_spelling(rf[k], hf[k])
            t["fields_ok"] += same
            if not same:
                cause = miss_cause(rf[k], hf[k] or None)
                causes["header"][cause] += 1
                if a.show:
                    print("  %s %s [%s]: %r -> %r" % (name, k, cause, rf[k], hf[k]))
        rh, hh = headings(ref), headings(hyp)
        t["heads"] += len(rh)
        t["heads_ok"] += align(rh, hh)
        for h in rh:
            if any(h[:2] == x[:2] and same_spelling(h[2], x[2]) for x in hh):
                continue
            read = [x for x in hh if x[0] == h[0] and x[1] == h[1]][:1]
            cause = miss_cause(h[2], read[0][2] if read else None)
            causes["headings"][cause] += 1
            if a.show:
                print("  %s heading %s %s [%s] %r missing; read: %r" % (name, h[0], h[1], cause, h[2], read))

    print("skeleton of held-out Gazette documents through ocrsim %s (seed %d, first %d lines):"
          % (a.profile, a.seed, a.lines))
    print("  %-18s %5s %14s %16s" % ("type", "docs", "header exact", "headings exact"))
    tot = {"fields": 0, "fields_ok": 0, "heads": 0, "heads_ok": 0, "docs": 0}
    for kind in TYPES:
        t = per_type[kind]
        for k in tot:
            tot[k] += t[k]
        if t["docs"]:
            print("  %-18s %5d %8.1f%% %-5s %9.1f%% %-5s" % (
                kind, t["docs"], 100.0 * t["fields_ok"] / max(1, t["fields"]), "(%d)" % t["fields"],
                100.0 * t["heads_ok"] / max(1, t["heads"]), "(%d)" % t["heads"]))
    print("  %-18s %5d %8.1f%% %-5s %9.1f%% %-5s" % (
        "all", tot["docs"], 100.0 * tot["fields_ok"] / max(1, tot["fields"]), "(%d)" % tot["fields"],
        100.0 * tot["heads_ok"] / max(1, tot["heads"]), "(%d)" % tot["heads"]))
    print("misses by cause (owner: parse = not found or ends wrong; restore = letters or case;"
          " specks = punctuation inside):")
    for part, counts in causes.items():
        print("  %-9s %s" % (part, ", ".join("%s (%s) %d" % (c, CAUSE_OWNER[c], counts[c]) for c in MISS_CAUSES)))


if __name__ == "__main__":
    main()
