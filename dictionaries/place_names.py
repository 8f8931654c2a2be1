#!/usr/bin/python3
"""Writes the place names of the gazetteer, one per line, sorted: the provinces,
districts and communes before and after the 2025 reform, without their level word
("Xã Nghi Dương" -> "Nghi Dương", "Thành phố Hồ Chí Minh" -> "Hồ Chí Minh").
The model builder turns consecutive syllables of these names into name pairs, so the
restorer reads a name as the gazetteer spells it.

    place_names.py [--corpus DIR] > dictionaries/place_names.txt
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/work/shared/corpus")
    args = ap.parse_args()
    g = args.corpus + "/gazetteer/"
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
