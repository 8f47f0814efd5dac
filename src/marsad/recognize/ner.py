"""Statistical Arabic named-entity tagger (CRF, BIO over PERS / LOC / ORG / MISC).

The model is a linear-chain CRF (CRFsuite via ``python-crfsuite``) trained by
``scripts/train_ner.py`` on ANERcorp + AQMAR + the Wojood sample; see
``models/MODEL_CARD.md`` for data, licences, split and scores. It works on
whitespace/punctuation tokens with clitics still attached (ANERcorp
tokenisation), so no segmenter is needed. Word lists next to the model (learned
lexicon, knowledge-base gazetteer snapshot, trigger words) feed
its features; see :mod:`marsad.recognize.ner_features`.

Public API:

* :func:`load_ner` — the shipped tagger, loaded once per process.
* :meth:`NerTagger.tag` / :meth:`NerTagger.tag_sentences` — BIO tags (the latter
  reads the sentences as one document: document-level features, and one-word names
  made consistent across its sentences).
* :meth:`NerTagger.tag_documents` — many documents in one batch, each read as a
  document (what a pipeline should call: the model is weaker sentence by sentence).
* :func:`ner_conll_lines` — the ``marsad ner --conll FILE`` contract.
* :func:`entities` — character-offset entity spans for the pipeline.
* :func:`bio_spans` / :func:`score_spans` — conlleval-style span reading and scoring.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain, compress, islice
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from marsad.recognize.crf import CrfModel, read_crfsuite, viterbi_concat
from marsad.recognize.ner_features import (
    CLUSTERS_SUFFIX,
    FEATURE_VERSION,
    FeatureExtractor,
    Gazetteer,
    read_clusters,
    read_triggers,
)

LABELS: tuple[str, ...] = ("PERS", "LOC", "ORG", "MISC")
# Sentences read as one document by NerTagger.tag_sentences / ner_conll_lines when
# making labels consistent (ANERcorp stories run ~20-60 sentences).
DOC_WINDOW = 50
MODEL_DIR = Path(__file__).resolve().parent / "models"
MODEL_PATH = MODEL_DIR / "ner.crfsuite"
LEXICON_SUFFIX = ".lexicon.tsv"  # learned name lexicon next to the model: ner.lexicon.tsv
GAZETTEER_SUFFIX = ".gazetteer.tsv"  # knowledge-base names snapshotted at training time
TRIGGERS_SUFFIX = ".triggers.tsv"  # hand-written trigger words (titles, place/org types)
ATTRIBUTES_SUFFIX = ".attributes.txt"  # the attributes the CRF kept (lets tagging skip the rest)


def read_lexicon(path: Path) -> dict[str, str]:
    """Read a ``key<TAB>label`` lexicon file written by ``scripts/train_ner.py``."""
    lexicon: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                key, label = line.rstrip("\n").split("\t")[:2]
                lexicon[key] = label
    return lexicon


class _HasSpan(Protocol):
    text: str
    start: int
    end: int


TokenLike = _HasSpan | tuple[str, int, int]


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token-index spans ``(start, end_exclusive, label)`` read the conlleval way.

    An ``I-X`` that does not continue an ``X`` span opens a new span, so an
    ill-formed sequence still yields every entity the tagger meant.
    """
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        bio, _, typ = tag.partition("-")
        if start >= 0 and not (bio == "I" and typ == label):
            spans.append((start, i, label))
            start, label = -1, ""
        if bio == "B" or (bio == "I" and start < 0):
            start, label = i, typ
    return spans


def to_bilou(tags: Sequence[str]) -> list[str]:
    """BIO → BILOU (``U-`` single-token span, ``L-`` last token of a longer span)."""
    out = list(tags)
    for s, e, lab in bio_spans(tags):
        if e - s == 1:
            out[s] = "U-" + lab
        else:
            out[s] = "B-" + lab
            out[s + 1:e - 1] = ["I-" + lab] * (e - s - 2)
            out[e - 1] = "L-" + lab
    return out


def _repair(tags: list[str]) -> list[str]:
    """Make a tag sequence valid BIO (I-X only after B-X/I-X); BILOU tags are read as BIO."""
    prev = "O"
    for i, tag in enumerate(tags):
        if tag[:2] in ("U-", "L-"):
            tags[i] = tag = ("B-" if tag[0] == "U" else "I-") + tag[2:]
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tags[i] = tag = "B-" + tag[2:]
        prev = tag
    return tags


class _BioTags:
    """:func:`_repair` of label-index paths, done with array operations over a whole batch.

    A label is first read as BIO (``U-X`` → ``B-X``, ``L-X`` → ``I-X``); an ``I-X`` whose previous
    token (in the same sentence) is not of type ``X`` becomes ``B-X``. Repairing never changes a
    token's type, so "the previous tag's type" can be read from the unrepaired sequence.
    """

    def __init__(self, labels: Sequence[str]) -> None:
        names: list[str] = []
        index: dict[str, int] = {}

        def idx(name: str) -> int:
            if name not in index:
                index[name] = len(names)
                names.append(name)
            return index[name]

        def bio(tag: str) -> str:
            return ("B-" if tag[0] == "U" else "I-") + tag[2:] if tag[:2] in ("U-", "L-") else tag

        self.to_bio = np.array([idx(bio(lab)) for lab in labels], dtype=np.intp)
        for name in list(names):
            if name.startswith("I-"):
                idx("B-" + name[2:])
        types = {t: k for k, t in enumerate(dict.fromkeys(["", *(n[2:] for n in names)]))}
        self.type_of = np.array([types[n[2:]] for n in names], dtype=np.intp)
        self.none = types[""]  # the type of «O» (``"O"[2:]``): what precedes a sentence's first token
        self.inside = np.array([n.startswith("I-") for n in names], dtype=bool)
        self.begin = np.array([index["B-" + n[2:]] if n.startswith("I-") else k for k, n in enumerate(names)],
                              dtype=np.intp)
        self.names = np.array(names, dtype=object)

    def tags(self, paths: np.ndarray, lengths: np.ndarray) -> list[str]:
        """The repaired BIO tags of the concatenated label-index ``paths`` of sentences of ``lengths``."""
        b = self.to_bio[paths]
        t = self.type_of[b]
        prev = np.empty_like(t)
        prev[1:] = t[:-1]
        prev[np.cumsum(lengths) - lengths] = self.none
        fix = self.inside[b] & (prev != t)
        b[fix] = self.begin[b[fix]]
        return self.names[b].tolist()


class NerTagger:
    """A loaded CRF model. Thread-safe (CRFsuite taggers are not, so calls are serialised)."""

    def __init__(self, model_path: str | Path = MODEL_PATH) -> None:
        path = Path(model_path)
        if not path.is_file():
            raise FileNotFoundError(f"NER model not found: {path} (rebuild with scripts/train_ner.py)")
        meta_path = path.with_suffix(".json")
        self.meta: dict[str, Any] = json.loads(meta_path.read_text("utf-8")) if meta_path.is_file() else {}
        version = self.meta.get("feature_version")
        if version is not None and str(version) != FEATURE_VERSION:
            raise RuntimeError(f"NER model {path} was trained with feature set {version}, "
                               f"code has {FEATURE_VERSION}: retrain with scripts/train_ner.py")
        self.path = path
        # the word lists are part of the model: its features were trained with them
        lex_path = path.with_suffix(LEXICON_SUFFIX)
        self.lexicon: dict[str, str] = read_lexicon(lex_path) if lex_path.is_file() else {}
        gaz_path = path.with_suffix(GAZETTEER_SUFFIX)
        self.gazetteer: Gazetteer | None = Gazetteer.read(gaz_path) if gaz_path.is_file() else None
        trig_path = path.with_suffix(TRIGGERS_SUFFIX)
        self.triggers: dict[str, str] = read_triggers(trig_path) if trig_path.is_file() else {}
        attr_path = path.with_suffix(ATTRIBUTES_SUFFIX)
        known = frozenset(attr_path.read_text("utf-8").split("\n")) if attr_path.is_file() else None
        clu_path = path.with_suffix(CLUSTERS_SUFFIX)
        self.clusters: dict[str, tuple[str, ...]] = read_clusters(clu_path) if clu_path.is_file() else {}
        self._crf = read_crfsuite(path)
        self._features = FeatureExtractor(self.lexicon, self.gazetteer, self.triggers, known,
                                          clusters=self.clusters, attribute_ids=self._crf.attributes)
        self._labels = np.array(self._crf.labels, dtype=object)
        self._bio = _BioTags(self._crf.labels)
        self._scores = _FormScores(self._crf, self._features)
        self._reference: Any = None  # pycrfsuite.Tagger, only for reference_tag()
        self._lock = threading.Lock()

    def features(self, tokens: Sequence[str]) -> list[list[str]]:
        """The CRF features of one sentence (what :meth:`tag` feeds the model)."""
        return self._features(tokens)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (``O``, ``B-PERS``, ``I-LOC`` …) for one sentence of tokens."""
        return self.tag_batch([tokens])[0]

    def tag_batch(self, sentences: Sequence[Sequence[str]], doc_window: int | None = None) -> list[list[str]]:
        """:meth:`tag` for many sentences at once (one Viterbi pass over all of them).

        Without ``doc_window`` each sentence is tagged on its own — the same tags as one
        :meth:`tag` call per sentence — but the per-token work is a few array operations
        over the batch. With ``doc_window`` the sentences are read as consecutive text
        (one document), and the document-level features
        (:meth:`~marsad.recognize.ner_features.FeatureExtractor.doc_features`) are computed
        over windows of that many sentences: a name repeated through a story shares the
        evidence of all its mentions. Pass a document's sentences with
        ``doc_window=DOC_WINDOW`` when you have the whole document.
        """
        return self.tag_documents([sentences], doc_window)[0]

    def tag_documents(self, documents: Sequence[Sequence[Sequence[str]]],
                      doc_window: int | None = DOC_WINDOW) -> list[list[list[str]]]:
        """BIO tags of the sentences of several documents, decoded in one batch.

        Each document's document-level features are computed over its own windows of
        ``doc_window`` sentences (``None``: each sentence alone), so documents do not share
        evidence; the tags are those of one :meth:`tag_batch` call per document. This is the
        call for a pipeline that tags many documents at once.
        """
        docs = [[list(s) for s in d] for d in documents]
        nonempty = [[s for s in d if s] for d in docs]
        flat = [s for d in nonempty for s in d]
        if not flat:
            return [[[] for _ in d] for d in docs]
        with self._lock:  # the per-form caches are shared
            doc_features = self._features.doc_features
            rows: list[list[tuple[str, ...]]] = []
            for d in nonempty:
                if doc_window is None:
                    rows.extend(doc_features([s])[0] for s in d)
                else:
                    for b in range(0, len(d), doc_window):
                        rows.extend(doc_features(d[b:b + doc_window]))
            emissions, lengths = self._scores.emissions_flat(flat, rows)
        tags = self._bio.tags(viterbi_concat(emissions, lengths, self._crf.transition), lengths)
        out: list[list[list[str]]] = []
        pos = 0
        for d in docs:
            out.append([])
            for s in d:
                out[-1].append(tags[pos:pos + len(s)])
                pos += len(s)
        return out

    def reference_tag(self, tokens: Sequence[str], doc: Sequence[tuple[str, ...]] | None = None) -> list[str]:
        """:meth:`tag` computed by CRFsuite itself (tests check the fast path against it).

        ``doc``: the sentence's document-level features (a row of
        :meth:`FeatureExtractor.doc_features` over its window); ``None``: the sentence alone.
        """
        import pycrfsuite

        if not tokens:
            return []
        with self._lock:
            if self._reference is None:
                self._reference = pycrfsuite.Tagger()
                self._reference.open(str(self.path))
            tags = self._reference.tag(self._features.items(tokens, doc))
        return _repair(list(tags))

    def tag_sentences(self, sentences: Iterable[Sequence[str]], consistent: bool = True) -> list[list[str]]:
        """:meth:`tag` applied to each sentence, then made consistent within a document.

        The sentences are read as consecutive text (one document, or a stream of them).
        With ``consistent`` (the default), a word the CRF tagged as a one-word name in
        some sentence is given that label where the CRF left it untagged in other
        sentences of the same window of :data:`DOC_WINDOW` sentences (see
        :meth:`_propagate`): news repeats names, and the CRF often finds a name only
        where its context is clear (measured on the dev split: +1.5 micro F1).
        """
        sents = [list(s) for s in sentences]
        tagged = self.tag_batch(sents, doc_window=DOC_WINDOW)
        if consistent:
            for b in range(0, len(sents), DOC_WINDOW):
                tagged[b:b + DOC_WINDOW] = self._propagate(sents[b:b + DOC_WINDOW], tagged[b:b + DOC_WINDOW])
        return tagged

    def _propagate(self, sents: list[list[str]], tagged: list[list[str]]) -> list[list[str]]:
        """Label propagation of one-word names across the sentences of one window.

        A word form (clitics stripped) tagged as a one-word ``X`` somewhere is tagged
        ``B-X`` where it is ``O`` between two ``O`` tokens elsewhere, unless the learned
        lexicon marks it as a common word or it was left untagged more than three times
        as often as tagged (then the CRF's restraint is probably right).
        """
        features = self._features
        tag_word, cached = features.tag_word, features._tag_cache.get
        keys = [[(cached(w) or tag_word(w)).forms[-1] for w in toks] for toks in sents]
        # votes for a label: the forms tagged as a one-word name (few), then how often those were «O»
        named: dict[str, dict[str, int]] = {}
        for ks, tags in zip(keys, tagged, strict=True):
            n = len(tags)
            if tags.count("O") == n:
                continue
            for i, tag in enumerate(tags):
                if tag.startswith("B-") and (i + 1 == n or not tags[i + 1].startswith("I-")):
                    v = named.get(ks[i])
                    if v is None:
                        v = named[ks[i]] = {}
                    v[tag[2:]] = v.get(tag[2:], 0) + 1
        out = [list(tags) for tags in tagged]
        if not named:
            return out
        untagged = Counter(compress(chain.from_iterable(keys), map("O".__eq__, chain.from_iterable(tagged))))
        best = {k: max(v.items(), key=lambda xc: (xc[1], xc[0])) for k, v in named.items()}
        lexicon = self.lexicon
        candidates = named.keys()
        for toks, ks, tags in zip(sents, keys, out, strict=True):
            if candidates.isdisjoint(ks):
                continue
            for i, k in enumerate(ks):
                if k not in candidates or tags[i] != "O" or len(k) < 3:
                    continue
                if lexicon.get((cached(toks[i]) or tag_word(toks[i])).norm) == "O":
                    continue
                lab, c = best[k]
                if c < 0.3 * untagged[k]:
                    continue
                if (i == 0 or tags[i - 1] == "O") and (i + 1 == len(tags) or tags[i + 1] == "O"):
                    tags[i] = "B-" + lab
        return out

    def entities(self, tokens: Sequence[TokenLike]) -> list[tuple[int, int, str]]:
        """Character spans ``(start, end, label)`` of the entities in one sentence.

        ``tokens`` are ``(text, start, end)`` triples or objects with ``text``,
        ``start`` and ``end`` (e.g. :class:`marsad.model.Token`); a span runs from
        its first token's start to its last token's end.
        """
        triples = [t if isinstance(t, tuple) else (t.text, t.start, t.end) for t in tokens]
        tags = self.tag([t[0] for t in triples])
        return [(triples[s][1], triples[e - 1][2], lab) for s, e, lab in bio_spans(tags)]


class _FormScores:
    """Emission scores of the CRF built from per-form and per-pair score caches.

    The features of token *i* (see :class:`~marsad.recognize.ner_features.FeatureExtractor`)
    are its form's own features, the context copies of the forms at ±1 and ±2, the bigrams
    of the pairs it is in, the gazetteer labels at *i* and ±1, and BOS/EOS. Each group is
    summed into a score vector once per form (rows of one matrix: own, given to the right
    neighbour, to the left one, to the second right, to the second left) or once per pair;
    a batch of sentences then costs one gather and four shifted additions.
    """

    # rows of a form's block: what it scores for itself and gives to tokens at +1, -1, +2, -2
    OWN, RIGHT1, LEFT1, RIGHT2, LEFT2 = range(5)

    def __init__(self, crf: CrfModel, features: FeatureExtractor, capacity: int = 60_000) -> None:
        self.crf = crf
        self.features = features
        self.capacity = capacity  # bounded memory: 60k forms x 5 x 17 labels x 8 bytes = 41 MB
        n = len(crf.labels)
        self.block = np.zeros((1024, 5, n))
        self.row: dict[str, int] = {}
        # forms (with a row) that may start a gazetteer name → their candidates; every form → its norm
        self.gaz_of: dict[str, tuple] = {}
        self.norm_of: dict[str, str] = {}
        # Pair (bigram) and gazetteer score vectors live as rows of one matrix, so that a batch adds
        # them all with one gather and one ``np.add.at`` instead of one small numpy call per token.
        self.vecs = np.zeros((1024, n))
        self.n_vecs = 0
        self.pairs: dict[tuple[str, str], int] = {}  # see _pair
        self.gaz: dict[tuple[str, ...], tuple[int, int, int]] = {}
        self.doc: dict[tuple[str, ...], int] = {}  # document-level feature set -> its vector row
        # the model's weight rows under attribute id + 1, row 0 zero (see FeatureExtractor.tag_word)
        self.weights = np.vstack([np.zeros((1, n)), crf.state])
        self.bos = crf.scores(("BOS", "-1:pad"))
        self.eos = crf.scores(("EOS", "1:pad"))

    def _form_row(self, token: str, pending: list[tuple[tuple[int, ...], ...]]) -> int:
        """Give a new form its block row; its score groups are queued in ``pending`` for
        :meth:`_score_rows` (all new forms of a batch are scored together)."""
        r = len(self.row)
        w = self.features.tag_word(token)
        pending.append(w.ids)
        self.row[token] = r
        self.norm_of[token] = w.norm
        if w.gaz:
            self.gaz_of[token] = w.gaz
        return r

    def _score_rows(self, first: int, pending: list[tuple[tuple[int, ...], ...]]) -> None:
        """Fill the block rows ``first …`` of the forms whose id groups are ``pending``.

        Each group's score vector is the sum of its attributes' weight rows, added one after
        another in the group's order: exactly :meth:`CrfModel.scores` (``state[rows].sum(axis=0)``
        adds the rows in order), so the emissions do not change by a bit. The groups of all new
        forms are summed together: step ``j`` adds the ``j``-th row of every group that long
        (groups sorted longest first, so those are a prefix), one numpy operation per step.
        """
        end = first + len(pending)
        if end > len(self.block):  # grows to the capacity (beyond it only for one huge batch)
            grown = np.zeros((max(min(2 * len(self.block), self.capacity), end), *self.block.shape[1:]))
            grown[: len(self.block)] = self.block
            self.block = grown
        groups = [g for ids in pending for g in ids]
        lens = np.fromiter(map(len, groups), np.intp, len(groups))
        order = np.argsort(-lens, kind="stable")
        srt = lens[order]
        longest = int(srt[0]) if len(srt) else 0
        if longest == 0:
            self.block[first:end] = 0.0
            return
        # (sorted group, position) -> attribute id + 1; 0 (a zero weight row) pads the short groups
        mat = np.zeros((len(groups), longest), dtype=np.intp)
        rank = np.empty(len(groups), dtype=np.intp)
        rank[order] = np.arange(len(groups))
        flat = np.fromiter(chain.from_iterable(groups), np.intp, int(lens.sum()))
        mat[np.repeat(rank, lens), np.arange(len(flat)) - np.repeat(np.cumsum(lens) - lens, lens)] = flat
        active = np.searchsorted(-srt, -np.arange(longest), side="left").tolist()  # groups longer than j
        weights = self.weights
        acc = weights[mat[:, 0]]
        for j in range(1, longest):
            a = active[j]
            acc[:a] += weights[mat[:a, j]]
        self.block[first:end] = acc[rank].reshape(len(pending), 5, -1)

    def _vec(self, v: np.ndarray) -> int:
        """Store one score vector as a row of :attr:`vecs`; returns its row."""
        r = self.n_vecs
        if r >= len(self.vecs):
            grown = np.zeros((2 * len(self.vecs), self.vecs.shape[1]))
            grown[:r] = self.vecs
            self.vecs = grown
        self.vecs[r] = v
        self.n_vecs = r + 1
        return r

    def _pair(self, left: str, right: str) -> int:
        """Bigram scores of a neighbouring pair: the row of what it gives to the left token (the next
        row: to the right one), or -1 when the model has no weight for either bigram."""
        tag_word = self.features.tag_word
        a, b = tag_word(left).bikey, tag_word(right).bikey
        index = self.crf.attributes
        to_left, to_right = index.get(f"0|+1={a}|{b}"), index.get(f"-1|0={a}|{b}")
        if to_left is None and to_right is None:
            return -1
        # one attribute's scores are its weight row (CrfModel.scores of one row), or zero
        state, zero = self.crf.state, self.weights[0]
        r = self._vec(zero if to_left is None else state[to_left])
        self._vec(zero if to_right is None else state[to_right])
        return r

    def _gaz(self, labels: tuple[str, ...]) -> tuple[int, int, int]:
        """Gazetteer-label score rows (consecutive): for the token itself, given to the right, to the left."""
        v = self.gaz.get(labels)
        if v is None:
            sc = self.crf.scores
            v = self.gaz[labels] = (self._vec(sc(["kb=" + y for y in labels])),
                                    self._vec(sc(["-1:kb=" + y for y in labels])),
                                    self._vec(sc(["1:kb=" + y for y in labels])))
        return v

    def emissions(self, sents: list[list[str]],
                  doc: list[list[tuple[str, ...]]] | None = None) -> list[np.ndarray]:
        """The ``(len, n_labels)`` emission scores of each (non-empty) sentence."""
        e, lengths = self.emissions_flat(sents, doc)
        return np.split(e, np.cumsum(lengths)[:-1])

    def emissions_flat(self, sents: list[list[str]],
                       doc: list[list[tuple[str, ...]]] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The emission scores of all tokens of the (non-empty) sentences, one after the other, and
        the sentence lengths. ``doc``: per sentence, per token, its document-level features
        (:meth:`FeatureExtractor.doc_features`); ``None`` computes them sentence by sentence."""
        if doc is None:
            doc = [self.features.doc_features([s])[0] for s in sents]
        row, pairs = self.row, self.pairs
        # the form rows first: a refill (cache full) must not happen half-way through a batch
        if len(row) + len(set(chain.from_iterable(sents)).difference(row)) >= self.capacity:
            row.clear()
            self.gaz_of.clear()
            self.norm_of.clear()
        if len(pairs) >= 4 * self.capacity:  # the vector rows go with the pairs and gazetteer keys
            pairs.clear()
            self.gaz.clear()
            self.doc.clear()
            self.n_vecs = 0
        ids: list[int] = []
        # Vector rows added to tokens besides their forms' blocks: each neighbouring pair's bigram
        # row (-1: none), in text order; the gazetteer matches (token index, first of its 3 rows); the
        # document features (token index, row). See the end for the order they are added in.
        pair_rows: list[int] = []
        gaz_pos: list[int] = []
        gaz_row: list[int] = []
        doc_pos: list[int] = []
        doc_row: list[int] = []
        gazetteer = self.features.gazetteer
        gaz_of, norm_of = self.gaz_of, self.norm_of
        gaz_starts = gaz_of.keys()
        row_get, pair_get = row.get, pairs.get
        form_row, pair_of = self._form_row, self._pair
        doc_rows = self.doc
        gaz_get = self.gaz.get  # the gazetteer-label rows already scored (self._gaz scores the others)
        base = 0
        first_new = len(row)
        pending: list[tuple[tuple[int, ...], ...]] = []
        for k, toks in enumerate(sents):
            rs = list(map(row_get, toks))
            if None in rs:
                for j, r in enumerate(rs):
                    if r is None:  # looked up again: the form may be new twice in one sentence
                        r = row_get(toks[j])
                        rs[j] = form_row(toks[j], pending) if r is None else r
            ids += rs
            ps = list(map(pair_get, zip(toks, islice(toks, 1, None), strict=False)))
            if None in ps:
                for j, p in enumerate(ps):
                    if p is None:
                        a, b = toks[j], toks[j + 1]
                        p = pair_get((a, b))
                        ps[j] = pairs[(a, b)] = pair_of(a, b) if p is None else p
            pair_rows += ps
            if gazetteer is not None and not gaz_starts.isdisjoint(toks):
                starts = list(compress(range(len(toks)), map(gaz_of.__contains__, toks)))
                for i, g in gazetteer.match_tokens(toks, starts, gaz_of, norm_of):
                    gaz_pos.append(base + i)
                    v = gaz_get(g)
                    gaz_row.append((v or self._gaz(g))[0])
            dk = doc[k]
            if any(dk):
                for i in compress(range(len(dk)), dk):  # the tokens that have document features
                    d = dk[i]
                    r = doc_rows.get(d)
                    if r is None:
                        r = doc_rows[d] = self._vec(self.crf.scores(d))
                    doc_pos.append(base + i)
                    doc_row.append(r)
            base += len(toks)
        if pending:
            self._score_rows(first_new, pending)
        f = self.block[np.asarray(ids, dtype=np.intp)]  # (tokens, 5, labels)
        lengths = np.fromiter(map(len, sents), np.intp, len(sents))
        ends = np.cumsum(lengths)
        starts = ends - lengths
        pos = np.arange(base) - np.repeat(starts, lengths)  # position inside the sentence
        left = np.repeat(lengths, lengths) - 1 - pos  # tokens to the sentence end
        e = f[:, self.OWN].copy()
        has1, has2 = np.flatnonzero(pos >= 1), np.flatnonzero(pos >= 2)
        e[has1] += f[has1 - 1, self.RIGHT1]
        e[has2] += f[has2 - 2, self.RIGHT2]
        nxt1, nxt2 = np.flatnonzero(left >= 1), np.flatnonzero(left >= 2)
        e[nxt1] += f[nxt1 + 1, self.LEFT1]
        e[nxt2] += f[nxt2 + 2, self.LEFT2]
        e[starts] += self.bos
        e[ends - 1] += self.eos
        # The other rows, in the order CRFsuite's feature list has them for each token (so each
        # emission is the same sum, added in the same order): the bigram with the previous token,
        # with the next one; the gazetteer label of the previous token, its own, the next token's;
        # its document features. Each step touches a token at most once, so ``+=`` on an index
        # array adds exactly one row per listed token.
        vecs = self.vecs
        if pair_rows:
            pr = np.asarray(pair_rows, dtype=np.intp)  # one per token that has a next token (nxt1)
            has = pr >= 0
            if has.any():
                at, pr = nxt1[has], pr[has]
                e[at + 1] += vecs[pr + 1]
                e[at] += vecs[pr]
        if gaz_pos:
            at, gr = np.asarray(gaz_pos, dtype=np.intp), np.asarray(gaz_row, dtype=np.intp)
            nx = left[at] >= 1
            e[at[nx] + 1] += vecs[gr[nx] + 1]
            e[at] += vecs[gr]
            pv = pos[at] >= 1
            e[at[pv] - 1] += vecs[gr[pv] + 2]
        if doc_pos:
            e[np.asarray(doc_pos, dtype=np.intp)] += vecs[np.asarray(doc_row, dtype=np.intp)]
        return e, lengths


@lru_cache(maxsize=1)
def load_ner() -> NerTagger:
    """The shipped tagger, loaded once per process."""
    return NerTagger(MODEL_PATH)


def entities(tokens: Sequence[TokenLike]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, label)`` for one sentence, with the shipped model.

    Call once per sentence: the CRF uses the neighbouring tokens, and sentence
    boundaries are what it was trained on.
    """
    return load_ner().entities(tokens)


def _first_column(line: str) -> str:
    if "\t" in line:
        tok = line.split("\t", 1)[0].strip()
        if tok:
            return tok
    return line.split()[0]


def ner_conll_lines(lines: Iterable[str], tagger: NerTagger | None = None) -> Iterator[str]:
    """The ``marsad ner --conll FILE`` contract, streaming.

    Reads one token per line (first column; tab- or space-separated; other
    columns ignored); a blank line is a sentence break. Yields ``token\\ttag``
    strings *without* a trailing newline, and an empty string for every blank
    input line, so the output has exactly the input's line structure.
    """
    tagger = tagger or load_ner()
    # Sentences are tagged in windows of DOC_WINDOW (see NerTagger.tag_sentences); the
    # blank-line structure of the input is kept, so a window is flushed with its breaks.
    window: list[list[str]] = []
    blanks: list[int] = []  # blank lines after each sentence of the window

    def flush() -> Iterator[str]:
        for sent, tags, n_blank in zip(window, tagger.tag_sentences(window), blanks, strict=True):
            yield from (f"{t}\t{g}" for t, g in zip(sent, tags, strict=True))
            yield from [""] * n_blank
        window.clear()
        blanks.clear()

    sent: list[str] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if line.strip():
            sent.append(_first_column(line))
            continue
        if sent:
            window.append(sent)
            blanks.append(0)
            sent = []
        if blanks:
            blanks[-1] += 1
        else:  # nothing pending (start of input, or just flushed): pass the blank through
            yield ""
        if len(window) >= DOC_WINDOW:
            yield from flush()
    if sent:
        window.append(sent)
        blanks.append(0)
    yield from flush()


def score_spans(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]],
                labels: Sequence[str] = LABELS) -> dict[str, dict[str, float]]:
    """Entity-level exact-match precision / recall / F1 (conlleval style).

    Returns one entry per label plus ``micro`` (all labels) and ``core`` (micro
    over PERS / LOC / ORG, the labels the event pipeline uses).
    """
    counts = {lab: [0, 0, 0] for lab in labels}  # correct, gold, predicted
    for g_tags, p_tags in zip(gold, pred, strict=True):
        g, p = set(bio_spans(g_tags)), set(bio_spans(p_tags))
        for s in g:
            if s[2] in counts:
                counts[s[2]][1] += 1
        for s in p:
            if s[2] in counts:
                counts[s[2]][2] += 1
                counts[s[2]][0] += s in g

    def prf(c: int, n_gold: int, n_pred: int) -> dict[str, float]:
        p = c / n_pred if n_pred else 0.0
        r = c / n_gold if n_gold else 0.0
        return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                "correct": c, "gold": n_gold, "pred": n_pred}

    out = {lab: prf(*counts[lab]) for lab in labels}
    for name, subset in (("micro", labels), ("core", [x for x in labels if x != "MISC"])):
        out[name] = prf(*(sum(counts[lab][k] for lab in subset) for k in range(3)))
    return out
