"""Cross-document work on the store: near-duplicate documents, same-event clusters, networks.

Public surface: :func:`finalize` (run after every ``marsad run``; :func:`finalize_deferred` splits off its store write), :func:`find_duplicates`,
:func:`mark_duplicates`, :func:`cluster_events` / :func:`mark_clusters`, and the exports in
:mod:`marsad.corpus.export`. Read-side queries live in :mod:`marsad.store.query`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pyarrow as pa

from marsad.corpus.cluster import Cluster, Clustering, cluster_cores, cluster_events
from marsad.corpus.dedup import Duplicate, duplicates_by_signature, find_duplicates, signature
from marsad.corpus.prepared import Prepared
from marsad.store import Store

__all__ = ["Cluster", "Clustering", "CrossDocument", "Duplicate", "cluster_events", "cluster_store", "finalize",
           "finalize_deferred", "find_duplicates", "mark_clusters", "mark_duplicates", "warm", "write_clusters"]


@dataclass
class CrossDocument:
    """What the cross-document pass decided: ``duplicates`` by doc_id, ``clusters`` (cluster_id) by event_id."""

    duplicates: dict[str, Duplicate] = field(default_factory=dict)
    clusters: dict[str, str] = field(default_factory=dict)


def mark_duplicates(store: Store) -> dict[str, Duplicate]:
    """Recompute ``duplicate_of``/``similarity`` for every accepted document in the store."""
    dups, _ = _find_duplicates(store)
    _write_duplicates(store, dups)
    return {d.doc_id: d for d in dups}


# The accepted documents in canonical order (earliest first), with what the clustering reads of them.
_DOCUMENTS = ("SELECT doc_id, content_sha256, published, outlet, url FROM documents WHERE status = 'ok'"
              " ORDER BY published NULLS LAST, doc_id")


def _find_duplicates(store: Store) -> tuple[list[Duplicate], dict[str, dict]]:
    """The near-duplicates among the store's accepted documents, and those documents as the clustering
    reads them (doc_id → ``{published, outlet, url, duplicate_of}``: ``duplicate_of`` as it will be
    once the duplicates are written), from one query."""
    con = store.con
    prepared = _prepared(store)
    rows = con.execute(_DOCUMENTS).fetchall()
    sigs = prepared.signatures if prepared is not None else {}
    # Texts only for the documents whose signature was not prepared as they were stored: reading every
    # text back was most of this step's reading time.
    missing = [r[0] for r in rows if r[1] not in sigs]
    texts = dict(con.execute("SELECT doc_id, text FROM documents WHERE doc_id IN (SELECT unnest(?))",
                             [missing]).fetchall()) if missing else {}
    dups = duplicates_by_signature((doc_id, sigs[sha] if sha in sigs else signature(texts[doc_id]))
                                   for doc_id, sha, *_ in rows)
    of = {d.doc_id: d.duplicate_of for d in dups}
    docs = {r[0]: {"published": r[2], "outlet": r[3], "url": r[4], "duplicate_of": of.get(r[0])} for r in rows}
    return dups, docs


def _write_duplicates(store: Store, dups: list[Duplicate]) -> None:
    _write_duplicate_table(store, _duplicate_table(dups))


def _duplicate_table(dups: list[Duplicate]) -> pa.Table:
    """The duplicates as an Arrow table, built before the write (see :func:`finalize_deferred`)."""
    return pa.Table.from_arrays([_strings([d.doc_id for d in dups]), _strings([d.duplicate_of for d in dups]),
                                 _numbers([d.similarity for d in dups], np.float64)], names=["d", "o", "s"])


# Arrow arrays from their buffers: pa.array() on Python lists imports pandas the first time (a
# quarter of a second), which a run without workers would otherwise pay at its end.
def _strings(values: list[str | None]) -> pa.Array:
    """A ``string`` array of ``values`` (None: null)."""
    encoded = [b"" if v is None else v.encode("utf-8") for v in values]
    offsets = np.zeros(len(values) + 1, dtype=np.int32)
    np.cumsum(np.fromiter(map(len, encoded), dtype=np.int32, count=len(values)), out=offsets[1:])
    valid = np.fromiter((v is not None for v in values), dtype=bool, count=len(values))
    nulls = len(values) - int(valid.sum())
    bitmap = pa.py_buffer(np.packbits(valid, bitorder="little").tobytes()) if nulls else None
    return pa.Array.from_buffers(pa.string(), len(values), [bitmap, pa.py_buffer(offsets.tobytes()),
                                                            pa.py_buffer(b"".join(encoded))], null_count=nulls)


def _numbers(values: list[int] | list[float], dtype: type) -> pa.Array:
    """An int64 or float64 array of ``values`` (none of them None)."""
    data = np.asarray(values, dtype=dtype)
    return pa.Array.from_buffers(pa.from_numpy_dtype(data.dtype), len(data), [None, pa.py_buffer(data.tobytes())])


def _string_lists(values: list[list[str]]) -> pa.Array:
    """A ``list<string>`` array of ``values``."""
    offsets = np.zeros(len(values) + 1, dtype=np.int32)
    np.cumsum(np.fromiter(map(len, values), dtype=np.int32, count=len(values)), out=offsets[1:])
    return pa.ListArray.from_buffers(pa.list_(pa.string()), len(values), [None, pa.py_buffer(offsets.tobytes())],
                                     children=[_strings([v for vs in values for v in vs])])


def _write_duplicate_table(store: Store, table: pa.Table) -> None:
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("UPDATE documents SET duplicate_of = NULL, similarity = NULL"
                    " WHERE duplicate_of IS NOT NULL OR similarity IS NOT NULL")
        if table.num_rows:  # one set-based UPDATE: a row-by-row executemany is slow in DuckDB
            with _registered(con, "marsad_duplicates", table):
                con.execute("UPDATE documents SET duplicate_of = m.o, similarity = m.s"
                            " FROM marsad_duplicates m WHERE documents.doc_id = m.d")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[None]:
    con.register(name, table)
    try:
        yield
    finally:
        con.unregister(name)


def mark_clusters(store: Store) -> Clustering:
    """Cluster every event of the store; write ``events.cluster_id`` (column and record) and ``clusters``."""
    result = cluster_store(store)
    write_clusters(store, result)
    return result


def cluster_store(store: Store, docs: dict[str, dict] | None = None) -> Clustering:
    """Cluster every event of the store (reading it only): what :func:`mark_clusters` then writes.
    ``docs``: the accepted documents as :func:`_find_duplicates` gives them (else read from the store)."""
    if docs is None:
        docs = {r[0]: {"published": r[1], "outlet": r[2], "url": r[3], "duplicate_of": r[4]} for r in store.con.execute(
            "SELECT doc_id, published, outlet, url, duplicate_of FROM documents WHERE status = 'ok'").fetchall()}
    prepared = _prepared(store)
    return cluster_cores(_stream_rows(store, _CORES), docs, evidence=prepared.evidence if prepared else None)


def write_clusters(store: Store, result: Clustering) -> None:
    """Write a clustering of the store's events: ``events.cluster_id`` (column and record) and ``clusters``.

    Nearly all of its cost is DuckDB's: rewriting and re-validating every event record."""
    _write_cluster_tables(store, *_cluster_tables(result))


_CLUSTER_COLUMNS = (("cluster_id", pa.string()), ("canonical_event_id", pa.string()), ("type", pa.string()),
                    ("date", pa.string()), ("date_precision", pa.string()), ("location_name_en", pa.string()),
                    ("location_country", pa.string()), ("n_events", pa.int64()), ("n_documents", pa.int64()),
                    ("n_outlets", pa.int64()), ("n_independent", pa.int64()), ("outlets", pa.list_(pa.string())),
                    ("doc_ids", pa.list_(pa.string())))


def _cluster_tables(result: Clustering) -> tuple[pa.Table, pa.Table]:
    """The assignment (event_id ``e`` → cluster_id ``c``) and the clusters as Arrow tables: built here
    before the write, which then only runs DuckDB statements."""
    ids = list(result.assignment)
    assignment = pa.Table.from_arrays([_strings(ids), _strings(list(result.assignment.values()))], names=["e", "c"])
    clusters = list(result.clusters.values())
    columns = []
    for k, t in _CLUSTER_COLUMNS:
        values = [getattr(c, k) for c in clusters]
        columns.append(_strings(values) if t == pa.string() else _numbers(values, np.int64) if t == pa.int64()
                       else _string_lists(values))
    return assignment, pa.Table.from_arrays(columns, names=[k for k, _ in _CLUSTER_COLUMNS])


def _write_cluster_tables(store: Store, assignment: pa.Table, clusters: pa.Table) -> None:
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM clusters")
        if assignment.num_rows:
            with _registered(con, "marsad_assignment", assignment):
                con.execute("UPDATE events SET cluster_id = m.c, record = json_merge_patch(record, json_object('cluster_id', m.c))"
                            " FROM marsad_assignment m WHERE events.event_id = m.e")
        if clusters.num_rows:
            cols = ", ".join(k for k, _ in _CLUSTER_COLUMNS)
            with _registered(con, "marsad_clusters", clusters):
                con.execute(f"INSERT INTO clusters ({cols}) SELECT {cols} FROM marsad_clusters")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


# What the clustering reads of each event (marsad.corpus.cluster.EventCore), from the columns the store
# fills from the same record: decoding every stored JSON record was most of the pass's reading time.
# Participant ids come from event_actors in their record order (actors, then recipients, by position).
_CORES = """
SELECT e.event_id, e.doc_id, e.type, e.date, e.date_precision, e.status, e.location_name_en, e.location_name_ar,
       e.geonames_id, e.location_country, e.evidence_text, e.confidence, coalesce(a.ids, [])
FROM events e LEFT JOIN (
    SELECT event_id, list(actor_id ORDER BY side, position) AS ids FROM event_actors
    WHERE actor_id IS NOT NULL AND actor_id <> '' GROUP BY event_id) a USING (event_id)
ORDER BY e.event_id"""


def _stream_rows(store: Store, sql: str, chunk: int = 2048) -> Iterator[tuple]:
    """The rows of a query, fetched in chunks: the whole run's events are never held at once as Python rows."""
    cur = store.con.cursor()  # its own cursor, so the caller may use the connection meanwhile
    try:
        cur.execute(sql)
        while rows := cur.fetchmany(chunk):
            yield from rows
    finally:
        cur.close()


def _prepared(store: Store) -> Prepared | None:
    return getattr(store, "prepared", None)


def warm() -> None:
    """Load what the cross-document pass reads (ontology, the states' names, the numpy paths), so that a
    run with workers can do it while they analyse rather than after them, when one core works alone."""
    from marsad.corpus.cluster import _country_names
    from marsad.corpus.ontology import load_ontology

    onto = load_ontology()
    _country_names()
    cluster_events([{"event_id": f"{d}:e1", "doc_id": d, "type": "CONSULT", "date": "2020-01-01",
                     "date_precision": "day", "actor": [], "recipient": [], "evidence": {"text": "بحث الجانبان"}}
                    for d in ("a", "b")], {}, onto)


def finalize(store: Store) -> CrossDocument:
    """Everything that needs the whole store: near-duplicate documents, then event clusters."""
    cross, write = finalize_deferred(store)
    write()
    return cross


def finalize_deferred(store: Store) -> tuple[CrossDocument, Callable[[], None]]:
    """:func:`finalize` in two steps: the decisions now, and a function writing them (duplicates, then
    clusters) to the store.

    The write is DuckDB statements over tables built here (nothing but DuckDB runs in it), so a
    caller may run it where it costs least; ``marsad run`` calls it at once (in a thread, while the
    output files were annotated, it took twice as long). Nothing else may use ``store`` until it has run."""
    dups, docs = _find_duplicates(store)
    clustering = cluster_store(store, docs)  # reads the duplicates from docs, not yet from the store
    store.prepared = None  # used once: the next pass reads the store as it is then
    # Every Python object the write needs is built now, so that the write is DuckDB statements only.
    dup_table, (assignment, clusters) = _duplicate_table(dups), _cluster_tables(clustering)

    def write() -> None:
        _write_duplicate_table(store, dup_table)
        _write_cluster_tables(store, assignment, clusters)

    return CrossDocument(duplicates={d.doc_id: d for d in dups}, clusters=clustering.assignment), write
