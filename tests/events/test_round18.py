"""Round 18 — recipients from the sentences around the event, and targets named by an adjective.

* a definite attack noun with an attacker and no target («… شاركت في الغارة») takes the targets of
  the attack told just before, unless it names a target of its own or its attacker was attacked;
* a threat with no addressee, in a sentence naming nobody else, by one side of the attack just
  told, is addressed to the other side;
* a condemnation whose object is a pronoun for the happening («معتبرة إياها انتهاكاً») is addressed
  to the maker of the attack just told;
* «مواقع عسكرية إسرائيلية» is the Israeli army's, «المدن والبلدات الإسرائيلية» Israel's.

Every text here was written for these tests; they run the whole pipeline.
"""

from __future__ import annotations

from events_helpers import pipeline_events as _events
from events_helpers import sides as _sides

from marsad.events.discourse import _sides as _party_sides

_RAID = "شنت طائرات حربية غارة على مواقع للجيش التركي في ريف إدلب الجنوبي. "
_SOLEIMANI = "قُتل قائد فيلق القدس قاسم سليماني في غارة شنتها طائرة أمريكية قرب مطار بغداد. "


def test_a_denied_raid_is_the_raid_told_before(nlp):
    text = _RAID + "ونفت وزارة الدفاع الروسية أن تكون طائراتها قد شاركت في الغارة."
    (raid,) = _events(nlp, text, "ASSAULT")
    assert raid["status"] == "negated"
    assert _sides(raid) == (["russian_air_force"], ["turkish_armed_forces"])


def test_a_raid_with_its_own_target_is_not_a_back_reference(nlp):
    # «الغارات الإسرائيلية على الأراضي السورية» names its target: not the raid on Hezbollah before
    text = ("قصفت المدفعية الإسرائيلية مواقع لحزب الله في جنوب لبنان. ونفت وزارة الدفاع الروسية أن تكون "
            "طائراتها قد شاركت في الغارات الإسرائيلية على الأراضي السورية.")
    raids = [e for e in _events(nlp, text, "ASSAULT") if e["trigger"]["text"] == "الغارات"]
    assert raids and all("hezbollah" not in _sides(e)[1] for e in raids)


def test_the_side_attacked_does_not_become_the_attacker_of_the_attack(nlp):
    # «وطلبت الإمارات … لبحث الهجوم»: the Emirates were attacked; they get no target of their own
    text = ("شن الحوثيون هجوماً بطائرات مسيرة على أبوظبي. "
            "وطلبت الإمارات عقد جلسة طارئة لمجلس الأمن لبحث الهجوم.")
    for attack in _events(nlp, text, "ASSAULT"):
        if _sides(attack)[0] == ["united_arab_emirates"]:
            assert _sides(attack)[1] == []


def test_a_threat_after_an_attack_addresses_the_attacker(nlp):
    text = _SOLEIMANI + "وتوعد المرشد الإيراني علي خامنئي بانتقام قاس من منفذي الهجوم."
    (threat,) = _events(nlp, text, "THREATEN")
    assert _sides(threat) == (["ali_khamenei"], ["united_states"])


def test_a_threat_in_a_sentence_naming_another_party_gets_nothing_from_before(nlp):
    text = _SOLEIMANI + "وتوعد المرشد الإيراني علي خامنئي بانتقام قاس، فيما دعت روسيا إلى ضبط النفس."
    (threat,) = _events(nlp, text, "THREATEN")
    assert _sides(threat)[1] == []


def test_a_condemnation_of_it_addresses_the_maker_of_the_strike(nlp):
    text = ("استهدف الحرس الثوري الإيراني بالصواريخ مقرين لجماعة جيش العدل في إقليم بلوشستان الباكستاني. "
            "وقالت الخارجية الباكستانية إن طفلين قتلا في الضربة، معتبرة إياها انتهاكاً صارخاً لسيادة باكستان.")
    (condemnation,) = [e for e in _events(nlp, text, "ACCUSE") if e["trigger"]["text"] == "معتبرة"]
    assert _sides(condemnation) == (["pakistan"], ["irgc"])


def test_military_sites_of_a_state_are_its_army(nlp):
    text = "وأعلن حزب الله أن مقاتليه استهدفوا يوم الجمعة مواقع عسكرية إسرائيلية في مزارع شبعا بالصواريخ الموجهة."
    (attack,) = _events(nlp, text, "ASSAULT")
    assert _sides(attack) == (["hezbollah"], ["israeli_army"])


def test_towns_of_a_state_are_the_state(nlp):
    text = "أطلقت حركة الجهاد الإسلامي مئات الصواريخ باتجاه المدن والبلدات الإسرائيلية خلال الليل."
    (attack,) = _events(nlp, text, "ASSAULT")
    assert _sides(attack)[1] == ["israel"]


def test_the_sides_of_a_party_are_its_id_and_its_state():
    refs = [{"id": "irgc", "country": "IRN"}, {"id": "ali_khamenei", "country": "IRN"}]
    assert _party_sides(refs) == {"irgc", "ali_khamenei", "IRN"}
