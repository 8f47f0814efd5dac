"""Back-references to a body or an office-holder named before (marsad.link.coref ``_backrefs``).

«الجامعة» after «جامعة الدول العربية», «المجلس» after «مجلس الأمن», «الأمير» alone after «أمير الكويت
الشيخ صباح الأحمد». Every text here was written for these tests; they run the whole recogniser.
"""

from __future__ import annotations

import pytest

import marsad


@pytest.fixture(scope="module")
def nlp():
    return marsad.load()


def _linked(nlp, text: str, published: str = "2023-05-08") -> list[tuple[str, str | None]]:
    """(text, actor id) of the back-reference mentions the pass added."""
    return [(m.text, m.actor_id) for m in nlp(text, published=published).mentions if (m.extra or {}).get("backref")]


def test_bare_league_refers_back_to_the_arab_league(nlp):
    text = ("اجتمع وزراء الخارجية العرب في مقر جامعة الدول العربية بالقاهرة أمس. "
            "وقررت الجامعة إعادة سوريا إلى مقعدها، وقال الأمين العام للجامعة إن القرار نهائي.")
    assert _linked(nlp, text) == [("الجامعة", "arab_league"), ("للجامعة", "arab_league")]


def test_bare_council_refers_back_to_the_security_council(nlp):
    text = "عقد مجلس الأمن الدولي جلسة طارئة لبحث التصعيد في غزة. وطالب المجلس بوقف فوري لإطلاق النار."
    assert _linked(nlp, text) == [("المجلس", "unsc")]


def test_a_definite_word_after_the_head_names_another_body(nlp):
    text = ("عقد مجلس الأمن الدولي جلسة طارئة بشأن السودان. "
            "وأعلن المجلس العسكري الانتقالي في الخرطوم تمديد حظر التجول.")
    assert _linked(nlp, text) == []


def test_no_body_named_before_no_reference(nlp):
    assert _linked(nlp, "وقررت الجامعة تعليق عضوية سوريا في تشرين الثاني 2011.") == []


def test_bare_title_refers_back_to_the_emir_named_with_it(nlp):
    text = ("واصل أمير الكويت الشيخ صباح الأحمد الجابر الصباح مساعيه لرأب الصدع الخليجي. "
            "وقالت مصادر مطلعة إن الأمير يسعى إلى جمع قادة الدول المعنية في لقاء قريب.")
    assert _linked(nlp, text, "2017-06-08") == [("الأمير", "sabah_al_ahmad")]


def test_two_emirs_named_as_often_leave_the_bare_title_unread(nlp):
    text = ("استقبل أمير قطر الشيخ تميم بن حمد آل ثاني أمير الكويت الشيخ صباح الأحمد الجابر الصباح في الدوحة. "
            "وأكد الأمير أن الحوار هو السبيل الوحيد.")
    # each emir is named the same number of times: no back-reference rather than a guess
    assert [t for t, _ in _linked(nlp, text, "2017-06-08")] == []


def test_a_title_before_its_genitive_is_not_a_repeat(nlp):
    text = ("قال الأمين العام لحلف شمال الأطلسي ينس ستولتنبرغ إن الحلف سيعزز قواته. "
            "وأعلن الأمين العام للأمم المتحدة أنطونيو غوتيريش أنه قلق.")
    assert all(t != "الأمين العام" for t, _ in _linked(nlp, text, "2022-03-01"))
