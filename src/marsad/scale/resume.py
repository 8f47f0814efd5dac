"""Resumable runs: recognise documents already analysed in the store and restore them from it.

A document is skipped when its *fingerprint* — cleaned-text ``content_sha256`` together with its id,
source and the stated metadata that changes the analysis (publication date, title, outlet, url) — is
already in the store with status ``ok``. Ingest still runs (it is what yields the hash), the analysis
stages do not; the document's sentences, mentions and events are read back from the store so that
``documents.jsonl``/``events.jsonl``/``mentions.jsonl`` still account for every input.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from marsad.model import Document, Mention, Sentence
from marsad.store import Store

Fingerprint = tuple[Any, ...]


def fingerprint(doc: Document) -> Fingerprint:
    """What must be unchanged for a stored analysis of ``doc`` to be reused."""
    return (doc.content_sha256, doc.doc_id, doc.source, doc.published, doc.title, doc.outlet, doc.url)


def known_fingerprints(store: Store) -> frozenset[Fingerprint]:
    """Fingerprints of every accepted document in the store."""
    rows = store.con.execute(
        "SELECT content_sha256, doc_id, source, published, published_basis, title, outlet, url FROM documents "
        "WHERE status = 'ok' AND content_sha256 IS NOT NULL").fetchall()
    # An inferred publication date comes from the stages, not from ingest: at ingest it was unknown.
    return frozenset((sha, doc_id, src, None if basis == "inferred" else _iso(pub), title, outlet, url)
                     for sha, doc_id, src, pub, basis, title, outlet, url in rows)


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def restore(store: Store, doc: Document) -> bool:
    """Fill ``doc``'s sentences, mentions and events from the store; False if it is no longer there.

    Rows come back in insertion order (``rowid``), which is the order the pipeline produced them in.
    """
    con = store.con
    row = con.execute("SELECT published, published_basis FROM documents "
                      "WHERE doc_id = ? AND content_sha256 = ? AND status = 'ok'",
                      [doc.doc_id, doc.content_sha256]).fetchone()
    if row is None:
        return False
    doc.published, doc.published_basis = _iso(row[0]), row[1]  # the stages may have inferred it
    doc.sentences = [Sentence(s, e, t, i) for i, s, e, t in con.execute(
        "SELECT idx, start_char, end_char, text FROM sentences WHERE doc_id = ? ORDER BY rowid",
        [doc.doc_id]).fetchall()]
    doc.mentions = [Mention(s, e, t, label, actor_id, place_id) for s, e, t, label, actor_id, place_id in con.execute(
        "SELECT start_char, end_char, text, label, actor_id, place_id FROM mentions WHERE doc_id = ? ORDER BY rowid",
        [doc.doc_id]).fetchall()]
    doc.events = [json.loads(r) for (r,) in con.execute(
        "SELECT record FROM events WHERE doc_id = ? ORDER BY rowid", [doc.doc_id]).fetchall()]
    return True
