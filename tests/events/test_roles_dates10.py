"""Tenth round: who is actor and recipient in joint happenings, titles and meetings; dates that
the text gives from a «منذ» start or counted from another happening.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from events_helpers import ids, make_doc

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon
from marsad.model import Document
from marsad.time import find_dates


def _events(doc: Document, states: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return extract_events(doc, load_lexicon(), {}, states=states)


def _of(doc: Document, type_: str, states: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return [e for e in _events(doc, states) if e["type"] == type_]


def _person(doc: Document, surface: str, role: str, country: str) -> None:
    """Give a hand-made mention the role and country a linked person carries."""
    for m in doc.mentions:
        if m.text == surface:
            m.extra["ref"].update(role=role, country=country)


def _dated(doc: Document, published: str) -> Document:
    """Fill the document's time expressions with the real finder, against ``published``."""
    doc.published = published
    doc.dates = find_dates(doc.text, date.fromisoformat(published))
    return doc


# --- joint happenings named by a relative verb -------------------------------------------------

def test_summit_that_brought_leaders_together_has_the_first_as_actor():
    text = "وكانت قمة ثلاثية جمعت عبد الله الثاني وعبد الفتاح السيسي ومحمود عباس قد انعقدت في العقبة."
    doc = make_doc(text, actors={"عبد الله الثاني": ("abdullah_ii", "Abdullah II"),
                                 "وعبد الفتاح السيسي": ("sisi", "Sisi", "عبد الفتاح السيسي"),
                                 "ومحمود عباس": ("abbas", "Abbas", "محمود عباس")})
    summit = _of(doc, "CONSULT")
    assert len(summit) == 1
    assert ids(summit[0]["actor"]) == ["abdullah_ii"]
    assert ids(summit[0]["recipient"]) == ["sisi", "abbas"]


def test_memorandum_signed_by_two_leaders_in_a_relative_clause():
    text = "وتنص مذكرة التفاهم التي وقّعها إلهام علييف ونيكول باشينيان على فتح الطرق بين البلدين."
    doc = make_doc(text, actors={"إلهام علييف": ("aliyev", "Aliyev"), "ونيكول باشينيان": ("pashinyan", "Pashinyan", "نيكول باشينيان")})
    agree = _of(doc, "AGREE")
    assert len(agree) == 1
    assert ids(agree[0]["actor"]) == ["aliyev"]
    assert ids(agree[0]["recipient"]) == ["pashinyan"]


# --- titles whose genitive is quoted --------------------------------------------------------

def test_definite_title_with_quoted_genitive_names_the_person_as_subject():
    text = "اتهم الأمين العام لـ«حركة الجهاد» زياد النخالة، مساء أمس، إسرائيل بخرق التهدئة."
    doc = make_doc(text, actors={"حركة الجهاد": ("pij", "Islamic Jihad"), "زياد النخالة": ("nakhala", "Nakhala"),
                                 "إسرائيل": ("israel", "Israel")})
    for m in doc.mentions:
        if m.text == "حركة الجهاد":
            m.label = "ORG"
    accuse = _of(doc, "ACCUSE")
    assert len(accuse) == 1
    assert ids(accuse[0]["actor"]) == ["nakhala"]
    assert ids(accuse[0]["recipient"]) == ["israel"]


# --- meetings -----------------------------------------------------------------------------

def test_meeting_after_haythu_has_the_visitor_as_actor_and_the_host_as_recipient():
    text = "زار أمير قطر تميم بن حمد أمس باريس حيث التقى إيمانويل ماكرون، قبل أن يتوجه إلى لندن."
    doc = make_doc(text, actors={"أمير قطر تميم بن حمد": ("tamim", "Tamim"), "إيمانويل ماكرون": ("macron", "Macron")},
                   places={"باريس": "Paris", "لندن": "London"})
    meet = [e for e in _of(doc, "CONSULT") if e["mode"] == "meet"]
    assert len(meet) == 1
    assert ids(meet[0]["actor"]) == ["tamim"]
    assert ids(meet[0]["recipient"]) == ["macron"]


def test_meeting_several_persons_is_one_meeting_per_person():
    text = "والتقى الرئيس المصري عبد الفتاح السيسي الملك سلمان وولي العهد محمد بن سلمان في جدة."
    doc = make_doc(text, actors={"الرئيس المصري عبد الفتاح السيسي": ("sisi", "Sisi"), "الملك سلمان": ("salman", "Salman"),
                                 "وولي العهد محمد بن سلمان": ("mbs", "MBS", "محمد بن سلمان")}, places={"جدة": "Jeddah"})
    _person(doc, "الملك سلمان", "King", "SAU")
    _person(doc, "وولي العهد محمد بن سلمان", "Crown Prince", "SAU")
    meetings = _of(doc, "CONSULT")
    assert sorted(ids(e["recipient"])[0] for e in meetings) == ["mbs", "salman"]
    assert all(ids(e["actor"]) == ["sisi"] for e in meetings)


def test_visit_host_read_off_the_place_gives_way_to_the_person_met():
    text = "زار تميم بن حمد باريس أمس، والتقى إيمانويل ماكرون."
    doc = make_doc(text, actors={"تميم بن حمد": ("tamim", "Tamim"), "إيمانويل ماكرون": ("macron", "Macron")},
                   places={"باريس": "Paris"})
    _person(doc, "إيمانويل ماكرون", "President", "FRA")
    for m in doc.mentions:
        if m.text == "باريس":
            m.extra["location"]["country"] = "FRA"
    states = {"FRA": {"id": "france", "name_en": "France", "name_ar": "فرنسا", "wikidata": None, "country": "FRA",
                      "sector": "GOV", "role": None}}
    recipients = [r for e in _of(doc, "CONSULT", states) for r in ids(e["recipient"])]
    assert "macron" in recipients
    assert "france" not in recipients


# --- dates ------------------------------------------------------------------------------------

def test_since_phrase_dates_an_ongoing_war_by_its_start():
    text = "ويخوض المتمردون منذ آذار 2015 حرباً ضد الجيش الحكومي."
    doc = _dated(make_doc(text, actors={"المتمردون": ("rebels", "Rebels"), "الجيش الحكومي": ("army", "Army")}),
                 "2019-09-16")
    war = _of(doc, "ASSAULT")
    assert len(war) == 1
    assert war[0]["date"] == "2015-03"


def test_happening_counted_back_from_the_main_clause_of_an_earlier_sentence():
    text = ("زار الرئيس حسن شيخ محمود أمس الأربعاء مدينة بيدوا. "
            "وجاءت الزيارة بعد يومين من هجوم شنته حركة الشباب على قاعدة عسكرية قرب المدينة.")
    doc = _dated(make_doc(text, actors={"الرئيس حسن شيخ محمود": ("hsm", "Hassan Sheikh Mohamud"),
                                        "حركة الشباب": ("al_shabaab", "al-Shabaab")}, places={"بيدوا": "Baidoa"}),
                 "2023-03-16")
    attack = _of(doc, "ASSAULT")
    assert len(attack) == 1
    assert attack[0]["date"] == "2023-03-13"  # two days before Wednesday 15 March
    assert attack[0]["date_precision"] == "day"


def test_counted_span_uses_the_day_of_its_own_sentence_before_it():
    text = "وتوفي الناشط في 20 أيار، بعد أسبوع من اعتقاله على يد الشرطة."
    doc = _dated(make_doc(text, actors={"الشرطة": ("police", "Police")}), "2022-05-25")
    arrest = _of(doc, "COERCE")
    assert len(arrest) == 1
    assert arrest[0]["date"] == "2022-05-13"


def test_counted_span_leaves_a_happening_that_names_its_own_day():
    text = "وجاء الحادث بعد ساعات من غارة إسرائيلية استهدفت ليل السبت موقعاً قرب دمشق."
    doc = _dated(make_doc(text), "2019-08-26")
    doc.mentions = []
    raid = _of(doc, "ASSAULT")
    assert raid and all(e["date"] != "2019-08-26" for e in raid)
