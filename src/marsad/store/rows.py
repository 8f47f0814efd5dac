"""The store's rows for a batch of documents, built where the documents are (a worker process) and
inserted by the process that owns the store.

:func:`rows_for` turns processed documents into each store table's rows plus what the writer needs
to replace stale rows and to prepare the cross-document pass (each text's MinHash signature, each
event's evidence sentence hashed for the clustering). For a
worker process (``arrow=True``) every table comes as the Arrow buffers of its columns, typed as the
schema's columns (:class:`Packed`): a few byte strings, far cheaper to pickle than the documents'
objects, and an Arrow table for DuckDB without copying — which inserts it several times faster than
Python lists. The row order is the documents' order, so the store ends exactly as if the documents
had been written one batch at a time from their objects.

A value the Arrow type cannot hold (say a string where the schema has a number) makes that table
fall back to plain Python rows, which the writer inserts as before: same rows, only slower.

Building the buffers needs numpy only; pyarrow (some 25 MB in a process) is imported by the process
that inserts them, and a single-process run, whose rows never leave it, writes Python rows without it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import is_not
from typing import TYPE_CHECKING, Any

from marsad.model import Document

if TYPE_CHECKING:
    import pyarrow as pa

    Table = pa.Table | list[list[Any]]  # Arrow, or plain Python rows
else:
    Table = Any

log = logging.getLogger("marsad.store")

# Column names and Arrow types, in the order of the INSERTs (types as in schema.sql; a DATE and the
# JSON columns travel as text and are cast by DuckDB on insert, exactly as the Python values were).
_S, _I32, _I64, _F64 = "string", "int32", "int64", "float64"
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (("doc_id", _S), ("source", _S), ("status", _S), ("error", _S), ("title", _S), ("outlet", _S),
                  ("published", _S), ("published_basis", _S), ("url", _S), ("language", _S),
                  ("n_sentences", _I32), ("n_events", _I32), ("boilerplate_removed_chars", _I32),
                  ("content_sha256", _S), ("duplicate_of", _S), ("similarity", _F64), ("text", _S)),
    "sentences": (("doc_id", _S), ("idx", _I32), ("start_char", _I32), ("end_char", _I32), ("text", _S)),
    "mentions": (("doc_id", _S), ("start_char", _I32), ("end_char", _I32), ("text", _S), ("label", _S),
                 ("actor_id", _S), ("place_id", _S)),
    "events": (("event_id", _S), ("doc_id", _S), ("type", _S), ("mode", _S), ("cameo", _S), ("date", _S),
               ("date_precision", _S), ("date_text", _S), ("status", _S), ("source", _S),
               ("location_name_en", _S), ("location_name_ar", _S), ("location_country", _S),
               ("geonames_id", _I64), ("lat", _F64), ("lon", _F64), ("quantities", _S), ("evidence_text", _S),
               ("evidence_start", _I32), ("evidence_end", _I32), ("confidence", _F64), ("cluster_id", _S),
               ("record", _S)),
    "event_actors": (("event_id", _S), ("doc_id", _S), ("side", _S), ("position", _I32), ("actor_id", _S),
                     ("name_en", _S), ("name_ar", _S), ("country", _S), ("sector", _S), ("role", _S),
                     ("text", _S)),
}
TABLES = tuple(COLUMNS)  # insertion order


class Packed:
    """One table's rows as the Arrow buffers of its columns, in plain ``bytes``.

    This is what a worker process sends: pickling a few byte strings costs next to nothing (pickling
    pyarrow objects costs as much as building them), and the worker needs no pyarrow at all; the
    process that owns the store turns it into an Arrow table without copying (:meth:`table`).
    """

    __slots__ = ("columns", "name", "num_rows")

    def __init__(self, name: str, num_rows: int, columns: list[tuple[int, bytes | None, bytes, bytes | None]]):
        self.name = name  # the store table
        self.num_rows = num_rows
        self.columns = columns  # per column: (null count, validity bitmap, values or offsets, string data)

    def __getstate__(self) -> tuple:
        return self.name, self.num_rows, self.columns

    def __setstate__(self, state: tuple) -> None:
        self.name, self.num_rows, self.columns = state

    def table(self) -> pa.Table:
        import pyarrow as pa
        arrays = []
        for (_, typ), (nulls, bitmap, values, data) in zip(COLUMNS[self.name], self.columns, strict=True):
            bufs = [pa.py_buffer(bitmap) if bitmap is not None else None, pa.py_buffer(values)]
            if typ == _S:
                bufs.append(pa.py_buffer(data))
            arrays.append(pa.Array.from_buffers(pa.type_for_alias(typ), self.num_rows, bufs, null_count=nulls))
        return pa.Table.from_arrays(arrays, names=[name for name, _ in COLUMNS[self.name]])


def arrow(table: Table) -> Table:
    """``table`` as pyarrow holds it (a :class:`Packed` becomes an Arrow table; rows stay rows)."""
    return table.table() if isinstance(table, Packed) else table


@dataclass
class StoreRows:
    """Rows of every store table for a sequence of documents, in document order.

    ``keys`` holds each document's ``(doc_id, content_sha256, source)`` (to find the rows it replaces),
    ``counts[table][i]`` how many rows of ``table`` document ``i`` has, and ``signatures`` the MinHash
    signature of each accepted document's text by ``content_sha256`` (for :mod:`marsad.corpus.prepared`).
    """

    keys: list[tuple[str, str | None, str]] = field(default_factory=list)
    tables: dict[str, Table] = field(default_factory=dict)
    counts: dict[str, list[int]] = field(default_factory=dict)
    signatures: dict[str, Any] = field(default_factory=dict)
    # evidence sentence → its hashes for the event clustering (marsad.corpus.dedup.evidence_hashes)
    evidence: dict[str, bytes] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.keys)

    def slice(self, start: int, stop: int) -> StoreRows:
        """The rows of documents ``start`` to ``stop - 1`` (Arrow slices share the buffers)."""
        if start == 0 and stop == len(self.keys):
            return self
        tables: dict[str, Table] = {}
        counts: dict[str, list[int]] = {}
        for t in TABLES:
            n = self.counts[t]
            lo = sum(n[:start])
            hi = lo + sum(n[start:stop])
            table = self.tables[t] = arrow(self.tables[t])  # unpacked once, sliced without copying
            tables[t] = table[lo:hi] if isinstance(table, list) else table.slice(lo, hi - lo)
            counts[t] = n[start:stop]
        keys = self.keys[start:stop]
        shas = {sha for _, sha, _ in keys if sha}
        # the evidence hashes are keyed by text, not by document: a slice keeps them all (they only
        # spare the final pass some hashing, whichever document they came with)
        return StoreRows(keys, tables, counts, {s: v for s, v in self.signatures.items() if s in shas}, self.evidence)


def concat(parts: Sequence[StoreRows]) -> StoreRows:
    """One :class:`StoreRows` for several, in order."""
    if len(parts) == 1:
        return parts[0]
    out = StoreRows()
    for p in parts:
        out.keys.extend(p.keys)
        for s, v in p.signatures.items():
            out.signatures.setdefault(s, v)
        out.evidence.update(p.evidence)
    for t in TABLES:
        pieces = [arrow(p.tables[t]) for p in parts]
        if not any(isinstance(x, list) for x in pieces):
            import pyarrow as pa
            out.tables[t] = pa.concat_tables(pieces)
        else:
            out.tables[t] = [row for x in pieces for row in (x if isinstance(x, list) else _pylist(x))]
        out.counts[t] = [c for p in parts for c in p.counts[t]]
    return out


def _pylist(table: pa.Table) -> list[list[Any]]:
    return [list(r) for r in zip(*(c.to_pylist() for c in table.columns), strict=True)] if table.num_rows else []


def rows_for(docs: Iterable[Document], event_json: Mapping[str, str] | None = None, *,
             signatures: bool = True, arrow: bool = False) -> StoreRows:
    """The store rows of ``docs`` (see :class:`StoreRows`).

    ``event_json`` may give event records already encoded (event_id → JSON text, as written to
    ``events.jsonl``) so that they are not encoded twice. With ``signatures`` the MinHash signature of
    each accepted text is computed here — in a worker process that is off the writer's critical path.
    With ``arrow`` the tables are Arrow buffers (:class:`Packed`), to be sent to another process;
    else Python rows.
    """
    docs = list(docs)
    encoded = event_json or {}
    rows: dict[str, list[list[Any]]] = {t: [] for t in TABLES}
    counts: dict[str, list[int]] = {t: [] for t in TABLES}
    for d in docs:
        before = {t: len(rows[t]) for t in TABLES}
        rows["documents"].append(_doc_row(d))
        doc_id = d.doc_id
        rows["sentences"].extend([[doc_id, s.index, s.start, s.end, s.text] for s in d.sentences])
        rows["mentions"].extend([[doc_id, m.start, m.end, m.text, m.label, m.actor_id, m.place_id]
                                 for m in d.mentions])
        for e in d.events:
            rows["events"].append(_event_row(e, encoded.get(e["event_id"])))
            rows["event_actors"].extend(_participant_rows(e))
        for t in TABLES:
            counts[t].append(len(rows[t]) - before[t])
    out = StoreRows(keys=[(d.doc_id, d.content_sha256, d.source) for d in docs], counts=counts)
    for t in TABLES:
        out.tables[t] = _pack(t, rows[t]) if arrow else rows[t]
    if signatures:
        out.signatures = _signatures(docs)
        out.evidence = _evidence(docs)
    return out


def _pack(table: str, rows: list[list[Any]]) -> Table:
    """``rows`` as the Arrow buffers of a table typed like the schema (:class:`Packed`), or as they
    are if a value does not fit."""
    try:
        cols = list(zip(*rows, strict=True)) if rows else [()] * len(COLUMNS[table])
        return Packed(table, len(rows), [_column(c, typ) for c, (_, typ) in zip(cols, COLUMNS[table], strict=True)])
    except (TypeError, ValueError, OverflowError):
        log.debug("rows of %s kept as Python values", table, exc_info=True)
        return rows


_NONE = type(None)
_ALLOWED = {_S: {str, _NONE}, _I32: {int, _NONE}, _I64: {int, _NONE}, _F64: {float, int, _NONE}}


def _column(values: Sequence[Any], typ: str) -> tuple[int, bytes | None, bytes, bytes | None]:
    """The Arrow buffers of a column of ``values``: ``(null count, validity bitmap, values or string
    offsets, string data)``.

    Built with numpy, without pyarrow (``pa.array`` would also import pandas on first use: a quarter
    of a second and tens of megabytes in every process); the buffers are simple for the few types
    the store has. A value of another Python type raises ``TypeError`` (the caller then keeps the
    rows as Python values).
    """
    import numpy as np
    n = len(values)
    types = set(map(type, values))
    if not types <= _ALLOWED[typ]:  # bool is not int here: it has no column to go in
        raise TypeError(f"a value does not fit {typ}")
    # Loops over the values stay in C (map over builtins): a column is built per worker chunk.
    bitmap = None
    nulls = values.count(None) if _NONE in types else 0
    if nulls:
        valid = np.fromiter(map(is_not, values, repeat(None)), dtype=bool, count=n)
        bitmap = np.packbits(valid, bitorder="little").tobytes()
        fill: Any = "" if typ == _S else 0
        values = [fill if v is None else v for v in values]
    if typ == _S:
        data = list(map(str.encode, values))
        ends = np.cumsum(np.fromiter(map(len, data), dtype=np.int64, count=n))
        if n and int(ends[-1]) >= 1 << 31:  # Arrow's string offsets are 32-bit
            raise OverflowError("more than 2 GB of text in one column")
        offsets = np.zeros(n + 1, dtype=np.int32)
        offsets[1:] = ends
        return nulls, bitmap, offsets.tobytes(), b"".join(data)
    return nulls, bitmap, np.fromiter(values, dtype=typ, count=n).tobytes(), None


def _signatures(docs: list[Document]) -> dict[str, Any]:
    """MinHash signatures of the accepted texts (an optimisation only: on failure the final pass
    computes them itself)."""
    try:
        from marsad.corpus.dedup import signature  # the corpus layer builds on the store: imported late
        out: dict[str, Any] = {}
        for d in docs:
            sha = d.content_sha256
            if d.status == "ok" and sha and sha not in out:
                out[sha] = signature(d.text)
        return out
    except Exception:
        log.debug("computing MinHash signatures failed", exc_info=True)
        return {}


def _evidence(docs: list[Document]) -> dict[str, bytes]:
    """The evidence sentences of the accepted documents' events, hashed for the event clustering (an
    optimisation only, like :func:`_signatures`)."""
    try:
        from marsad.corpus.dedup import evidence_hashes  # the corpus layer builds on the store: imported late
        out: dict[str, bytes] = {}
        for d in docs:
            if d.status != "ok":
                continue
            for e in d.events:
                text = (e.get("evidence") or {}).get("text")
                if text and isinstance(text, str) and text not in out:
                    out[text] = evidence_hashes(text)
        return out
    except Exception:
        log.debug("hashing evidence sentences failed", exc_info=True)
        return {}


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
