"""Eighth round: a dateline is not the subject of the story's first verb.

A sentence that opens with the filing place and a dash or colon («عمّان – …», «الخرطوم: …») names
where the story was written; a coordinated verb later in the sentence («…، فزار …») shares the
subject of the first verb, which comes after the dateline. Every sentence here was written for
these tests.
"""

from __future__ import annotations

from typing import Any

from events_helpers import ids, make_doc

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon
from marsad.model import Document


def _events(doc: Document) -> list[dict[str, Any]]:
    return extract_events(doc, load_lexicon(), {})


def _visits(doc: Document) -> list[dict[str, Any]]:
    return [e for e in _events(doc) if e["type"] == "CONSULT"]


def test_dash_dateline_is_not_the_visitor():
    text = "عمّان – واصل وزير الخارجية أيمن الصفدي مساعيه الحميدة، فزار أمس بغداد."
    doc = make_doc(text, actors={"عمّان": ("jordan", "Jordan"),
                                 "وزير الخارجية أيمن الصفدي": ("ayman_safadi", "Ayman Safadi")},
                   places={"بغداد": "Baghdad"})
    visits = _visits(doc)
    assert visits, "the visit is found"
    assert all("jordan" not in ids(e["actor"]) for e in visits)
    assert any(ids(e["actor"]) == ["ayman_safadi"] for e in visits)


def test_colon_dateline_is_not_the_visitor():
    text = "القاهرة: واصل المبعوث الأممي غير بيدرسن مساعيه، فزار اليوم دمشق."
    doc = make_doc(text, actors={"القاهرة": ("egypt", "Egypt"),
                                 "المبعوث الأممي غير بيدرسن": ("geir_pedersen", "Geir Pedersen")},
                   places={"دمشق": "Damascus"})
    visits = _visits(doc)
    assert any(ids(e["actor"]) == ["geir_pedersen"] for e in visits)
    assert all("egypt" not in ids(e["actor"]) for e in visits)


def test_sentence_initial_subject_without_dash_still_acts():
    # no dateline mark: the opening name is the subject of the first verb and of the coordinated one
    text = "وزير الخارجية أيمن الصفدي واصل مساعيه الحميدة، فزار أمس بغداد."
    doc = make_doc(text, actors={"وزير الخارجية أيمن الصفدي": ("ayman_safadi", "Ayman Safadi")},
                   places={"بغداد": "Baghdad"})
    assert any(ids(e["actor"]) == ["ayman_safadi"] for e in _visits(doc))
