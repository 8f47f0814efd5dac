"""Fields filled after the run (cluster ids, duplicates) are written exactly as json.dumps would."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from marsad.runner import _annotate, _patched

_KEYS = st.sampled_from(["cluster_id", "similarity", "doc_id", "text", "x"])
_LEAF = st.none() | st.integers() | st.text(alphabet='"\\:{}[], cluster_idnul\u0631\u0648\u0633\u064a\u0627')
_JSON = st.recursive(_LEAF, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
                     max_leaves=8)


@given(st.dictionaries(_KEYS, _JSON, max_size=5), st.dictionaries(st.sampled_from(["cluster_id", "similarity"]),
                                                                   st.text(max_size=5) | st.floats(0, 1), min_size=1))
def test_patched_line_equals_reencoded_record(rec: dict, upd: dict) -> None:
    line = json.dumps(rec, ensure_ascii=False) + "\n"
    assert _patched(line, upd) == json.dumps({**rec, **upd}, ensure_ascii=False) + "\n"


def test_annotate_updates_only_the_named_records(tmp_path: Path) -> None:
    recs = [{"schema": "marsad.event/1", "event_id": "d1:e1", "text": 'قال "cluster_id": null'},
            {"schema": "marsad.event/1", "event_id": "d1:e2", "actor": [{"cluster_id": None}]},
            {"x": {"event_id": "d9:e9"}, "event_id": "d2:e1"},
            {"schema": "marsad.event/1", "event_id": "d3:e1"}]
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    _annotate(path, "event_id", {"d1:e1": {"cluster_id": "c-1"}, "d1:e2": {"cluster_id": "c-2"},
                                 "d2:e1": {"cluster_id": "c-3"}, "d9:e9": {"cluster_id": "wrong"}})
    got = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [g.get("cluster_id") for g in got] == ["c-1", "c-2", "c-3", None]
    assert got[1]["actor"] == [{"cluster_id": None}]
    assert got[2]["x"] == {"event_id": "d9:e9"}
