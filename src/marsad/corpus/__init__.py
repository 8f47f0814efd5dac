"""Cross-document work on the store: near-duplicate documents, same-event clusters, networks.

Public surface: :func:`finalize` (run after every ``marsad run``), :func:`find_duplicates`,
:func:`mark_duplicates`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.corpus.dedup import Duplicate, find_duplicates
from marsad.store import Store

__all__ = ["CrossDocument", "Duplicate", "finalize", "find_duplicates", "mark_duplicates"]


@dataclass
class CrossDocument:
    """What the cross-document pass decided: ``duplicates`` by doc_id, ``clusters`` (cluster_id) by event_id."""

    duplicates: dict[str, Duplicate] = field(default_factory=dict)
    clusters: dict[str, str] = field(default_factory=dict)


def mark_duplicates(store: Store) -> dict[str, Duplicate]:
    """Recompute ``duplicate_of``/``similarity`` for every accepted document in the store."""
    rows = store.con.execute(
        "SELECT doc_id, text FROM documents WHERE status = 'ok' ORDER BY published NULLS LAST, doc_id").fetchall()
    dups = find_duplicates(rows)
    store.con.execute("UPDATE documents SET duplicate_of = NULL, similarity = NULL")
    if dups:
        store.con.executemany("UPDATE documents SET duplicate_of = ?, similarity = ? WHERE doc_id = ?",
                              [[d.duplicate_of, d.similarity, d.doc_id] for d in dups])
    return {d.doc_id: d for d in dups}


def finalize(store: Store) -> CrossDocument:
    """Everything that needs the whole store: duplicates now; event clusters (issue 7) plug in here."""
    return CrossDocument(duplicates=mark_duplicates(store))
