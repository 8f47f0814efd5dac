"""Helpers of the recogniser tests: a text through the stages before the recogniser, then it."""

from __future__ import annotations

from marsad.model import Document, Mention
from marsad.pipeline import Knowledge, text_stage, time_stage


def recognized(kb: Knowledge, text: str, published: str) -> list[Mention]:
    """The recogniser's mentions of ``text`` (dates left out), as of ``published``."""
    doc = Document("t", "t", text=text, published=published)
    text_stage(doc, kb)
    time_stage(doc, kb)
    return [m for m in kb.recognizer(doc) if m.label != "DATE"]


def by_text(ms: list[Mention]) -> dict[str, Mention]:
    return {m.text: m for m in ms}
