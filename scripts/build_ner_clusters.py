#!/usr/bin/env python
"""Build the distributional word clusters the NER features use (``ner.clusters.tsv``).

Unsupervised, from the *raw text* (labels ignored) of the development data in
``../shared/data`` — never needed at run time:

* ANERcorp train part **minus the dev blocks** of ``train_ner.split_anercorp``;
* AQMAR articles **minus** ``train_ner.AQMAR_HELDOUT``;
* Wojood sample ``train.txt`` + ``val.txt`` (``test.txt`` is held out);
* the sentences of the Arabic PLOVER gold standard (``events/gsr_dev``, newswire);
* the IDRISI tweets (``geo/idrisi``; URLs, user names and hashtag marks dropped).

The evaluation texts stay out, so the dev/held-out scores are not helped by having
seen their words' contexts.

Method (written for the project; no third-party clustering code): every normalised
word form seen ≥ ``--min-count`` times gets a context vector of counts of the words
at offsets −2, −1, +1, +2 (the ``--contexts`` most frequent forms, one block per
offset), weighted by positive PMI; a truncated SVD (``--dim`` dimensions) turns it
into a dense vector, and spherical k-means (k-means++ seeding, fixed seed) groups
the unit vectors at several granularities (``--ks``). Each word gets one cluster id
per granularity, so the CRF can use coarse classes for rare words and finer ones
where the data allows. Words in one cluster appear in similar contexts: given names
after «الرئيس», cities after «في مدينة», months, verbs of saying…

Usage::

    python scripts/build_ner_clusters.py                  # writes models/ner.clusters.tsv
    python scripts/build_ner_clusters.py --out /tmp/c.tsv --ks 64,256,1024
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_ner  # noqa: E402

from marsad.recognize.ner_features import CLUSTERS_SUFFIX, normalize  # noqa: E402

SHARED = train_ner.DATA.parent
OUT = train_ner.MODEL_OUT.with_suffix(CLUSTERS_SUFFIX)

# Tweets: drop links, user names and the «#»/«_» of hashtags (the words stay).
_TWEET_NOISE = re.compile(r"https?://\S+|@\w+|\bRT\b")
# ANERcorp-like tokens: runs of word characters, or single other characters.
_TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s]")


def tokenize(text: str) -> list[str]:
    """Whitespace/punctuation tokens, clitics attached (as in the NER corpora)."""
    return _TOKEN_RE.findall(normalize(text))


def raw_sentences(split: str = "dev") -> Iterator[tuple[str, list[str]]]:
    """(source, normalised tokens) of every text used; see the module docstring."""
    train, _dev = train_ner.split_anercorp(train_ner.load_anercorp(), split)
    for toks, _ in train:
        yield "anercorp", [normalize(t) for t in toks]
    for toks, _ in train_ner.load_aqmar(heldout=False):
        yield "aqmar", [normalize(t) for t in toks]
    for toks, _ in train_ner.load_wojood():
        yield "wojood", [normalize(t) for t in toks]
    gsr = SHARED / "events" / "gsr_dev"
    texts: dict[str, None] = {}
    for path in sorted(gsr.glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                texts[row["text"]] = None
    for path in sorted(gsr.glob("*.json")):
        for row in json.loads(path.read_text("utf-8")):
            texts[row["text"]] = None
    for text in texts:
        yield "gsr", tokenize(text)
    tweets: dict[str, None] = {}
    for path in sorted((SHARED / "geo" / "idrisi").rglob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                tweets[json.loads(line)["text"]] = None
    for text in tweets:
        yield "idrisi", tokenize(_TWEET_NOISE.sub(" ", text).replace("#", " ").replace("_", " "))


def context_vectors(sents: list[list[str]], min_count: int, n_contexts: int,
                    dim: int) -> tuple[list[str], np.ndarray]:
    """Vocabulary and its unit-length SVD vectors of PPMI-weighted ±2 context counts."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    freq = Counter(t for s in sents for t in s)
    vocab = sorted((w for w, c in freq.items() if c >= min_count), key=lambda w: (-freq[w], w))
    vidx = {w: i for i, w in enumerate(vocab)}
    ctx = [w for w, _ in freq.most_common(n_contexts)]
    cidx = {w: i for i, w in enumerate(ctx)}
    rows, cols = [], []
    for s in sents:
        padded = ["<s>", "<s>", *s, "</s>", "</s>"]
        for i in range(2, len(padded) - 2):
            r = vidx.get(padded[i])
            if r is None:
                continue
            for block, off in enumerate((-2, -1, 1, 2)):
                c = cidx.get(padded[i + off])
                if c is None:  # rare neighbour or sentence edge: one "other" column per offset
                    c = n_contexts
                rows.append(r)
                cols.append(block * (n_contexts + 1) + c)
    m = coo_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)),
                   shape=(len(vocab), 4 * (n_contexts + 1))).tocsr()
    m.sum_duplicates()
    # positive PMI with context-distribution smoothing (counts^0.75, Levy et al. 2015)
    total = m.sum()
    row_p = np.asarray(m.sum(axis=1)).ravel() / total
    col_c = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_p = col_c / col_c.sum()
    coo = m.tocoo()
    pmi = np.log(coo.data / total / (row_p[coo.row] * col_p[coo.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape).tocsr()
    u, s, _ = svds(ppmi, k=dim, random_state=0)  # type: ignore[call-arg]
    vec = u * np.sqrt(s)
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    return vocab, vec


def spherical_kmeans(vec: np.ndarray, k: int, seed: int = 13, iters: int = 25) -> np.ndarray:
    """Cluster ids of unit vectors (cosine k-means, k-means++ seeding)."""
    rng = np.random.default_rng(seed)
    n = len(vec)
    centres = np.empty((k, vec.shape[1]))
    centres[0] = vec[rng.integers(n)]
    dist = 1 - vec @ centres[0]
    for j in range(1, k):  # k-means++: far points are likelier seeds
        p = np.maximum(dist, 0) ** 2
        centres[j] = vec[rng.choice(n, p=p / p.sum())]
        dist = np.minimum(dist, 1 - vec @ centres[j])
    assign = np.zeros(n, dtype=np.int64)
    for _ in range(iters):
        new = np.argmax(vec @ centres.T, axis=1)
        if _ and np.array_equal(new, assign):
            break
        assign = new
        for j in range(k):
            members = vec[assign == j]
            if len(members):
                c = members.sum(axis=0)
                centres[j] = c / max(np.linalg.norm(c), 1e-9)
    return assign


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-count", type=int, default=2, help="cluster forms seen at least this often")
    ap.add_argument("--contexts", type=int, default=2000, help="context words per offset")
    ap.add_argument("--dim", type=int, default=100, help="SVD dimensions")
    ap.add_argument("--ks", default="64,256,1024", help="cluster counts, coarse to fine")
    ap.add_argument("--split", choices=train_ner.SPLITS, default="dev",
                    help="ANERcorp blocks left out (as train_ner.py --split; experiments only)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if not train_ner.DATA.is_dir():
        sys.exit(f"training data not found at {train_ner.DATA}")
    t0 = time.time()
    sents: list[list[str]] = []
    per_source: Counter[str] = Counter()
    for source, toks in raw_sentences(args.split):
        if toks:
            sents.append(toks)
            per_source[source] += len(toks)
    vocab, vec = context_vectors(sents, args.min_count, args.contexts, args.dim)
    ks = [int(k) for k in args.ks.split(",")]
    ids = [spherical_kmeans(vec, k) for k in ks]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write("# distributional word clusters, written by scripts/build_ner_clusters.py from the raw text\n"
                 f"# of {', '.join(f'{s} ({n} tokens)' for s, n in per_source.items())}; "
                 f"min_count={args.min_count} contexts={args.contexts} dim={args.dim} ks={args.ks}\n"
                 "# normalised form<TAB>cluster ids, coarse to fine, '-'-separated\n")
        for i, w in enumerate(vocab):
            fh.write(f"{w}\t{'-'.join(str(c[i]) for c in ids)}\n")
    print(f"{len(vocab)} forms from {sum(per_source.values())} tokens ({dict(per_source)}), "
          f"ks={ks}: {args.out} ({args.out.stat().st_size / 1e3:.0f} KB) in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
