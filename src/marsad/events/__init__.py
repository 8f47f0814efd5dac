"""PLOVER event extraction from Arabic news sentences.

The pipeline calls :func:`load_extractor` once per process and then the returned callable once per
document; it returns contract event dicts (``marsad.event/1``, see ``/CONTRACT.md``). Lexicons and the
ontology live in ``marsad/events/data`` and are compiled on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from marsad.events.extract import SCHEMA, extract_events
from marsad.events.lexicon import Lexicon, load_lexicon
from marsad.model import Document

__all__ = ["SCHEMA", "Lexicon", "extract_events", "load_extractor", "load_lexicon"]


def load_extractor(kb: Any = None) -> Callable[[Document], list[dict[str, Any]]]:
    """The event stage: compile the lexicons now and return ``doc -> events``.

    ``kb`` (:class:`marsad.pipeline.Knowledge`), when given, supplies the states' nisba adjectives
    («الاتفاق الإيراني الروسي» → Iran and Russia) and the host state of a visit from its place's
    country; everything else comes from the stage's own data
    files and the mentions/dates already on the document.
    """
    from marsad.events.arguments import nisba_index, state_index

    lex = load_lexicon()
    actors = getattr(kb, "actors", None) if kb is not None else None
    nisba = nisba_index(actors)
    states = state_index(actors)

    def extract(doc: Document) -> list[dict[str, Any]]:
        return extract_events(doc, lex, nisba, states=states)

    return extract
