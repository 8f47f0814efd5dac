"""Fourth iteration: the speaker's own country in reported content («أن تكون بلاده قد …»)."""

from __future__ import annotations

from events_helpers import ids, make_doc

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon

EGYPT = {"id": "egypt", "name_en": "Egypt", "name_ar": "مصر", "wikidata": None, "country": "EGY",
         "sector": "GOV", "role": None, "text": None}


def _doc(text: str):
    doc = make_doc(text, actors={"وزارة الخارجية المصرية": ("egypt_mfa", "Egyptian foreign ministry"),
                                 "ليبيا": ("libya", "Libya")})
    for m in doc.mentions:
        if m.actor_id == "egypt_mfa":
            m.extra["ref"]["country"] = "EGY"
            m.label = "ORG"  # a ministry: not a person who would be named beside the state
    return doc


def test_denied_deployment_by_his_country_is_the_speakers_state():
    text = "ونفى متحدث باسم وزارة الخارجية المصرية أن تكون بلاده قد أرسلت قوات عسكرية إلى ليبيا."
    events = [e for e in extract_events(_doc(text), load_lexicon(), {}, states={"EGY": EGYPT})
              if e["type"] == "MOBILIZE"]
    assert len(events) == 1
    assert ids(events[0]["actor"]) == ["egypt"]
    assert events[0]["status"] == "negated"


def test_his_country_in_a_genitive_is_not_the_subject():
    # «قوات من بلاده»: the forces come from his country, but the subject is not the bare «بلاده»
    text = "وقال متحدث باسم وزارة الخارجية المصرية إن قوات من بلاده انتشرت قرب ليبيا."
    events = [e for e in extract_events(_doc(text), load_lexicon(), {}, states={"EGY": EGYPT})
              if e["type"] == "MOBILIZE"]
    assert events and all(ids(e["actor"]) != ["egypt"] for e in events)
