"""--engine dask: the same events as the single-process run, via Parquet partitions."""

from __future__ import annotations

import os

import pytest

from marsad.runner import run

from .conftest import jsonl, read_outputs

pytest.importorskip("distributed")
SLOW = pytest.mark.skipif(not os.environ.get("MARSAD_SLOW_TESTS"),
                          reason="restarts Dask workers several times; set MARSAD_SLOW_TESTS=1")


def test_dask_engine_identical_to_local(demo_dir, tmp_path, clean_run):
    summary = run([str(demo_dir)], tmp_path, quiet=True, engine="dask", workers=2)
    assert read_outputs(tmp_path) == clean_run
    parts = sorted((tmp_path / "parquet" / "documents").glob("part-*.parquet"))
    assert len(parts) >= 2  # several batches, each its own partition
    import duckdb
    n = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [[str(p) for p in parts]]).fetchone()[0]
    assert n == len(jsonl(clean_run["documents"])) == summary.documents


def test_unknown_engine_is_refused(demo_dir, tmp_path):
    with pytest.raises(ValueError, match="unknown engine"):
        run([str(demo_dir)], tmp_path, quiet=True, engine="spark")


def test_dask_worker_killed_once_loses_nothing(demo_dir, tmp_path, clean_run, monkeypatch):
    from marsad.scale import faults
    marker = tmp_path / "killed-once"
    monkeypatch.setenv(faults.KILL_ON, "07_idlib_ceasefire_moscow")
    monkeypatch.setenv(faults.MARKER, str(marker))
    run([str(demo_dir)], tmp_path / "out", quiet=True, engine="dask", workers=2)
    assert marker.exists(), "the test hook did not kill a worker"
    assert read_outputs(tmp_path / "out") == clean_run


@SLOW
def test_dask_poison_document_is_rejected_alone(demo_dir, tmp_path, clean_run, monkeypatch):
    import dask

    from marsad.scale import faults
    poison = "07_idlib_ceasefire_moscow"
    monkeypatch.setenv(faults.KILL_ON, poison)  # kills every worker that touches it
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        run([str(demo_dir)], tmp_path, quiet=True, engine="dask", workers=2)
    docs = {d["doc_id"]: d for d in jsonl(read_outputs(tmp_path)["documents"])}
    assert docs.keys() == {d["doc_id"] for d in jsonl(clean_run["documents"])}
    assert docs[poison]["status"] == "rejected" and "worker process died" in docs[poison]["error"]
    expected = [e for e in jsonl(clean_run["events"]) if e["doc_id"] != poison]
    assert [e["event_id"] for e in jsonl(read_outputs(tmp_path)["events"])] == [e["event_id"] for e in expected]
