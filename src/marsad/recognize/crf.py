"""Linear-chain CRF inference over a CRFsuite model, vectorised with numpy.

Why not ``pycrfsuite.Tagger``: it takes every token's attributes as strings and looks
each one up again on every call (``Tagger.set`` was ~90 % of the NER's time). Marsad's
features come in groups that depend on one word form (its own features, the copies it
gives its neighbours at ±1 and ±2) or on a pair of neighbouring forms, so the *scores*
of a group can be summed once per form and cached; a sentence then costs a few array
additions and one Viterbi pass, run for all sentences of a document at once.

The scores are the model's own: :func:`read_crfsuite` reads the weights (doubles) from
CRFsuite's binary model file (``crf1dm`` format: header, feature array, and two CQDB
string tables for labels and attributes), so decoding gives CRFsuite's answer. Training
stays with CRFsuite (``scripts/train_ner.py``).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


@dataclass(frozen=True)
class CrfModel:
    """Weights of a CRFsuite linear-chain model.

    ``state[a]`` is the score vector (one entry per label) of attribute ``a`` (an index
    from ``attributes``); ``transition[i, j]`` scores label ``i`` followed by label ``j``.
    """

    labels: tuple[str, ...]
    attributes: dict[str, int]
    state: np.ndarray  # (n_attributes, n_labels) float64
    transition: np.ndarray  # (n_labels, n_labels) float64

    def scores(self, attrs: tuple[str, ...] | list[str]) -> np.ndarray:
        """The summed state scores of a group of attributes (unknown ones score nothing)."""
        index = self.attributes
        rows = [index[a] for a in attrs if a in index]
        if not rows:
            return np.zeros(len(self.labels))
        return self.state[rows].sum(axis=0)


def _cqdb_strings(buf: bytes, offset: int) -> list[str]:
    """id → string of a CQDB block (CRFsuite's constant string database)."""
    magic, _size, _flag, _order, n, backward = struct.unpack_from("<4sIIIII", buf, offset)
    if magic != b"CQDB":
        raise ValueError("not a CRFsuite model: string table missing")
    out = [""] * n
    for pos in np.frombuffer(buf, "<u4", n, offset + backward).tolist():
        if pos:
            ident, size = struct.unpack_from("<II", buf, offset + pos)
            start = offset + pos + 8
            out[ident] = buf[start:start + size - 1].decode("utf-8")  # size counts the NUL
    return out


def read_crfsuite(path: str | Path) -> CrfModel:
    """Read a CRFsuite 1st-order model file (as written by ``pycrfsuite.Trainer``)."""
    buf = Path(path).read_bytes()
    if len(buf) < _HEADER.size:
        raise ValueError(f"not a CRFsuite model: {path}")
    (magic, _size, kind, _version, _nf, n_labels, n_attrs, off_features, off_labels, off_attrs,
     _off_lrefs, _off_arefs) = _HEADER.unpack_from(buf, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"not a CRFsuite linear-chain model: {path}")
    chunk, _chunk_size, n = struct.unpack_from("<4sII", buf, off_features)
    if chunk != b"FEAT":
        raise ValueError(f"not a CRFsuite model: feature table missing in {path}")
    feats = np.frombuffer(buf, _FEATURE, n, off_features + 12)
    labels = tuple(_cqdb_strings(buf, off_labels))
    attrs = _cqdb_strings(buf, off_attrs)
    if len(labels) != n_labels or len(attrs) != n_attrs:
        raise ValueError(f"corrupt CRFsuite model: {path}")
    state = np.zeros((n_attrs, n_labels))
    trans = np.zeros((n_labels, n_labels))
    s = feats[feats["type"] == _STATE]
    np.add.at(state, (s["src"].astype(np.intp), s["dst"].astype(np.intp)), s["weight"])
    t = feats[feats["type"] == _TRANSITION]
    np.add.at(trans, (t["src"].astype(np.intp), t["dst"].astype(np.intp)), t["weight"])
    return CrfModel(labels, {a: i for i, a in enumerate(attrs)}, state, trans)


def viterbi(emissions: list[np.ndarray], transition: np.ndarray) -> list[np.ndarray]:
    """Best label index sequence of each sentence (``emissions[k]`` is ``(len_k, n_labels)``).

    All sentences are decoded together: they are padded to the longest and each step of
    the recursion is one numpy operation over the whole batch. A sentence's best path ends
    at its own last token, so the padding never influences it.
    """
    if not emissions:
        return []
    lengths = np.fromiter((len(e) for e in emissions), np.intp, len(emissions))
    return viterbi_flat(np.concatenate(emissions), lengths, transition)


def viterbi_flat(emissions: np.ndarray, lengths: np.ndarray, transition: np.ndarray) -> list[np.ndarray]:
    """:func:`viterbi` for the emissions of all sentences one after the other (``(sum(lengths), n_labels)``)."""
    if not len(lengths):
        return []
    return np.split(viterbi_concat(emissions, lengths, transition), np.cumsum(lengths)[:-1])


def viterbi_concat(emissions: np.ndarray, lengths: np.ndarray, transition: np.ndarray) -> np.ndarray:
    """:func:`viterbi_flat` with the paths of all sentences one after the other in one array.

    The sentences are decoded longest first, so that at step ``t`` the ones still running are a
    prefix of the batch: each step works on that prefix only and no padding is ever scored.
    """
    if not len(lengths):
        return np.zeros(0, dtype=np.intp)
    n_labels = transition.shape[0]
    batch, longest = len(lengths), int(lengths.max())
    order = np.argsort(-lengths, kind="stable")
    srt = lengths[order]
    # active[t]: how many sentences have a token at position t (a prefix of the sorted batch)
    active = np.searchsorted(-srt, -np.arange(longest + 1), side="left").tolist()
    ends = np.cumsum(lengths)
    pos = np.arange(len(emissions)) - np.repeat(ends - lengths, lengths)
    rank = np.empty(batch, dtype=np.intp)
    rank[order] = np.arange(batch)
    em = np.zeros((longest, batch, n_labels))
    em[pos, np.repeat(rank, lengths)] = emissions  # (position, sorted sentence, label)
    back = np.zeros((longest, batch, n_labels), dtype=np.intp)
    finals = np.empty((batch, n_labels))
    score = em[0].copy()
    # (label, prev label): the reductions run over the last, contiguous axis (faster than over the
    # middle one); the same sums, and argmax keeps the first best previous label either way
    trans = np.ascontiguousarray(transition.T)[None]
    flat_base = np.arange(batch * n_labels, dtype=np.intp) * n_labels  # start of each (sentence, label) row
    # one buffer for the candidates of every step: a new array of this size per step (over the
    # allocator's small-block cache) cost more than the addition written into it
    buf = np.empty((batch, n_labels, n_labels))
    for t in range(1, longest):
        a = active[t]
        if a < len(score):  # the sentences that ended at t - 1 keep their final scores
            finals[a:len(score)] = score[a:]
            score = score[:a]
        cand = buf[:a]  # (running sentences, label, prev label): contiguous, so ravel below is a view
        np.add(score[:, None, :], trans, out=cand)
        best = cand.argmax(axis=2, out=back[t, :a])
        # the best scores themselves, gathered from the flat array (cheaper than a second reduction)
        score = cand.ravel()[flat_base[: a * n_labels] + best.ravel()].reshape(a, n_labels)
        score += em[t, :a]
    finals[: len(score)] = score
    best_last = finals.argmax(axis=1)
    paths = np.zeros((batch, longest), dtype=np.intp)
    cur = best_last.copy()
    rows = np.arange(batch)
    for t in range(longest - 1, -1, -1):
        a = active[t]
        # sentences whose last token is at t start their path at their best final label
        cur[active[t + 1]:a] = best_last[active[t + 1]:a]
        paths[:a, t] = cur[:a]
        if t:
            cur[:a] = back[t, rows[:a], cur[:a]]
    return paths[np.repeat(rank, lengths), pos]
