"""Resumable runs: documents already in the store are restored, not re-analysed; nothing lost or doubled."""

from __future__ import annotations

from collections import Counter

import pytest

import marsad.runner as runner
from marsad.runner import run
from marsad.store import Store

from .conftest import jsonl, read_outputs

# Inputs are analysed in groups of runner.CHUNK: stop in the middle of the second group, so that the
# first group has been analysed (and must be committed) and the second one has not.
STOP_AFTER = runner.CHUNK + 3


def _interrupting(real, after: int):
    def iter_inputs(*args, **kwargs):
        for i, raw in enumerate(real(*args, **kwargs)):
            if i == after:
                raise KeyboardInterrupt  # what Ctrl-C does in the middle of listing inputs
            yield raw
    return iter_inputs


def _store_ids(db) -> tuple[Counter, Counter]:
    with Store.open(db, read_only=True) as store:
        docs = Counter(r[0] for r in store.con.execute("SELECT doc_id FROM documents").fetchall())
        events = Counter(r[0] for r in store.con.execute("SELECT event_id FROM events").fetchall())
    return docs, events


def test_interrupted_run_resumes_without_duplicates_or_losses(demo_dir, tmp_path, clean_run, monkeypatch):
    out = tmp_path / "out"
    with monkeypatch.context() as m:
        m.setattr(runner, "iter_inputs", _interrupting(runner.iter_inputs, STOP_AFTER))
        with pytest.raises(KeyboardInterrupt):
            run([str(demo_dir)], out, quiet=True)
    docs, _ = _store_ids(out / "marsad.duckdb")
    assert 0 < sum(docs.values()) <= STOP_AFTER  # what was analysed before the interrupt was committed

    summary = run([str(demo_dir)], out, quiet=True)
    assert summary.skipped > 0  # the committed documents were restored, not analysed again
    assert read_outputs(out) == clean_run
    docs, events = _store_ids(out / "marsad.duckdb")
    expected = jsonl(clean_run["documents"])
    assert set(docs) <= {d["doc_id"] for d in expected} and all(n == 1 for n in docs.values())
    assert sorted(events) == sorted(e["event_id"] for e in jsonl(clean_run["events"]))
    assert all(n == 1 for n in events.values())


def test_rerun_restores_everything_from_the_store(demo_dir, tmp_path, clean_run):
    first = run([str(demo_dir)], tmp_path, quiet=True)
    again = run([str(demo_dir)], tmp_path, quiet=True)
    assert first.skipped == 0
    assert again.skipped == again.processed  # every accepted document came from the store
    assert (again.events, again.mentions, again.sentences) == (first.events, first.mentions, first.sentences)
    assert read_outputs(tmp_path) == clean_run


def test_changed_metadata_is_analysed_again(tmp_path, article_text):
    import json
    inp = tmp_path / "in.jsonl"
    out = tmp_path / "out"
    rec = {"id": "a1", "text": article_text, "published": "2017-09-12"}
    inp.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run([str(inp)], out, quiet=True).skipped == 0
    assert run([str(inp)], out, quiet=True).skipped == 1
    rec["published"] = "2018-01-05"  # another reference date changes the resolved event dates
    inp.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run([str(inp)], out, quiet=True).skipped == 0
    assert run([str(inp)], out, quiet=True, resume=False).skipped == 0
