"""Recognition and linking on real phrases with the shipped knowledge base."""

from __future__ import annotations

import pytest
from recognize_helpers import by_text, recognized


def mentions(kb, text, published="2017-09-12"):
    return recognized(kb, text, published)



@pytest.mark.parametrize("phrase,actor", [
    ("وإيران", "iran"), ("لروسيا", "russia"), ("وبوتين", "vladimir_putin"), ("لطهران", "iran"),
    ("والأسد", "bashar_al_assad"), ("وشويغو", "sergei_shoigu"), ("للحكومة السورية", "syria"),
])
def test_clitic_forms_link_to_actors(kb, phrase, actor):
    ms = by_text(mentions(kb, f"قال مسؤول إن روسيا {phrase} تبحث التعاون مع بشار الأسد."))
    assert phrase in ms, list(ms)
    assert ms[phrase].actor_id == actor


def test_place_use_of_a_capital_is_a_place(kb):
    ms = by_text(mentions(kb, "وصل الوزير بدمشق ثم توجه إلى بيروت، وقالت موسكو إن الزيارة ناجحة."))
    assert ms["بدمشق"].label == "LOC" and ms["بدمشق"].actor_id is None
    loc = ms["بدمشق"].extra["location"]
    assert loc["name_en"] == "Damascus" and loc["country"] == "SYR" and abs(loc["lat"] - 33.5) < 0.2
    assert ms["موسكو"].actor_id == "russia"  # the government, subject of «قالت»


def test_persian_letters_and_typos(kb):
    ms = by_text(mentions(kb, "التقى ولایتي الوزير شويو في موسکو."))
    assert ms["ولایتي"].actor_id == "ali_akbar_velayati"
    assert any(m.actor_id == "sergei_shoigu" for m in ms.values())
    assert "موسکو" in ms and ms["موسکو"].place_id


def test_nisba_marks_an_agent_only_after_an_agentive_noun(kb):
    ms = by_text(mentions(kb, "أشاد المتحدث بالتدخل الروسي في الأزمة الأوكرانية."))
    assert ms["بالتدخل الروسي"].actor_id == "russia"
    assert not any("الأوكرانية" in t for t in ms)


def test_common_words_are_not_places(kb):
    ms = mentions(kb, "وقالت الوزارة في بيان إنه أكد بأنه سيحضر.")
    assert [m.text for m in ms if m.label in ("LOC", "GPE")] == []


def test_every_mention_slices_the_text(kb):
    text = "أعلنت وزارة الدفاع الروسية أن وزير الدفاع الروسي سيرغي شويغو التقى بالرئيس السوري بشار الأسد بدمشق."
    for m in mentions(kb, text):
        assert text[m.start:m.end] == m.text


def test_plural_title_with_a_list_of_states_names_each_holder(kb):
    ms = mentions(kb, "عقد وزراء دفاع كل من روسيا وإيران وسوريا اجتماعا في طهران.", published="2016-06-09")
    holders = {m.actor_id for m in ms if m.origin == "title"}
    assert holders == {"sergei_shoigu", "hossein_dehghan", "fahd_jassem_al_freij"}
    assert {"russia", "iran", "syria"} <= {m.actor_id for m in ms if m.label == "GPE"}
    # each holder on its own words: the title + the first state, then each further state
    assert sorted(m.text for m in ms if m.origin == "title") == ["وإيران", "وزراء دفاع كل من روسيا", "وسوريا"]
    ms = mentions(kb, "التقى وزراء الدفاع الروسي والإيراني والسوري.", published="2016-06-09")
    assert {m.actor_id for m in ms if m.origin == "title"} == {"sergei_shoigu", "hossein_dehghan",
                                                               "fahd_jassem_al_freij"}


def test_aircraft_with_a_nisba_is_that_states_air_force(kb):
    ms = by_text(mentions(kb, "وشنت طائرات روسية غارات على ريف إدلب."))
    assert ms["طائرات روسية"].actor_id == "russian_air_force"


def test_organisation_named_inside_a_title_is_its_own_mention(kb):
    ms = mentions(kb, "قال قائد فيلق القدس إن الرد قادم.", published="2019-05-01")
    assert any(m.actor_id == "quds_force" and m.text == "فيلق القدس" for m in ms)
    assert any(m.actor_id == "qasem_soleimani" for m in ms)


def test_a_head_with_two_nisbas_names_both_states(kb):
    ms = mentions(kb, "وأشاد الوزير بالتنسيق الروسي الإيراني في سوريا.")
    pair = [m for m in ms if m.text == "بالتنسيق الروسي الإيراني"]
    assert {m.actor_id for m in pair} == {"russia", "iran"}


def test_nisba_after_a_title_wins_over_a_persons_weak_alias(kb):
    # «السوداني» is both the adjective of Sudan and a weak alias of Iraq's PM Mohammed Shia al-Sudani
    ms = mentions(kb, "التقى وزير الخارجية السوداني نظيره المصري في القاهرة.", published="2023-05-20")
    title = next(m for m in ms if m.text.startswith("وزير الخارجية"))
    assert title.text == "وزير الخارجية السوداني"
    assert title.extra["country"] == "SDN"
    assert title.actor_id and title.actor_id != "mohammed_shia_al_sudani"
    assert all(m.actor_id != "mohammed_shia_al_sudani" for m in ms)
    # the counterpart is Egypt's foreign minister, not a prime minister
    counterpart = next(m for m in ms if m.text == "نظيره المصري")
    assert counterpart.extra.get("role") == title.extra["role"]
    # the person is still found by name
    ms = mentions(kb, "وقال رئيس الوزراء العراقي محمد شياع السوداني إن", published="2023-05-20")
    assert any(m.actor_id == "mohammed_shia_al_sudani" for m in ms)
