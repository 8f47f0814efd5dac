"""The candidate pairs and link strengths of :mod:`marsad.corpus.cluster`, computed over arrays.

The rule is the one of :func:`~marsad.corpus.cluster.compatible` and
:func:`~marsad.corpus.cluster.link_strength` (which stay the reference, and which ``tests/corpus``
compares with this module): only its evaluation differs. A large run has hundreds of thousands of
candidate pairs, and deciding them one Python call at a time was most of the cross-document pass,
which runs after the workers, on one core, while the others wait. Here every event becomes a few
integer codes, the blocks' date sweeps and the hard constraints are numpy operations over all pairs at
once, and what cannot be vectorised (evidence-word Jaccard, shared participants) is computed once per
distinct *pair of values* — copies of a story repeat their sentences and participants, so those are
far fewer than the pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from marsad.corpus.cluster import _Event
    from marsad.corpus.ontology import Ontology

_SWEEP = 7  # the widest date slack: once a block's event starts this long after i's end, none later overlaps i
_DATE_KEY = 1 << 23  # above any proleptic ordinal plus the sweep (dt.date.max is 3,652,059)


def _codes(values: list[Hashable]) -> tuple[np.ndarray, list[Hashable]]:
    """Small integer codes of ``values`` (``None`` → -1) and the distinct values by code."""
    index: dict[Hashable, int] = {}
    out = np.fromiter((-1 if v is None else index.setdefault(v, len(index)) for v in values),
                      dtype=np.int64, count=len(values))
    return out, list(index)


def _object_codes(values: list[Any]) -> tuple[np.ndarray, list[Any]]:
    """Codes by object identity (shared frozensets: one code per distinct object), and the objects."""
    index: dict[int, int] = {}
    objects: list[Any] = []
    codes = np.empty(len(values), dtype=np.int64)
    for k, v in enumerate(values):
        c = index.get(id(v))
        if c is None:
            c = index[id(v)] = len(objects)
            objects.append(v)
        codes[k] = c
    return codes, objects


def _ranges(starts: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each ``k``, the integers ``starts[k] .. starts[k] + counts[k] - 1``: (which k, the integer)."""
    counts = np.maximum(counts, 0)
    total = int(counts.sum())
    owner = np.repeat(np.arange(len(counts)), counts)
    if not total:
        return owner, owner
    first = np.cumsum(counts) - counts
    return owner, starts[owner] + (np.arange(total) - first[owner])


def candidate_pairs(evs: list[_Event], blocks: dict[tuple[str, str, Any], list[_Event]], max_block: int,
                    max_sentence_block: int) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``(i, j)``, ``i < j``, of :func:`marsad.corpus.cluster._candidate_pairs`, sorted."""
    member_lists = [m for key, m in blocks.items()
                    if len(m) >= 2 and not (key[0] == "s" and len(m) > max_sentence_block)]
    if not member_lists:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    sizes = np.fromiter(map(len, member_lists), dtype=np.int64, count=len(member_lists))
    idx = np.fromiter((e.idx for m in member_lists for e in m), dtype=np.int64, count=int(sizes.sum()))
    block = np.repeat(np.arange(len(member_lists)), sizes)
    lo = np.fromiter((-1 if e.lo is None else e.lo for e in evs), dtype=np.int64, count=len(evs))
    hi = np.fromiter((-1 if e.hi is None else e.hi for e in evs), dtype=np.int64, count=len(evs))
    doc, _ = _codes([e.doc_id for e in evs])
    dated = lo[idx] >= 0
    found_i: list[np.ndarray] = []
    found_j: list[np.ndarray] = []
    # The sweep over each block's dated events, sorted by start (stable: a block lists its events in
    # order, as the reference's sorted() keeps them): i pairs with every later one starting by its end
    # plus the sweep.
    d_idx, d_block = idx[dated], block[dated]
    order = np.lexsort((np.arange(len(d_idx)), lo[d_idx], d_block))
    d_idx, d_block = d_idx[order], d_block[order]
    keys = d_block * _DATE_KEY + lo[d_idx]
    ends = np.searchsorted(keys, d_block * _DATE_KEY + hi[d_idx] + _SWEEP, side="right")
    pos = np.arange(len(d_idx))
    owner, other = _ranges(pos + 1, ends - pos - 1)
    found_i.append(d_idx[owner])
    found_j.append(d_idx[other])
    # Undated events pair with every other member of their block, unless the block is too large.
    starts = np.cumsum(sizes) - sizes
    undated = ~dated & (sizes[block] <= max_block)
    u_pos = np.flatnonzero(undated)
    owner, other = _ranges(starts[block[u_pos]], sizes[block[u_pos]])
    found_i.append(idx[u_pos][owner])
    found_j.append(idx[other])
    a, b = np.concatenate(found_i), np.concatenate(found_j)
    keep = doc[a] != doc[b]  # also drops an event paired with itself
    a, b = a[keep], b[keep]
    n = np.int64(len(evs))
    pairs = np.sort(np.minimum(a, b) * n + np.maximum(a, b))
    if len(pairs) > 1:  # distinct by a sorted pass: np.unique hashes, several times slower on many pairs
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
    return pairs // n, pairs % n


def _per_value_pair(codes_a: np.ndarray, codes_b: np.ndarray, objects: list[Any],
                    fn: Callable[[Any, Any], Any], dtype: Any) -> np.ndarray:
    """``fn(objects[a], objects[b])`` for every pair of codes, computed once per distinct pair."""
    if not len(codes_a):
        return np.empty(0, dtype=dtype)
    m = np.int64(len(objects))
    distinct, inverse = np.unique(codes_a * m + codes_b, return_inverse=True)
    values = np.array([fn(objects[int(k // m)], objects[int(k % m)]) for k in distinct.tolist()], dtype=dtype)
    return values[inverse.reshape(-1)]


def links(evs: list[_Event], i: np.ndarray, j: np.ndarray, onto: Ontology,
          jaccard: Callable[[frozenset[int], frozenset[int]], float], evidence_same: float
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The linked pairs among candidates ``(i, j)`` and their strengths, strongest first (then by
    ``i``, ``j``): ``(strength, i, j)``, as the reference's sorted ``(-strength, i, j)`` tuples."""
    n = len(evs)
    types, type_values = _codes([e.type for e in evs])
    t = len(type_values) + 1  # code -1 (no type) is the last row and column
    type_ok = np.zeros((t, t), dtype=bool)
    for x, tx in enumerate([*type_values, None]):
        for y, ty in enumerate([*type_values, None]):
            type_ok[x, y] = onto.compatible_types(tx, ty)
    lo = np.fromiter((-1 if e.lo is None else e.lo for e in evs), dtype=np.int64, count=n)
    hi = np.fromiter((-1 if e.hi is None else e.hi for e in evs), dtype=np.int64, count=n)
    slack = np.fromiter((e.slack for e in evs), dtype=np.int64, count=n)
    negated = np.fromiter((e.negated for e in evs), dtype=bool, count=n)
    planned = np.fromiter((e.status == "planned" for e in evs), dtype=bool, count=n)
    place, _ = _codes([e.loc_key for e in evs])
    country, _ = _codes([e.loc_country for e in evs])
    is_country = np.fromiter((e.loc_is_country for e in evs), dtype=bool, count=n)
    precision, precisions = _codes([e.precision for e in evs])
    day = np.array([p == "day" for p in precisions] + [False])[precision]  # code -1 indexes the last
    coarse = np.array([p == "year" for p in precisions] + [True])[precision]  # None or a year
    fine = np.array([p in ("day", "week", "month") for p in precisions] + [False])[precision]
    date, _ = _codes([e.date for e in evs])
    has_ids = np.fromiter((bool(e.ids) for e in evs), dtype=bool, count=n)

    # compatible(): type, polarity, date window, place
    s = np.maximum(slack[i], slack[j])
    both_dated = (lo[i] >= 0) & (lo[j] >= 0)
    ok = (type_ok[types[i], types[j]] & (negated[i] == negated[j]) & (planned[i] == planned[j])
          & (~both_dated | ((lo[i] <= hi[j] + s) & (lo[j] <= hi[i] + s)))
          & ((place[i] < 0) | (place[j] < 0) | (place[i] == place[j])
             | (is_country[i] & (country[i] == country[j])) | (is_country[j] & (country[j] == country[i]))))
    i, j, s, both_dated = i[ok], j[ok], s[ok], both_dated[ok]

    # link_strength()
    words, word_sets = _object_codes([e.words for e in evs])
    sim = _per_value_pair(words[i], words[j], word_sets, jaccard, np.float64)
    wide, wide_sets = _object_codes([e.wide_ids for e in evs])

    def overlap(a: frozenset[str], b: frozenset[str]) -> int:
        """Shared participants, times two, plus one if each side names someone the other does not."""
        return 2 * len(a & b) + (bool(a - b) and bool(b - a))

    both = _per_value_pair(wide[i], wide[j], wide_sets, overlap, np.int64)
    shared, each_other = both >> 1, (both & 1).astype(bool)
    tight = day[i] & day[j] & both_dated & (np.abs(lo[i] - lo[j]) <= s)
    same_place = (place[i] >= 0) & (place[i] == place[j])
    local = same_place & ~is_country[i]
    same_period = (date[i] >= 0) & (date[i] == date[j]) & fine[i]
    same = sim >= evidence_same
    disjoint = has_ids[i] & has_ids[j] & ((shared == 0) | each_other)
    by_people = (shared > 0) & (tight | local | ((shared >= 2) & ~(coarse[i] | coarse[j]))
                                | (same_period & same_place))
    by_place = (shared == 0) & tight & local
    strength = np.where(same, 3.0 + sim, np.where(by_people, 2.0 + 0.1 * shared + sim, 1.0 + sim))
    linked = same | (~disjoint & (by_people | by_place))
    strength, i, j = strength[linked], i[linked], j[linked]
    order = np.lexsort((j, i, -strength))
    return strength[order], i[order], j[order]
