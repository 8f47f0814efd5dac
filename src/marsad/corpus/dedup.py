"""Document near-duplicates: MinHash-LSH over normalised word shingles.

Syndicated copies of one agency story keep most of their word 3-grams even when the headline,
byline and first line differ; two different articles about the same event share few. The earliest
copy (by publication date, then document id) is the original; later ones get ``duplicate_of``.

Speed: the text is split on white space and every token type is normalised and hashed once
(cached), so a document costs one dictionary probe per token; the 3-gram hashes are then combined
and de-duplicated in numpy, and the signature is a few numpy operations over all of them.

The MinHash and the LSH index are datasketch's (``MinHash(num_perm=128, seed=1)``, scheme
``affine32``, and ``MinHashLSH(threshold=0.5)``), computed here with the same permutations, the
same pre-mix and the same bands, so the signatures, candidates and similarities are exactly
datasketch's (``tests/corpus`` checks it): importing datasketch pulls in SciPy for its parameter
optimiser, ~0.6 s and ~30 MB in every ``marsad run``, for two integers it always answers the same.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np

from marsad.arabic import normalize_word

NUM_PERM = 128
SEED = 1
SHINGLE = 3
THRESHOLD = 0.5
_WORD = re.compile(r"[^\W_]+")
# Odd 64-bit multipliers that mix the word hashes of one shingle into one 32-bit value (order matters).
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))
_MASK32 = np.uint64(0xFFFFFFFF)
_EMPTY = np.uint32(0xFFFFFFFF)  # a slot no shingle has reached (datasketch's empty value)
# The MurmurHash3 32-bit finaliser, which datasketch applies to every input hash before permuting it.
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
# (threshold, num_perm) → (bands, rows): what datasketch's MinHashLSH chooses (weights 0.5/0.5).
_LSH_PARAMS = {(0.5, 128): (25, 5)}


def _permutations(num_perm: int = NUM_PERM, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations ``h → a·h + b mod 2^32`` (``a`` odd), from the same generator."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


_A, _B = _permutations()


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
    return _shingles(word_hashes(text), k)


def _distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values: a sort and one comparison (np.unique hashes, several times slower on
    a sentence's few values)."""
    out = np.sort(values)
    return out[np.concatenate(([True], out[1:] != out[:-1]))] if len(out) > 1 else out


def _shingles(w: np.ndarray, k: int = SHINGLE) -> np.ndarray:
    """:func:`shingle_hashes` of the word hashes ``w``."""
    n = len(w)
    if n == 0:
        return w
    if n < k:  # a very short text is one shingle: its whole word sequence
        k = n
    mixed = np.zeros(n - k + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrap-around multiplication is the point of the mix
        for j in range(k):
            mixed = mixed * _MIX[j % len(_MIX)] + w[j:n - k + 1 + j]
    return _distinct((mixed ^ (mixed >> np.uint64(32))) & _MASK32)


@lru_cache(maxsize=20_000)  # copies of a story repeat sentences across a worker's chunks (≈ 6 MB when full)
def evidence_hashes(text: str) -> bytes:
    """What the event clustering compares of an evidence sentence, packed in one ``bytes`` (uint32s):
    the number ``k`` of sentence keys, the ``k`` (≤ 2) smallest shingle hashes, then the distinct word
    hashes. Computed where the events are made (:mod:`marsad.store.rows`), unpacked by
    :func:`unpack_evidence`; a plain ``bytes`` costs the garbage collector nothing while it is held."""
    w = word_hashes(text)
    keys = _shingles(w)[:2]
    out = np.empty(1 + len(keys) + len(w), dtype=np.uint32)
    out[0] = len(keys)
    out[1:1 + len(keys)] = keys
    words = _distinct(w)
    out[1 + len(keys):1 + len(keys) + len(words)] = words
    return out[:1 + len(keys) + len(words)].tobytes()


def unpack_evidence(packed: bytes) -> tuple[frozenset[int], tuple[int, ...]]:
    """``(word hashes, sentence keys)`` of :func:`evidence_hashes`."""
    values = np.frombuffer(packed, dtype=np.uint32).tolist()
    k = values[0]
    return frozenset(values[1 + k:]), tuple(values[1:1 + k])


def signature(text: str) -> np.ndarray:
    """The MinHash of ``text``'s normalised word 3-grams: ``NUM_PERM`` uint32 minima, all
    ``0xFFFFFFFF`` for a text without words (datasketch's ``MinHash.hashvalues``)."""
    sh = shingle_hashes(text)
    if not len(sh):
        return np.full(NUM_PERM, _EMPTY, dtype=np.uint32)
    s1, m1, s2, m2, s3 = _FMIX
    hv = sh.astype(np.uint32).reshape(-1, 1)
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    return (hv * _A + _B).min(axis=0)  # uint32 arithmetic wraps: the permutations are mod 2^32


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (share of equal slots)."""
    return float(np.count_nonzero(a == b)) / float(len(a))


def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    params = _LSH_PARAMS.get((threshold, num_perm))
    if params is None:  # another threshold: ask datasketch's optimiser (slow to import, rarely needed)
        from datasketch import MinHashLSH
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        params = _LSH_PARAMS[(threshold, num_perm)] = (lsh.b, lsh.r)
    return params


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
    return duplicates_by_signature(((doc_id, signature(text)) for doc_id, text in docs), threshold)


def duplicates_by_signature(docs: Iterable[tuple[str, np.ndarray]], threshold: float = THRESHOLD) -> list[Duplicate]:
    """:func:`find_duplicates` over ``(doc_id, signature(text))`` pairs, for callers that computed the
    signatures earlier (``marsad run`` does it as each batch is stored, see
    :mod:`marsad.corpus.prepared`)."""
    bands, rows = _lsh_params(threshold, NUM_PERM)
    # LSH: one bucket table per band of ``rows`` slots; documents sharing a whole band are candidates
    tables: list[dict[bytes, list[str]]] = [{} for _ in range(bands)]
    sigs: dict[str, np.ndarray] = {}
    order: dict[str, int] = {}
    out: list[Duplicate] = []
    for i, (doc_id, sig) in enumerate(docs):
        if sig[0] == _EMPTY and np.all(sig == _EMPTY):  # no words: nothing to compare
            continue
        keys = [sig[k * rows:(k + 1) * rows].tobytes() for k in range(bands)]
        candidates = {cand for key, table in zip(keys, tables, strict=True) for cand in table.get(key, ())}
        best: tuple[int, float, str] | None = None
        for cand in candidates:
            sim = jaccard(sig, sigs[cand])
            if sim >= threshold and (best is None or order[cand] < best[0]):
                best = (order[cand], sim, cand)
        if best is not None:
            out.append(Duplicate(doc_id, best[2], round(best[1], 3)))
        else:
            for key, table in zip(keys, tables, strict=True):
                table.setdefault(key, []).append(doc_id)
            sigs[doc_id] = sig
            order[doc_id] = i
    return out
