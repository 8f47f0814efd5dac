"""Document near-duplicates: MinHash-LSH (datasketch) over normalised word shingles.

Syndicated copies of one agency story keep most of their word 3-grams even when the headline,
byline and first line differ; two different articles about the same event share few. The earliest
copy (by publication date, then document id) is the original; later ones get ``duplicate_of``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from marsad.arabic import normalize

NUM_PERM = 128
SHINGLE = 3
THRESHOLD = 0.5
_WORD = re.compile(r"[^\W_]+")


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(normalize(text).text)
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    sh = shingles(text)
    if sh:
        mh.update_batch(list(sh))
    return mh


@dataclass(frozen=True, slots=True)
class Duplicate:
    doc_id: str
    duplicate_of: str
    similarity: float


def find_duplicates(docs: Iterable[tuple[str, str]], threshold: float = THRESHOLD) -> list[Duplicate]:
    """``docs``: ``(doc_id, text)`` in canonical order (earliest first). Each later near-copy points at
    the earliest document it resembles above ``threshold`` (estimated Jaccard of 3-shingles)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sigs: dict[str, MinHash] = {}
    order: dict[str, int] = {}
    out: list[Duplicate] = []
    for i, (doc_id, text) in enumerate(docs):
        sig = signature(text)
        if np.all(sig.hashvalues == sig.hashvalues[0]):  # empty document: nothing to compare
            continue
        best: tuple[int, float, str] | None = None
        for cand in lsh.query(sig):
            sim = sig.jaccard(sigs[cand])
            if sim >= threshold and (best is None or order[cand] < best[0]):
                best = (order[cand], sim, cand)
        if best is not None:
            root = best[2]
            out.append(Duplicate(doc_id, root, round(best[1], 3)))
        else:
            lsh.insert(doc_id, sig)
            sigs[doc_id] = sig
            order[doc_id] = i
    return out
