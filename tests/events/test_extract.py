"""Contract shape, evidence offsets, numbering and robustness of the event stage."""

from __future__ import annotations

import pytest
from events_helpers import make_doc

from marsad.events import SCHEMA, extract_events
from marsad.model import Document, Sentence

KEYS = {"schema", "event_id", "doc_id", "type", "mode", "cameo", "actor", "recipient", "date", "date_precision",
        "date_text", "location", "status", "source", "quantities", "evidence", "confidence"}
TEXT = ("العنوان: تطورات الوضع الميداني\n"
        "شنّت الطائراتُ الحربية غاراتٍ على ريف حماة، ما أدى إلى مقتل 7 مدنيين. "
        "وفي سياق آخر، التقى وزير الخارجية نظيره التركي في أنقرة لبحث التعاون الاقتصادي.\n"
        "ومن المقرر أن يزور الرئيس القاهرة الأسبوع المقبل.")


@pytest.fixture
def events(extract):
    return extract(make_doc(TEXT, doc_id="doc42"))


def test_contract_keys_and_values(events):
    assert events
    for n, ev in enumerate(events, 1):
        assert KEYS <= set(ev)
        assert ev["schema"] == SCHEMA
        assert ev["event_id"] == f"doc42:e{n}"
        assert ev["status"] in {"asserted", "reported", "planned", "claimed", "negated"}
        assert ev["date_precision"] in {None, "day", "month", "year"}
        assert 0.0 < ev["confidence"] <= 1.0
        assert isinstance(ev["quantities"], dict)


def test_evidence_slices_the_document_text_exactly(events):
    for ev in events:
        e = ev["evidence"]
        assert TEXT[e["start"]:e["end"]] == e["text"]
        t = ev["trigger"]
        assert TEXT[t["start"]:t["end"]] == t["text"]
        assert e["start"] <= t["start"] < t["end"] <= e["end"]


def test_diacritics_do_not_break_offsets(events):
    # «شنّت … غاراتٍ» carries shadda and tanween: the trigger must still slice the original text
    assault = [e for e in events if e["type"] == "ASSAULT"][0]
    assert assault["mode"] == "aerial"
    assert assault["quantities"] == {"killed": 7}
    assert "غاراتٍ" in assault["trigger"]["text"] or "شنّت" in assault["evidence"]["text"]


def test_types_in_text_order(events):
    types = [e["type"] for e in events]
    assert types.index("ASSAULT") < types.index("CONSULT")
    planned = [e for e in events if e["status"] == "planned"]
    assert planned and planned[0]["type"] == "CONSULT"


def test_uses_document_sentences_when_given(extract):
    text = "قصفت المدفعية البلدة. ثم انسحبت القوات."
    doc = Document("s", "t", text=text)
    doc.sentences = [Sentence(0, 21, text[0:21], 0), Sentence(22, len(text), text[22:], 1)]
    evs = extract(doc)
    assert [e["type"] for e in evs] == ["ASSAULT", "RETREAT"]
    assert evs[1]["evidence"]["start"] == 22


def test_merges_triggers_of_one_happening(extract):
    evs = extract(make_doc("قتل خمسة أشخاص في تفجير سيارة مفخخة وسط المدينة."))
    assert [e["type"] for e in evs] == ["ASSAULT"]


def test_empty_and_triggerless_documents(extract):
    assert extract(Document("e", "t", text="")) == []
    assert extract(make_doc("الطقس مشمس اليوم في معظم المناطق.")) == []


def test_extract_events_function_matches_stage():
    doc = make_doc("تظاهر مئات الطلاب أمام الجامعة.")
    assert [e["type"] for e in extract_events(doc)] == ["PROTEST"]


def test_definite_noun_without_participants_refers_back(extract):
    doc = make_doc("زار الوزير بغداد أمس. وتناولت الزيارة ملفات الأمن والطاقة.",
                   actors={"الوزير": ("minister", "Minister")}, places={"بغداد": "Baghdad"})
    assert [e["type"] for e in extract(doc)] == ["CONSULT"]
