"""Round 13 — events found but thrown away (document-level merge, participant filter, floor).

Every text here was written for these tests; the end-to-end ones run the whole pipeline
(recogniser, time, events).
"""

from __future__ import annotations

from typing import Any

from events_helpers import pipeline_events as _events
from events_helpers import sides as _sides

from marsad.events.extract import _same_happening


def _ev(type_: str, actor: list[str], recipient: list[str]) -> dict[str, Any]:
    return {"type": type_, "actor": [{"id": a} for a in actor], "recipient": [{"id": r} for r in recipient],
            "status": "asserted", "date": None, "location": None, "_headline": False}


SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def test_a_directed_act_with_reversed_roles_is_another_happening():
    # «حمّلت النهضة سعيّد المسؤولية» / «ويتهم سعيّد خصومه»: the accused of one accuses in the other
    a, b = _ev("ACCUSE", ["ennahda"], ["kais_saied"]), _ev("ACCUSE", ["kais_saied"], [])
    assert not _same_happening(a, b, SYMMETRIC)
    assert not _same_happening(b, a, SYMMETRIC)


def test_a_retold_directed_act_still_merges():
    a, b = _ev("ACCUSE", ["iran"], ["united_states"]), _ev("ACCUSE", ["iran"], [])
    assert _same_happening(a, b, SYMMETRIC)


def test_a_joint_happening_may_swap_its_roles():
    a, b = _ev("CONSULT", ["bashar_al_assad"], ["ali_khamenei"]), _ev("CONSULT", ["ali_khamenei"], ["bashar_al_assad"])
    assert _same_happening(a, b, SYMMETRIC)


def test_mutual_accusations_are_two_events(nlp):
    text = ("اتهمت إيران الولايات المتحدة بدعم الإرهاب في المنطقة. "
            "ومن جهتها، اتهمت الولايات المتحدة إيران بتهديد الملاحة في الخليج.")
    sides = sorted(_sides(e) for e in _events(nlp, text, "ACCUSE"))
    assert sides == [(["iran"], ["united_states"]), (["united_states"], ["iran"])]


def test_a_reception_and_a_meeting_of_the_same_pair_stay_one(nlp):
    text = ("استقبل الرئيس السوري بشار الأسد وزير الخارجية الإيراني حسين أمير عبد اللهيان في دمشق. "
            "والتقى عبد اللهيان الأسد لبحث العلاقات الثنائية.")
    assert len(_events(nlp, text, "CONSULT")) == 1


def test_an_announced_measure_is_the_announcers_act(nlp):
    # the masdar object of «أعلن + subject» names no agent of its own: the one who announces it does it
    text = "وأعلن رئيس الوزراء العراقي مصطفى الكاظمي فرض حظر للتجول في البصرة حتى إشعار آخر."
    (curfew,) = _events(nlp, text, "COERCE")
    assert _sides(curfew)[0] == ["mustafa_al_kadhimi"]


def test_a_reporting_participle_after_a_comma_carries_the_subject(nlp):
    text = "وتحدث وزير الخارجية الأمريكي أنتوني بلينكن للصحفيين عن الأزمة، معلناً فرض عقوبات جديدة على روسيا."
    (sanction,) = _events(nlp, text, "SANCTION")
    assert _sides(sanction) == (["antony_blinken"], ["russia"])


def test_a_demand_is_not_the_demanders_act(nlp):
    # «مطالبةً بالإفراج»: «طالب» is no reporting verb, and the release is asked for, not done
    text = "ونددت حركة النهضة في بيان باعتقال زعيمها، مطالبة بالإفراج عن المعتقلين."
    assert all("ennahda" not in _sides(e)[0] for e in _events(nlp, text, "RETREAT"))
