"""A denial verb governing a masdar («نفى الجيش استهداف مستشفى»): the denier is the actor of the
act it denies, and the act is negated. Sentences written for these tests (whole pipeline)."""

from __future__ import annotations

import pytest
from events_helpers import pipeline_events, sides


@pytest.mark.parametrize(("text", "actor"), [
    ("نفى الجيش الإسرائيلي استهداف مستشفى في غزة.", "israeli_army"),
    ("ونفت إسرائيل استهداف مدرسة في رفح.", "israel"),
    ("نفت وزارة الدفاع الروسية استهداف مناطق سكنية في إدلب.", "russian_defence_ministry"),
])
def test_the_denier_is_the_actor_of_the_negated_act(nlp, text: str, actor: str) -> None:
    (attack,) = pipeline_events(nlp, text, "ASSAULT")
    assert sides(attack)[0] == [actor]
    assert attack["status"] == "negated"


def test_an_act_the_speaker_asserts_is_not_negated(nlp) -> None:
    # no denial: the same masdar after «أكد» is the army's asserted act
    (attack,) = pipeline_events(nlp, "أكد الجيش الإسرائيلي استهداف مستودع للأسلحة في رفح.", "ASSAULT")
    assert attack["status"] != "negated"
