"""Recognition: mentions of actors, places, titles and dates in a document.

Public surface: :func:`load_recognizer` (the pipeline stage) and :class:`Recognizer`.
The knowledge gazetteer finds what Marsad knows (with clitics, Persian letters and typos as
aliases); titles composed with a country («وزير الدفاع الروسي», «وزير خارجية إيران») are resolved
by :mod:`marsad.link` to whoever held the office on the date; the trained NER model finds names
the knowledge base has never seen.
"""

from __future__ import annotations

from typing import Any

from marsad.recognize.recognizer import Recognizer

__all__ = ["Recognizer", "load_recognizer"]


def load_recognizer(kb: Any) -> Recognizer:
    """Build the recogniser from the pipeline's knowledge (compiled once per process)."""
    return Recognizer(kb.actors, kb.places)
