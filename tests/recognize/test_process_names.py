"""A capital that names a diplomatic process or a conference is not its government."""

from __future__ import annotations

from marsad.model import Document
from marsad.pipeline import Knowledge, text_stage


def _mentions(kb: Knowledge, text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = Document(doc_id="t", source="test", text=text, published="2021-01-26")
    text_stage(doc, kb)
    return {m.text: (m.actor_id, m.place_id) for m in kb.recognizer(doc)}


def test_process_named_after_a_capital(kb: Knowledge) -> None:
    got = _mentions(kb, "وأوضح ظريف أن طهران وموسكو تنسقان مواقفهما ضمن «مسار أستانا».")
    actor, place = got["أستانا"]
    assert actor is None and place is not None
    assert got["طهران"][0] == "iran"  # the coordinating governments keep their reading


def test_conference_named_after_a_capital(kb: Knowledge) -> None:
    actor, _ = _mentions(kb, "وشارك وزير الخارجية التركي في مؤتمر برلين حول ليبيا.")["برلين"]
    assert actor is None


def test_capital_as_government_still_speaks(kb: Knowledge) -> None:
    assert _mentions(kb, "وقالت أستانا إنها مستعدة لاستضافة الجولة المقبلة.")["أستانا"][0] == "kazakhstan"
