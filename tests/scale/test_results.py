"""What a worker process sends back for a chunk: no analysed document, but everything the parent
writes of it — the same lines, store rows and summary counts the document itself gives."""

from __future__ import annotations

import pickle
from itertools import islice
from pathlib import Path

from marsad.ingest import iter_inputs, load_document
from marsad.pipeline import Knowledge
from marsad.scale.resume import fingerprint
from marsad.scale.work import analyse_many, encode_lines, outcome, results
from marsad.store import Store


def _items(demo_dir: Path, n: int = 6) -> list:
    return [(raw, f"d{k}") for k, raw in enumerate(islice(iter_inputs([str(demo_dir)]), n))]


def _stored(path: Path, write) -> dict[str, list[tuple]]:
    with Store.open(path) as s:
        write(s)
        return {t: s.con.execute(f"SELECT * EXCLUDE (ingested_at) FROM {t} ORDER BY rowid").fetchall()
                if t == "documents" else s.con.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
                for t in ("documents", "sentences", "mentions", "events", "event_actors")}


def test_a_chunk_result_carries_lines_rows_and_counts_not_documents(demo_dir, tmp_path):
    kb = Knowledge()
    items = _items(demo_dir)
    reference = analyse_many(items, kb)
    assert any(d.events for d, _ in reference)
    sent = pickle.loads(pickle.dumps(results(analyse_many(items, kb))))  # as it crosses the process boundary
    assert [r.doc for r in sent] == [None] * len(items)
    assert len({id(r.rows) for r in sent}) == 1  # one set of rows for the chunk, pickled once
    for r, (doc, _) in zip(sent, reference, strict=True):
        assert r.lines == encode_lines(doc)
        assert r.outcome == outcome(doc)
    docs = [d for d, _ in reference]
    # the parent writes the results' rows (a slice per batch); the store holds what the documents give
    by_rows = _stored(tmp_path / "rows.duckdb", lambda s: (s.write_rows(sent[0].rows.slice(0, 2)),
                                                            s.write_rows(sent[0].rows.slice(2, len(items)))))
    by_docs = _stored(tmp_path / "docs.duckdb", lambda s: (s.write(docs[:2]), s.write(docs[2:])))
    assert by_rows == by_docs


def test_a_skipped_document_comes_back_itself_for_restoring(demo_dir):
    kb = Knowledge()
    items = _items(demo_dir, 3)
    raw, doc_id = items[1]
    known = frozenset({fingerprint(load_document(raw, doc_id))})  # the second input is already in the store
    sent = results(analyse_many(items, kb, known))
    assert [r.skipped for r in sent] == [False, True, False]
    assert sent[1].doc is not None and sent[1].doc.doc_id == "d1" and sent[1].lines is None
    assert [r.index for r in sent] == [0, -1, 1]  # places in the chunk's rows of the analysed ones
    assert len(sent[0].rows) == 2


def test_process_stream_gives_the_same_documents_from_a_pool(demo_dir):
    from marsad.runner import process_stream
    kb = Knowledge()
    alone = [encode_lines(d) for d in process_stream(iter_inputs([str(demo_dir)]), kb=kb)]
    pooled = [encode_lines(d) for d in process_stream(iter_inputs([str(demo_dir)]), workers=2, kb=kb)]
    assert len(alone) >= 10 and pooled == alone
