"""Nisba phrases: a plural nisba alone names the state's people (definite «الفلسطينيين», or indefinite
right after a preposition, «النار على فلسطينيين»; after a noun it is an adjective), and a state body
with a nisba («البرلمان التركي») acts for its state when the knowledge base does not list it."""

from __future__ import annotations

import pytest
from recognize_helpers import by_text, recognized


@pytest.mark.parametrize(("text", "surface", "state"), [
    ("أطلق مستوطنون النار على فلسطينيين قرب نابلس.", "فلسطينيين", "palestine"),
    ("واندلعت اشتباكات بين لبنانيين وسوريين في البلدة.", "لبنانيين", "lebanon"),
    ("أطلق المستوطنون النار على الفلسطينيين قرب نابلس.", "الفلسطينيين", "palestine"),
])
def test_a_plural_nisba_alone_is_the_state(kb, text: str, surface: str, state: str) -> None:
    m = by_text(recognized(kb, text, "2023-05-01")).get(surface)
    assert m is not None and m.actor_id == state


def test_an_indefinite_plural_nisba_after_a_noun_is_an_adjective(kb) -> None:
    # «رجال أعمال فلسطينيين»: Palestinian businessmen, not the Palestinian state
    ms = recognized(kb, "التقى الوزير وفداً من رجال أعمال فلسطينيين في عمان.", "2023-05-01")
    assert all(m.text != "فلسطينيين" for m in ms)


@pytest.mark.parametrize(("text", "surface", "state"), [
    # (Azerbaijan's foreign ministry has its own entry since round 31: Armenia's has none)
    ("قالت وزارة الخارجية الأرمينية إن الهدنة انتهكت.", "وزارة الخارجية الأرمينية", "armenia"),
    ("وصوّت البرلمان التركي على الاتفاق أمس.", "البرلمان التركي", "turkey"),
    ("وقال الجيش الكيني إن الهجوم فشل.", "الجيش الكيني", "kenya"),
])
def test_a_state_body_the_knowledge_base_lacks_acts_for_its_state(kb, text: str, surface: str, state: str) -> None:
    m = by_text(recognized(kb, text, "2023-05-01")).get(surface)
    assert m is not None and m.actor_id == state


def test_a_state_body_the_knowledge_base_lists_keeps_its_own_actor(kb) -> None:
    m = by_text(recognized(kb, "وقالت الخارجية الروسية إن الهجوم فشل.", "2023-05-01")).get("الخارجية الروسية")
    assert m is not None and m.actor_id == "russian_foreign_ministry"
