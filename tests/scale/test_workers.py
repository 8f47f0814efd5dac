"""--workers N gives the same output as one worker, and a SIGKILLed worker loses no document."""

from __future__ import annotations

from collections import Counter

from marsad.runner import run
from marsad.scale import faults

from .conftest import jsonl, read_outputs

KILLED_DOC = "07_idlib_ceasefire_moscow"  # a demo article in the middle of the run


def test_two_workers_identical_to_one(demo_dir, tmp_path, clean_run):
    summary = run([str(demo_dir)], tmp_path, quiet=True, workers=2)
    assert summary.skipped == 0
    assert read_outputs(tmp_path) == clean_run


def test_killed_worker_loses_nothing(demo_dir, tmp_path, clean_run, monkeypatch):
    marker = tmp_path / "killed-once"
    monkeypatch.setenv(faults.KILL_ON, KILLED_DOC)
    monkeypatch.setenv(faults.MARKER, str(marker))
    out = tmp_path / "out"
    run([str(demo_dir)], out, quiet=True, workers=2)
    assert marker.exists(), "the test hook did not kill a worker"
    outputs = read_outputs(out)
    ids = Counter(d["doc_id"] for d in jsonl(outputs["documents"]))
    assert KILLED_DOC in ids
    assert all(n == 1 for n in ids.values()), ids
    assert outputs == clean_run


def test_document_that_always_kills_its_worker_is_rejected_alone(demo_dir, tmp_path, clean_run, monkeypatch):
    monkeypatch.setenv(faults.KILL_ON, KILLED_DOC)  # no marker: it dies every time
    summary = run([str(demo_dir)], tmp_path, quiet=True, workers=2)
    docs = {d["doc_id"]: d for d in jsonl(read_outputs(tmp_path)["documents"])}
    expected = {d["doc_id"]: d for d in jsonl(clean_run["documents"])}
    assert docs.keys() == expected.keys()
    assert docs[KILLED_DOC]["status"] == "rejected" and "worker process died" in docs[KILLED_DOC]["error"]
    assert summary.rejected == 1 + sum(d["status"] == "rejected" for d in expected.values())
    for doc_id, rec in expected.items():
        if doc_id != KILLED_DOC:
            assert docs[doc_id]["status"] == rec["status"] and docs[doc_id]["n_events"] == rec["n_events"]
    events = [e for e in jsonl(clean_run["events"]) if e["doc_id"] != KILLED_DOC]
    assert [e["event_id"] for e in jsonl(read_outputs(tmp_path)["events"])] == [e["event_id"] for e in events]
