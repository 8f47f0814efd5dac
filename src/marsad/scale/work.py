"""The unit of work every engine runs on one input: ingest, the resume check, then the stages.

Worker processes keep their :class:`~marsad.pipeline.Knowledge` and the run's known fingerprints in
:data:`STATE`, set once per process (inherited through ``fork`` when possible, so workers start warm).
"""

from __future__ import annotations

import json
import signal
import sys
from dataclasses import dataclass, field
from typing import NamedTuple

from marsad import pipeline
from marsad.ingest import RawInput
from marsad.model import Document
from marsad.pipeline import tune_gc
from marsad.scale.ahead import Ingested
from marsad.scale.faults import maybe_die
from marsad.scale.pool import WORKER_DIED
from marsad.scale.resume import Fingerprint, fingerprint
from marsad.store.rows import StoreRows, rows_for

Item = tuple[RawInput, str]  # an input (or its document, Ingested ahead) and the doc_id it gets in this run
# A document's output lines: its documents.jsonl line, its events' (event_id, JSON text) pairs and
# its mentions.jsonl lines joined.
Lines = tuple[str, list[tuple[str, str]], str]


class Outcome(NamedTuple):
    """What ``marsad run`` counts of a document (its summary), without the document itself."""

    doc_id: str
    source: str
    status: str
    error: str | None
    failed_stage: str | None
    content_sha256: str | None
    n_sentences: int
    n_mentions: int
    event_types: list[str | None]  # one per event, in order
    actors: list[str | None]  # each event's actors' names (name_en, else id), in order


def outcome(doc: Document) -> Outcome:
    """The :class:`Outcome` of ``doc``."""
    return Outcome(doc.doc_id, doc.source, doc.status, doc.error, doc.failed_stage, doc.content_sha256,
                   len(doc.sentences), len(doc.mentions), [e.get("type") for e in doc.events],
                   [a.get("name_en") or a.get("id") for e in doc.events for a in e.get("actor") or []])


class Result(NamedTuple):
    """One input as an engine hands it to ``marsad run``, in input order.

    A worker process sends no document: it sends the document's :class:`Outcome`, its encoded output
    lines and its store rows — document ``index`` of the ``rows`` built for its whole chunk (shared by
    the chunk's results, so pickled once). ``doc`` is set instead when the receiving process has the
    document: analysed in that process, skipped (to be restored from the store) or lost with its worker.
    """

    outcome: Outcome
    skipped: bool
    doc: Document | None = None
    lines: Lines | None = None
    rows: StoreRows | None = None
    index: int = -1

    @property
    def n_events(self) -> int:
        return len(self.outcome.event_types)


@dataclass
class WorkerState:
    kb: pipeline.Knowledge | None = None
    known: frozenset[Fingerprint] = field(default_factory=frozenset)


STATE = WorkerState()

def analyse(raw: RawInput, doc_id: str, kb: pipeline.Knowledge,
            known: frozenset[Fingerprint] = frozenset()) -> tuple[Document, bool]:
    """Process one input; returns ``(document, skipped)``, never raising.

    ``skipped`` means the document is already in the store unchanged (see :mod:`marsad.scale.resume`):
    it comes back ingested but not analysed, for the caller to restore from the store.
    """
    if not known:
        return pipeline.process_raw(raw, doc_id, kb), False
    try:
        doc = pipeline.load_document(raw, doc_id)
    except Exception:
        return pipeline.process_raw(raw, doc_id, kb), False  # the same rejection a plain run gives
    if doc.status == "ok" and fingerprint(doc) in known:
        return doc, True
    return pipeline.process_document(doc, kb), False


def analyse_many(items: list[Item], kb: pipeline.Knowledge,
                 known: frozenset[Fingerprint] = frozenset()) -> list[tuple[Document, bool]]:
    """:func:`analyse` for several inputs, in order, with the same results: the documents to analyse
    go through :func:`marsad.pipeline.process_documents` together (one NER batch)."""
    tune_gc()  # the single-process engine runs here without warming first
    results: list[tuple[Document, bool] | None] = [None] * len(items)
    todo: list[int] = []
    docs: list[Document] = []
    for k, (raw, doc_id) in enumerate(items):
        if isinstance(raw, Ingested):  # ingested ahead while the knowledge loaded (marsad.scale.ahead)
            doc = raw.doc
        else:
            try:
                doc = pipeline.load_document(raw, doc_id)
            except Exception:
                results[k] = (pipeline.process_raw(raw, doc_id, kb), False)  # the same rejection a plain run gives
                continue
        if known and doc.status == "ok" and fingerprint(doc) in known:
            results[k] = (doc, True)
            continue
        todo.append(k)
        docs.append(doc)
    for k, doc in zip(todo, pipeline.process_documents(docs, kb), strict=True):
        results[k] = (doc, False)
    return results  # type: ignore[return-value] - every slot is filled


def lost_document(item: Item, reason: str = WORKER_DIED) -> Result:
    """The result for an input that killed its worker process every time it was tried."""
    raw, doc_id = item
    doc = Document(doc_id=doc_id, source=raw.source).reject(reason, stage="worker")
    return Result(outcome(doc), False, doc)


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker if the parent dies (e.g. SIGKILL, SIGTERM), not orphan it."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def init_worker(kb: pipeline.Knowledge | None = None, known: frozenset[Fingerprint] | None = None) -> None:
    """Pool initializer: Ctrl-C is the parent's business; load knowledge unless inherited warm."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if kb is not None:
        STATE.kb = kb
    if known is not None:
        STATE.known = known
    if STATE.kb is None:
        STATE.kb = pipeline.Knowledge().warm()
    tune_gc(freeze=True)


def encode_lines(doc: Document) -> Lines:
    """The JSONL lines of ``doc`` (see :data:`Lines`), exactly as ``marsad run`` writes them."""
    doc_line = json.dumps(doc.record(), ensure_ascii=False) + "\n"
    events = [(e["event_id"], json.dumps(e, ensure_ascii=False)) for e in doc.events]
    doc_id = doc.doc_id
    mentions = "".join([json.dumps(m.to_dict(doc_id), ensure_ascii=False) + "\n" for m in doc.mentions])
    return doc_line, events, mentions


def work_chunk(items: list[Item]) -> list[Result]:
    """Analyse a chunk of inputs in a worker process (:func:`analyse_many`) and prepare everything the
    parent process writes: each document's output lines, the chunk's store rows with the texts' MinHash
    signatures (:func:`marsad.store.rows.rows_for`) and the counts of the run's summary. The documents
    themselves stay here (except skipped ones, which the parent restores from the store): they were
    most of the bytes pickled back and of the parent's unpickling time."""
    for _, doc_id in items:
        maybe_die(doc_id)  # test-only hook, a no-op unless its environment variable is set
    assert STATE.kb is not None, "init_worker was not run"
    return results(analyse_many(items, STATE.kb, STATE.known))


def results(analysed: list[tuple[Document, bool]]) -> list[Result]:
    """:class:`Result` of each ``(document, skipped)`` as a worker process sends it (see :func:`work_chunk`)."""
    done = [(doc, encode_lines(doc)) for doc, skipped in analysed if not skipped]
    rows = rows_for([doc for doc, _ in done], {eid: text for _, lines in done for eid, text in lines[1]},
                    arrow=True) if done else None
    out: list[Result] = []
    for doc, skipped in analysed:
        if skipped:
            trim(doc)
            out.append(Result(outcome(doc), True, doc))
            continue
        k = sum(not r.skipped for r in out)  # its place among the chunk's analysed documents (≤ 8)
        out.append(Result(outcome(doc), False, None, done[k][1], rows, k))
    return out


def work_items(items: list[Item]) -> list[tuple[Document, bool, Lines | None]]:
    """:func:`work_item` for a chunk of inputs, analysed together (:func:`analyse_many`)."""
    for _, doc_id in items:
        maybe_die(doc_id)
    assert STATE.kb is not None, "init_worker was not run"
    out = []
    for doc, skipped in analyse_many(items, STATE.kb, STATE.known):
        lines = None if skipped else encode_lines(doc)
        trim(doc)
        out.append((doc, skipped, lines))
    return out


def trim(doc: Document) -> None:
    """Drop what the parent process never reads once the lines are encoded, before pickling.

    The parent writes the encoded lines and the store rows, which read the document's fields, its
    sentences, its events and each mention's span, label and ids. Tokens, the dates and the
    mentions' working ``extra`` (their linked references, already inside the encoded events) are
    stages' working data: the ``extra`` dicts alone were most of the parent's unpickling time.
    A document restored from the store has none of them either (:func:`marsad.scale.resume.restore`).
    """
    doc.tokens = []
    doc.dates = []
    for m in doc.mentions:
        if m.extra:
            m.extra = {}


def work_item(item: Item) -> tuple[Document, bool, Lines | None]:
    """Run :func:`analyse` in a worker process (the test-only kill hook applies here).

    The document's output lines are encoded here too: JSON encoding is a good part of what the
    parent process would otherwise do alone while the workers wait for it.
    """
    raw, doc_id = item
    maybe_die(doc_id)
    assert STATE.kb is not None, "init_worker was not run"
    doc, skipped = analyse(raw, doc_id, STATE.kb, STATE.known)
    lines = None if skipped else encode_lines(doc)
    trim(doc)
    return doc, skipped, lines
