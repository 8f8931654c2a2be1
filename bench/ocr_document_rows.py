#!/usr/bin/python3
"""Rows of each document of an OCR benchmark set (bench/data/ocr_*.tsv), for
restore_bench's "each document alone" figure.

make_ocr_data.sh renders the chosen chunks one after another, so a set's rows hold no
document boundaries; this picks the same chunks again (dictionaries/ocr_select_lines.py,
same arguments) and gives each chunk the rows whose clean words add up to its own.

  bench/ocr_document_rows.py --bucket test --seed 100 SET.tsv > SET.tsv.docs

Output: one row count per document, in order. Exit 1 when the counts do not add up to
the set's rows.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "dictionaries"))
from ocr_select_lines import BUCKETS, choose  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tsv")
    ap.add_argument("--corpus", default=os.environ.get("VANBAN_CORPUS", "/work/shared/corpus"))
    ap.add_argument("--bucket", choices=sorted(BUCKETS), required=True)
    ap.add_argument("--seed", type=int, required=True)
    # The arguments make_ocr_data.sh selects with.
    ap.add_argument("--chunks", type=int, default=40)
    ap.add_argument("--chunk-chars", type=int, default=3000)
    ap.add_argument("--wiki-frac", type=float, default=0.1)
    ap.add_argument("--head-frac", type=float, default=0.25)
    a = ap.parse_args()

    chosen = choose(a.corpus, a.bucket, a.seed, a.chunks, a.chunk_chars, a.wiki_frac, a.head_frac)
    with open(a.tsv, encoding="utf-8") as f:
        row_words = [len(line.rstrip("\n").split("\t")[0].split()) for line in f]
    counts, row = [], 0
    for _, _, lines in chosen:
        words = sum(len(line.split()) for line in lines)
        # Rendering may add a word or two (a hyphenated wrap); a chunk ends at the row
        # that reaches its words.
        got, n = 0, 0
        while row < len(row_words) and got < words:
            got += row_words[row]
            row += 1
            n += 1
        counts.append(n)
    if row != len(row_words) or 0 in counts:
        print("ocr_document_rows.py: %s: the chunks do not match the rows (%d of %d used)" %
              (a.tsv, row, len(row_words)), file=sys.stderr)
        return 1
    for n in counts:
        print(n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
