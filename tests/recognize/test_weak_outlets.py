"""An outlet's one-word name that is a common word counts only once the article names it in full."""

from __future__ import annotations

from marsad.model import Document
from marsad.pipeline import Knowledge, text_stage


def _actors(kb: Knowledge, text: str) -> list[tuple[str, str | None]]:
    doc = Document(doc_id="t", source="test", text=text, published="2024-01-10")
    text_stage(doc, kb)
    return [(m.text, m.actor_id) for m in kb.recognizer(doc)]


def test_drones_in_a_yemeni_story_are_not_al_masirah(kb: Knowledge) -> None:
    text = ("وتشن جماعة الحوثي في اليمن هجمات بالصواريخ والطائرات المسيرة على سفن في البحر الأحمر، "
            "وقال المتحدث العسكري اليمني إن صنعاء ستواصل عملياتها.")
    assert all(actor != "al_masirah" for _, actor in _actors(kb, text))


def test_the_channel_named_in_full_then_short(kb: Knowledge) -> None:
    text = "وقالت قناة المسيرة التابعة للحوثيين إن الغارات استهدفت صنعاء. وأضافت المسيرة أن الضربات تواصلت."
    assert [t for t, actor in _actors(kb, text) if actor == "al_masirah"] == ["قناة المسيرة", "المسيرة"]
