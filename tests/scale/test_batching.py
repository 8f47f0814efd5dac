"""Documents analysed in groups (one NER batch for the group) give exactly what one at a time gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import pipeline
from marsad.ingest import iter_inputs, load_document
from marsad.pipeline import Knowledge, process_document, process_documents
from marsad.scale.work import encode_lines


def _docs(demo_dir: Path, n: int = 10) -> list:
    return [load_document(raw, f"d{k}") for k, raw in enumerate(iter_inputs([str(demo_dir)])) if k < n]


def _encoded(docs: list) -> list:
    return [(encode_lines(d), [(t.start, t.end, t.stem) for t in d.tokens]) for d in docs]


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return Knowledge().warm()


def test_a_group_is_analysed_as_its_documents_one_by_one(demo_dir, kb):
    alone = [process_document(d, kb) for d in _docs(demo_dir)]
    together = process_documents(_docs(demo_dir), kb)
    assert sum(d.status == "ok" for d in alone) >= 5 and any(d.events for d in alone)
    assert _encoded(together) == _encoded(alone)


def test_a_failed_batch_falls_back_to_each_document(demo_dir, kb, monkeypatch):
    alone = [process_document(d, kb) for d in _docs(demo_dir, 4)]

    def broken(docs, kb):
        raise RuntimeError("batch NER unavailable")

    monkeypatch.setattr(pipeline, "prepare_recognize", broken)
    assert _encoded(process_documents(_docs(demo_dir, 4), kb)) == _encoded(alone)


def test_a_failing_stage_rejects_only_its_own_document(demo_dir, kb, monkeypatch):
    docs = _docs(demo_dir, 3)
    victim = docs[1].doc_id
    real = dict(pipeline.STAGES)["time"]

    def time_stage(doc, kb):
        if doc.doc_id == victim:
            raise ValueError("broken calendar")
        real(doc, kb)

    monkeypatch.setattr(pipeline, "STAGES", [(n, time_stage if n == "time" else f) for n, f in pipeline.STAGES])
    out = process_documents(docs, kb)
    assert [d.status for d in out] == ["ok", "rejected", "ok"]
    assert out[1].failed_stage == "time" and "broken calendar" in out[1].error
    assert out[0].events or out[2].events
