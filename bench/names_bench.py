#!/usr/bin/python3
"""Proper names through restoration: communes, provinces, merged units and officials.

Writes short commune documents (plans, decisions, resolutions, reports of a commune's
People's Committee, People's Council or Party committee) for communes, provinces and
people drawn at random from the shared gazetteer and name lists, strips their marks
("stripped") or puts them through the OCR simulator ("scan", "bad-scan"), restores them
with `vanban restore`, and scores each name where a clerk looks for it:

  issuer    the commune in the all-caps issuer line         XÃ VÂN DU
  place     the commune in the date line                    Vân Du, ngày 05 tháng 3 …
  subject   the commune in the subject line                 … trên địa bàn xã Vân Du
  merged    the old units the commune absorbed (2025)       … sáp nhập xã Yên Lư, xã Tân Mỹ …
  province  the province in the legal basis and recipients  … của tỉnh Bắc Ninh …
  official  the official named in the articles              Giao đồng chí Trần Hải Dương, …
  signer    the signer's name under the signature           Nguyễn Thị Lan

A name counts when its line in the output holds it exactly (case and marks; a tone mark
placed on the other vowel, "Hoà" for "Hòa", counts as right: both spellings are in use).
Prints each field's share read exactly and the share of documents with every name right.

  bench/names_bench.py [--vanban build/cmd/vanban] [--model build/vanban.model]
                       [--docs 60] [--seed 1] [--profile stripped|scan|bad-scan]
                       [--work DIR] [--show]

The gazetteer and the name lists are compiled into the model (dictionaries/), so the
names themselves are not held out: what the bench measures is reading a known name
through damage, in a document the model never saw. Seeds 1-9 are for looking at errors;
report a seed you have not looked at. The OCR profiles need /usr/bin/python3 with PIL,
tesseract (eng) and the fonts ocrsim draws with (see skeleton_bench.py); ocrsim is
$OCRSIM (default /work/shared/tools/ocrsim/ocrsim.py), the corpus $VANBAN_CORPUS
(default /work/shared/corpus). Deterministic for a given seed.
"""
import argparse
import hashlib
import os
import random
import re
import subprocess
import sys
import unicodedata

FIELDS = ["issuer", "place", "subject", "merged", "province", "official", "signer"]
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    return [dict(zip(rows[0], r)) for r in rows[1:] if len(r) == len(rows[0])]


def load(corpus):
    gaz = os.path.join(corpus, "gazetteer")
    units = read_tsv(os.path.join(gaz, "units-2025.tsv"))
    communes = [u for u in units if u["level"] == "commune"]
    merged = {}
    for m in read_tsv(os.path.join(gaz, "merges-2025.tsv")):
        merged.setdefault(m["new_code"], []).append(m["old_name"])
    surnames = [(r["surname"], float(r["weight_percent_summed_over_regions"]))
                for r in read_tsv(os.path.join(corpus, "names", "surnames.tsv"))]
    with open(os.path.join(corpus, "names", "given-names.txt"), encoding="utf-8") as f:
        given = [l.strip() for l in f if l.strip()]
    return communes, merged, surnames, given


def split_kind(name):
    """("Xã", "Vân Du") from "Xã Vân Du"; the 2025 kinds are one word, or "Đặc khu"; the
    old units also "Thị trấn" and "Huyện" (without them the line read "sáp nhập  Thị
    trấn …", which ocrsim could not pair: the scan profile lost 8-14 merged lines a seed)."""
    for kind in ("Đặc khu", "Thành phố", "Thị trấn", "Phường", "Xã", "Huyện", "Tỉnh"):
        # The gazetteer also capitalises "Thị Trấn" (13 old units).
        if name[: len(kind) + 1].lower() == kind.lower() + " ":
            return kind, name[len(kind) + 1:]
    return "", name


def person(rng, surnames, given):
    surname = rng.choices([s for s, _ in surnames], weights=[w for _, w in surnames])[0]
    first = rng.choice(given)
    if " " in first:
        return "%s %s" % (surname, first)
    middle = rng.choice(["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Xuân", "Thu", "Hoàng", "Công"]
                        + [g for g in rng.sample(given, 4) if " " not in g])
    return "%s %s %s" % (surname, middle, first)


SUBJECTS = [
    "Triển khai công tác chuyển đổi số năm {year} trên địa bàn {kind} {name}",
    "Về việc tổ chức thực hiện phong trào thi đua trên địa bàn {kind} {name}",
    "Phòng, chống thiên tai và tìm kiếm cứu nạn năm {year} trên địa bàn {kind} {name}",
    "Kiện toàn Ban Chỉ đạo cải cách hành chính {kind} {name}",
    "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội {kind} {name} năm {year}",
]
# (issuer body, abbreviation in the number, document type, its code, whether it has articles)
ISSUERS = [
    ("ỦY BAN NHÂN DÂN", "UBND", "KẾ HOẠCH", "KH", False),
    ("ỦY BAN NHÂN DÂN", "UBND", "QUYẾT ĐỊNH", "QĐ", True),
    ("HỘI ĐỒNG NHÂN DÂN", "HĐND", "NGHỊ QUYẾT", "NQ", True),
    ("ỦY BAN NHÂN DÂN", "UBND", "BÁO CÁO", "BC", False),
]
TITLES = {"UBND": ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phó Chủ tịch Ủy ban nhân dân"),
          "HĐND": ("TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH", "Phó Chủ tịch Hội đồng nhân dân")}


def document(rng, commune, old_units, surnames, given):
    """(lines, {field: (line index, expected name)})"""
    kind, name = split_kind(commune["name"])
    pkind, pname = split_kind(commune["province"])
    body, abbr, dtype, code, articles = rng.choice(ISSUERS)
    year = rng.choice([2025, 2026])
    official, signer = person(rng, surnames, given), person(rng, surnames, given)
    lines, fields = [], {}

    def add(text, field=None, value=None):
        if field:
            fields[field] = (len(lines), value)
        lines.append(text)

    add(body)
    add("%s %s" % (kind.upper(), name.upper()), "issuer", name.upper())
    add("Số: %d/%s-%s" % (rng.randint(1, 250), code, abbr))
    add("%s, ngày %02d tháng %d năm %d" % (name, rng.randint(1, 28), rng.randint(1, 12), year), "place", name)
    add(dtype)
    add(rng.choice(SUBJECTS).format(year=year, kind=kind.lower(), name=name), "subject", name)
    add("Căn cứ Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của "
        "%s %s năm 2025;" % (pkind.lower(), pname), "province", pname)
    olds = [split_kind(o) for o in old_units[:3]]
    if olds:
        add("%s %s được thành lập trên cơ sở sáp nhập %s." % (kind, name, ", ".join(
            "%s %s" % (k.lower(), n) for k, n in olds)), "merged", ", ".join("%s %s" % (k.lower(), n) for k, n in olds))
    lead, title = ("Điều 1.", "Điều 2.") if articles else ("1.", "2.")
    add("%s Giao đồng chí %s, %s %s, chủ trì thực hiện." % (lead, official, TITLES[abbr][2], kind.lower()),
        "official", official)
    add("%s Các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành." % title)
    add("Nơi nhận:")
    add("- UBND %s %s;" % (pkind.lower(), pname))
    add("- Lưu: VT.")
    add(TITLES[abbr][0])
    add(TITLES[abbr][1])
    add(signer, "signer", signer)
    return lines, fields


def strip_marks(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def canon(text):
    """|text| with each word's tone mark moved to its end: "Hoà" and "Hòa" compare equal."""
    def move(word):
        w = word.group(0)
        tones = "".join(c for c in w if c in TONE_MARKS)
        return unicodedata.normalize("NFC", "".join(c for c in w if c not in TONE_MARKS)) + tones
    return re.sub(r"[\w\u0300-\u036f]+", move, unicodedata.normalize("NFD", text))


def holds(line, name):
    """|line| holds |name| as whole words (punctuation around it allowed)."""
    return re.search(r"(?<!\w)%s(?!\w)" % re.escape(canon(name)), canon(line)) is not None


def ocr(ocrsim, profile, seed, lines, work):
    """The OCR'd copy of |lines|, line for line (kept in |work| for reruns)."""
    # Keyed by the text itself: a change to the documents must not reuse an old copy.
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]
    path = os.path.join(work, "names.%s.%d.%s.ocr.txt" % (profile, seed, digest))
    if not os.path.exists(path):
        run = subprocess.run(["/usr/bin/python3", ocrsim, "--format", "tsv", "--profile", profile, "--seed",
                              str(seed), "--wrap", "0", "--jobs", "2", "-q"], input="\n".join(lines) + "\n",
                             capture_output=True, text=True, check=True)
        with open(path + ".part", "w", encoding="utf-8") as f:
            f.write(run.stdout)
        os.replace(path + ".part", path)
    with open(path, encoding="utf-8") as f:
        pairs = [l.rstrip("\n").split("\t") for l in f]
    # ocrsim drops a line it could not pair; the pairs keep their clean side to align by.
    read = {}
    for p in pairs:
        if len(p) >= 2:
            read.setdefault(p[0], []).append(p[1])
    return [read[l].pop(0) if read.get(l) else "" for l in lines]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--vanban", default=os.path.join(root, "build/cmd/vanban"))
    ap.add_argument("--model", default=os.path.join(root, "build/vanban.model"))
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--profile", default="stripped", choices=["stripped", "scan", "bad-scan"])
    ap.add_argument("--work", default="/tmp/vanban-names")
    ap.add_argument("--show", action="store_true", help="print every name read wrong")
    a = ap.parse_args()
    corpus = os.environ.get("VANBAN_CORPUS", "/work/shared/corpus")
    ocrsim = os.environ.get("OCRSIM", "/work/shared/tools/ocrsim/ocrsim.py")
    os.makedirs(a.work, exist_ok=True)

    communes, merged, surnames, given = load(corpus)
    rng = random.Random(a.seed)
    docs = []
    for commune in rng.sample(communes, a.docs):
        docs.append(document(rng, commune, merged.get(commune["code"], []), surnames, given))
    if a.profile == "stripped":
        inputs = [[strip_marks(l) for l in lines] for lines, _ in docs]
    else:
        flat = ocr(ocrsim, a.profile, a.seed, [l for lines, _ in docs for l in lines], a.work)
        inputs, at = [], 0
        for lines, _ in docs:
            inputs.append(flat[at:at + len(lines)])
            at += len(lines)

    ok = {f: 0 for f in FIELDS}
    seen = {f: 0 for f in FIELDS}
    whole = 0
    for (lines, fields), text in zip(docs, inputs):
        run = subprocess.run([a.vanban, "restore", "--model", a.model], input="\n".join(text) + "\n",
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit("names_bench: vanban restore failed: %s" % run.stderr.strip())
        out = run.stdout.split("\n")
        all_right = True
        for field, (at, value) in fields.items():
            seen[field] += 1
            got = out[at] if at < len(out) else ""
            right = holds(got, value)
            ok[field] += right
            all_right &= right
            if not right and a.show:
                print("  %-8s %r\n           in: %r\n          out: %r" % (field, lines[at], text[at], got))
        whole += all_right

    print("names through restoration (%s, seed %d, %d documents):" % (a.profile, a.seed, len(docs)))
    for f in FIELDS:
        if seen[f]:
            print("  %-9s %6.1f%%  (%d/%d)" % (f, 100.0 * ok[f] / seen[f], ok[f], seen[f]))
    names = sum(seen.values())
    print("  %-9s %6.1f%%  (%d/%d)" % ("all names", 100.0 * sum(ok.values()) / names, sum(ok.values()), names))
    print("  %-9s %6.1f%%  (%d/%d)" % ("documents", 100.0 * whole / len(docs), whole, len(docs)))


if __name__ == "__main__":
    main()
