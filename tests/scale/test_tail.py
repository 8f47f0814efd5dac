"""The end of a run with workers: the store batch written early while the last documents are analysed,
the store closed while the files are annotated, the annotation's fast path. All must leave exactly
what the plain code leaves."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad import runner
from marsad.runner import _annotate, _Tracked
from marsad.store import Store

from .conftest import read_outputs


def _table(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_tracked_iterator_counts_and_says_when_it_is_exhausted() -> None:
    items = _Tracked(iter([1, 2]))
    assert list(items) == [1, 2] and items.exhausted and items.taken == 2
    fresh = _Tracked(iter([1, 2]))
    next(fresh)
    assert not fresh.exhausted and fresh.taken == 1


def test_tail_batch_leaves_the_same_store_and_files(demo_dir, tmp_path, clean_run, monkeypatch):
    sizes: list[int] = []
    write_rows = Store.write_rows

    def recording(self: Store, rows) -> None:  # type: ignore[no-untyped-def]
        if len(rows):
            sizes.append(len(rows))
        write_rows(self, rows)

    monkeypatch.setattr(Store, "write_rows", recording)
    monkeypatch.setattr(runner, "TAIL", 3)
    summary = runner.run([str(demo_dir)], tmp_path / "two", quiet=True, workers=2)
    # the demo corpus fits in the pool's window, so every input is taken at once: the batch is written
    # when three documents are still in flight, and they make the last batch
    assert sizes == [summary.documents - 3, 3]
    assert read_outputs(tmp_path / "two") == clean_run
    monkeypatch.setattr(Store, "write_rows", write_rows)
    runner.run([str(demo_dir)], tmp_path / "one", quiet=True, workers=1)
    for sql in ("SELECT doc_id, content_sha256, duplicate_of, similarity, n_events FROM documents ORDER BY ALL",
                "SELECT event_id, cluster_id, record FROM events ORDER BY ALL",
                "SELECT * FROM mentions ORDER BY ALL", "SELECT * FROM clusters ORDER BY ALL"):
        assert _table(tmp_path / "two" / "marsad.duckdb", sql) == _table(tmp_path / "one" / "marsad.duckdb", sql)


# Keys and values chosen to reach every branch of the fast path: the key nested or not, escapes in the
# value, a key whose own text ends with the key's name («x"event_id»), brackets inside strings.
_KEY = st.sampled_from(["event_id", 'x"event_id', "event_id\\", "text", "cluster_id", "similarity"])
_TEXT = st.text(alphabet='ab"\\{}[]: ,\u0631\u0648', max_size=8)
_VALUE = st.recursive(st.none() | st.booleans() | st.integers(-2, 2) | _TEXT,
                      lambda inner: st.lists(inner, max_size=2) | st.dictionaries(_KEY, inner, max_size=2),
                      max_leaves=6)
_RECORD = st.dictionaries(_KEY, _VALUE, max_size=4).flatmap(
    lambda rec: st.one_of(st.just(rec), _TEXT.map(lambda v: {**rec, "event_id": v})))
_UPDATE = st.dictionaries(st.sampled_from(["cluster_id", "similarity"]),
                          st.none() | st.booleans() | st.integers(0, 1) | st.floats(0, 1) | _TEXT, min_size=1)


@settings(max_examples=300, deadline=None)
@given(st.lists(_RECORD, max_size=6), st.lists(_UPDATE, min_size=1, max_size=6), st.data())
def test_annotate_equals_decoding_every_line(tmp_path_factory, records, updates, data) -> None:
    ids = [r["event_id"] for r in records if isinstance(r.get("event_id"), str)]
    keys = data.draw(st.lists(st.sampled_from(ids), max_size=len(ids))) if ids else []
    plan = {k: updates[i % len(updates)] for i, k in enumerate(keys)}
    path = tmp_path_factory.mktemp("annotate") / "events.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records]
    path.write_text("".join(lines), encoding="utf-8")
    _annotate(path, "event_id", plan)
    expected = []
    for r, line in zip(records, lines, strict=True):
        upd = plan.get(r["event_id"]) if isinstance(r.get("event_id"), str) else None
        expected.append(json.dumps({**r, **upd}, ensure_ascii=False) + "\n" if upd else line)
    assert path.read_text(encoding="utf-8") == "".join(expected)


def test_annotate_writes_equal_numbers_of_other_types_as_json_does(tmp_path) -> None:
    # 1, 1.0 and True are equal keys of a dict, but json writes them as 1, 1.0 and true
    path = tmp_path / "documents.jsonl"
    recs = [{"doc_id": f"d{i}", "title": "بيان"} for i in range(3)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    _annotate(path, "doc_id", {"d0": {"similarity": 1}, "d1": {"similarity": 1.0}, "d2": {"similarity": True}})
    assert [line.rsplit(": ", 1)[1] for line in path.read_text(encoding="utf-8").splitlines()] == ["1}", "1.0}", "true}"]


def test_store_is_closed_when_run_returns_and_a_close_error_is_raised(demo_dir, tmp_path, monkeypatch):
    closed: list[bool] = []
    close = Store.close

    def recording_close(self: Store) -> None:
        close(self)
        closed.append(True)

    monkeypatch.setattr(Store, "close", recording_close)
    summary = runner.run([str(demo_dir)], tmp_path / "ok", quiet=True)
    assert closed == [True] and "close" in summary.phases
    # the file is complete and can be opened by another connection right away
    assert _table(tmp_path / "ok" / "marsad.duckdb", "SELECT count(*) FROM documents")[0][0] == summary.documents

    def failing_close(self: Store) -> None:
        close(self)
        raise OSError("disk full")

    monkeypatch.setattr(Store, "close", failing_close)
    with pytest.raises(OSError, match="disk full"):
        runner.run([str(demo_dir)], tmp_path / "fail", quiet=True)
