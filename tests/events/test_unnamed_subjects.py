"""Unnamed subjects that stand for a named body: a definite force noun with its state's nisba
(«قصفت المدفعية التركية»), members of a body («هاجم عناصر من تنظيم داعش»). Sentences written for
these tests; they run the whole pipeline."""

from __future__ import annotations

import pytest
from events_helpers import pipeline_events, sides


@pytest.mark.parametrize(("text", "actor"), [
    ("قصفت المدفعية التركية مواقع للمقاتلين الأكراد قرب الحدود.", "turkish_armed_forces"),
    ("وقصفت الزوارق الإيرانية سفينة تجارية في مياه الخليج.", "iranian_forces"),
    ("هاجم عناصر من تنظيم داعش قرية في محافظة كركوك.", "isis"),
    ("واقتحم مسلحون تابعون لحركة الشباب مقراً حكومياً في مقديشو.", "al_shabaab"),
])
def test_the_body_behind_an_unnamed_subject_is_the_attacker(nlp, text: str, actor: str) -> None:
    attacks = pipeline_events(nlp, text, "ASSAULT")
    assert [sides(e)[0] for e in attacks] == [[actor]], attacks


def test_a_force_noun_after_a_preposition_is_no_subject(nlp) -> None:
    # «على المدفعية التركية»: the artillery is the target here, not the one who shells
    text = "ردّت القوات السورية بالقصف على المدفعية التركية قرب الحدود."
    assert all("turkish_armed_forces" not in sides(e)[0] for e in pipeline_events(nlp, text, "ASSAULT"))


def test_a_member_noun_without_a_body_does_not_take_the_target_as_subject(nlp) -> None:
    # «مسلحون مجهولون» links to no body: the army after it is the target, never the attacker
    text = "هاجم مسلحون مجهولون حاجزاً للجيش السوري في ريف درعا."
    assert all("syrian_army" not in sides(e)[0] for e in pipeline_events(nlp, text, "ASSAULT"))


@pytest.mark.parametrize(("text", "type_", "actor", "recipient"), [
    ("هاجم مسلحون مجهولون حاجزاً للشرطة في ريف درعا.", "ASSAULT", "gunmen", None),
    ("اشتبك الجيش الأردني مع مهربين على الحدود مع سوريا.", "ASSAULT", "jordanian_army", "smugglers"),
    ("وخطف قراصنة صوماليون سفينة تجارية قبالة السواحل.", "COERCE", "pirates", None),
])
def test_generic_groups_take_part(nlp, text: str, type_: str, actor: str, recipient: str | None) -> None:
    (event,) = pipeline_events(nlp, text, type_)
    actors, recipients = sides(event)
    assert actors == [actor]
    assert recipient is None or recipient in recipients


def test_an_armed_adjective_is_not_the_gunmen(nlp) -> None:
    # «معارضيه المسلحين»: «المسلحين» qualifies the opponents; it names no group of its own
    doc = nlp("وقال الرئيس إن معارضيه المسلحين خسروا مواقع كثيرة.", published="2023-05-01")
    assert all(m.actor_id != "gunmen" for m in doc.mentions)


@pytest.mark.parametrize(("text", "attacker"), [
    ("قتل ثلاثة جنود في هجوم لحزب العمال الكردستاني شمالي العراق.", "pkk"),
    ("أصيب مدنيون في قصف للجيش السوري على ريف إدلب.", "syrian_army"),
])
def test_lam_after_an_attack_noun_names_the_attacker(nlp, text: str, attacker: str) -> None:
    (attack,) = pipeline_events(nlp, text, "ASSAULT")
    actors, recipients = sides(attack)
    assert actors == [attacker] and attacker not in recipients


def test_lam_after_a_visit_still_names_where_it_goes(nlp) -> None:
    # «زيارة لطهران»: ل after a visit is its destination, not its agent
    events = pipeline_events(nlp, "وصل وزير الخارجية السوري في زيارة لطهران تستمر يومين.", "CONSULT",
                             published="2021-05-01")
    assert events and all("iran" not in sides(e)[0] for e in events)


def test_a_march_organised_is_a_protest_but_a_drone_is_not(nlp) -> None:
    # «مسيرة» is a march only as the object of a light verb; «طائرات مسيرة» are drones
    assert pipeline_events(nlp, "نظم آلاف المغاربة مسيرة في الرباط تضامناً مع غزة.", "PROTEST")
    assert not pipeline_events(nlp, "هاجمت طائرات مسيرة قاعدة عسكرية في الصحراء.", "PROTEST")


def test_an_irregular_demonym_names_the_state(nlp) -> None:
    doc = nlp("وتظاهر آلاف المغاربة أمام البرلمان في الرباط.", published="2023-05-01")
    assert any(m.text == "المغاربة" and m.actor_id == "morocco" for m in doc.mentions)
