#!/usr/bin/python3
"""Pick deterministic chunks of corpus text from one split bucket, for ocrsim.

Used by dictionaries/retrain.sh (train bucket -> OCR channel pairs) and
bench/make_ocr_data.sh (test bucket -> held-out OCR benchmark).  The split is the
project rule: bucket = FNV-1a-64(document name) % 100; 0-3 test, 4-5 dev, 6-99 train.

Output: the chosen lines on stdout (one corpus line per line; each chunk is
followed by one empty line).  Selection depends only on the arguments and the
corpus, so runs are reproducible.

  ocr_select_lines.py --corpus DIR --bucket train --seed 1 --chunks 120 \
      --chunk-chars 1500 --wiki-frac 0.15 > lines.txt
"""
import argparse
import lzma
import os
import sys

BUCKETS = {"test": range(0, 4), "dev": range(4, 6), "train": range(6, 100)}
LEGAL = ["legal-congbao.txt.xz", "legal-laws.txt.xz", "legal-phapdien-vbpl.txt.xz"]
WIKI = ["general-viwiki.txt.xz"]


def fnv1a64(s):
    h = 14695981039346656037
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h


def docs(path):
    """Yields (name, lines) for every document of one corpus file."""
    name, lines = None, []
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("@@@ "):
                if name is not None:
                    yield name, lines
                name, lines = line[4:].rstrip(), []
            elif name is not None:
                lines.append(line.rstrip("\n"))
    if name is not None:
        yield name, lines


def pick_chunks(paths, buckets, seed, n_chunks, chunk_chars, head_frac, max_line):
    """Chooses n_chunks documents (ordered by a seeded hash of the name) and one chunk in each."""
    chosen = []
    for path in paths:
        for name, lines in docs(path):
            if fnv1a64(name) % 100 not in buckets:
                continue
            key = fnv1a64("%d:%s" % (seed, name))
            text = [l for l in lines if len(l) <= max_line]
            if not any(l.strip() for l in text):
                continue
            if (key >> 20) % 1000 < head_frac * 1000:
                start = 0
            else:
                start = (key >> 32) % len(text)
            out, size = [], 0
            for l in text[start:]:
                if size >= chunk_chars:
                    break
                out.append(l)
                size += len(l) + 1
            if size < chunk_chars // 3 and start > 0:  # chunk ran into the end: take the tail
                out, size = [], 0
                for l in reversed(text):
                    if size >= chunk_chars:
                        break
                    out.insert(0, l)
                    size += len(l) + 1
            chosen.append((key, name, out))
            # keep memory bounded: only the best n_chunks keys can win
            if len(chosen) > 4 * n_chunks:
                chosen.sort(key=lambda c: c[0])
                del chosen[n_chunks:]
    chosen.sort(key=lambda c: c[0])
    return chosen[:n_chunks]


def choose(corpus, bucket, seed, chunks, chunk_chars, wiki_frac, head_frac=0.25, max_line=1500):
    """The chosen chunks, legal ones first, as (key, name, lines): what main() writes."""
    n_wiki = int(round(chunks * wiki_frac))
    buckets = set(BUCKETS[bucket])
    legal = pick_chunks([os.path.join(corpus, f) for f in LEGAL], buckets, seed, chunks - n_wiki,
                        chunk_chars, head_frac, max_line)
    wiki = []
    if n_wiki:
        wiki = pick_chunks([os.path.join(corpus, f) for f in WIKI], buckets, seed, n_wiki, chunk_chars, 0.0,
                           max_line)
    return legal + wiki


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.environ.get("VANBAN_CORPUS", "/work/shared/corpus"))
    ap.add_argument("--bucket", choices=sorted(BUCKETS), required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunks", type=int, default=100)
    ap.add_argument("--chunk-chars", type=int, default=1500)
    ap.add_argument("--wiki-frac", type=float, default=0.15, help="share of chunks from Wikipedia")
    ap.add_argument("--head-frac", type=float, default=0.25,
                    help="share of chunks taken from a document's start (headers, titles)")
    ap.add_argument("--max-line", type=int, default=1500, help="skip longer corpus lines")
    ap.add_argument("--names", help="also write the chosen document names here")
    a = ap.parse_args()

    out = sys.stdout
    names = open(a.names, "w", encoding="utf-8") if a.names else None
    for _, name, lines in choose(a.corpus, a.bucket, a.seed, a.chunks, a.chunk_chars, a.wiki_frac, a.head_frac,
                                 a.max_line):
        for l in lines:
            out.write(l + "\n")
        out.write("\n")
        if names:
            names.write(name + "\n")
    if names:
        names.close()


if __name__ == "__main__":
    main()
