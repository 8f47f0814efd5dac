"""The embedded event store (DuckDB): documents, sentences, mentions, events, participants.

Public surface: :class:`Store` (``Store.open(path)``, ``write(docs)``, ``close()``) and
:data:`SCHEMA_VERSION`. Documents are keyed by ``doc_id`` and de-duplicated by
``content_sha256``: writing the same inputs again replaces their rows, never adds copies.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from marsad.model import Document

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
        docs = list(docs)
        if not docs:
            return
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            stale = self._stale_doc_ids(docs)
            if stale:
                for table in _CHILD_TABLES + ("documents",):
                    con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [sorted(stale)])
            _bulk_insert(con, "documents", _DOC_COLUMNS, [_doc_row(d) for d in docs])
            _bulk_insert(con, "sentences", ("doc_id", "idx", "start_char", "end_char", "text"),
                         [[d.doc_id, s.index, s.start, s.end, s.text] for d in docs for s in d.sentences])
            _bulk_insert(con, "mentions", ("doc_id", "start_char", "end_char", "text", "label", "actor_id", "place_id"),
                         [[d.doc_id, m.start, m.end, m.text, m.label, m.actor_id, m.place_id]
                          for d in docs for m in d.mentions])
            encoded = event_json or {}
            _bulk_insert(con, "events", _EVENT_COLUMNS,
                         [_event_row(e, encoded.get(e["event_id"])) for d in docs for e in d.events])
            _bulk_insert(con, "event_actors", _PARTICIPANT_COLUMNS,
                         [row for d in docs for e in d.events for row in _participant_rows(e)])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        self._prepare(docs)

    def _prepare(self, docs: list[Document]) -> None:
        """Hand the batch to the cross-document pass's preparation: with worker processes this runs
        while they analyse the next documents, instead of after all of them on one core."""
        if self._prepare_failed:
            return
        try:
            if self.prepared is None:
                from marsad.corpus.prepared import Prepared  # the corpus layer builds on the store
                self.prepared = Prepared()
            self.prepared.add(docs)
        except Exception:  # an optimisation only: the final pass then computes everything itself
            log.debug("preparing the cross-document pass failed", exc_info=True)
            self.prepared, self._prepare_failed = None, True

    def _stale_doc_ids(self, docs: list[Document]) -> set[str]:
        """Rows to replace: same doc_id, or same content under another id, or a rejected input re-read."""
        ids = {d.doc_id for d in docs}
        shas = [d.content_sha256 for d in docs if d.content_sha256]
        sources = [d.source for d in docs]
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


_DOC_COLUMNS = ("doc_id", "source", "status", "error", "title", "outlet", "published", "published_basis", "url",
                "language", "n_sentences", "n_events", "boilerplate_removed_chars", "content_sha256", "duplicate_of",
                "similarity", "text")
_EVENT_COLUMNS = ("event_id", "doc_id", "type", "mode", "cameo", "date", "date_precision", "date_text", "status",
                  "source", "location_name_en", "location_name_ar", "location_country", "geonames_id", "lat", "lon",
                  "quantities", "evidence_text", "evidence_start", "evidence_end", "confidence", "cluster_id",
                  "record")
_PARTICIPANT_COLUMNS = ("event_id", "doc_id", "side", "position", "actor_id", "name_en", "name_ar", "country",
                        "sector", "role", "text")


def _bulk_insert(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...],
                 rows: list[list[Any]]) -> None:
    """One INSERT per table and batch: the rows go in as one list per column and are unnested by
    DuckDB, which is an order of magnitude faster than ``executemany`` row by row."""
    if not rows:
        return
    cols = [list(c) for c in zip(*rows, strict=True)]
    select = ", ".join(f"unnest(?) AS c{i}" for i in range(len(columns)))
    con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM (SELECT {select})", cols)


def _doc_row(d: Document) -> list[Any]:
    r = d.record()
    return [r["doc_id"], r["source"], r["status"], r["error"], r["title"], r["outlet"], r["published"],
            r["published_basis"], r["url"], r["language"], r["n_sentences"], r["n_events"],
            r["boilerplate_removed_chars"], r["content_sha256"], r["duplicate_of"], r["similarity"], d.text]


def _event_row(e: dict[str, Any], record_json: str | None = None) -> list[Any]:
    loc = e.get("location") or {}
    ev = e.get("evidence") or {}
    return [e["event_id"], e["doc_id"], e.get("type"), e.get("mode"), e.get("cameo"), e.get("date"),
            e.get("date_precision"), e.get("date_text"), e.get("status"), e.get("source"),
            loc.get("name_en"), loc.get("name_ar"), loc.get("country"), loc.get("geonames_id"),
            loc.get("lat"), loc.get("lon"), json.dumps(e.get("quantities") or {}, ensure_ascii=False),
            ev.get("text"), ev.get("start"), ev.get("end"), e.get("confidence"), e.get("cluster_id"),
            record_json if record_json is not None else json.dumps(e, ensure_ascii=False)]


def _participant_rows(e: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for side in ("actor", "recipient"):
        for i, a in enumerate(e.get(side) or []):
            rows.append([e["event_id"], e["doc_id"], side, i, a.get("id"), a.get("name_en"), a.get("name_ar"),
                         a.get("country"), a.get("sector"), a.get("role"), a.get("text")])
    return rows
