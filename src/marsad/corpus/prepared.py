"""The cross-document pass's per-document work, done as documents are stored instead of at the end.

:func:`marsad.corpus.finalize` needs every document of the store at once, so it runs after the
analysis — with a pool of workers, on one core while the others wait. Its near-duplicate search
starts with a per-document step, though: the MinHash signature of each text. :class:`Prepared`
computes it when a batch is written (:meth:`marsad.store.Store.write` feeds it), while the workers
are still analysing, and the final pass takes the signatures from here.

A signature depends on the text alone and is keyed by the text's ``content_sha256``, so it is valid
whatever happened to the document's row since. The cache is bounded (512 bytes a document); past
the bound the final pass computes the rest itself.

The event clustering likewise starts by hashing each event's evidence sentence (its words, its first
shingles); the rows carry those hashes too, keyed by the sentence's text, each packed in one ``bytes``
(:func:`marsad.corpus.dedup.evidence_hashes`). Decoded event records are not held this way: a
decoded core of every event held through the run cost the garbage collector more than it saved,
while ``bytes`` values are not tracked by it at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from marsad.corpus.dedup import evidence_hashes, signature

if TYPE_CHECKING:
    from marsad.model import Document

MAX_DOCUMENTS = 100_000
MAX_EVIDENCE = 100_000  # evidence sentences (some 300 bytes each with their text: ≈ 30 MB when full, as the signatures)


class Prepared:
    """MinHash signatures of the texts stored so far, by ``content_sha256``, and the hashed evidence
    sentences of their events (text → :func:`marsad.corpus.dedup.evidence_hashes`)."""

    def __init__(self) -> None:
        self.signatures: dict[str, np.ndarray] = {}
        self.evidence: dict[str, bytes] = {}

    def add(self, docs: Iterable[Document]) -> None:
        """Prepare a batch just written to the store."""
        sigs, evidence = self.signatures, self.evidence
        for d in docs:
            sha = d.content_sha256
            if d.status == "ok" and sha and sha not in sigs and len(sigs) < MAX_DOCUMENTS:
                sigs[sha] = signature(d.text)
            if d.status == "ok" and len(evidence) < MAX_EVIDENCE:
                for e in d.events:
                    text = (e.get("evidence") or {}).get("text")
                    if text and isinstance(text, str) and text not in evidence:
                        evidence[text] = evidence_hashes(text)

    def signature_of(self, sha: str | None, text: str) -> np.ndarray:
        """The signature of ``text`` (whose hash is ``sha``), prepared or computed now."""
        sig = self.signatures.get(sha) if sha else None
        return sig if sig is not None else signature(text)
