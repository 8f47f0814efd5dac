"""The cross-document pass gives the same answer whether the document signatures were prepared while
the batches were stored or are computed at the end from the store alone."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from marsad.corpus import finalize, finalize_deferred
from marsad.corpus.dedup import evidence_hashes, shingle_hashes, signature, unpack_evidence, word_hashes
from marsad.model import Document
from marsad.store import Store

# a syndicated copy of world() document "g": the same story under another outlet's byline
SYNDICATED = ("وقعت روسيا وإيران اتفاقا لتبادل المعلومات الاستخبارية حول تنظيم داعش في سوريا. "
              "نقلت ذلك وكالة أنباء محلية.")


def _docs(world_docs: list[Document]) -> list[Document]:
    copy = Document(doc_id="g2", source="g2.txt", text=world_docs[6].text + " نقلت ذلك وكالة أنباء محلية.",
                    published="2015-10-04", published_basis="stated", outlet="موقع آخر", content_sha256="sha-g2")
    return [*world_docs, copy]


def _decisions(db: Path, docs: list[Document], *, cold: bool) -> tuple[dict, dict]:
    with Store.open(db) as store:
        store.write(docs)
        if cold:
            store.prepared = None  # as if the documents had been stored by an earlier run
        else:
            assert set(store.prepared.signatures) == {d.content_sha256 for d in docs}
            # the events' evidence sentences came hashed with the rows as well
            assert set(store.prepared.evidence) == {e["evidence"]["text"] for d in docs for e in d.events}
        cross = finalize(store)
        assert store.prepared is None  # used once
    return cross.duplicates, cross.clusters


def test_prepared_and_cold_passes_agree(tmp_path: Path, world_docs: list[Document]) -> None:
    docs = _docs(world_docs)
    warm = _decisions(tmp_path / "warm.duckdb", docs, cold=False)
    cold = _decisions(tmp_path / "cold.duckdb", docs, cold=True)
    assert warm == cold
    assert warm[0]["g2"].duplicate_of == "g"


def test_a_signature_is_the_text_s_whatever_the_document(world_docs: list[Document]) -> None:
    from marsad.corpus.prepared import Prepared
    prepared = Prepared()
    prepared.add(world_docs)
    doc = world_docs[0]
    assert np.array_equal(prepared.signature_of(doc.content_sha256, doc.text), signature(doc.text))
    # a text stored by an earlier run (not prepared) is computed on demand
    assert np.array_equal(prepared.signature_of("sha-unknown", SYNDICATED), signature(SYNDICATED))
    assert np.array_equal(prepared.signature_of(None, SYNDICATED), signature(SYNDICATED))


def test_packed_evidence_hashes_are_the_words_and_first_shingles():
    text = "قتل 14 مدنيا في غارات جوية على مدينة خان شيخون في ريف إدلب الجنوبي في غارات"
    words, keys = unpack_evidence(evidence_hashes(text))
    assert words == frozenset(word_hashes(text).tolist())
    assert keys == tuple(int(x) for x in shingle_hashes(text)[:2]) and len(keys) == 2
    assert unpack_evidence(evidence_hashes("")) == (frozenset(), ())
    assert unpack_evidence(evidence_hashes("عاجل")) == (frozenset(word_hashes("عاجل").tolist()),
                                                       (int(shingle_hashes("عاجل")[0]),))


def _clusters_of(store: Store) -> tuple[list, list]:
    events = store.con.execute("SELECT event_id, cluster_id, record FROM events ORDER BY event_id").fetchall()
    clusters = store.con.execute("SELECT * FROM clusters ORDER BY cluster_id").fetchall()
    return events, clusters


def test_deferred_write_leaves_the_store_as_finalize_does(tmp_path: Path, world_docs: list[Document]) -> None:
    docs = _docs(world_docs)
    with Store.open(tmp_path / "now.duckdb") as store:
        store.write(docs)
        cross = finalize(store)
        expected = _clusters_of(store)
    with Store.open(tmp_path / "later.duckdb") as store:
        store.write(docs)
        deferred, write = finalize_deferred(store)
        # the decisions are made, but no event has its cluster yet: the write is the caller's
        events, clusters = _clusters_of(store)
        assert not clusters and all(cid is None for _, cid, _ in events)
        write()
        assert _clusters_of(store) == expected
    assert (deferred.duplicates, deferred.clusters) == (cross.duplicates, cross.clusters)
    assert len(set(cross.clusters.values())) < len(cross.clusters)  # some events were merged across documents


def test_arrow_columns_built_from_buffers_hold_the_values() -> None:
    # the deferred write's tables: non-ASCII text (byte offsets, not characters), nulls, empty lists
    from marsad.corpus import _numbers, _string_lists, _strings

    names = ["وكالة الأنباء", None, "", "reuters.com", None]
    assert _strings(names).to_pylist() == names
    assert _strings([]).to_pylist() == []
    lists = [["الجزيرة", "bbc"], [], ["عنب بلدي"]]
    assert _string_lists(lists).to_pylist() == lists
    assert _numbers([3, 0, 12], np.int64).to_pylist() == [3, 0, 12]
    assert _numbers([0.912, 1.0], np.float64).to_pylist() == [0.912, 1.0]
