"""Seventh iteration: dates of happenings under way when the article was written."""

from __future__ import annotations

from events_helpers import ids, make_doc

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon


def _of(doc, etype: str) -> list[dict]:
    return [e for e in extract_events(doc, load_lexicon(), {}) if e["type"] == etype]


def test_noun_after_wasat_is_under_way_even_with_a_past_relative_clause():
    # «وسط حملة شنّها …»: the relative verb is past, but the offensive is still going on
    text = "وتأتي المحادثات وسط هجوم شنه الجيش العراقي على مواقع المسلحين غرب الموصل."
    doc = make_doc(text, actors={"الجيش العراقي": ("iraqi_army", "Iraqi Army")})
    doc.published = "2017-03-14"
    (ev,) = _of(doc, "ASSAULT")
    assert ids(ev["actor"]) == ["iraqi_army"]
    assert (ev["date"], ev["date_precision"], ev["date_text"]) == ("2017-03", "month", "وسط")
    doc.published = None
    assert _of(doc, "ASSAULT")[0]["date"] is None  # never a date without a reference


def test_date_of_the_main_clause_does_not_date_the_ongoing_clause():
    # «اليوم» dates the meeting; «في الوقت الذي تقصف» describes the situation at the time
    text = ("يلتقي وزير الخارجية التركي نظيره الروسي اليوم في أنقرة، في الوقت الذي تقصف فيه "
            "الطائرات الروسية مواقع المعارضة في إدلب.")
    doc = make_doc(text, actors={"الطائرات الروسية": ("russian_air_force", "Russian Air Force"),
                                 "المعارضة": ("opposition", "Opposition")},
                   dates=[("اليوم", "2019-05-20", "day")])
    doc.published = "2019-05-20"
    (ev,) = _of(doc, "ASSAULT")
    assert (ev["date"], ev["date_precision"]) == ("2019-05", "month")


def test_date_inside_the_ongoing_clause_still_dates_it():
    # the date comes after the cue: it belongs to the happening itself and is kept
    text = "في الوقت الذي تقصف فيه الطائرات الروسية اليوم مواقع المعارضة في إدلب."
    doc = make_doc(text, actors={"الطائرات الروسية": ("russian_air_force", "Russian Air Force"),
                                 "المعارضة": ("opposition", "Opposition")},
                   dates=[("اليوم", "2019-05-20", "day")])
    doc.published = "2019-05-20"
    (ev,) = _of(doc, "ASSAULT")
    assert (ev["date"], ev["date_precision"]) == ("2019-05-20", "day")
