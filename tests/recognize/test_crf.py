"""The numpy CRF decoder gives CRFsuite's own answer (weights read from the binary model file)."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from marsad.demo import corpus_path
from marsad.recognize.crf import read_crfsuite, viterbi
from marsad.recognize.ner import load_ner


def _toy_model(tmp_path: Path) -> tuple[Path, list[list[dict[str, float]]]]:
    """A small CRFsuite model trained here on random sequences over a few attributes."""
    rng = random.Random(7)
    labels = ["O", "B-X", "I-X", "B-Y"]
    trainer = pycrfsuite.Trainer(verbose=False)
    seqs = []
    for _ in range(60):
        n = rng.randint(1, 9)
        xseq = [{f"a{rng.randint(0, 11)}": 1.0, f"b{rng.randint(0, 5)}": 1.0, "bias": 1.0} for _ in range(n)]
        trainer.append(xseq, [rng.choice(labels) for _ in range(n)])
        seqs.append(xseq)
    trainer.set_params({"c2": 0.01, "max_iterations": 50})
    path = tmp_path / "toy.crfsuite"
    trainer.train(str(path))
    return path, seqs


def test_weights_and_decoding_match_crfsuite(tmp_path: Path) -> None:
    path, seqs = _toy_model(tmp_path)
    model = read_crfsuite(path)
    ref = pycrfsuite.Tagger()
    ref.open(str(path))
    info = ref.info()
    assert set(model.labels) == set(ref.labels())
    for (attr, label), w in info.state_features.items():  # the dump prints 6 decimals
        assert model.state[model.attributes[attr], model.labels.index(label)] == pytest.approx(w, abs=1e-6)
    for (a, b), w in info.transitions.items():
        assert model.transition[model.labels.index(a), model.labels.index(b)] == pytest.approx(w, abs=1e-6)
    emissions = [np.stack([model.scores(list(x)) for x in xseq]) for xseq in seqs]
    paths = viterbi(emissions, model.transition)
    for xseq, path_ in zip(seqs, paths, strict=True):
        assert [model.labels[i] for i in path_] == ref.tag(xseq)


def test_viterbi_batch_equals_one_by_one() -> None:
    rng = np.random.default_rng(3)
    trans = rng.normal(size=(5, 5))
    ems = [rng.normal(size=(n, 5)) for n in (1, 7, 3, 12, 1, 5)]
    together = viterbi(ems, trans)
    for e, p in zip(ems, together, strict=True):
        assert p.tolist() == viterbi([e], trans)[0].tolist()
        # brute force on the short ones
        if len(e) <= 3:
            best = max(np.ndindex(*(5,) * len(e)),
                       key=lambda ys: sum(e[i, y] for i, y in enumerate(ys)) + sum(
                           trans[ys[i - 1], ys[i]] for i in range(1, len(ys))))
            assert tuple(p.tolist()) == best
    assert viterbi([], trans) == []


def test_not_a_model_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "x.crfsuite"
    bad.write_bytes(b"not a model at all, just bytes" * 3)
    with pytest.raises(ValueError, match="CRFsuite"):
        read_crfsuite(bad)


def test_shipped_tagger_equals_crfsuite_on_the_demo_corpus() -> None:
    """Every sentence of the demo corpus: the fast batched tags are CRFsuite's tags."""
    from marsad.ingest import iter_inputs
    from marsad.pipeline import load_document, text_stage

    tagger = load_ner()
    sentences: list[list[str]] = []
    for i, raw in enumerate(iter_inputs([str(corpus_path())])):
        doc = load_document(raw, f"d{i}")
        if doc.status != "ok":
            continue
        text_stage(doc, None)  # type: ignore[arg-type] - the text stage needs no knowledge
        for s in doc.sentences:
            toks = [t.text for t in doc.tokens if s.start <= t.start < s.end]
            if toks:
                sentences.append(toks)
    assert len(sentences) > 100
    fast = tagger.tag_batch(sentences)
    assert fast == [tagger.reference_tag(s) for s in sentences]
    assert any(t != "O" for tags in fast for t in tags)
    # clitic forms, Persian letters and a one-token sentence decode the same way too
    extra = [["وبوتين", "التقى", "ظريف", "بدمشق", "."], ["ولایتي", "یزور", "موسكو"], ["شويغو"]]
    assert tagger.tag_batch(extra) == [tagger.reference_tag(s) for s in extra]
    assert tagger.tag_batch([[], ["روسيا"], []])[0] == []
