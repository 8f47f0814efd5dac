"""The pipeline: stages as functions over a :class:`Document` plus read-only knowledge.

Each stage takes ``(doc, knowledge)`` and fills one layer of the document. Knowledge (actor and
place indexes, compiled lexicons, the NER model) is loaded once per process by
:class:`Knowledge` and never mutated, so the same stages run in one process, in a process pool,
or as Dask tasks. A stage that raises rejects only its own document, naming the stage.
"""

from __future__ import annotations

import gc
import logging
import traceback
from collections.abc import Callable
from datetime import date
from functools import cached_property
from typing import Any

from marsad.ingest import RawInput, load_document
from marsad.model import Document

log = logging.getLogger("marsad.pipeline")

# Objects allocated before CPython's cyclic garbage collector runs its youngest generation (default
# 700). A document allocates hundreds of thousands of short-lived objects (tokens, hits, mentions), so
# at 700 the collector ran thousands of times per run and kept promoting live working data until it
# triggered full collections, each traversing the whole loaded knowledge (the events lexicon alone
# holds dicts of 260,000 entries): 2.4 s of a 24 s run in collection. At 10,000 most working
# objects are freed by reference counting before a collection looks at them (0.6 s).
GC_GEN0_THRESHOLD = 10_000
_gc_tuned = False


def tune_gc(*, freeze: bool = False) -> None:
    """Raise the collector's youngest-generation threshold for a process that analyses documents
    (once; left alone if the collector is disabled or already set higher). With ``freeze``, the
    objects alive now (the loaded knowledge) move to the permanent generation: never traversed again,
    and in a forked worker their pages are not dirtied by the collector (copy-on-write stays shared).
    """
    global _gc_tuned
    if freeze:
        gc.freeze()
    if _gc_tuned:
        return
    _gc_tuned = True
    gen0, gen1, gen2 = gc.get_threshold()
    if gc.isenabled() and 0 < gen0 < GC_GEN0_THRESHOLD:
        gc.set_threshold(GC_GEN0_THRESHOLD, gen1, gen2)


class Knowledge:
    """Read-only resources shared by all documents of a process, each loaded on first use."""

    @cached_property
    def actors(self) -> Any:
        from marsad.knowledge import load_actors
        return load_actors()

    @cached_property
    def places(self) -> Any:
        from marsad.knowledge.places import load_places
        return load_places()

    @cached_property
    def recognizer(self) -> Any:
        from marsad.recognize import load_recognizer
        return load_recognizer(self)

    @cached_property
    def event_extractor(self) -> Any:
        from marsad.events import load_extractor
        return load_extractor(self)

    def warm(self) -> Knowledge:
        """Load everything now (before forking workers or timing a run), then tune the garbage
        collector for analysing documents (:func:`tune_gc`: the knowledge is frozen)."""
        for stage_name, _ in STAGES:
            warm = _WARMERS.get(stage_name)
            if warm:
                warm(self)
        tune_gc(freeze=True)
        return self


Stage = Callable[[Document, Knowledge], None]


def text_stage(doc: Document, kb: Knowledge) -> None:
    """Sentences and tokens (with clitic segmentation) over the cleaned text."""
    from marsad.arabic import split_sentences, tokenize
    doc.sentences = split_sentences(doc.text)
    for i, s in enumerate(doc.sentences):
        s.index = i
    doc.tokens = [t for s in doc.sentences for t in tokenize(s.text, start=s.start)]


def recognize_stage(doc: Document, kb: Knowledge) -> None:
    """Mentions of actors, places and unknown names (gazetteer + NER), linked to knowledge ids."""
    doc.mentions = kb.recognizer(doc)
    if doc.outlet is None:
        doc.outlet = outlet_from_mentions(doc)


_OUTLET_LINES = 12


def outlet_from_mentions(doc: Document) -> str | None:
    """The outlet when a known news outlet's name stands alone on a line near the top or the end.

    Scraped pages keep the site's name as a line of its own («ميدل ايست أونلاين»); a name inside a
    sentence («نقلت وكالة رويترز») is a source, not the publisher, and is not taken.
    """
    lines = doc.text.split("\n")
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    edge = set(range(min(_OUTLET_LINES, len(lines)))) | set(range(max(0, len(lines) - _OUTLET_LINES), len(lines)))
    for m in doc.mentions:
        ref = m.extra.get("ref") or {}
        if ref.get("sector") != "MED" or not ref.get("id") or ref["id"].startswith(("unresolved:", "office:")):
            continue
        k = doc.text.count("\n", 0, m.start)
        if k in edge and lines[k].strip(" \t.:-–|") == m.text:
            return m.text
    return None


def time_stage(doc: Document, kb: Knowledge) -> None:
    """Temporal expressions resolved against the publication date."""
    from marsad.time import find_dates
    ref = date.fromisoformat(doc.published) if doc.published else None
    doc.dates = find_dates(doc.text, ref)
    if ref is None:
        inferred = infer_publication_date(doc.dates)
        if inferred:
            doc.published, doc.published_basis = inferred.isoformat(), "inferred"
            doc.dates = find_dates(doc.text, inferred)


def infer_publication_date(dates: list) -> date | None:
    """A stand-in reference date for an article that states none: the latest full date it mentions.

    News reports what just happened, so the latest day-precision date written in the text is the
    best available anchor for «أمس» or «الثلاثاء». It is marked ``published_basis: "inferred"`` so a
    user can tell it from a stated date; with no full date in the text the article stays undated.
    """
    days = []
    for d in dates:
        if d.kind in ("absolute", "hijri") and d.precision == "day" and d.value and len(d.value) == 10:
            try:
                days.append(date.fromisoformat(d.value))
            except ValueError:
                continue
    return max(days) if days else None


def events_stage(doc: Document, kb: Knowledge) -> None:
    """PLOVER events with arguments, modality, quantities and evidence."""
    doc.events = kb.event_extractor(doc)


STAGES: list[tuple[str, Stage]] = [
    ("text", text_stage),
    ("recognize", recognize_stage),
    ("time", time_stage),
    ("events", events_stage),
]


def _warm_text(kb: Knowledge) -> None:
    # The sentence splitter's abbreviations and the segmenter's stem lexicon load on first use.
    from marsad.arabic import split_sentences, tokenize
    for s in split_sentences("قال الرئيس إن الحكومة ستعقد اجتماعاً. وأضاف للصحفيين."):
        tokenize(s.text, start=s.start)


def _warm_recognize(kb: Knowledge) -> None:
    kb.recognizer._tagger()  # the NER model loads lazily: load it before forking, not once per worker


def _warm_time(kb: Knowledge) -> None:
    from marsad.time.patterns import grammar
    grammar()


_WARMERS: dict[str, Callable[[Knowledge], Any]] = {
    "text": _warm_text,
    "recognize": _warm_recognize,
    "time": _warm_time,
    "events": lambda kb: kb.event_extractor,
}


def _run_stage(doc: Document, kb: Knowledge, name: str, stage: Stage) -> bool:
    """Run one stage; on failure reject the document with the stage named and return False."""
    try:
        stage(doc, kb)
    except Exception as exc:  # one document's failure must never stop the run
        log.debug("stage %s failed on %s:\n%s", name, doc.source, traceback.format_exc())
        doc.sentences, doc.tokens, doc.mentions, doc.dates, doc.events = [], [], [], [], []
        doc.reject(f"internal error in stage '{name}': {type(exc).__name__}: {exc}", stage=name)
        return False
    return True


def process_document(doc: Document, kb: Knowledge) -> Document:
    """Run every stage on an accepted document; a failing stage rejects it with the stage named."""
    if doc.status != "ok":
        return doc
    for name, stage in STAGES:
        if not _run_stage(doc, kb, name, stage):
            break
    return doc


def prepare_recognize(docs: list[Document], kb: Knowledge) -> None:
    """Tag the sentences of several documents with the NER model in one batch, ahead of their
    recognise stage (:meth:`marsad.recognize.Recognizer.prepare`)."""
    kb.recognizer.prepare(docs)


def process_documents(docs: list[Document], kb: Knowledge) -> list[Document]:
    """:func:`process_document` for several documents, with the same results.

    The text stage runs on all of them first, so that the NER model tags all their sentences in one
    batch (its decoding costs a fixed number of array operations per batch, not per sentence); then
    the other stages run document by document. Should the batch fail, every document is tagged on
    its own in its recognise stage, so a failure still rejects only its own document.
    """
    stages = list(STAGES)
    if len(docs) < 2 or not stages or stages[0][0] != "text":
        return [process_document(doc, kb) for doc in docs]
    name, first = stages[0]
    ready = [doc for doc in docs if doc.status == "ok" and _run_stage(doc, kb, name, first)]
    if len(ready) > 1:
        try:
            prepare_recognize(ready, kb)
        except Exception:
            log.debug("batched NER failed; tagging document by document:\n%s", traceback.format_exc())
    for doc in ready:
        for name, stage in stages[1:]:
            if not _run_stage(doc, kb, name, stage):
                break
    return docs


def process_raw(raw: RawInput, doc_id: str, kb: Knowledge) -> Document:
    """Ingest and process one input, never raising."""
    try:
        doc = load_document(raw, doc_id)
    except Exception as exc:
        log.debug("ingest failed on %s:\n%s", raw.source, traceback.format_exc())
        return Document(doc_id=doc_id, source=raw.source).reject(
            f"internal error in stage 'ingest': {type(exc).__name__}: {exc}", stage="ingest")
    return process_document(doc, kb)
