"""Groups and generic actors: plural titles over a list of states, «الدول الثلاث» referring back to a
list of states, national police/security/border bodies, protesters, ambassadors and honorific first names."""

from __future__ import annotations

import pytest
from recognize_helpers import recognized


def mentions(kb, text, published="2019-10-12"):
    return recognized(kb, text, published)


def test_plural_title_gives_each_holder_its_own_span(kb):
    ms = mentions(kb, "اجتمع وزراء خارجية مصر والأردن والعراق في القاهرة.")
    holders = [m for m in ms if m.origin == "title"]
    assert {m.extra["country"] for m in holders} == {"EGY", "JOR", "IRQ"}
    assert len({(m.start, m.end) for m in holders}) == 3  # no two holders on one span
    assert [m.text for m in sorted(holders, key=lambda m: m.start)] == ["وزراء خارجية مصر", "والأردن", "والعراق"]
    assert {"egypt", "jordan", "iraq"} <= {m.actor_id for m in ms if m.label == "GPE"}


@pytest.mark.parametrize("phrase", ["الدول الخليجية الثلاث", "بلدان الخليج الثلاث", "الدول الثلاث"])
def test_numbered_states_refer_back_to_the_list(kb, phrase):
    text = f"زار الرئيس المصري السعودية والإمارات والكويت. وقالت {phrase} إنها تدعم القرار."
    ms = [m for m in mentions(kb, text) if m.text == phrase]
    assert {m.actor_id for m in ms} == {"saudi_arabia", "united_arab_emirates", "kuwait"}


def test_numbered_states_need_a_list_of_that_size(kb):
    ms = mentions(kb, "زار الرئيس المصري السعودية والإمارات. وقالت الدول الثلاث إنها تدعم القرار.")
    assert not any(m.text == "الدول الثلاث" for m in ms)


@pytest.mark.parametrize("text,phrase,state", [
    ("قال سفير بريطانيا في بغداد إن الحكومة مسؤولة.", "بريطانيا", "united_kingdom"),
    ("استدعت الخارجية العراقية السفير البريطاني أمس.", "البريطاني", "united_kingdom"),
])
def test_ambassador_keeps_the_state(kb, text, phrase, state):
    ms = mentions(kb, text)
    assert any(m.extra.get("role") == "ambassador" for m in ms)
    assert any(m.text == phrase and m.actor_id == state and m.label == "GPE" for m in ms)


@pytest.mark.parametrize("text,phrase,actor", [
    ("اعتقلت الشرطة الإيرانية عشرات المحتجين.", "الشرطة الإيرانية", "iranian_police"),
    ("وأطلقت قوات الأمن العراقية النار على المحتجين.", "قوات الأمن العراقية", "iraqi_security_forces"),
    # no Turkish police in the knowledge base: the state acts
    ("وفرقت الشرطة التركية المحتجين في إسطنبول.", "الشرطة التركية", "turkey"),
])
def test_national_police_and_security(kb, text, phrase, actor):
    assert any(m.text == phrase and m.actor_id == actor for m in mentions(kb, text))


@pytest.mark.parametrize("text,phrase,country", [
    ("خرج المتظاهرون العراقيون إلى الشوارع في بغداد.", "المتظاهرون العراقيون", "IRQ"),
    ("وقال محتجون إيرانيون إن الأسعار ارتفعت.", "محتجون إيرانيون", "IRN"),
    ("وفرقت الشرطة المتظاهرين بالغاز.", "المتظاهرين", None),
])
def test_protesters_with_their_country(kb, text, phrase, country):
    m = next(m for m in mentions(kb, text) if m.text == phrase)
    assert m.actor_id == "protesters"
    assert m.extra["ref"]["country"] == country


def test_honorific_first_name_of_the_documents_leader(kb):
    text = "أعلنت الكويت الحداد. وقال الشيخ صباح إن الكويت ستبقى وفية لأشقائها."
    m = next(m for m in mentions(kb, text) if m.text == "الشيخ صباح")
    assert m.actor_id == "sabah_al_ahmad"


def test_honorific_first_name_of_a_person_named_before(kb):
    # in 2021 «الشيخ صباح» alone would be the prime minister then (صباح الخالد); named before, the late emir
    text = "استذكر الكويتيون الشيخ صباح الأحمد الجابر الصباح. وكان الشيخ صباح قد قاد الوساطة الخليجية."
    ms = [m for m in mentions(kb, text, published="2021-09-29") if m.text == "الشيخ صباح"]
    assert [m.actor_id for m in ms] == ["sabah_al_ahmad"]


@pytest.mark.parametrize("text,phrase,actor", [
    ("أطلق حرس الحدود السوري النار على مهربين قرب الحدود مع الأردن.", "حرس الحدود السوري", "syrian_army"),
    ("اعتقلت قوات حرس الحدود الإيرانية صيادين.", "قوات حرس الحدود الإيرانية", "iranian_forces"),
    ("أصيب عنصر من حرس الحدود الإسرائيلي في القدس.", "حرس الحدود الإسرائيلي", "israel_border_police"),
])
def test_border_guard_of_a_state_is_a_force(kb, text, phrase, actor):
    ms = mentions(kb, text)
    assert any(m.text == phrase and m.actor_id == actor and m.label == "ORG" for m in ms)
    assert not any(m.label == "LOC" and "الحدود" in m.text and m.text in phrase for m in ms)


def test_honorific_first_name_needs_the_state_in_the_document(kb):
    ms = mentions(kb, "أعلنت مصر الحداد. وقال الشيخ صباح إن الوضع صعب.")
    assert not any(m.actor_id == "sabah_al_ahmad" for m in ms)
