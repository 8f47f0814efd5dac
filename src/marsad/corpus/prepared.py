"""The cross-document pass's per-document work, done as documents are stored instead of at the end.

:func:`marsad.corpus.finalize` needs every document of the store at once, so it runs after the
analysis — with a pool of workers, on one core while the others wait. Most of its cost is per
document, though: the MinHash signature of each text (near-duplicates) and, per event, decoding its
record and hashing its evidence (clusters). :class:`Prepared` computes those when a batch is written
(:meth:`marsad.store.Store.write` feeds it), while the workers are still analysing, and the final
pass takes them from here.

Nothing is trusted blindly: a signature is keyed by the text's ``content_sha256``, and an event's
core is used only if the record now in the store is the exact JSON text it was computed from (an
event rewritten since, or stored by an earlier run, is decoded as before). Both caches are bounded,
so a very large run keeps its memory; past the bound the final pass computes the rest itself.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from marsad.corpus.cluster import EventCore, event_core
from marsad.corpus.dedup import signature
from marsad.corpus.ontology import load_ontology

if TYPE_CHECKING:
    from marsad.model import Document

log = logging.getLogger("marsad.corpus")

MAX_DOCUMENTS = 50_000  # 512 bytes of signature each
MAX_EVENTS = 100_000  # a few hundred bytes each, plus the record text it was computed from
MAX_TEXTS = 100_000  # distinct evidence sentences whose hashes are kept


class Prepared:
    """Signatures by ``content_sha256`` and event cores by event_id, with the record text they came from."""

    def __init__(self) -> None:
        self.signatures: dict[str, np.ndarray] = {}
        self.events: dict[str, tuple[str, EventCore]] = {}
        self._seen_text: dict[str, tuple[frozenset[int], tuple[int, ...]]] = {}
        self._onto = load_ontology()

    def add(self, docs: Iterable[Document], event_json: Mapping[str, str]) -> None:
        """Prepare a batch just written to the store (``event_json``: event_id → stored record text)."""
        onto, seen = self._onto, self._seen_text
        for d in docs:
            if d.status != "ok":
                continue
            if d.content_sha256 and len(self.signatures) < MAX_DOCUMENTS and d.content_sha256 not in self.signatures:
                self.signatures[d.content_sha256] = signature(d.text)
            for e in d.events:
                if len(self.events) >= MAX_EVENTS:
                    break
                text = event_json.get(e["event_id"])
                if text is None:
                    text = json.dumps(e, ensure_ascii=False)  # what the store wrote (see Store.write)
                if len(seen) >= MAX_TEXTS:
                    seen.clear()
                self.events[e["event_id"]] = (text, event_core(e, onto, seen))

    def signature_of(self, sha: str | None, text: str) -> np.ndarray:
        """The signature of ``text`` (whose hash is ``sha``), prepared or computed now."""
        sig = self.signatures.get(sha) if sha else None
        return sig if sig is not None else signature(text)

    def core_or_record(self, event_id: str, record: str) -> EventCore | dict[str, Any]:
        """The prepared core if ``record`` is the text it was computed from, else the decoded record."""
        hit = self.events.get(event_id)
        if hit is not None and hit[0] == record:
            return hit[1]
        return json.loads(record)
