"""Office titles resolve to whoever held the office on the date (title-at-date)."""

from __future__ import annotations

import pytest

from marsad.model import Document
from marsad.pipeline import Knowledge, text_stage, time_stage


@pytest.fixture(scope="module")
def kb():
    return Knowledge()


def titled(kb, text, published):
    doc = Document("t", "t", text=text, published=published)
    text_stage(doc, kb)
    time_stage(doc, kb)
    return [m for m in kb.recognizer(doc) if m.origin == "title"]


@pytest.mark.parametrize("text,published,name", [
    ("قال وزير الدفاع الروسي إن القوات جاهزة.", "2011-06-01", "Serdyukov"),
    ("قال وزير الدفاع الروسي إن القوات جاهزة.", "2017-09-12", "Shoigu"),
    ("قال وزير دفاع روسيا إن القوات جاهزة.", "2017-09-12", "Shoigu"),
    ("التقى وزير الخارجية الإيراني نظيره.", "2012-06-01", "Salehi"),
    ("التقى وزير الخارجية الإيراني نظيره.", "2016-06-01", "Zarif"),
    ("التقى وزير الخارجية الإيراني نظيره.", "2022-06-01", "Amir-Abdollahian"),
    ("وصل رئيس الوزراء العراقي إلى طهران.", "2019-01-15", "Mahdi"),
    ("قال قائد فيلق القدس إن الرد قادم.", "2019-05-01", "Soleimani"),
    ("قال الأمين العام لحزب الله في خطاب.", "2020-01-05", "Nasrallah"),
])
def test_title_resolves_to_the_holder_on_the_date(kb, text, published, name):
    (m,) = titled(kb, text, published)
    assert name in (m.extra["ref"]["name_en"] or ""), m.extra["ref"]


def test_a_date_in_the_sentence_beats_the_publication_date(kb):
    (m,) = titled(kb, "في عام 2011 زار وزير الدفاع الروسي دمشق.", "2017-09-12")
    assert "Serdyukov" in m.extra["ref"]["name_en"]


def test_outside_the_covered_period_the_office_stays_unresolved(kb):
    (m,) = titled(kb, "قال وزير الدفاع الروسي إن القوات جاهزة.", "1890-01-01")
    assert m.actor_id is None
    assert m.extra["ref"]["id"] == "office:defence_minister:RUS"
    assert m.extra["ref"]["country"] == "RUS"


def test_title_and_name_in_apposition_are_one_mention(kb):
    ms = titled(kb, "التقى وزير الدفاع الروسي سيرغي شويغو الرئيس السوري بشار الأسد.", "2017-09-12")
    assert [(m.text, m.actor_id) for m in ms] == [
        ("وزير الدفاع الروسي سيرغي شويغو", "sergei_shoigu"), ("الرئيس السوري بشار الأسد", "bashar_al_assad")]
    assert ms[0].extra["ref"]["role"] == "Minister of Defence"
