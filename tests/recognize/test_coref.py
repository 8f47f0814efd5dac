"""Document-level references the recogniser resolves: possessive titles («وزير دفاعها»), «بلاده»,
ministries without a state, plural titles referring back to a group."""

from __future__ import annotations

import pytest
from recognize_helpers import recognized


def mentions(kb, text, published="2016-06-09"):
    return recognized(kb, text, published)


def by_text(ms):
    out = {}
    for m in ms:
        out.setdefault(m.text, []).append(m)
    return out


# -- possessive titles --------------------------------------------------------------------------
def test_possessive_title_takes_the_state_named_before(kb):
    ms = by_text(mentions(kb, "يعقد الاجتماع الثلاثي اليوم في العاصمة طهران، بدعوة من وزير دفاعها."))
    (m,) = ms["وزير دفاعها"]
    assert m.actor_id == "hossein_dehghan" and m.extra["role"] == "defence_minister"


def test_masculine_pronoun_may_be_a_persons_state(kb):
    ms = by_text(mentions(kb, "استقبل الرئيس الروسي ووزير خارجيته الوفد الإيراني في موسكو.",
                          published="2017-09-12"))
    (m,) = ms["ووزير خارجيته"]
    assert m.actor_id == "sergei_lavrov"


def test_a_name_after_the_possessive_title_decides(kb):
    ms = by_text(mentions(kb, "رفضت موسكو الإنذارات الموجهة لإيران حسب وزير خارجيتها سيرغي لافروف.",
                          published="2017-09-12"))
    (m,) = ms["وزير خارجيتها سيرغي لافروف"]
    assert m.actor_id == "sergei_lavrov"


@pytest.mark.parametrize("text", [
    "اجتمع وفد من روسيا مع الهيئة ورئيسها في جنيف.",          # «ها» is the body, not Russia
    "وأبدت روسيا عبر ممثلها نائب وزير خارجيتها استعدادها للحوار.",  # the deputy, not the minister
    "وقال المتحدث إن وزير دفاعها سيزور المنطقة.",                 # no state before it
])
def test_possessive_title_without_a_fitting_state_is_not_a_mention(kb, text):
    assert not any("دفاعها" in m.text or "خارجيتها" in m.text or "رئيسها" in m.text
                   for m in mentions(kb, text))


def test_forces_of_the_speakers_country(kb):
    ms = by_text(mentions(kb, "وأوضح المصدر الإيراني أن قوات من بلاده وحزب الله اللبناني استقرت قرب دمشق.",
                          published="2022-05-09"))
    (m,) = ms["قوات من بلاده"]
    assert m.actor_id == "iranian_forces"


def test_his_country_needs_a_speaker_not_a_place(kb):
    ms = mentions(kb, "وقفزت شعبية الرجل بسوريا والعالم العربي بعد أن استدعى سفير بلاده من إسرائيل.")
    assert not any("بلاده" in m.text for m in ms)


# -- ministries without a state ----------------------------------------------------------------
def test_ministry_without_a_state_is_that_of_the_minister_named_before(kb):
    text = ("التقى وزير الدفاع الروسي سيرغي شويغو بالرئيس السوري في دمشق. ونقلت وكالات أنباء روسية عن "
            "وزارة الدفاع قولها إن اللقاء بحث التعاون. وقالت الوزارة الروسية إن الجانبين اتفقا.")
    ms = by_text(mentions(kb, text, published="2017-09-12"))
    assert ms["وزارة الدفاع"][0].actor_id == "russian_defence_ministry"
    assert ms["الوزارة الروسية"][0].actor_id == "russian_defence_ministry"


def test_ministry_without_any_antecedent_is_not_a_mention(kb):
    assert "وزارة الدفاع" not in by_text(mentions(kb, "قالت وزارة الدفاع إن الهجوم فشل."))


# -- plural titles referring back -------------------------------------------------------------
def test_plural_title_with_a_number_refers_to_the_group_named_before(kb):
    text = ("يجتمع وزراء دفاع روسيا وإيران وسوريا في طهران. "
            "وستتصدر الرقة مباحثات وزراء الدفاع الثلاث.")
    ms = by_text(mentions(kb, text))
    assert {m.actor_id for m in ms["وزراء الدفاع الثلاث"]} == {
        "sergei_shoigu", "hossein_dehghan", "fahd_jassem_al_freij"}


def test_plural_title_of_another_group_is_not_the_group_before(kb):
    text = "يجتمع وزراء دفاع روسيا وإيران وسوريا في طهران. وكان وزراء الدفاع العرب قد اجتمعوا في القاهرة."
    assert not any(m.text.startswith("وزراء الدفاع العرب") for m in mentions(kb, text))


# -- knowledge: demonyms ----------------------------------------------------------------------
def test_pejorative_demonym_is_the_state(kb):
    ms = by_text(mentions(kb, "قال القيادي إن الجانب الروسي سيعمل على ردع الصهاينة في المرحلة المقبلة.",
                          published="2022-05-09"))
    assert ms["الصهاينة"][0].actor_id == "israel"
