"""The embedded event store (DuckDB): documents, sentences, mentions, events, participants.

Public surface: :class:`Store` (``Store.open(path)``, ``write(docs)``, ``write_rows(rows)``, ``close()``),
:data:`SCHEMA_VERSION`, and :mod:`marsad.store.rows` (a batch's rows built where the documents are). Documents are keyed by ``doc_id`` and de-duplicated by
``content_sha256``: writing the same inputs again replaces their rows, never adds copies.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from marsad.model import Document
from marsad.store.rows import COLUMNS, TABLES, StoreRows, Table, arrow, rows_for

SCHEMA_VERSION = "1"
log = logging.getLogger("marsad.store")
MEMORY_LIMIT = "256MB"  # DuckDB buffer pool per connection
_CHILD_TABLES = ("sentences", "mentions", "event_actors", "events")


class Store:
    """A DuckDB file holding everything ``marsad run`` produced."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path
        # The cross-document pass's per-document work, done as batches are written (see
        # marsad.corpus.prepared); None until the first write, and again once the pass used it.
        self.prepared: Any = None
        self._prepare_failed = False
        self._prepare_max = 0
        self._evidence_max = 0

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        path = str(path)
        if not read_only:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # A bounded buffer pool (DuckDB's default is 80 % of RAM): the store's working set is small, and
        # `marsad run` must stay within its memory budget next to the loaded knowledge (issue 9).
        # DuckDB spills to a temporary directory beside the file if a query ever needs more.
        con = duckdb.connect(path, read_only=read_only, config={"memory_limit": MEMORY_LIMIT})
        if not read_only:
            con.execute(resources.files("marsad.store").joinpath("schema.sql").read_text("utf-8"))
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", [SCHEMA_VERSION])
        return cls(con, path)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------
    def write(self, docs: Iterable[Document], event_json: Mapping[str, str] | None = None) -> None:
        """Insert or replace a batch of documents with all their rows, in one transaction.

        ``event_json`` may give the JSON text of event records already encoded (event_id → text, as
        written to ``events.jsonl``), so that they are not encoded twice.
        """
        self.write_rows(rows_for(docs, event_json))

    def write_rows(self, rows: StoreRows) -> None:
        """:meth:`write` for rows built beforehand (:func:`marsad.store.rows.rows_for`, e.g. in a worker
        process): the same transaction, one INSERT per table from Arrow."""
        if not len(rows):
            return
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            stale = self._stale_doc_ids(rows.keys)
            if stale:
                for table in _CHILD_TABLES + ("documents",):
                    con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [sorted(stale)])
            for table in TABLES:
                _insert(con, table, rows.tables[table])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        self._prepare(rows)

    def _prepare(self, rows: StoreRows) -> None:
        """Hand the batch's MinHash signatures and evidence hashes (computed with its rows, in the worker
        processes when there are some) to the cross-document pass, which would otherwise compute them after the
        analysis on one core (see :mod:`marsad.corpus.prepared`)."""
        if self._prepare_failed:
            return
        try:
            if self.prepared is None:
                # imported here: the corpus layer builds on the store
                from marsad.corpus.prepared import MAX_DOCUMENTS, MAX_EVIDENCE, Prepared
                self.prepared = Prepared()
                self._prepare_max = MAX_DOCUMENTS
                self._evidence_max = MAX_EVIDENCE
            sigs = self.prepared.signatures
            for _, sha, _ in rows.keys:
                sig = rows.signatures.get(sha) if sha else None
                if sig is not None and sha not in sigs and len(sigs) < self._prepare_max:
                    sigs[sha] = sig
            evidence = self.prepared.evidence
            if rows.evidence and len(evidence) < self._evidence_max:
                evidence.update(rows.evidence)
        except Exception:  # an optimisation only: the final pass then computes everything itself
            log.debug("preparing the cross-document pass failed", exc_info=True)
            self.prepared, self._prepare_failed = None, True

    def _stale_doc_ids(self, keys: list[tuple[str, str | None, str]]) -> set[str]:
        """Rows to replace: same doc_id, or same content under another id, or a rejected input re-read
        (``keys``: each document's ``(doc_id, content_sha256, source)``)."""
        ids = {doc_id for doc_id, _, _ in keys}
        shas = [sha for _, sha, _ in keys if sha]
        sources = [source for _, _, source in keys]
        stale = {r[0] for r in self.con.execute(
            "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [list(ids)]).fetchall()}
        if shas:
            stale |= {r[0] for r in self.con.execute(
                "SELECT doc_id FROM documents WHERE content_sha256 IN (SELECT unnest(?))", [shas]).fetchall()}
        stale |= {r[0] for r in self.con.execute(
            "SELECT doc_id FROM documents WHERE status = 'rejected' AND source IN (SELECT unnest(?))",
            [sources]).fetchall()}
        return stale

    # -- reading -------------------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        return {r[0] for r in self.con.execute(
            "SELECT content_sha256 FROM documents WHERE content_sha256 IS NOT NULL").fetchall()}

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "sentences", "mentions", "events", "event_actors")}

    def document_text(self, doc_id: str) -> str | None:
        row = self.con.execute("SELECT text FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return row[0] if row else None


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Table) -> None:
    """One INSERT of a batch's rows into ``table``: from Arrow, or (rows whose values did not fit their
    Arrow type) as one list per column unnested by DuckDB — either is an order of magnitude faster
    than ``executemany`` row by row."""
    columns = [name for name, _ in COLUMNS[table]]
    rows = arrow(rows)
    if isinstance(rows, list):
        _bulk_insert(con, table, tuple(columns), rows)
        return
    if not rows.num_rows:
        return
    view = f"marsad_batch_{table}"
    con.register(view, rows)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM {view}")
    finally:
        con.unregister(view)


def _bulk_insert(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...],
                 rows: list[list[Any]]) -> None:
    """One INSERT per table and batch: the rows go in as one list per column and are unnested by
    DuckDB, which is an order of magnitude faster than ``executemany`` row by row."""
    if not rows:
        return
    cols = [list(c) for c in zip(*rows, strict=True)]
    select = ", ".join(f"unnest(?) AS c{i}" for i in range(len(columns)))
    con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM (SELECT {select})", cols)
