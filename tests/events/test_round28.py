"""Round 28 — the fifth out-of-domain set (topics5) on first sight: events lost to names read too
short (a ministry's full official name) and to dual nouns standing for the parties told before.

Every text here was written for these tests and runs the whole pipeline. Each rule has a control.
"""

from __future__ import annotations

from events_helpers import pipeline_events as _events
from events_helpers import sides as _sides

_DAY = "2024-02-15"
_VISIT = "استقبل الرئيس عبد الفتاح السيسي، أمس الأربعاء، الرئيس التركي رجب طيب أردوغان في القاهرة. "


def test_accusation_by_a_ministry_with_its_full_name(nlp):
    text = "واتهمت وزارة الخارجية والمغتربين السورية إسرائيل بتعريض حياة المدنيين والطيران المدني للخطر."
    (accuse,) = _events(nlp, text, "ACCUSE", "2022-06-11")
    assert _sides(accuse) == (["syrian_foreign_ministry"], ["israel"])


def test_accusation_by_an_unlisted_ministry_with_its_full_name(nlp):
    # no entry of its own: the ministry acts for its state
    text = "واتهمت وزارة الشؤون الخارجية والتعاون الدولي الليبية مرتزقة فاغنر بزرع الألغام."
    (accuse,) = _events(nlp, text, "ACCUSE", "2020-07-01")
    assert _sides(accuse)[0] == ["libya"]


def test_signing_by_the_two_presidents(nlp):
    text = _VISIT + "ووقّع الرئيسان اتفاقية للتعاون الاقتصادي."
    (agree,) = _events(nlp, text, "AGREE", _DAY)
    actor, recipient = _sides(agree)
    assert {*actor, *recipient} == {"abdel_fattah_el_sisi", "recep_tayyip_erdogan"}


def test_request_by_the_two_sides_with_a_dual_verb(nlp):
    text = _VISIT + "وقال السيسي في المؤتمر الصحفي إن الجانبين طالبا بوقف فوري لإطلاق النار في قطاع غزة."
    (request,) = _events(nlp, text, "REQUEST", _DAY)
    assert set(_sides(request)[0]) == {"abdel_fattah_el_sisi", "recep_tayyip_erdogan"}


def test_relation_between_the_two_countries_keeps_the_named_signatories(nlp):
    # control: «بين البلدين» qualifies the agreement; the named ministers stay its parties
    text = ("وقّع وزير الدفاع الإيراني أمير حاتمي ونظيره السوري علي عبد الله أيوب، أمس في دمشق، "
            "اتفاقية للتعاون العسكري بين البلدين.")
    (agree,) = _events(nlp, text, "AGREE", "2018-08-27")
    actor, recipient = _sides(agree)
    assert "amir_hatami" in actor
    assert "iran" not in actor


def test_titled_person_after_comma_and_wa_is_another_recipient(nlp):
    text = ("فقد التقى غروسي يوم السبت الرئيس الإيراني إبراهيم رئيسي، ورئيس منظمة الطاقة الذرية الإيرانية "
            "محمد إسلامي، في ختام زيارة بدأها مساء الجمعة.")
    meetings = _events(nlp, text, "CONSULT", "2023-03-05")
    pairs = {(tuple(_sides(e)[0]), r) for e in meetings for r in _sides(e)[1]}
    assert (("rafael_grossi",), "ebrahim_raisi") in pairs
    assert (("rafael_grossi",), "mohammad_eslami") in pairs
    assert not any("mohammad_eslami" in _sides(e)[0] for e in meetings)


def test_new_clause_after_the_comma_is_not_a_recipient(nlp):
    # control: «، وقال …» opens a new clause; its subject is not the meeting's recipient
    text = ("التقى غروسي يوم السبت الرئيس الإيراني إبراهيم رئيسي، وقال وزير الخارجية الإيراني حسين أمير "
            "عبد اللهيان إن التعاون مستمر.")
    meetings = _events(nlp, text, "CONSULT", "2023-03-05")
    assert meetings
    assert all("hossein_amir_abdollahian" not in _sides(e)[1] for e in meetings)
