"""Sentence-level event detection for ASSAULT and PROTEST: a small linear model over n-grams.

The rule-based extractor finds every attack or protest *word*; many sentences that use one do not
report a specific happening («هل يجوز تبرير القتل والاغتيال السياسي؟»). This classifier scores a
sentence for «does it report an ASSAULT / PROTEST event», trained on the Arabic PLOVER gold
standard (see ``models/MODEL_CARD.md``), so that the event stage can keep or drop rule events.

Model: one logistic regression per type over binary features of the normalised sentence — words,
clitic-stripped stems, character 3–5-grams of the stems and stem bigrams — weighted by IDF and
L2-normalised per sentence. The weights ship as a plain NumPy archive (no pickle) plus a JSON card
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
MODEL_DIR = Path(__file__).resolve().parent / "models"
MODEL_NAME = "event_sentences"
# Bump when sentence_features changes: a model trained on other features must not be loaded.
FEATURE_VERSION = 1
CHAR_NGRAMS = (3, 5)

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
    """A linear model per type: ``p = sigmoid(bias + Σ v_f / ‖idf‖)`` over the features present.

    ``weights[:, k]`` already holds ``idf_f · w_f`` for type ``k``, and ``idf_sq`` holds ``idf_f²``,
    so scoring a sentence is a sum over its distinct feature ids and one square root.
    """

    def __init__(self, vocab: Sequence[str], weights: np.ndarray, idf_sq: np.ndarray, bias: np.ndarray,
                 meta: dict[str, Any]) -> None:
        self.types: tuple[str, ...] = tuple(meta["types"])
        self.index: dict[str, int] = {f: i for i, f in enumerate(vocab)}
        self.weights = np.asarray(weights, dtype=np.float64)
        self.idf_sq = np.asarray(idf_sq, dtype=np.float64)
        self.bias = np.asarray(bias, dtype=np.float64)
        self.meta = meta
        self.thresholds: dict[str, float] = {t: float(meta["thresholds"][t]) for t in self.types}
        self._word_cache: dict[str, tuple[tuple[int, ...], str]] = {}
        self._lock = threading.Lock()

    def _word(self, word: str) -> tuple[tuple[int, ...], str]:
        hit = self._word_cache.get(word)
        if hit is None:
            feats, key = word_features(word)
            idx = self.index
            hit = (tuple(idx[f] for f in feats if f in idx), key)
            with self._lock:  # a plain dict write; the lock keeps threaded callers safe
                if len(self._word_cache) < 500_000:
                    self._word_cache[word] = hit
        return hit

    def feature_ids(self, sentence: str) -> list[int]:
        """Distinct vocabulary ids present in a sentence."""
        ids: set[int] = set()
        keys: list[str] = []
        for w in _words(sentence):
            f, k = self._word(w)
            ids.update(f)
            keys.append(k)
        idx = self.index
        for a, b in zip(keys, keys[1:], strict=False):
            j = idx.get("b:" + a + " " + b)
            if j is not None:
                ids.add(j)
        return list(ids)

    def scores(self, sentences: Sequence[str]) -> np.ndarray:
        """Probabilities as an array of shape ``(len(sentences), len(types))``."""
        n = len(sentences)
        if n == 0:
            return np.zeros((0, len(self.types)))
        all_ids: list[int] = []
        starts = np.zeros(n, dtype=np.int64)
        lens = np.zeros(n, dtype=np.int64)
        for i, s in enumerate(sentences):
            ids = self.feature_ids(s)
            starts[i] = len(all_ids)
            lens[i] = len(ids)
            all_ids.extend(ids)
        z = np.tile(self.bias, (n, 1))
        if all_ids:
            arr = np.asarray(all_ids, dtype=np.int64)
            nz = lens > 0
            # reduceat sums each sentence's slice; empty sentences are skipped (they would read
            # the next slice's first element).
            sums = np.add.reduceat(self.weights[arr], starts[nz], axis=0)
            norms = np.sqrt(np.add.reduceat(self.idf_sq[arr], starts[nz]))
            z[nz] += sums / norms[:, None]
        return 1.0 / (1.0 + np.exp(-z))

    def predict(self, sentences: Sequence[str]) -> list[dict[str, float]]:
        """``{"ASSAULT": p, "PROTEST": p}`` for each sentence: does it report such an event?"""
        probs = self.scores(sentences)
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

    ``weights`` are the raw per-feature coefficients (shape ``(n_features, n_types)``); the IDF is
    folded in here so that inference does one lookup per feature.
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
