"""Sentence-level event detection for ASSAULT and PROTEST: a small linear model over n-grams.

The rule-based extractor finds every attack or protest *word*; many sentences that use one do not
report a specific happening («هل يجوز تبرير القتل والاغتيال السياسي؟»). This classifier scores a
sentence for «does it report an ASSAULT / PROTEST event», trained on the Arabic PLOVER gold
standard (see ``models/MODEL_CARD.md``), so that the event stage can keep or drop rule events.

Model: per type, the mean probability of two logistic regressions over binary features of the
normalised sentence — words, clitic-stripped stems, character 3–5-grams of the stems and stem
bigrams — weighted by IDF and L2-normalised per sentence. The two members differ only in their
target: the share of annotators who accepted the sentence («soft»), and the GSR label itself
(«hard»: ``yes`` = every annotator accepted). Averaging them was the one change that raised the
nested cross-validated F1 of both types (``models/MODEL_CARD.md``). The weights ship as a plain NumPy archive (no pickle) plus a JSON card
of metadata; inference is a few dictionary lookups per word type (cached) and one sparse dot product,
so no scikit-learn is needed at run time.

Public API:

* :func:`load_sentence_classifier` — the shipped model, loaded once per process.
* :meth:`SentenceClassifier.predict` — ``[{"ASSAULT": p, "PROTEST": p}, …]`` per sentence.
* :attr:`SentenceClassifier.thresholds` — the recommended decision threshold per type.
* :func:`sentence_features` — the feature strings of a sentence (training uses the same function).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from marsad.arabic import normalize

TYPES: tuple[str, ...] = ("ASSAULT", "PROTEST")
# Ensemble members, each a target definition (see ``member_targets``); probabilities are averaged.
MEMBERS: tuple[str, ...] = ("soft", "hard")
MODEL_DIR = Path(__file__).resolve().parent / "models"
MODEL_NAME = "event_sentences"
# Bump when sentence_features changes: a model trained on other features must not be loaded.
FEATURE_VERSION = 1
CHAR_NGRAMS = (3, 5)
_PAIR = 1 << 32  # stem numbers are < 2³²: a * _PAIR + b is a unique pair key

# Same word definition as the event stage: digit groups, or runs of letters.
_WORD_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Most-stripped proclitic reading of a normalised word: و/ف + ب/ل/ك + ال (or لل).

    Each strip must leave at least three letters, so short words («بين», «كل») stay whole. This is
    deliberately cruder than the segmenter: the model only needs one stable key per word type.
    """
    w = word
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
    if len(w) > 4 and w.startswith("لل"):
        return w[2:]
    if len(w) > 3 and w[0] in "بلك" and len(w) > 4 and w[1:3] == "ال":
        w = w[1:]
    if len(w) > 4 and w.startswith("ال"):
        w = w[2:]
    return w


@lru_cache(maxsize=200_000)
def word_features(word: str) -> tuple[tuple[str, ...], str]:
    """Features of one normalised word and the key it contributes to bigrams (cached per word type)."""
    if word[0].isdigit():
        return ("w:#",), "#"
    s = stem(word)
    feats = ["w:" + word]
    if s != word:
        feats.append("s:" + s)
    padded = "<" + s + ">"
    lo, hi = CHAR_NGRAMS
    for n in range(lo, hi + 1):
        feats.extend("c:" + padded[i:i + n] for i in range(len(padded) - n + 1))
    return tuple(feats), s


def _words(sentence: str) -> list[str]:
    return _WORD_RE.findall(normalize(sentence).text)


def sentence_features(sentence: str) -> list[str]:
    """All feature strings of a sentence (duplicates possible; the model uses presence only)."""
    feats: list[str] = []
    keys: list[str] = []
    for w in _words(sentence):
        f, k = word_features(w)
        feats.extend(f)
        keys.append(k)
    feats.extend("b:" + a + " " + b for a, b in zip(keys, keys[1:], strict=False))
    return feats


class SentenceClassifier:
    """Linear models per type: ``p = mean_m sigmoid(bias_m + Σ v_fm / ‖idf‖)`` over the features present.

    Column ``k · M + m`` of ``weights`` holds ``idf_f · w_f`` of member ``m`` of type ``k`` (``M``
    members, ``meta["members"]``; a model without that key has one member per type), and ``idf_sq``
    holds ``idf_f²``, so scoring a sentence is a sum over its distinct feature ids and one square root.
    """

    def __init__(self, vocab: Sequence[str], weights: np.ndarray, idf_sq: np.ndarray, bias: np.ndarray,
                 meta: dict[str, Any]) -> None:
        self.types: tuple[str, ...] = tuple(meta["types"])
        self.members: tuple[str, ...] = tuple(meta.get("members") or ("soft",))
        self.index: dict[str, int] = {f: i for i, f in enumerate(vocab)}
        self.weights = np.asarray(weights, dtype=np.float64)
        self.idf_sq = np.asarray(idf_sq, dtype=np.float64)
        self.bias = np.asarray(bias, dtype=np.float64)
        self.meta = meta
        self.thresholds: dict[str, float] = {t: float(meta["thresholds"][t]) for t in self.types}
        # Bigram features keyed by a pair of stem numbers (ints hash faster than joined strings).
        self._stem_no: dict[str, int] = {}
        self._bigram: dict[int, int] = {}
        for f, i in self.index.items():
            if f.startswith("b:"):
                left, _, right = f[2:].partition(" ")
                ka = self._stem_no.setdefault(left, len(self._stem_no))
                kb = self._stem_no.setdefault(right, len(self._stem_no))
                self._bigram[ka * _PAIR + kb] = i
        self._word_cache: dict[str, tuple[tuple[int, ...], int]] = {}
        self._lock = threading.Lock()

    def _word(self, word: str) -> tuple[tuple[int, ...], int]:
        feats, key = word_features(word)
        idx = self.index
        hit = (tuple(idx[f] for f in feats if f in idx), self._stem_no.get(key, -1))
        with self._lock:  # a plain dict write; the lock keeps threaded callers safe
            if len(self._word_cache) < 500_000:
                self._word_cache[word] = hit
        return hit

    def feature_ids(self, sentence: str, normalized: str | None = None) -> list[int]:
        """Distinct vocabulary ids present in a sentence (``normalized``: its normalised text, when
        the caller has it already)."""
        ids: set[int] = set()
        cache, bigram = self._word_cache, self._bigram
        prev = -1
        for w in _words(sentence) if normalized is None else _WORD_RE.findall(normalized):
            hit = cache.get(w) or self._word(w)
            ids.update(hit[0])
            k = hit[1]
            if prev >= 0 and k >= 0:
                j = bigram.get(prev * _PAIR + k)
                if j is not None:
                    ids.add(j)
            prev = k
        return list(ids)

    def scores(self, sentences: Sequence[str], normalized: Sequence[str] | None = None) -> np.ndarray:
        """Probabilities as an array of shape ``(len(sentences), len(types))`` (``normalized``: the
        sentences' normalised texts, when the caller has them already)."""
        n = len(sentences)
        if n == 0:
            return np.zeros((0, len(self.types)))
        if self.weights.shape[1] != len(self.types) * len(self.members):
            raise ValueError("weights do not match types × members")
        all_ids: list[int] = []
        # (offsets gathered in lists and made arrays once: an item write into a numpy array from
        # Python costs several list appends)
        start_list: list[int] = []
        len_list: list[int] = []
        for i, s in enumerate(sentences):
            ids = self.feature_ids(s, None if normalized is None else normalized[i])
            start_list.append(len(all_ids))
            len_list.append(len(ids))
            all_ids.extend(ids)
        starts = np.asarray(start_list, dtype=np.int64)
        lens = np.asarray(len_list, dtype=np.int64)
        z = np.empty((n, len(self.bias)))
        z[:] = self.bias  # (np.tile's Python-level wrapper costs more than the copy for a few rows)
        if all_ids:
            arr = np.asarray(all_ids, dtype=np.int64)
            nz = lens > 0
            # reduceat sums each sentence's slice; empty sentences are skipped (they would read
            # the next slice's first element).
            sums = np.add.reduceat(self.weights[arr], starts[nz], axis=0)
            norms = np.sqrt(np.add.reduceat(self.idf_sq[arr], starts[nz]))
            z[nz] += sums / norms[:, None]
        p = 1.0 / (1.0 + np.exp(-z))
        # the members' mean, as ndarray.mean computes it (a sum, then one division) without its wrapper
        return p.reshape(n, len(self.types), len(self.members)).sum(axis=2) / len(self.members)

    def predict(self, sentences: Sequence[str], normalized: Sequence[str] | None = None) -> list[dict[str, float]]:
        """``{"ASSAULT": p, "PROTEST": p}`` for each sentence: does it report such an event?
        (``normalized``: as for :meth:`scores`)"""
        probs = self.scores(sentences, normalized)
        return [{t: float(row[k]) for k, t in enumerate(self.types)} for row in probs]

    def decide(self, sentences: Sequence[str]) -> list[set[str]]:
        """The types whose probability reaches the recommended threshold, per sentence."""
        out = []
        for row in self.predict(sentences):
            out.append({t for t, p in row.items() if p >= self.thresholds[t]})
        return out


def save_model(directory: Path, vocab: Sequence[str], weights: np.ndarray, idf: np.ndarray,
               bias: np.ndarray, meta: dict[str, Any]) -> tuple[Path, Path]:
    """Write ``event_sentences.npz`` (arrays only, no pickle) and ``event_sentences.json`` (card data).

    ``weights`` are the raw per-feature coefficients, shape ``(n_features, n_types · n_members)``
    (type-major, members in ``meta["members"]`` order); the IDF is folded in here so that inference
    does one lookup per feature.
    """
    directory.mkdir(parents=True, exist_ok=True)
    npz = directory / f"{MODEL_NAME}.npz"
    js = directory / f"{MODEL_NAME}.json"
    vocab_blob = np.frombuffer("\n".join(vocab).encode("utf-8"), dtype=np.uint8)
    np.savez_compressed(npz, vocab=vocab_blob,
                        weights=(weights * idf[:, None]).astype(np.float32),
                        idf_sq=(idf ** 2).astype(np.float32), bias=np.asarray(bias, dtype=np.float64))
    meta = dict(meta, feature_version=FEATURE_VERSION, n_features=len(vocab))
    js.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return npz, js


def load_model(directory: Path = MODEL_DIR) -> SentenceClassifier:
    """Read a model written by :func:`save_model`."""
    meta = json.loads((directory / f"{MODEL_NAME}.json").read_text(encoding="utf-8"))
    if meta.get("feature_version") != FEATURE_VERSION:
        raise ValueError(f"{directory / MODEL_NAME}: trained with feature version "
                         f"{meta.get('feature_version')}, code has {FEATURE_VERSION}; retrain with "
                         "scripts/train_event_classifier.py")
    with np.load(directory / f"{MODEL_NAME}.npz", allow_pickle=False) as z:
        vocab = z["vocab"].tobytes().decode("utf-8").split("\n")
        return SentenceClassifier(vocab, z["weights"], z["idf_sq"], z["bias"], meta)


_LOCK = threading.Lock()
_MODEL: SentenceClassifier | None = None


def load_sentence_classifier() -> SentenceClassifier:
    """The shipped ASSAULT/PROTEST sentence classifier, loaded once per process."""
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                _MODEL = load_model(MODEL_DIR)
    return _MODEL


# --- training (used by scripts/train_event_classifier.py and the evaluation gate test) -----------------
# SciPy is imported lazily: it is only needed to fit, never to score.


def gsr_rows(path: Path) -> list[dict[str, Any]]:
    """Rows of an OEDA GSR CSV (``accept,event_type,id,label,reject,text,total``) with a soft target.

    ``q`` is the share of annotators who accepted the sentence; ``gold`` is ``True`` for ``yes``,
    ``False`` for ``easy no``/``difficult no`` and ``None`` for ``ambiguous`` (left out of scoring).
    Note that ``yes`` needs every annotator to accept: a 2-of-3 sentence is a ``difficult no``.
    """
    import csv

    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            acc, rej = int(r["accept"] or 0), int(r["reject"] or 0)
            label = r["label"].strip()
            out.append({"id": r["id"], "text": r["text"], "label": label,
                        "gold": None if label == "ambiguous" else label == "yes",
                        "q": acc / (acc + rej) if acc + rej else float(label == "yes")})
    return out


def member_targets(rows: Sequence[dict[str, Any]], member: str) -> np.ndarray:
    """Training target per row for one ensemble member.

    ``soft``: the annotators' acceptance share ``q``. ``hard``: the label itself (1 for ``yes``, 0
    for either no), which is what the evaluation scores — a 2-of-3 sentence is a negative there,
    not a two-thirds positive. Ambiguous rows keep ``q`` in both members: they carry some signal
    and no label.
    """
    if member == "soft":
        return np.array([r["q"] for r in rows], dtype=np.float64)
    if member == "hard":
        return np.array([r["q"] if r["gold"] is None else float(r["gold"]) for r in rows], dtype=np.float64)
    raise ValueError(f"unknown ensemble member {member!r}")


def build_vocab(docs: Sequence[Sequence[str]], min_df: int = 2) -> tuple[list[str], np.ndarray]:
    """Features seen in at least ``min_df`` sentences, with smoothed IDF ``ln((1+n)/(1+df)) + 1``."""
    from collections import Counter

    df = Counter(f for d in docs for f in set(d))
    vocab = sorted(f for f, c in df.items() if c >= min_df)
    n = len(docs)
    idf = np.array([np.log((1 + n) / (1 + df[f])) + 1.0 for f in vocab])
    return vocab, idf


def design_matrix(docs: Sequence[Sequence[str]], vocab: Sequence[str], idf: np.ndarray) -> Any:
    """Binary presence × IDF, rows L2-normalised (a SciPy CSR matrix) — the model's view of a sentence."""
    import scipy.sparse as sp

    index = {f: i for i, f in enumerate(vocab)}
    rows: list[int] = []
    cols: list[int] = []
    for i, d in enumerate(docs):
        ids = {index[f] for f in d if f in index}
        rows.extend([i] * len(ids))
        cols.extend(ids)
    vals = idf[np.asarray(cols, dtype=np.int64)] if cols else np.zeros(0)
    x = sp.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(vocab)))
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.diags(1.0 / norms) @ x


def fit_logistic(x: Any, q: np.ndarray, c: float = 10.0, balanced: bool = True) -> tuple[np.ndarray, float]:
    """Logistic regression on soft targets ``q`` ∈ [0, 1] with L2 penalty ``½‖w‖²`` (bias free).

    Minimises ``C · Σ [a·q·(−log p) + b·(1−q)·(−log(1−p))] + ½‖w‖²``; with ``balanced`` the positive
    and negative masses get equal total weight (``a``, ``b``), as rare events need.
    """
    from scipy.optimize import minimize

    q = np.asarray(q, dtype=np.float64)
    pos, neg = q.sum(), (1 - q).sum()
    a = (pos + neg) / (2 * pos) if balanced and pos > 0 else 1.0
    b = (pos + neg) / (2 * neg) if balanced and neg > 0 else 1.0
    n_feat = x.shape[1]

    def obj(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, bias = theta[:n_feat], theta[n_feat]
        z = x @ w + bias
        # log(1+e^z) and log(1+e^-z), stable for large |z|
        lp = np.logaddexp(0, -z)  # −log p
        ln = np.logaddexp(0, z)  # −log(1−p)
        p = 1.0 / (1.0 + np.exp(-z))
        loss = c * float(np.sum(a * q * lp + b * (1 - q) * ln)) + 0.5 * float(w @ w)
        g = c * (-(a * q) * (1 - p) + b * (1 - q) * p)
        grad = np.empty_like(theta)
        grad[:n_feat] = x.T @ g + w
        grad[n_feat] = g.sum()
        return loss, grad

    def hessp(theta: np.ndarray, v: np.ndarray) -> np.ndarray:
        z = x @ theta[:n_feat] + theta[n_feat]
        p = 1.0 / (1.0 + np.exp(-z))
        d = c * p * (1 - p) * (a * q + b * (1 - q))
        xv = d * (x @ v[:n_feat] + v[n_feat])
        out = np.empty_like(v)
        out[:n_feat] = x.T @ xv + v[:n_feat]
        out[n_feat] = xv.sum()
        return out

    # Newton-CG: a few Hessian-vector products per step; with far more features than sentences it
    # converges in ~10 steps where L-BFGS-B spends its time in its own bookkeeping.
    res = minimize(obj, np.zeros(n_feat + 1), jac=True, hessp=hessp, method="Newton-CG",
                   options={"maxiter": 200, "xtol": 1e-6})
    return res.x[:n_feat], float(res.x[n_feat])


def fit_type(docs: Sequence[Sequence[str]], targets: Sequence[np.ndarray], c: float = 10.0,
             min_df: int = 2) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Vocabulary, IDF, coefficients ``(n_features, n_members)`` and biases for one type.

    ``targets`` holds one target vector per ensemble member (:func:`member_targets`); all members
    share the vocabulary and design matrix.
    """
    vocab, idf = build_vocab(docs, min_df)
    x = design_matrix(docs, vocab, idf)
    fits = [fit_logistic(x, q, c) for q in targets]
    return vocab, idf, np.column_stack([w for w, _ in fits]), np.array([b for _, b in fits])


def predict_docs(docs: Sequence[Sequence[str]], vocab: Sequence[str], idf: np.ndarray, w: np.ndarray,
                 bias: np.ndarray) -> np.ndarray:
    """Mean member probability for feature lists under one fitted type (training twin of ``scores``)."""
    z = design_matrix(docs, vocab, idf) @ np.asarray(w).reshape(len(vocab), -1) + np.atleast_1d(bias)
    return (1.0 / (1.0 + np.exp(-z))).mean(axis=1)


def stratified_folds(gold: np.ndarray, k: int, seed: int) -> np.ndarray:
    """Fold number per row, each class spread evenly over ``k`` folds (fixed ``seed``)."""
    rng = np.random.default_rng(seed)
    fold = np.zeros(len(gold), dtype=np.int64)
    for cls in (True, False):
        idx = np.flatnonzero(gold == cls)
        rng.shuffle(idx)
        fold[idx] = np.arange(len(idx)) % k
    return fold


def prf(gold: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    """Precision, recall and F1 of boolean predictions."""
    tp = int(np.sum(gold & pred))
    fp = int(np.sum(~gold & pred))
    fn = int(np.sum(gold & ~pred))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


THRESHOLD_GRID = np.round(np.arange(0.05, 0.951, 0.025), 3)


def rule_flags(texts: Sequence[str], type_: str) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence: does the rule-based extractor emit an event of ``type_``, and is one of them
    corroborated (:func:`marsad.events.corroborated`: the event stage's gate never drops it)?

    The extractor runs *without* its sentence gate — the gate uses the shipped classifier, which was
    trained on the GSR, so leaving it on would leak the labels into cross-validated figures — and
    with the knowledge base but no mentions, as in ``scripts/eval_events.py --gsr``. Training and
    evaluation only (it loads the pipeline's knowledge).
    """
    from marsad.arabic import split_sentences
    from marsad.events import corroborated, load_extractor
    from marsad.model import Document
    from marsad.pipeline import Knowledge

    extractor = load_extractor(Knowledge(), sentence_gate=False)
    hit, sure = [], []
    for i, text in enumerate(texts):
        doc = Document(doc_id=f"gsr{i}", source="gsr", text=text)
        doc.sentences = split_sentences(text)
        events = [e for e in extractor(doc) if e["type"] == type_]
        hit.append(bool(events))
        sure.append(any(corroborated(e) for e in events))
    return np.array(hit, dtype=bool), np.array(sure, dtype=bool)


def best_threshold(gold: np.ndarray, prob: np.ndarray, mask: np.ndarray | None = None,
                   always: np.ndarray | None = None) -> float:
    """The grid threshold with the highest F1 (ties → the middle of the tied run, for stability).

    The decision scored is ``(p ≥ t ∧ mask) ∨ always``: ``mask`` = rows the rules flag, ``always`` =
    rows kept whatever p says.
    """
    f1s = []
    for t in THRESHOLD_GRID:
        pred = prob >= t
        if mask is not None:
            pred &= mask
        if always is not None:
            pred |= always
        f1s.append(prf(gold, pred)[2])
    f1s_arr = np.asarray(f1s)
    best = np.flatnonzero(f1s_arr >= f1s_arr.max() - 1e-12)
    return float(THRESHOLD_GRID[best[len(best) // 2]])


def cross_validate(rows: Sequence[dict[str, Any]], k: int = 5, seed: int = 13, c: float = 10.0,
                   rules: np.ndarray | None = None, inner: bool = True,
                   members: Sequence[str] = MEMBERS,
                   corroborated: np.ndarray | None = None) -> dict[str, Any]:
    """Stratified k-fold CV of one type over the labelled rows; ambiguous rows only ever train.

    Returns out-of-fold probabilities and, when ``inner`` is set, honest decisions: each outer fold's
    threshold is chosen by an inner k-fold on its own training part, for the classifier alone and for
    the «rules ∧ p ≥ t» gate (when ``rules`` — one bool per labelled row — is given). With
    ``corroborated`` (one bool per labelled row: a rule event of the type is corroborated — names a known
    participant) also ``system``: the event stage's gate as wired in ``marsad.events``, which keeps
    such events whatever p says — «corroborated ∨ (rules ∧ p ≥ t)».
    """
    lab = [r for r in rows if r["gold"] is not None]
    amb = [r for r in rows if r["gold"] is None]
    docs = [sentence_features(r["text"]) for r in lab]
    adocs = [sentence_features(r["text"]) for r in amb]
    gold = np.array([r["gold"] for r in lab], dtype=bool)
    q = [member_targets(lab, m) for m in members]
    qa = [member_targets(amb, m) for m in members]
    folds = stratified_folds(gold, k, seed)
    prob = np.zeros(len(lab))
    pred = np.zeros(len(lab), dtype=bool)
    gated = np.zeros(len(lab), dtype=bool)
    system = np.zeros(len(lab), dtype=bool)
    thresholds: list[float] = []

    def fit(tr: np.ndarray) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
        return fit_type([docs[i] for i in tr] + adocs, [np.r_[qm[tr], qam] for qm, qam in zip(q, qa, strict=True)], c)

    def oof(idx: np.ndarray, sub_seed: int) -> np.ndarray:
        """Out-of-fold probabilities for rows ``idx`` by an inner k-fold (training part only)."""
        inner_folds = stratified_folds(gold[idx], k, sub_seed)
        out = np.zeros(len(idx))
        for f in range(k):
            tr, te = idx[inner_folds != f], idx[inner_folds == f]
            out[inner_folds == f] = predict_docs([docs[i] for i in te], *fit(tr))
        return out

    for f in range(k):
        tr, te = np.flatnonzero(folds != f), np.flatnonzero(folds == f)
        prob[te] = predict_docs([docs[i] for i in te], *fit(tr))
        if inner:
            p_in = oof(tr, seed + 1 + f)
            t = best_threshold(gold[tr], p_in)
            thresholds.append(t)
            pred[te] = prob[te] >= t
            if rules is not None:
                tg = best_threshold(gold[tr], p_in, rules[tr])
                gated[te] = (prob[te] >= tg) & rules[te]
                if corroborated is not None:
                    sure = rules & corroborated
                    ts = best_threshold(gold[tr], p_in, rules[tr], sure[tr])
                    system[te] = sure[te] | (rules[te] & (prob[te] >= ts))
    out: dict[str, Any] = {"gold": gold, "prob": prob, "ids": [r["id"] for r in lab]}
    if inner:
        out["pred"], out["inner_thresholds"] = pred, thresholds
        if rules is not None:
            out["gated"] = gated
            if corroborated is not None:
                out["system"] = system
    return out
