"""Tenth round: trigger families out of domain, announced attacks as threats, accused acts.

New trigger words and phrases (hosting, mediation offers, crossings, ultimatums, suspensions of
membership, expulsions, house arrest, «فتح النار», ramming and stabbing attacks, reconstruction aid,
conditions as demands, negated hesitation as a threat) in their clitic, passive, negated and future
forms; an attack its own side announces it will carry out is a threat; a future attack after a
threat is that threat's content; the act an accusation names after «بـ» was done by the accused.
Every sentence here was written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from events_helpers import ids, make_doc
from events_helpers import lexicon_triggers as _triggers

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon
from marsad.model import Document


def _events(doc: Document) -> list[dict[str, Any]]:
    return extract_events(doc, load_lexicon(), {})


def _of(doc: Document, type_: str) -> list[dict[str, Any]]:
    return [e for e in _events(doc) if e["type"] == type_]


@pytest.mark.parametrize(("text", "type_", "mode"), [
    # clitics on new verbs and phrases
    ("وأنذر الجيش سكان الحي بضرورة الإخلاء", "THREATEN", "ultimatum"),
    ("فاجتاحت القوات البلدة الحدودية", "ASSAULT", None),
    ("ونسف مسلحون جسراً على الطريق", "ASSAULT", "explosive"),
    ("واستهجنت الجامعة العربية القرار", "ACCUSE", "disapprove"),
    ("وتبرعت الحكومة بعشرة ملايين دولار للمتضررين", "AID", "economic"),
    ("فاحتشد المئات أمام مبنى البرلمان", "PROTEST", "demo"),
    ("واشترطت الحركة انسحاب القوات قبل أي تفاوض", "REQUEST", "demand"),
    # phrases, including a subject between the verb and the rest (VSO)
    ("فتحت قوات الأمن النار على المحتجين", "ASSAULT", "firearms"),
    ("وعرضت الجزائر الوساطة بين البلدين", "CONSULT", "mediate"),
    ("أعادت السلطات فتح معبر الحدود أمام الشاحنات", "RETREAT", "access"),
    ("تراجعت الحكومة عن قرارها رفع أسعار الوقود", "CONCEDE", "policy"),
    ("علّقت المنظمة الإقليمية عضوية الدولة", "SANCTION", "relations"),
    ("وأمهلت الخارجية الدبلوماسيين الأجانب ثلاثة أيام للمغادرة", "SANCTION", "relations"),
    ("ووُضع المعارض قيد الإقامة الجبرية", "COERCE", "arrest"),
    ("أسقطت الدفاعات الجوية طائرة استطلاع", "ASSAULT", "aerial"),
    ("وأسفر القصف عن سقوط قتلى بين المدنيين", "ASSAULT", "kill"),
    ("اندلعت اشتباكات عنيفة في محيط المطار", "ASSAULT", "clash"),
    ("قتل شخصان في عملية دهس قرب المحطة", "ASSAULT", "clash"),
    ("وتحدث شهود عن تعرضه للضرب داخل مركز الشرطة", "ASSAULT", "clash"),
    ("وقرر الاتحاد تجميد أصول الشركة", "SANCTION", "sanctions"),
    ("واستدعى الجيش جنود الاحتياط", "MOBILIZE", "alert"),
    ("وتعهدت الدول المانحة بالمساهمة في إعادة إعمار المدينة", "AID", "economic"),
])
def test_new_triggers_are_found_with_their_type_and_mode(text: str, type_: str, mode: str | None):
    assert (type_, mode) in {(t, m) for t, m, _ in _triggers(text)}, _triggers(text)


@pytest.mark.parametrize("text", [
    # the noun «قيد» (under, pending) is not a restriction, «وعدن» is «and Aden», «التحقيق في» alone
    # names a topic, «عزّز التعاون» is not a deployment
    "وما زال المشروع قيد الإنشاء منذ عامين",
    "ووصلت السفينة إلى ميناءي الحديدة وعدن",
    "وتحدث الوزير عن التحقيق في أسباب الحادث",
    "وعزز البلدان تعاونهما في مجال الطاقة",
    # «الإقامة» alone, «فتح» (the movement) and a crossing's name are not events
    "وقال عضو اللجنة المركزية لحركة فتح إن الاجتماع انتهى",
])
def test_everyday_words_spelled_like_new_triggers_are_not_events(text: str):
    found = [(t, m, s) for t, m, s in _triggers(text) if t in ("COERCE", "AGREE", "ACCUSE", "MOBILIZE", "ASSAULT")]
    assert found == []


def test_hosting_masdar_with_a_possessive_is_a_meeting_with_the_guest():
    text = "وخلال استقباله وزير الخارجية التركي، أكد الرئيس دعم بلاده للحل السياسي."
    doc = make_doc(text, actors={"وزير الخارجية التركي": ("tr_fm", "Turkish FM"), "الرئيس": ("pres", "President")})
    consults = _of(doc, "CONSULT")
    assert consults and consults[0]["mode"] == "host"


def test_hosting_refugees_is_not_a_meeting():
    text = "وأعلنت الحكومة استقبال اللاجئين في مخيمات جديدة."
    doc = make_doc(text, actors={"الحكومة": ("gov", "Government")})
    assert _of(doc, "CONSULT") == []


def test_negated_hesitation_is_an_asserted_threat_by_the_speaker():
    text = "وأكد قائد الجيش أن القوات المسلحة لن تتردد في الرد على أي اعتداء."
    doc = make_doc(text, actors={"قائد الجيش": ("army_chief", "Army chief"),
                                 "القوات المسلحة": ("armed_forces", "Armed forces")})
    threats = _of(doc, "THREATEN")
    assert threats and threats[0]["status"] != "negated"
    assert ids(threats[0]["actor"]) == ["armed_forces"]


def test_attack_announced_by_its_own_side_is_a_threat():
    text = "وأعلنت حركة الأحرار أن الحركة ستواصل استهداف القواعد العسكرية في المنطقة."
    doc = make_doc(text, actors={"حركة الأحرار": ("ahrar", "Ahrar movement"), "الحركة": ("ahrar", "Ahrar movement")})
    events = _events(doc)
    assert [e["type"] for e in events if e["type"] in ("ASSAULT", "THREATEN")] == ["THREATEN"]
    threat = next(e for e in events if e["type"] == "THREATEN")
    assert threat["status"] == "asserted" and ids(threat["actor"]) == ["ahrar"]


def test_attack_planned_by_another_side_stays_a_planned_attack():
    # the speaker is not the attacker: a report of what the army will do, not a threat of his own
    text = "وقال الناشط أحمد سالم إن الجيش سيقصف القرى المحيطة غداً."
    doc = make_doc(text, actors={"أحمد سالم": ("activist", "Ahmad Salem"), "الجيش": ("army", "Army")})
    attacks = _of(doc, "ASSAULT")
    assert attacks and attacks[0]["status"] == "planned" and ids(attacks[0]["actor"]) == ["army"]
    assert _of(doc, "THREATEN") == []


def test_future_attack_after_a_threat_is_its_content():
    text = "وهدد قائد الفصيل بأن قواته ستقصف المطار إذا استمر الحصار."
    doc = make_doc(text, actors={"قائد الفصيل": ("faction_leader", "Faction leader")})
    assert _of(doc, "ASSAULT") == []
    assert len(_of(doc, "THREATEN")) == 1


def test_past_attack_after_a_threat_stays_a_happening():
    # «هدد … بعد أن قصفت»: what already happened is not what is threatened
    text = "وهدد الرئيس بالرد بعد أن قصفت الطائرات المعادية مواقع الجيش."
    doc = make_doc(text, actors={"الرئيس": ("pres", "President")})
    assert len(_of(doc, "ASSAULT")) == 1


def test_accused_is_the_actor_of_the_act_named_after_bi():
    text = "واتهمت الحكومة اليمنية جماعة الحوثي بقصف الأحياء السكنية في تعز."
    doc = make_doc(text, actors={"الحكومة اليمنية": ("yemen_gov", "Yemeni government"),
                                 "جماعة الحوثي": ("houthis", "Houthis")})
    attack = [e for e in _of(doc, "ASSAULT")]
    assert len(attack) == 1
    assert ids(attack[0]["actor"]) == ["houthis"]
    assert attack[0]["status"] == "reported"
    accuse = _of(doc, "ACCUSE")
    assert accuse and ids(accuse[0]["actor"]) == ["yemen_gov"] and ids(accuse[0]["recipient"]) == ["houthis"]


def test_accused_support_is_not_a_support_event():
    # accused acts are read only for the types of cues.yaml accused_act_types (attacks)
    text = "واتهمت الرئاسة الدولة الجارة بدعم الجماعات المسلحة."
    doc = make_doc(text, actors={"الرئاسة": ("presidency", "Presidency"),
                                 "الدولة الجارة": ("neighbour", "Neighbouring state")})
    assert all(ids(e["actor"]) != ["neighbour"] for e in _of(doc, "SUPPORT"))


def test_future_light_verb_makes_the_aid_planned():
    text = "وأعلن الوزير أن الكويت ستسهم في إعادة إعمار المدارس المتضررة."
    doc = make_doc(text, actors={"الوزير": ("minister", "Minister"), "الكويت": ("kuwait", "Kuwait")})
    aid = _of(doc, "AID")
    assert aid and aid[0]["status"] == "planned"


def test_allowing_deployment_is_planned():
    text = "وصادق البرلمان على اتفاقية تتيح نشر قوات تركية في البلاد."
    doc = make_doc(text, actors={"البرلمان": ("parliament", "Parliament"), "قوات تركية": ("tr_forces", "Turkish forces")})
    deploy = _of(doc, "MOBILIZE")
    assert deploy and all(e["status"] == "planned" for e in deploy)


def test_negated_release_is_negated():
    text = "ولم تفرج السلطات عن الصحفيين المعتقلين حتى الآن."
    doc = make_doc(text, actors={"السلطات": ("authorities", "Authorities")})
    releases = _of(doc, "RETREAT")
    assert releases and releases[0]["status"] == "negated"
