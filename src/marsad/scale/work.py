"""The unit of work every engine runs on one input: ingest, the resume check, then the stages.

Worker processes keep their :class:`~marsad.pipeline.Knowledge` and the run's known fingerprints in
:data:`STATE`, set once per process (inherited through ``fork`` when possible, so workers start warm).
"""

from __future__ import annotations

import json
import signal
import sys
from dataclasses import dataclass, field

from marsad import pipeline
from marsad.ingest import RawInput
from marsad.model import Document
from marsad.pipeline import tune_gc
from marsad.scale.faults import maybe_die
from marsad.scale.pool import WORKER_DIED
from marsad.scale.resume import Fingerprint, fingerprint

Item = tuple[RawInput, str]  # an input and the doc_id it gets in this run
# A document's output lines: its documents.jsonl line, its events' (event_id, JSON text) pairs and
# its mentions.jsonl lines joined.
Lines = tuple[str, list[tuple[str, str]], str]


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


def lost_document(item: Item, reason: str = WORKER_DIED) -> tuple[Document, bool]:
    """The result for an input that killed its worker process every time it was tried."""
    raw, doc_id = item
    return Document(doc_id=doc_id, source=raw.source).reject(reason, stage="worker"), False


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
