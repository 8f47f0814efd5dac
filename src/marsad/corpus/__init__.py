"""Cross-document work on the store: near-duplicate documents (more to come: event clusters, networks).

Public surface: :func:`find_duplicates`, :func:`mark_duplicates`.
"""

from __future__ import annotations

from marsad.corpus.dedup import Duplicate, find_duplicates
from marsad.store import Store

__all__ = ["Duplicate", "find_duplicates", "mark_duplicates"]


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
