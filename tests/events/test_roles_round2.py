"""Roles round 2: recipients, targets and places (issue 6, strict F1 and location accuracy).

Every sentence here was written for these tests.
"""

from __future__ import annotations

from typing import Any

from events_helpers import ids, make_doc

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon
from marsad.model import Document


def _events(doc: Document) -> list[dict[str, Any]]:
    return extract_events(doc, load_lexicon(), {})


def _of(doc: Document, type_: str) -> list[dict[str, Any]]:
    return [e for e in _events(doc) if e["type"] == type_]


def test_conjunction_on_a_preposition_word_still_governs_the_place():
    # «وفي الموصل،»: the و is the conjunction; the place is still governed by في
    text = "وفي الموصل، التقى وزير الدفاع العراقي قائد العمليات المشتركة، أمس."
    doc = make_doc(text, actors={"وزير الدفاع العراقي": ("iq_mod", "Iraqi defence minister"),
                                 "قائد العمليات المشتركة": ("jo_cmd", "Joint operations commander")},
                   places={"الموصل": "Mosul"})
    (meet,) = _of(doc, "CONSULT")
    assert ids(meet["actor"]) == ["iq_mod"]
    assert ids(meet["recipient"]) == ["jo_cmd"]
    assert meet["location"]["name_en"] == "Mosul"
