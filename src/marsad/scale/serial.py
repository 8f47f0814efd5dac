"""A JSON-safe form of a processed document, for Parquet partitions and other process boundaries.

Tokens are left out on purpose: they are working data of the stages and appear in no output, and they
are by far the largest part of a document (one object per word).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from marsad.model import Document, Mention, Sentence, TimeExpression

_SCALARS = ("doc_id", "source", "text", "status", "error", "title", "outlet", "published", "published_basis",
            "url", "language", "boilerplate_removed_chars", "content_sha256", "failed_stage", "duplicate_of",
            "similarity")


def json_default(value: Any) -> Any:
    """For ``json.dumps(default=…)``: dates as ISO strings, sets as lists, anything else as its ``str``.

    Only ``Mention.extra`` (recogniser working data, in no output) can hold such values.
    """
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


def doc_to_dict(doc: Document) -> dict[str, Any]:
    """Everything of ``doc`` that any output needs; ``json.dumps(…, default=json_default)`` serialises it."""
    out: dict[str, Any] = {k: getattr(doc, k) for k in _SCALARS}
    out["sentences"] = [[s.start, s.end, s.text, s.index] for s in doc.sentences]
    out["mentions"] = [{"start": m.start, "end": m.end, "text": m.text, "label": m.label, "actor_id": m.actor_id,
                        "place_id": m.place_id, "origin": m.origin, "score": m.score, "extra": m.extra}
                       for m in doc.mentions]
    out["dates"] = [[d.start, d.end, d.text, d.value, d.precision, d.kind] for d in doc.dates]
    out["events"] = doc.events
    return out


def doc_from_dict(data: dict[str, Any]) -> Document:
    """The inverse of :func:`doc_to_dict` (tokens come back empty)."""
    doc = Document(**{k: data.get(k) for k in _SCALARS if k in data})
    doc.sentences = [Sentence(s, e, t, i) for s, e, t, i in data.get("sentences") or []]
    doc.mentions = [Mention(m["start"], m["end"], m["text"], m["label"], m.get("actor_id"), m.get("place_id"),
                            m.get("origin", "gazetteer"), m.get("score", 1.0), m.get("extra") or {})
                    for m in data.get("mentions") or []]
    doc.dates = [TimeExpression(s, e, t, v, p, k) for s, e, t, v, p, k in data.get("dates") or []]
    doc.events = list(data.get("events") or [])
    return doc
