"""A batch's store rows built ahead (Arrow, possibly in a worker process) store exactly what the
documents themselves would, however the batch is cut and whatever the values' types."""

from __future__ import annotations

import subprocess
import sys

import numpy as np

from marsad.corpus.dedup import evidence_hashes, signature
from marsad.model import Document, Mention, Sentence
from marsad.store import Store
from marsad.store.rows import TABLES, Packed, concat, rows_for

TEXT = "قصفت طائرات حربية مواقع في ريف إدلب الجنوبي صباح الثلاثاء. وقال المرصد إن 12 مدنيا قتلوا."


def _doc(doc_id: str, sha: str, geonames_id: object = 170654, lat: object = 35.93) -> Document:
    d = Document(doc_id=doc_id, source=f"{doc_id}.txt", text=TEXT, content_sha256=sha, published="2019-05-14",
                 published_basis="given", title="غارات على ريف إدلب", outlet="المرصد")
    first = TEXT.index(".") + 1
    d.sentences = [Sentence(0, first, TEXT[:first], index=0), Sentence(first + 1, len(TEXT), TEXT[first + 1:], index=1)]
    start = TEXT.index("إدلب")
    d.mentions = [Mention(start, start + 4, "إدلب", label="LOC", place_id="170654"),
                  Mention(TEXT.index("المرصد"), TEXT.index("المرصد") + 6, "المرصد", label="ORG")]
    d.events = [{"event_id": f"{doc_id}:e1", "doc_id": doc_id, "type": "ASSAULT", "mode": "aerial",
                 "actor": [{"id": "unresolved:طائرات حربية", "text": "طائرات حربية"}],
                 "recipient": [{"id": "civilians", "name_en": "civilians", "text": "مدنيا"}],
                 "date": "2019-05-14", "date_precision": "day", "status": "reported", "quantities": {"killed": 12},
                 "location": {"name_en": "Idlib", "name_ar": "إدلب", "country": "SYR", "geonames_id": geonames_id,
                              "lat": lat, "lon": 36.63},
                 "evidence": {"text": TEXT[:first], "start": 0, "end": first}, "confidence": 0.8}]
    return d


def _rejected(doc_id: str) -> Document:
    return Document(doc_id=doc_id, source=f"{doc_id}.pdf").reject("unsupported file type", stage="ingest")


def _contents(store: Store) -> dict[str, list[tuple]]:
    out = {}
    for table in TABLES:
        cols = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall() if r[0] != "ingested_at"]
        out[table] = store.con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY rowid").fetchall()
    return out


def _docs() -> list[Document]:
    return [_doc("a", "sha-a"), _rejected("b"), _doc("c", "sha-c"), _doc("d", "sha-d", lat=36)]


def test_slices_of_worker_chunks_store_what_the_documents_store(tmp_path):
    with Store.open(tmp_path / "whole.duckdb") as s:
        s.write(_docs())
        whole = _contents(s)
    assert len(whole["events"]) == 3 and len(whole["event_actors"]) == 6 and len(whole["documents"]) == 4
    chunk1, chunk2 = rows_for(_docs()[:3], arrow=True), rows_for(_docs()[3:], arrow=True)
    assert all(isinstance(t, Packed) for t in chunk1.tables.values())  # Arrow buffers, as a worker sends them
    with Store.open(tmp_path / "parts.duckdb") as s:
        # a batch cut in the middle of a chunk, and a later one
        s.write_rows(concat([chunk1.slice(0, 1), chunk1.slice(1, 3), chunk2]))
        assert _contents(s) == whole
    with Store.open(tmp_path / "mixed.duckdb") as s:
        # Arrow rows from a worker next to Python rows of a document at hand
        s.write_rows(concat([chunk1.slice(0, 2), rows_for(_docs()[2:])]))
        assert _contents(s) == whole


def test_a_value_of_another_type_falls_back_to_python_rows(tmp_path):
    # a geonames id given as text and a latitude given as an integer: the database casts both
    odd = rows_for([_doc("a", "sha-a", geonames_id="170654", lat=36)], arrow=True)
    assert isinstance(odd.tables["events"], list)  # kept as Python values
    assert isinstance(odd.tables["sentences"], Packed)  # the other tables are unaffected
    with Store.open(tmp_path / "odd.duckdb") as s:
        s.write_rows(concat([odd, rows_for([_doc("b", "sha-b")], arrow=True)]))
        got = s.con.execute("SELECT doc_id, geonames_id, lat FROM events ORDER BY doc_id").fetchall()
    assert got == [("a", 170654, 36.0), ("b", 170654, 35.93)]


def test_rewriting_the_same_content_under_a_new_id_replaces_it(tmp_path):
    with Store.open(tmp_path / "m.duckdb") as s:
        s.write_rows(rows_for([_doc("a", "same")]))
        s.write_rows(rows_for([_doc("b", "same")]))
        assert s.con.execute("SELECT doc_id FROM documents").fetchall() == [("b",)]
        assert s.counts()["event_actors"] == 2


def test_signatures_travel_with_the_rows_to_the_cross_document_pass(tmp_path):
    rows = rows_for(_docs())
    assert set(rows.signatures) == {"sha-a", "sha-c", "sha-d"}  # accepted documents only
    with Store.open(tmp_path / "m.duckdb") as s:
        s.write_rows(rows)
        assert np.array_equal(s.prepared.signatures["sha-c"], signature(TEXT))


def test_evidence_hashes_travel_with_the_rows_and_their_slices(tmp_path):
    sentence = TEXT[:TEXT.index(".") + 1]
    rows = rows_for(_docs(), arrow=True)
    assert set(rows.evidence) == {sentence}  # one entry per distinct sentence, whichever documents told it
    assert rows.evidence[sentence] == evidence_hashes(sentence)
    assert concat([rows.slice(0, 2), rows.slice(2, 4)]).evidence == rows.evidence
    assert rows_for(_docs(), signatures=False).evidence == {}
    with Store.open(tmp_path / "e.duckdb") as s:
        s.write_rows(rows)
        assert s.prepared.evidence == {sentence: evidence_hashes(sentence)}


def test_worker_rows_need_neither_pyarrow_nor_pandas():
    # A worker builds the Arrow buffers with numpy alone; the writer makes them an Arrow table without
    # pyarrow's pa.array, which would import pandas (a quarter of a second and tens of MB per process).
    code = ("import sys; from marsad.store.rows import rows_for; from marsad.model import Document; "
            "d = Document(doc_id='x', source='x.txt', text='نص', content_sha256='s'); "
            "r = rows_for([d], signatures=False, arrow=True); print('pyarrow' in sys.modules, end=' '); "
            "t = r.tables['documents'].table(); print(t.column('text').to_pylist() == ['نص'], 'pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "False"]


def test_packed_rows_pickle_as_a_few_byte_strings():
    import pickle
    rows = rows_for(_docs(), arrow=True, signatures=False)
    back = pickle.loads(pickle.dumps(rows))
    assert {t: back.tables[t].table().to_pylist() for t in TABLES} == {t: rows.tables[t].table().to_pylist()
                                                                         for t in TABLES}
    assert back.tables["events"].table().column("lat").to_pylist() == [35.93, 35.93, 36.0]
