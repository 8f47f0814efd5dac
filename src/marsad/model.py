"""The data that flows through the pipeline.

A :class:`Document` is created by ingest and enriched by each later stage. Every
span (sentence, token, mention, date, event evidence) carries character offsets
into ``Document.text`` — the cleaned text — so that ``text[start:end]`` is always
the evidence itself.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["ok", "rejected"]
PublishedBasis = Literal["given", "stated", "inferred"]


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Sentence(Span):
    index: int = 0


@dataclass(slots=True)
class Token(Span):
    """A whitespace/punctuation token; ``stem`` is its clitic-stripped, normalised core."""

    norm: str = ""
    stem: str = ""
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    stem_start: int = 0  # offset of the stem in the original text
    stem_end: int = 0


@dataclass(slots=True)
class Mention(Span):
    label: str = "MISC"  # PERS | ORG | LOC | GPE | MISC | DATE
    actor_id: str | None = None
    place_id: str | None = None
    origin: str = "gazetteer"  # gazetteer | ner | title | anaphor | coref
    score: float = 1.0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, doc_id: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "doc_id": doc_id, "start": self.start, "end": self.end, "text": self.text, "label": self.label,
        }
        if self.actor_id:
            out["actor_id"] = self.actor_id
        if self.place_id:
            out["place_id"] = self.place_id
        return out


@dataclass(slots=True)
class TimeExpression(Span):
    value: str | None = None  # YYYY-MM-DD | YYYY-MM | YYYY | start/end
    precision: str | None = None  # day | week | month | year | interval
    kind: str | None = None  # absolute | relative | weekday | hijri | duration | vague

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value,
                "precision": self.precision, "kind": self.kind}


@dataclass(slots=True)
class Document:
    doc_id: str
    source: str
    text: str = ""
    status: Status = "ok"
    error: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_basis: PublishedBasis | None = None
    url: str | None = None
    language: str = "ar"
    boilerplate_removed_chars: int = 0
    content_sha256: str | None = None
    failed_stage: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[TimeExpression] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    duplicate_of: str | None = None
    similarity: float | None = None

    def reject(self, error: str, stage: str | None = None) -> Document:
        self.status = "rejected"
        self.error = error
        self.failed_stage = stage
        return self

    def record(self) -> dict[str, Any]:
        """The ``documents.jsonl`` line of the contract."""
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "status": self.status,
            "error": self.error,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "published_basis": self.published_basis if self.published else None,
            "url": self.url,
            "language": self.language if self.status == "ok" else None,
            "n_sentences": len(self.sentences),
            "n_events": len(self.events),
            "boilerplate_removed_chars": self.boilerplate_removed_chars,
            "content_sha256": self.content_sha256,
            "duplicate_of": self.duplicate_of,
            "similarity": self.similarity,
        }


def span_dict(span: Span) -> dict[str, Any]:
    return asdict(span)
