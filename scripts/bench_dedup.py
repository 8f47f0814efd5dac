"""Measure near-duplicate detection speed (documents per second) on a synthetic corpus.

The corpus is built from the bundled demo articles only (no network, no ../shared): every
synthetic document is a random selection of demo sentences in random order, so documents are
article-sized, share vocabulary the way news on one topic does, and are rarely near-copies of
each other. One in ``--dup-every`` documents is a light rewrite of an earlier one (new first
line, share-button tail, a few swapped words): the benchmark also reports how many of those
planted copies were found.

    .venv/bin/python scripts/bench_dedup.py --docs 10000
"""

from __future__ import annotations

import argparse
import random
import time

from marsad.arabic import split_sentences
from marsad.corpus.dedup import find_duplicates
from marsad.demo.manifest import document_text, iter_documents


def demo_sentences() -> list[str]:
    """Every distinct sentence of the demo articles (at least five words long)."""
    seen: dict[str, None] = {}
    for entry, doc in iter_documents():
        for sent in split_sentences(document_text(entry, doc)):
            if len(sent.text.split()) >= 5:
                seen.setdefault(sent.text.strip(), None)
    return list(seen)


def rewrite(text: str, rng: random.Random) -> str:
    """A syndicated copy: other first line, a few word substitutions, share buttons at the end."""
    words = text.split()
    for _ in range(max(1, len(words) // 60)):
        i = rng.randrange(len(words))
        words[i] = rng.choice(["كما", "أيضا", "قد", "بدوره"])
    return "عاجل | وكالات\n" + " ".join(words) + "\nشارك على فيسبوك تويتر واتساب"


def build_corpus(n: int, dup_every: int, seed: int = 7) -> tuple[list[tuple[str, str]], set[tuple[str, str]]]:
    rng = random.Random(seed)
    pool = demo_sentences()
    docs: list[tuple[str, str]] = []
    planted: set[tuple[str, str]] = set()
    for i in range(n):
        if dup_every and i and i % dup_every == 0:
            j = rng.randrange(max(0, i - 200), i)
            if docs[j][0] not in {c for c, _ in planted}:
                docs.append((f"d{i:06d}", rewrite(docs[j][1], rng)))
                planted.add((f"d{i:06d}", docs[j][0]))
                continue
        k = rng.randint(8, 18)
        docs.append((f"d{i:06d}", "\n".join(rng.sample(pool, k))))
    return docs, planted


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--dup-every", type=int, default=20, help="plant one rewritten copy every N documents")
    args = ap.parse_args()
    docs, planted = build_corpus(args.docs, args.dup_every)
    words = sum(len(t.split()) for _, t in docs)
    t0 = time.perf_counter()
    dups = find_duplicates(docs)
    dt = time.perf_counter() - t0
    found = {(d.doc_id, d.duplicate_of) for d in dups}
    print(f"{len(docs)} documents from {len(demo_sentences())} distinct sentences, {words / len(docs):.0f} words each on average")
    print(f"dedup: {dt:.2f}s → {len(docs) / dt:,.0f} docs/s")
    print(f"planted copies: {len(planted)}, found: {len(found & planted)}, "
          f"other pairs flagged: {len(found - planted)}")


if __name__ == "__main__":
    main()
