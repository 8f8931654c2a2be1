#!/usr/bin/env python3
"""Parsed fields flagged unsure (unsure_words) against fields actually wrong, on the OCR'd
documents that have gold text: samples/ocrsim (NAME.txt against NAME.clean.txt) and the
real seeds (samples/seeds against bench/data/real/*.gold.txt). Each OCR'd document is
parsed with the model, its gold with --no-restore; fields are paired by kind and id
(header field, section id, task id, task/role/unit index) and compared after collapsing
spaces (-lettersonly: punctuation dropped too, so OCR specks the restorer does not read
do not count as wrong words). -v lists the fields where flag and truth disagree.

usage: bench/unsure_fields.py build/cmd/vanban build/vanban.model . [-lettersonly] [-v]"""
import json, subprocess, sys, re, os
vanban, model, root = sys.argv[1:4]
pairs = []
for n in sorted(os.listdir(f"{root}/samples/ocrsim")):
    if n.endswith(".clean.txt"):
        b = n[:-len(".clean.txt")]
        pairs.append((f"{root}/samples/ocrsim/{b}.txt", f"{root}/samples/ocrsim/{n}", "ocrsim"))
for g in sorted(os.listdir(f"{root}/bench/data/real")):
    s = g.replace(".gold.txt", ".txt")
    pairs.append((f"{root}/samples/seeds/{s}", f"{root}/bench/data/real/{g}", "real"))

def parse(path, restore):
    args = [vanban, "parse"] + (["--model", model] if restore else ["--no-restore"]) + [path]
    return json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)

PUNCT = "-lettersonly" in sys.argv
def norm(s):
    s = s or ""
    if PUNCT: s = re.sub(r"[^\w\s]", " ", s)  # punctuation OCR specks are not read words
    return re.sub(r"\s+", " ", s).strip()

def fields(d):
    """(kind, key, text, flagged, confidence)"""
    out = []
    h = d["header"]
    for k in ["parent_authority", "issuer", "place", "subject", "recipients_to"]:
        v = h.get(k)
        if v: out.append(("header", k, v["text"], bool(v.get("unsure_words")), v.get("confidence", 1)))
    def walk(ss):
        for s in ss:
            if s.get("heading"): out.append(("heading", s["id"], s["heading"], bool(s.get("unsure_words")), 1))
            walk(s.get("children", []))
    walk(d["body"])
    for t in d["tasks"]:
        out.append(("task", t["task_id"], t["task_text"], bool(t.get("unsure_words")), t["confidence"]))
        for ri, r in enumerate(t["roles"]):
            flagged_units = {w["unit"] for w in r.get("unsure_words", [])}
            for ui, u in enumerate(r["units"]):
                out.append(("unit", f'{t["task_id"]}/{ri}/{ui}', u, ui in flagged_units, 1))
    sig = d.get("signature")
    if sig and sig.get("signer_name"):
        out.append(("signer", "signer", sig["signer_name"], bool(sig.get("unsure_words")), 1))
    return out

table = {}
details = []
for ocr, gold, kind in pairs:
    a = fields(parse(ocr, True)); b = {(k, key): t for k, key, t, _, _ in fields(parse(gold, False))}
    for k, key, text, flagged, conf in a:
        g = b.get((k, key))
        if g is None: continue  # structure differs: not comparable
        wrong = norm(text) != norm(g)
        cat = "header" if k in ("header", "signer") else k
        c = table.setdefault((kind, cat), [0, 0, 0, 0])
        c[(0 if flagged else 2) + (0 if wrong else 1)] += 1
        if wrong != flagged: details.append(f"{os.path.basename(ocr)} {k} {key} flagged={flagged} wrong={wrong}: {text!r} | gold {g!r}")
print("set     field    flagged:wrong flagged:right unflagged:wrong unflagged:right")
for (kind, cat), c in sorted(table.items()):
    print(f"{kind:7} {cat:8} {c[0]:13} {c[1]:13} {c[2]:15} {c[3]:15}")
if "-v" in sys.argv:
    print("\n".join(details))
