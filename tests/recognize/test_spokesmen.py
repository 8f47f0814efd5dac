"""«المتحدث باسم X (+ name)»: one person mention that records whom it speaks for; X a mention of its own."""

from __future__ import annotations

from recognize_helpers import by_text, recognized


def mentions(kb, text, published="2023-11-20"):
    return recognized(kb, text, published)



def test_spokesman_of_an_anaphor_is_the_named_person_speaking_for_its_antecedent(kb):
    ms = by_text(mentions(kb, "هددت جماعة الحوثي باستهداف السفن، وقال المتحدث باسم الجماعة يحيى سريع إن "
                              "السفينة أصيبت."))
    spk = ms["المتحدث باسم الجماعة يحيى سريع"]
    assert spk.label == "PERS" and spk.actor_id == "yahya_saree"
    assert spk.extra["speaks_for"] == "houthis" and spk.extra["speaks_for_ref"]["id"] == "houthis"
    assert ms["الجماعة"].actor_id == "houthis"  # the body, nested inside the title
    assert "يحيى سريع" not in ms  # the name is part of the one person mention


def test_spokesman_of_an_anaphor_without_a_name_is_the_office_holder(kb):
    ms = by_text(mentions(kb, "أعلنت جماعة الحوثي مسؤوليتها، وقال المتحدث باسم الجماعة إن العملية نجحت."))
    assert ms["المتحدث باسم الجماعة"].actor_id == "yahya_saree"
    assert ms["المتحدث باسم الجماعة"].extra["speaks_for"] == "houthis"


def test_spokesman_of_an_unresolved_anaphor_is_no_mention(kb):
    ms = by_text(mentions(kb, "وقال المتحدث باسم الجماعة إن العملية نجحت."))
    assert "المتحدث باسم الجماعة" not in ms and "الجماعة" not in ms


def test_named_spokesman_of_a_ministry(kb):
    ms = by_text(mentions(kb, "قال المتحدث باسم وزارة الخارجية الإيرانية ناصر كنعاني إن طهران ترفض الاتهامات."))
    spk = ms["المتحدث باسم وزارة الخارجية الإيرانية ناصر كنعاني"]
    assert spk.actor_id == "nasser_kanaani"
    assert spk.extra["speaks_for"] == ms["وزارة الخارجية الإيرانية"].actor_id == "iranian_foreign_ministry"


def test_unnamed_army_spokesman_keeps_the_army_as_speaks_for(kb):
    ms = by_text(mentions(kb, "وقال المتحدث باسم الجيش الإسرائيلي إن الطائرات قصفت أهدافا في غزة."))
    spk = ms["المتحدث باسم الجيش الإسرائيلي"]
    assert spk.label == "PERS" and spk.extra["role"] == "spokesperson"
    assert spk.extra["speaks_for"] == "israeli_army" == ms["الجيش الإسرائيلي"].actor_id


def test_other_titles_do_not_speak_for_anyone(kb):
    ms = by_text(mentions(kb, "قال وزير الخارجية الإيراني إن بلاده لن تتراجع."))
    assert "speaks_for" not in ms["وزير الخارجية الإيراني"].extra
