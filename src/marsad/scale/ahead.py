"""Ingest ahead: use the idle core while the parent of a worker pool loads the knowledge.

Before forking its workers, ``marsad run --workers N`` loads the knowledge once (about a second) so
that they inherit it; until then one core works and the other waits. :class:`IngestAhead` forks a
small helper first, which ingests the first inputs (:func:`marsad.ingest.load_document`: decoding,
cleaning, boilerplate, dates) from its own copy of the input iterator. When the knowledge is loaded the
parent takes the documents ingested so far; :meth:`IngestAhead.merge` then hands them to the workers
as :class:`Ingested` items in place of the raw inputs (which the parent still reads, in the same order,
so every count and id is unchanged), and the workers skip ingest for them. Ingest is deterministic, so
the outputs are the same.

Only for inputs the helper can read independently (files and folders, not stdin); any failure simply
leaves the inputs to the workers as usual.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import signal
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from marsad.model import Document

log = logging.getLogger("marsad.scale")
# At most this many documents are ingested ahead (bounded memory: ~10 MB held by the parent until
# handed out); at ~0.5 ms each that is about as long as the knowledge takes to load.
LIMIT = 2048
_STOP = b"stop"


@dataclass
class Ingested:
    """An input already ingested by the helper: its document, ready for the stages."""

    doc: Document

    @property
    def source(self) -> str:
        return self.doc.source


def _helper(items: Iterator[tuple[Any, str]], conn: Any, limit: int) -> None:
    """In the forked helper: ingest inputs until the parent asks for them, then send them."""
    from marsad import pipeline
    from marsad.scale.work import _die_with_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    done: list[Document | None] = []
    try:
        for raw, doc_id in items:
            try:
                done.append(pipeline.load_document(raw, doc_id))
            except Exception:  # the worker gives it the same rejection as ever
                done.append(None)
            if len(done) >= limit or conn.poll():
                break
    finally:
        conn.send(done)
        conn.close()


class IngestAhead:
    """The helper process of one run (see the module's docstring)."""

    def __init__(self, proc: Any, conn: Any) -> None:
        self.proc = proc
        self.conn = conn

    @classmethod
    def start(cls, items: Iterable[tuple[Any, str]], limit: int = LIMIT) -> IngestAhead | None:
        """Fork the helper on ``items`` (not consumed here: it reads its own copy); None if it cannot,
        or if this process has a single core (the helper would only slow the knowledge load down)."""
        try:
            if len(os.sched_getaffinity(0)) < 2:
                return None
        except (AttributeError, OSError):
            return None
        try:
            ctx = mp.get_context("fork")
            mine, theirs = ctx.Pipe()
            proc = ctx.Process(target=_helper, args=(iter(items), theirs, limit), name="marsad-ingest-ahead",
                               daemon=True)
            proc.start()
            theirs.close()
            return cls(proc, mine)
        except (OSError, ValueError):
            log.debug("ingest ahead: could not start the helper", exc_info=True)
            return None

    def take(self) -> list[Document | None]:
        """Stop the helper and return what it ingested, in input order (empty if it failed)."""
        try:
            try:
                self.conn.send_bytes(_STOP)
            except OSError:  # it already finished every input, sent them and closed its end
                pass
            done = self.conn.recv()
        except (OSError, EOFError, ValueError):
            log.debug("ingest ahead: the helper gave nothing", exc_info=True)
            done = []
        finally:
            self.conn.close()
            self.proc.join(timeout=5)
            if self.proc.is_alive():
                self.proc.kill()
        return done if isinstance(done, list) else []

    def merge(self, items: Iterable[tuple[Any, str]]) -> Iterator[tuple[Any, str]]:
        """``items`` with each input the helper ingested replaced by its :class:`Ingested` document."""
        done = self.take()
        log.debug("ingest ahead: %d input(s) ingested while the knowledge loaded", len(done))
        for k, (raw, doc_id) in enumerate(items):
            doc = None
            if k < len(done):
                doc, done[k] = done[k], None  # held by the item from now on
            if doc is not None and doc.doc_id == doc_id and doc.source == getattr(raw, "source", None):
                yield Ingested(doc), doc_id
            else:
                yield raw, doc_id
