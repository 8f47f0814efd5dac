"""Round 20 — general classes found by batch D of the coverage suite and the dev errors.

* a masdar whose genitive is «بلاده» is the act of the subject's own state («أكد الرئيس الفرنسي
  دعم بلاده لسيادة لبنان»), and the party after it is the recipient;
* a delegation stands for the body it comes from («وصل وفد من حركة حماس»), and a nisba still
  names a delegation's state («وفد عسكري إيراني»);
* warships by class license a deployment («نشرت الولايات المتحدة مدمرتين»);
* exchanging ambassadors and establishing ties are cooperation, with the verb split by its subject;
* what parties act against («ضد») is never the other party of a joint happening.

Every text here was written for these tests; they run the whole pipeline.
"""

from __future__ import annotations

from events_helpers import pipeline_events as _events
from events_helpers import sides as _sides


def test_support_of_his_country_is_the_speakers_state(nlp):
    (support,) = _events(nlp, "وأكد وزير الخارجية التركي دعم بلاده لوحدة أراضي سوريا.", "SUPPORT", "2024-03-10")
    actor, recipient = _sides(support)
    assert "turkey" in actor and recipient == ["syria"]


def test_refusal_of_her_country_with_no_other_party(nlp):
    (refusal,) = _events(nlp, "وأعلنت وزيرة الخارجية الألمانية رفض بلادها للقرار.", "REJECT", "2024-03-10")
    assert "germany" in _sides(refusal)[0]


def test_his_country_before_the_verb_is_left_to_the_reported_clause(nlp):
    # «إن بلاده ستواصل دعم …»: the own-country word stands before the trigger, not as its genitive
    events = _events(nlp, "وقال الرئيس الإيراني إن بلاده ستواصل دعم الحكومة السورية.", "SUPPORT", "2016-06-01")
    assert events and all(_sides(e)[1] == ["syria"] for e in events)


def test_a_delegation_from_a_body_is_that_body(nlp):
    (visit,) = _events(nlp, "وصل وفد من حركة حماس إلى القاهرة لإجراء مباحثات.", "CONSULT", "2024-03-10")
    assert _sides(visit) == (["hamas"], ["egypt"])


def test_a_delegation_named_by_a_nisba_is_its_state(nlp):
    # (round 23: «وفد عسكري إيراني» is the armed forces, `test_round23`; a plain one is the state)
    (visit,) = _events(nlp, "ومن المقرر أن يزور وفد إيراني دمشق الأسبوع المقبل.", "CONSULT", "2024-03-10")
    assert _sides(visit)[0] == ["iran"]


def test_destroyers_are_a_deployment(nlp):
    (move,) = _events(nlp, "نشرت الولايات المتحدة مدمرتين في شرق البحر المتوسط.", "MOBILIZE", "2024-03-10")
    assert _sides(move)[0] == ["united_states"]


def test_publishing_is_no_deployment(nlp):
    assert not _events(nlp, "نشرت صحيفة فرنسية تقريرا عن الفرقاطات الجديدة.", "MOBILIZE", "2024-03-10")


def test_exchanging_ambassadors_is_cooperation(nlp):
    (ties,) = _events(nlp, "تبادلت السعودية وإيران السفراء بعد سنوات من القطيعة.", "COOPERATE", "2024-03-10")
    assert _sides(ties) == (["saudi_arabia"], ["iran"])


def test_establishing_ties_is_cooperation(nlp):
    (ties,) = _events(nlp, "أقامت الإمارات وإسرائيل علاقات دبلوماسية كاملة.", "COOPERATE", "2024-03-10")
    assert _sides(ties) == (["united_arab_emirates"], ["israel"])


def test_the_target_of_an_agreement_is_not_its_party(nlp):
    text = "وقع العراق وتركيا مذكرة تفاهم للتعاون الأمني ضد حزب العمال الكردستاني."
    (deal,) = _events(nlp, text, "AGREE", "2024-03-10")
    assert _sides(deal) == (["iraq"], ["turkey"])


def test_an_operation_launched_under_its_code_name_is_an_attack(nlp):
    text = "وكانت تركيا قد أطلقت في التاسع من تشرين الأول عملية «نبع السلام» ضد قوات سوريا الديمقراطية."
    (attack,) = _events(nlp, text, "ASSAULT", "2019-11-01")
    assert _sides(attack) == (["turkey"], ["sdf"])


def test_a_relief_operation_launched_is_no_attack(nlp):
    assert not _events(nlp, "أطلقت الأمم المتحدة عملية إغاثة واسعة في غزة.", "ASSAULT", "2024-03-10")


def test_a_decision_is_made_by_the_one_who_decides(nlp):
    text = "وقررت الحكومة الأردنية تخفيف القيود على حركة البضائع عبر الحدود."
    (ease,) = _events(nlp, text, "CONCEDE", "2024-03-10")
    assert _sides(ease)[0] == ["jordan"]


def test_suspending_cooperation_is_a_sanction_not_cooperation(nlp):
    text = "أعلنت السلطة الفلسطينية وقف التعاون الأمني مع إسرائيل."
    assert not _events(nlp, text, "COOPERATE", "2024-03-10")
    (halt,) = _events(nlp, text, "SANCTION", "2024-03-10")
    assert _sides(halt) == (["palestinian_authority"], ["israel"])


def test_concern_expressed_with_the_other_verb(nlp):
    (concern,) = _events(nlp, "وعبرت فرنسا عن قلقها من تدهور الأوضاع الأمنية في بوركينا فاسو.", "ACCUSE",
                         "2024-03-10")
    assert _sides(concern)[0] == ["france"]


def test_across_the_border_governs_nothing(nlp):
    # «عبر» the preposition is not the verb «عبّر»: the attack keeps its own actor
    (attack,) = _events(nlp, "تسلل مسلحون عبر الحدود ونفذوا هجوما على موقع عسكري.", "ASSAULT", "2024-03-10")
    assert _sides(attack)[0] == ["gunmen"]


def test_restoring_their_ties(nlp):
    (ties,) = _events(nlp, "أعادت البحرين وقطر علاقاتهما الدبلوماسية.", "COOPERATE", "2024-03-10")
    assert _sides(ties) == (["bahrain"], ["qatar"])


def test_laying_down_arms_is_disarming(nlp):
    (disarm,) = _events(nlp, "أعلن حزب العمال الكردستاني حل نفسه وإلقاء السلاح.", "RETREAT", "2025-05-12")
    assert disarm["mode"] == "disarm" and _sides(disarm)[0] == ["pkk"]


def test_places_of_a_later_clause_do_not_split_the_attack(nlp):
    text = ("وكانت تركيا قد أطلقت عملية «نبع السلام» ضد قوات سوريا الديمقراطية «قسد»، "
            "وسيطرت على مدينتي تل أبيض ورأس العين.")
    assert len(_events(nlp, text, "ASSAULT", "2019-11-01")) == 1
    assert len(_events(nlp, text, "COERCE", "2019-11-01")) == 2  # the seizure is one event per town


def test_coordinated_places_of_its_own_clause_still_split(nlp):
    assert len(_events(nlp, "شنت الطائرات الإسرائيلية غارات على إدلب وحماة.", "ASSAULT", "2019-11-01")) == 2
