"""The sentence-classifier gate on participant-less ASSAULT/PROTEST events."""

import pytest
from events_helpers import make_doc


def _types(events):
    return [e["type"] for e in events]



@pytest.mark.parametrize("text", [
    "وتناقش الندوة أثر الهجمات الإرهابية على الاقتصاد وسبل مواجهة العنف في المنطقة.",
    "ويُعد الهجوم على المدنيين جريمة حرب وفق القانون الدولي.",
])
def test_generic_attack_talk_without_participants_is_dropped(extract, gated_extract, text):
    doc = make_doc(text)
    assert "ASSAULT" in _types(extract(doc))  # the trigger rules fire on the word…
    assert "ASSAULT" not in _types(gated_extract(doc))  # …and the classifier sees no reported attack


def test_attack_with_a_known_participant_is_kept(extract, gated_extract):
    doc = make_doc("وكانت روسيا قد قصفت مواقع تنظيم داعش قرب تدمر.",
                   actors={"روسيا": ("russia", "Russia"), "تنظيم داعش": ("isis", "Islamic State")},
                   places={"تدمر": "Palmyra"})
    ungated = [e for e in extract(doc) if e["type"] == "ASSAULT"]
    gated = [e for e in gated_extract(doc) if e["type"] == "ASSAULT"]
    assert ungated and len(gated) == len(ungated)
    assert 0.0 <= gated[0]["sentence_p"] <= 1.0
