"""Ingest ahead: the helper that ingests the first inputs while a pool's parent loads the knowledge."""

from __future__ import annotations

import io
import os
import signal
import time
from pathlib import Path

from marsad import runner
from marsad.ingest import iter_inputs, load_document
from marsad.scale.ahead import IngestAhead, Ingested
from marsad.scale.work import analyse_many

from .conftest import read_outputs


def _items(demo_dir: Path) -> list:
    return list(runner._unique_ids(iter_inputs([str(demo_dir)])))


def test_merged_items_carry_the_documents_ingest_gives(demo_dir):
    items = _items(demo_dir)
    helper = IngestAhead.start(iter(items))
    assert helper is not None
    time.sleep(0.5)  # the helper works while this process would be loading the knowledge
    merged = list(helper.merge(iter(items)))
    assert [doc_id for _, doc_id in merged] == [doc_id for _, doc_id in items]
    ingested = [(x, doc_id) for x, doc_id in merged if isinstance(x, Ingested)]
    assert ingested, "the helper ingested nothing"
    for x, doc_id in ingested:
        raw = next(r for r, d in items if d == doc_id)
        again = load_document(raw, doc_id)
        assert x.doc.record() == again.record() and x.doc.text == again.text and x.source == raw.source


def test_workers_analyse_an_ingested_document_as_its_raw_input(demo_dir):
    from marsad.pipeline import Knowledge
    raw, doc_id = _items(demo_dir)[0]
    kb = Knowledge()
    (plain, _), = analyse_many([(raw, doc_id)], kb)
    (ahead, _), = analyse_many([(Ingested(load_document(raw, doc_id)), doc_id)], kb)
    assert ahead.record() == plain.record() and ahead.events == plain.events


def test_a_helper_that_died_leaves_the_raw_inputs(demo_dir):
    items = _items(demo_dir)
    helper = IngestAhead.start(iter(items))
    assert helper is not None
    os.kill(helper.proc.pid, signal.SIGKILL)
    helper.proc.join()
    assert list(helper.merge(iter(items))) == items


def test_a_document_of_another_input_is_not_used(demo_dir):
    items = _items(demo_dir)
    helper = IngestAhead.start(iter(items[1:]))  # out of step with the inputs merged below
    assert helper is not None
    time.sleep(0.3)
    merged = list(helper.merge(iter(items)))
    assert not any(isinstance(x, Ingested) for x, _ in merged)


def test_run_uses_it_for_files_and_never_for_stdin(demo_dir, tmp_path, clean_run, monkeypatch):
    started: list[bool] = []
    start = IngestAhead.start

    def recording(items, limit=2048):  # type: ignore[no-untyped-def]
        started.append(True)
        return start(items, limit)

    monkeypatch.setattr(IngestAhead, "start", staticmethod(recording))
    runner.run([str(demo_dir)], tmp_path / "files", quiet=True, workers=2)
    assert started == [True]
    assert read_outputs(tmp_path / "files") == clean_run
    started.clear()
    text = "قال الرئيس إن الحكومة ستعقد اجتماعاً في دمشق يوم الأحد.\n"
    summary = runner.run(["-"], tmp_path / "stdin", quiet=True, workers=2, stdin=io.StringIO(text))
    assert started == [] and summary.documents == 1


def test_no_helper_on_a_single_core(demo_dir, monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert IngestAhead.start(iter(_items(demo_dir))) is None
