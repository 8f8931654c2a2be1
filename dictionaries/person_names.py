#!/usr/bin/python3
"""Writes the syllable pairs of Vietnamese personal names, one pair per line, sorted: a
common surname and the first syllable of a given name ("Nguyễn Minh", "Đỗ Thanh", "Lê Văn"),
"Văn" or "Thị" (the usual middle names) and the last syllable of a given name ("Văn An",
"Thị Hoa"), and the given names themselves ("Minh Anh", "Trân Châu"). The model builder
turns them into name pairs beside the places', so the restorer reads a signer's name as
a name ("Do Thanh Hieu" is Đỗ Thanh Hiếu, not Đô Thành Hiếu).

With --rare, writes instead the pairs of each rarer surname (under the weight cut: Sầm,
Tào, Lô) and the first syllable of every given name and Văn and Thị: the restorer reads
them as names only where a person's name stands (a signer's line, after "đồng chí").

With --surnames, writes instead every surname of one syllable, one a line, sorted: the
restorer favours a surname as the first word of a name where a person's name stands
("đồng chí Đặng Quốc Thành", not Đảng Quốc Thành).

    person_names.py [--corpus DIR] > dictionaries/person_names.txt
    person_names.py --rare [--corpus DIR] > dictionaries/person_names_rare.txt
    person_names.py --surnames [--corpus DIR] > dictionaries/surnames.txt
"""
import argparse
import sys
import unicodedata

MIDDLE = ("Văn", "Thị")
# Surnames of at least this weight (percent, summed over the regions): the 32 that name
# almost everyone. Rarer ones ("Tiên", 0.15) pair with common words in capitals
# headings ("TIỀN LƯƠNG" read as "TIÊN LƯƠNG").
MIN_SURNAME_WEIGHT = 0.3


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/work/shared/corpus")
    ap.add_argument("--rare", action="store_true", help="the surnames under the cut, for a person's context only")
    ap.add_argument("--surnames", action="store_true", help="every surname of one syllable")
    args = ap.parse_args()
    d = args.corpus + "/names/"
    surnames = []
    with open(d + "surnames.tsv", encoding="utf-8") as f:
        next(f)  # header: surname, weight
        for line in f:
            cells = line.rstrip("\n").split("\t")
            name = unicodedata.normalize("NFC", cells[0].strip())
            if not name or " " in name or len(cells) < 2:
                continue
            if args.surnames or (float(cells[1]) < MIN_SURNAME_WEIGHT) == args.rare:
                surnames.append(name)
    if args.surnames:
        sys.stdout.write("".join(s + "\n" for s in sorted(set(surnames))))
        return
    given = []
    with open(d + "given-names.txt", encoding="utf-8") as f:
        for line in f:
            name = " ".join(unicodedata.normalize("NFC", line).split())
            if name:
                given.append(name)
    firsts = {g.split()[0] for g in given} | set(MIDDLE)
    lasts = {g.split()[-1] for g in given}
    lines = {s + " " + f for s in surnames for f in firsts}
    if not args.rare:
        lines |= {m + " " + l for m in MIDDLE for l in lasts}
        lines |= {g for g in given if " " in g}
    sys.stdout.write("".join(n + "\n" for n in sorted(lines)))


if __name__ == "__main__":
    main()
