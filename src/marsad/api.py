"""The Python API: load Marsad once, run it on text, read its store as DataFrames.

>>> import marsad
>>> nlp = marsad.load()
>>> doc = nlp("التقى وزير الدفاع الروسي سيرغي شويغو الرئيس السوري بشار الأسد في دمشق أمس.",
...           published="2017-09-13")
>>> [(e.type, e.date) for e in doc.events]
[('CONSULT', '2017-09-12')]
>>> doc.events[0].evidence.text == doc.text[doc.events[0].evidence.start:doc.events[0].evidence.end]
True
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import Any

from marsad.model import Document, Mention, Sentence, TimeExpression
from marsad.pipeline import Knowledge, process_document

__all__ = ["ActorRef", "Event", "Evidence", "Pipeline", "Place", "Result", "load"]


class _ContractRecord:
    """``from_dict``/``to_dict`` for the flat contract objects (actor refs, locations)."""

    __slots__ = ()

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Any:
        return cls(**{f.name: d.get(f.name) for f in fields(cls)}) if d else None

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class ActorRef(_ContractRecord):
    """An actor or recipient of an event, as in the contract (``id`` is None for unknown names)."""

    id: str | None
    name_en: str | None = None
    name_ar: str | None = None
    wikidata: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Place(_ContractRecord):
    """Where an event happened (contract ``location``); coordinates are None when unknown."""

    name_en: str | None
    name_ar: str | None = None
    geonames_id: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that states an event: ``text == document_text[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Event:
    """One PLOVER event. ``to_dict()`` is exactly the contract's ``events.jsonl`` record."""

    event_id: str
    doc_id: str
    type: str
    mode: str | None
    cameo: str | None
    actor: tuple[ActorRef, ...]
    recipient: tuple[ActorRef, ...]
    date: str | None
    date_precision: str | None
    date_text: str | None
    location: Place | None
    status: str
    source: str | None
    quantities: dict[str, Any]
    evidence: Evidence
    confidence: float | None
    extra: dict[str, Any] = field(default_factory=dict)

    _KEYS = ("schema", "event_id", "doc_id", "type", "mode", "cameo", "actor", "recipient", "date",
             "date_precision", "date_text", "location", "status", "source", "quantities", "evidence",
             "confidence")

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        ev = d.get("evidence") or {}
        return cls(
            event_id=d["event_id"], doc_id=d["doc_id"], type=d["type"], mode=d.get("mode"), cameo=d.get("cameo"),
            actor=tuple(ActorRef.from_dict(a) for a in d.get("actor") or []),
            recipient=tuple(ActorRef.from_dict(a) for a in d.get("recipient") or []),
            date=d.get("date"), date_precision=d.get("date_precision"), date_text=d.get("date_text"),
            location=Place.from_dict(d.get("location")), status=d.get("status", "asserted"),
            source=d.get("source"), quantities=dict(d.get("quantities") or {}),
            evidence=Evidence(ev.get("text", ""), ev.get("start", 0), ev.get("end", 0)),
            confidence=d.get("confidence"),
            extra={k: v for k, v in d.items() if k not in cls._KEYS},
        )

    def to_dict(self) -> dict[str, Any]:
        out = {
            "schema": "marsad.event/1", "event_id": self.event_id, "doc_id": self.doc_id, "type": self.type,
            "mode": self.mode, "cameo": self.cameo,
            "actor": [a.to_dict() for a in self.actor], "recipient": [a.to_dict() for a in self.recipient],
            "date": self.date, "date_precision": self.date_precision, "date_text": self.date_text,
            "location": self.location.to_dict() if self.location else None, "status": self.status,
            "source": self.source, "quantities": dict(self.quantities), "evidence": self.evidence.to_dict(),
            "confidence": self.confidence,
        }
        out.update(self.extra)
        return out


@dataclass(slots=True)
class Result:
    """What :class:`Pipeline` returns for one text: the cleaned ``text`` and every layer over it."""

    doc_id: str
    text: str
    title: str | None
    published: str | None
    sentences: list[Sentence]
    mentions: list[Mention]
    dates: list[TimeExpression]
    events: list[Event]
    document: Document  # the full pipeline record (documents.jsonl line via ``document.record()``)


class Pipeline:
    """Marsad with its knowledge and models loaded once; call it on text, or ``pipe`` many texts.

    Reading is thread-safe: the knowledge is loaded under a lock and never mutated afterwards.
    """

    def __init__(self) -> None:
        self._kb = Knowledge()
        self._lock = threading.Lock()
        with self._lock:
            self._kb.warm()

    def __call__(self, text: str, published: str | None = None, title: str | None = None,
                 doc_id: str | None = None) -> Result:
        """Run the whole pipeline on one article. ``published`` (YYYY-MM-DD) resolves relative dates."""
        from marsad.ingest.boilerplate import clean_text
        cleaned = clean_text(text, read_meta=False)
        did = doc_id or hashlib.sha256(cleaned.text.encode("utf-8")).hexdigest()[:16]
        doc = Document(doc_id=did, source="<api>", text=cleaned.text, title=title, published=published,
                       published_basis="given" if published else None,
                       boilerplate_removed_chars=cleaned.removed_chars,
                       content_sha256=hashlib.sha256(cleaned.text.encode("utf-8")).hexdigest())
        if not doc.text.strip():
            doc.reject("empty text", stage="ingest")
        doc = process_document(doc, self._kb)
        if doc.status != "ok":
            raise ValueError(f"document rejected: {doc.error}")
        return Result(doc.doc_id, doc.text, doc.title, doc.published, doc.sentences, doc.mentions, doc.dates,
                      [Event.from_dict(e) for e in doc.events], doc)

    def pipe(self, items: Iterable[str | dict[str, Any]], workers: int = 1) -> Iterator[Result]:
        """Stream results for texts or ``{"text", "published"?, "title"?, "id"?}`` dicts, in input order."""
        if workers <= 1:
            for item in items:
                rec = {"text": item} if isinstance(item, str) else item
                yield self(rec["text"], rec.get("published"), rec.get("title"), rec.get("id"))
            return
        from concurrent.futures import ProcessPoolExecutor
        recs = [({"text": i} if isinstance(i, str) else i) for i in items]
        with ProcessPoolExecutor(workers, initializer=_init_worker) as ex:
            yield from ex.map(_run_worker, recs, chunksize=4)


_WORKER: Pipeline | None = None


def _init_worker() -> None:
    global _WORKER
    _WORKER = Pipeline()


def _run_worker(rec: dict[str, Any]) -> Result:
    assert _WORKER is not None
    return _WORKER(rec["text"], rec.get("published"), rec.get("title"), rec.get("id"))


_LOADED: Pipeline | None = None


def load() -> Pipeline:
    """The shared :class:`Pipeline` of this process (knowledge and models loaded on first call)."""
    global _LOADED
    if _LOADED is None:
        _LOADED = Pipeline()
    return _LOADED
