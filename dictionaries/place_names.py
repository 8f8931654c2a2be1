#!/usr/bin/python3
"""Writes the place names of the gazetteer, one per line, sorted: the provinces,
districts and communes before and after the 2025 reform, without their level word
("Xã Nghi Dương" -> "Nghi Dương", "Thành phố Hồ Chí Minh" -> "Hồ Chí Minh").
The model builder turns consecutive syllables of these names into name pairs, so the
restorer reads a name as the gazetteer spells it.

With --merges, writes instead each 2025 commune with its province and the old units it
absorbed, one commune a line, sorted: "Nghi Dương<TAB>Nghệ An<TAB>Nghi Thái<TAB>…". A
commune's document names the units it absorbed; the restorer reads them as the
gazetteer spells them once it has read the commune.

    place_names.py [--corpus DIR] > dictionaries/place_names.txt
    place_names.py --merges [--corpus DIR] > dictionaries/place_merges.txt
"""
import argparse
import sys
import unicodedata

LEVELS = ("Thành phố ", "Thị trấn ", "Thị xã ", "Đặc khu ", "Phường ", "Huyện ", "Quận ", "Tỉnh ", "Xã ")


def bare(name):
    name = unicodedata.normalize("NFC", name.strip())
    for level in LEVELS:
        if name.startswith(level):
            return name[len(level):].strip()
    return name


def merges(g):
    """The lines of place_merges.txt from merges-2025.tsv (new_code new_name province
    old_code old_name kind), the old units in the gazetteer's order."""
    communes = {}
    with open(g + "merges-2025.tsv", encoding="utf-8") as f:
        next(f)  # header
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 5 or not cells[1] or not cells[4]:
                continue
            commune = communes.setdefault(cells[0], [bare(cells[1]), bare(cells[2])])
            old = bare(cells[4])
            # As in place_names.txt: the restorer reads names of two syllables or more.
            if " " in old and not any(ch.isdigit() for ch in old) and old not in commune[2:]:
                commune.append(old)
    return "".join("\t".join(c) + "\n" for c in sorted(communes.values()) if len(c) > 2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/work/shared/corpus")
    ap.add_argument("--merges", action="store_true", help="the communes and the old units each absorbed")
    args = ap.parse_args()
    g = args.corpus + "/gazetteer/"
    if args.merges:
        sys.stdout.write(merges(g))
        return
    names = set()
    # units-2025.tsv: code level name province; units-2023.tsv: code name district province;
    # merges-2025.tsv: new_code new_name province old_code old_name kind.
    for path, columns in (("units-2025.tsv", (2, 3)), ("units-2023.tsv", (1, 2, 3)), ("merges-2025.tsv", (1, 2, 4))):
        with open(g + path, encoding="utf-8") as f:
            next(f)  # header
            for line in f:
                cells = line.rstrip("\n").split("\t")
                for c in columns:
                    if c < len(cells) and cells[c]:
                        n = bare(cells[c])
                        # Names of one syllable make no pair; numbered wards ("Phường 12") neither.
                        if " " in n and not any(ch.isdigit() for ch in n):
                            names.add(n)
    sys.stdout.write("".join(n + "\n" for n in sorted(names)))


if __name__ == "__main__":
    main()
