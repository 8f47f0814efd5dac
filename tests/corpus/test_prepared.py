"""The cross-document pass gives the same answer whether its per-document work was prepared while the
batches were stored or is done at the end from the store alone."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.corpus import finalize
from marsad.corpus.cluster import EventCore
from marsad.model import Document
from marsad.store import Store


def _decisions(db: Path, docs: list[Document], *, cold: bool) -> tuple[dict, dict, list]:
    with Store.open(db) as store:
        store.write(docs)
        if cold:
            store.prepared = None  # as if the documents had been stored by an earlier run
        else:
            assert store.prepared is not None and store.prepared.events and store.prepared.signatures
        cross = finalize(store)
        clusters = store.con.execute("SELECT * FROM clusters ORDER BY cluster_id").fetchall()
    return cross.duplicates, cross.clusters, clusters


def test_prepared_and_cold_passes_agree(tmp_path: Path, world_docs: list[Document]) -> None:
    warm = _decisions(tmp_path / "warm.duckdb", world_docs, cold=False)
    cold = _decisions(tmp_path / "cold.duckdb", world_docs, cold=True)
    assert warm == cold
    # the Damascus meeting told by two outlets is one cluster either way
    assert warm[1]["a:e1"] == warm[1]["b:e1"]


def test_a_record_changed_in_the_store_is_decoded_again(tmp_path: Path, world_docs: list[Document]) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.write(world_docs)
        prepared = store.prepared
        stored = store.con.execute("SELECT record FROM events WHERE event_id = 'c:e1'").fetchone()[0]
        assert isinstance(prepared.core_or_record("c:e1", stored), EventCore)
        # moved to the date of the first meeting: now the same happening as a:e1 and b:e1
        rec = json.loads(stored)
        rec["date"] = "2017-09-12"
        changed = json.dumps(rec, ensure_ascii=False)
        store.con.execute("UPDATE events SET record = ? WHERE event_id = 'c:e1'", [changed])
        assert prepared.core_or_record("c:e1", changed) == rec
        cross = finalize(store)
        assert store.prepared is None  # used once
    assert cross.clusters["c:e1"] == cross.clusters["a:e1"]
