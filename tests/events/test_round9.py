"""Ninth round: refusals stated as negated intent, and subjects across «حيث» / «قبل أن» clauses.

«لن تقبل …», «لن نعترف …», «لن تطبّع …» state a refusal: the refusal is the asserted event (REJECT),
not a negated event of another type. A verb right after «قبل أن» / «بعد أن» shares the main
clause's subject, not the person met inside a «حيث» clause before it. Every sentence here was
written for these tests.
"""

from __future__ import annotations

from typing import Any

from events_helpers import ids, make_doc

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon
from marsad.model import Document


def _events(doc: Document) -> list[dict[str, Any]]:
    return extract_events(doc, load_lexicon(), {})


def _of(doc: Document, type_: str) -> list[dict[str, Any]]:
    return [e for e in _events(doc) if e["type"] == type_]


def test_negated_accept_is_an_asserted_rejection_by_the_subject_before_it():
    text = "وأكد رئيس الوزراء أن الأردن لن يقبل أي تهجير للفلسطينيين إلى أراضيه."
    doc = make_doc(text, actors={"رئيس الوزراء": ("pm", "Prime Minister"), "الأردن": ("jordan", "Jordan")})
    rejects = _of(doc, "REJECT")
    assert len(rejects) == 1
    assert ids(rejects[0]["actor"]) == ["jordan"]
    assert rejects[0]["status"] != "negated"


def test_pronoun_after_complementizer_points_to_the_speaker():
    text = "وأعلنت الجزائر أنها لن تعترف بالمجلس العسكري الجديد في النيجر."
    doc = make_doc(text, actors={"الجزائر": ("algeria", "Algeria")})
    rejects = _of(doc, "REJECT")
    assert [ids(e["actor"]) for e in rejects] == [["algeria"]]
    assert all(e["status"] != "negated" for e in rejects)


def test_first_person_refusal_belongs_to_the_speaker():
    text = "وقال الناطق باسم الحركة: لن نقبل بأي اتفاق لا يضمن وقف الحرب."
    doc = make_doc(text, actors={"الناطق باسم الحركة": ("movement_spox", "Movement spokesman")})
    rejects = _of(doc, "REJECT")
    assert [ids(e["actor"]) for e in rejects] == [["movement_spox"]]


def test_emphatic_double_negation_is_still_an_asserted_refusal():
    # «لم ولن»: the first particle stresses the refusal, it does not deny it
    text = "وشدد وزير الخارجية على أن الكويت لم ولن تطبع مع الاحتلال."
    doc = make_doc(text, actors={"وزير الخارجية": ("fm", "Foreign Minister"), "الكويت": ("kuwait", "Kuwait")})
    rejects = _of(doc, "REJECT")
    assert [ids(e["actor"]) for e in rejects] == [["kuwait"]]
    assert rejects[0]["status"] != "negated"


def test_refusal_coordinated_with_wa_lan():
    text = "وقال الوزير إن الكويت ترفض الوصاية ولن تقبل بها."
    doc = make_doc(text, actors={"الوزير": ("fm", "Foreign Minister"), "الكويت": ("kuwait", "Kuwait")})
    rejects = _of(doc, "REJECT")
    assert rejects and all(ids(e["actor"]) == ["kuwait"] and e["status"] != "negated" for e in rejects)


def test_plain_negated_verb_is_not_a_rejection():
    # «لم يلتقِ»: a meeting denied, not a refusal
    text = "وقالت الرئاسة إن الرئيس لم يلتق المبعوث الأمريكي خلال زيارته."
    doc = make_doc(text, actors={"الرئاسة": ("presidency", "Presidency"), "الرئيس": ("president", "President"),
                                 "المبعوث الأمريكي": ("us_envoy", "US envoy")})
    assert not _of(doc, "REJECT")


def test_verb_after_qabla_an_takes_the_main_subject_not_the_one_met():
    text = ("وصل وزير الخارجية التركي إلى عمّان، حيث التقى العاهل الأردني الملك عبد الله الثاني، "
            "قبل أن يجتمع مع نظيره الأردني.")
    doc = make_doc(text, actors={"وزير الخارجية التركي": ("turkish_fm", "Turkish FM"),
                                 "العاهل الأردني الملك عبد الله الثاني": ("abdullah_ii", "Abdullah II"),
                                 "نظيره الأردني": ("jordan_fm", "Jordanian FM")})
    meets = [e for e in _of(doc, "CONSULT") if "jordan_fm" in ids(e["actor"]) + ids(e.get("recipient") or [])]
    assert meets, "the later meeting is found"
    assert all("abdullah_ii" not in ids(e["actor"]) for e in meets)
    assert any(ids(e["actor"]) == ["turkish_fm"] for e in meets)


def test_verb_after_qabla_an_with_lone_object_keeps_the_main_subject():
    text = ("زار الرئيس الفرنسي بيروت، حيث استقبله الرئيس اللبناني جوزيف عون، "
            "قبل أن يلتقي رئيس الحكومة نواف سلام.")
    doc = make_doc(text, actors={"الرئيس الفرنسي": ("macron", "Macron"),
                                 "الرئيس اللبناني جوزيف عون": ("aoun", "Aoun"),
                                 "رئيس الحكومة نواف سلام": ("salam", "Salam")})
    consults = _of(doc, "CONSULT")
    later = [e for e in consults if e["trigger"]["text"] == "يلتقي"]
    assert later
    assert ids(later[0]["actor"]) == ["macron"]
    # the host inside the «حيث» clause keeps his own subject role
    assert any(ids(e["actor"]) == ["aoun"] for e in consults)


def test_ba3da_an_with_its_own_subject_keeps_it():
    # «بعد أن قال الوزير …»: a subject right after the verb is its own
    text = "وتصاعد التوتر بعد أن اتهم وزير الدفاع الإسرائيلي إيران بتزويد الحوثيين بالصواريخ."
    doc = make_doc(text, actors={"وزير الدفاع الإسرائيلي": ("israel_dm", "Israeli DM"), "إيران": ("iran", "Iran")})
    accuses = _of(doc, "ACCUSE")
    assert accuses and ids(accuses[0]["actor"]) == ["israel_dm"]
