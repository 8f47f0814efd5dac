"""The Python API: marsad.load(), Pipeline, Event/ActorRef/Place round-trips, a small surface."""

from __future__ import annotations

import doctest
import json

import pytest

import marsad
from marsad import api

TEXT = ("التقى وزير الدفاع الروسي سيرغي شويغو الرئيس السوري بشار الأسد في دمشق أمس، وبحث الجانبان "
        "التعاون العسكري. وقالت وكالة الأنباء السورية إن الطرفين اتفقا على تعزيز التنسيق.")


@pytest.fixture(scope="module")
def nlp():
    return marsad.load()


def test_surface_is_small_and_documented():
    assert len(marsad.__all__) <= 15
    for name in marsad.__all__:
        obj = getattr(marsad, name)
        assert name == "__version__" or obj.__doc__, name


def test_load_is_shared(nlp):
    assert marsad.load() is nlp


def test_call_returns_layers_with_offsets(nlp):
    res = nlp(TEXT, published="2017-09-13", doc_id="a1")
    assert res.doc_id == "a1" and res.text == TEXT
    for layer in (res.sentences, res.mentions, res.dates):
        for span in layer:
            assert res.text[span.start:span.end] == span.text
    assert any(d.value == "2017-09-12" for d in res.dates)
    consult = [e for e in res.events if e.type == "CONSULT"]
    assert consult and consult[0].actor[0].id == "sergei_shoigu"
    ev = consult[0].evidence
    assert res.text[ev.start:ev.end] == ev.text


def test_event_to_dict_is_the_contract_record(nlp):
    res = nlp(TEXT, published="2017-09-13")
    rec = res.events[0].to_dict()
    for key in ("schema", "event_id", "doc_id", "type", "mode", "cameo", "actor", "recipient", "date",
                "date_precision", "date_text", "location", "status", "source", "quantities", "evidence",
                "confidence"):
        assert key in rec
    assert rec == res.document.events[0]
    assert api.Event.from_dict(json.loads(json.dumps(rec))).to_dict() == rec


def test_pipe_streams_in_order(nlp):
    texts = [TEXT, {"text": "قالت وزارة الخارجية الإيرانية إن طهران ترفض الاتهامات.", "id": "b"}]
    out = list(nlp.pipe(texts))
    assert [r.text for r in out] == [TEXT, texts[1]["text"]] and out[1].doc_id == "b"


def test_empty_text_is_a_clear_error(nlp):
    with pytest.raises(ValueError, match="empty"):
        nlp("   ")


def test_module_doctests():
    failures, _ = doctest.testmod(api, optionflags=doctest.ELLIPSIS)
    assert failures == 0
