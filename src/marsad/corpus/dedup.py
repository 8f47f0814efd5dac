"""Document near-duplicates: MinHash-LSH (datasketch) over normalised word shingles.

Syndicated copies of one agency story keep most of their word 3-grams even when the headline,
byline and first line differ; two different articles about the same event share few. The earliest
copy (by publication date, then document id) is the original; later ones get ``duplicate_of``.

Speed: the text is split on white space and every token type is normalised and hashed once
(cached), so a document costs one dictionary probe per token; the 3-gram hashes are then combined
and de-duplicated in numpy and fed to datasketch as ready integers (no per-shingle SHA-1).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np
from datasketch import MinHash, MinHashLSH

from marsad.arabic import normalize_word

NUM_PERM = 128
SHINGLE = 3
THRESHOLD = 0.5
_WORD = re.compile(r"[^\W_]+")
# Odd 64-bit multipliers that mix the word hashes of one shingle into one 32-bit value (order matters).
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))
_MASK32 = np.uint64(0xFFFFFFFF)
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1)  # permutations generated once, shared by every signature


def _identity(value: int) -> int:
    return value


@lru_cache(maxsize=500_000)
def _token_hashes(token: str) -> tuple[int, ...]:
    """Stable 32-bit hashes of the normalised words inside one white-space token (cached per type)."""
    return tuple(int.from_bytes(hashlib.blake2b(w.encode("utf-8"), digest_size=4).digest(), "little")
                 for w in _WORD.findall(normalize_word(token)))


def word_hashes(text: str) -> np.ndarray:
    """One stable 32-bit hash per normalised word of ``text``, in order."""
    return np.fromiter(chain.from_iterable(map(_token_hashes, text.split())), dtype=np.uint64)


def shingle_hashes(text: str, k: int = SHINGLE) -> np.ndarray:
    """Distinct 32-bit hashes of the word ``k``-grams of ``text`` (the whole text if shorter than k)."""
    w = word_hashes(text)
    n = len(w)
    if n == 0:
        return w
    if n < k:  # a very short text is one shingle: its whole word sequence
        k = n
    mixed = np.zeros(n - k + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrap-around multiplication is the point of the mix
        for j in range(k):
            mixed = mixed * _MIX[j % len(_MIX)] + w[j:n - k + 1 + j]
    return np.unique((mixed ^ (mixed >> np.uint64(32))) & _MASK32)


def signature(text: str) -> MinHash:
    """The MinHash of ``text``'s normalised word 3-grams (empty MinHash for a text without words)."""
    mh = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_identity, permutations=_TEMPLATE.permutations,
                 scheme=_TEMPLATE.scheme)
    sh = shingle_hashes(text)
    if len(sh):
        mh.update_batch(sh.tolist())
    return mh


def shingles(text: str, k: int = SHINGLE) -> set[int]:
    """The set of shingle hashes (kept for callers that compare exact Jaccard)."""
    return set(shingle_hashes(text, k).tolist())


@dataclass(frozen=True, slots=True)
class Duplicate:
    """``doc_id`` is a near-copy of the earlier ``duplicate_of`` (estimated Jaccard ``similarity``)."""

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
    empty = _TEMPLATE.hashvalues[0]
    for i, (doc_id, text) in enumerate(docs):
        sig = signature(text)
        if sig.hashvalues[0] == empty and np.all(sig.hashvalues == empty):  # no words: nothing to compare
            continue
        best: tuple[int, float, str] | None = None
        for cand in lsh.query(sig):
            sim = sig.jaccard(sigs[cand])
            if sim >= threshold and (best is None or order[cand] < best[0]):
                best = (order[cand], sim, cand)
        if best is not None:
            out.append(Duplicate(doc_id, best[2], round(best[1], 3)))
        else:
            lsh.insert(doc_id, sig)
            sigs[doc_id] = sig
            order[doc_id] = i
    return out
