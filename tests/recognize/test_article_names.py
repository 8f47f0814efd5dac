"""A person's one-word alias glued to the article is a common word, not the person.

«الرئيسي» (main) is not Ebrahim Raisi, «السلام» (peace) not Tammam Salam, «المؤدي» (leading to) not
Narendra Modi; names the knowledge base writes with the article («السيسي») still read with clitics.
"""

from __future__ import annotations

import pytest

from marsad.model import Document
from marsad.pipeline import Knowledge, text_stage


def _linked(kb: Knowledge, text: str) -> list[tuple[str, str | None]]:
    doc = Document(doc_id="t", source="test", text=text, published="2022-01-01")
    text_stage(doc, kb)
    return [(m.text, m.actor_id) for m in kb.recognizer(doc)]


@pytest.mark.parametrize(("text", "word", "person"), [
    ("قال الرئيس الإيراني إبراهيم رئيسي إن الهدف الرئيسي هو الأمن.", "الرئيسي", "ebrahim_raisi"),
    ("التقى رئيس الوزراء اللبناني تمام سلام وفدا أوروبيا، وقال إن السلام ممكن.", "السلام", "tammam_salam"),
    ("أغلق الطريق المؤدي إلى المطار، بحسب رئيس الوزراء الهندي ناريندرا مودي.", "المؤدي", "narendra_modi"),
])
def test_common_word_with_article_is_not_the_person(kb: Knowledge, text: str, word: str, person: str) -> None:
    linked = _linked(kb, text)
    assert any(actor == person for _, actor in linked)  # the person himself is still found
    assert all(word not in mention for mention, _ in linked)


def test_names_written_with_the_article_keep_their_clitics(kb: Knowledge) -> None:
    linked = _linked(kb, "استقبل الرئيس المصري عبد الفتاح السيسي الوفد، وقال المتحدث باسمه إن وللسيسي موقفا.")
    assert ("وللسيسي", "abdel_fattah_el_sisi") in linked
