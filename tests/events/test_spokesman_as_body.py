"""An unnamed spokesman stands for the body he speaks for; a named one stays the person."""

from __future__ import annotations


def _accuse(nlp, text):
    events = [e.to_dict() for e in nlp(text, published="2023-10-13").events if e.type == "ACCUSE"]
    assert len(events) == 1
    return [a["id"] for a in events[0]["actor"]], [a["id"] for a in events[0]["recipient"]]


def test_unnamed_spokesman_is_the_body(nlp):
    actors, recipients = _accuse(nlp, "اتهم المتحدث باسم الجيش الإسرائيلي حزب الله بإطلاق صواريخ على شمال إسرائيل أمس.")
    assert actors == ["israeli_army"]
    assert recipients == ["hezbollah"]


def test_named_spokesman_is_the_person(nlp):
    actors, _ = _accuse(nlp, "واتهم المتحدث باسم الجيش الإسرائيلي دانيال هاغاري حزب الله بإطلاق صواريخ أمس.")
    assert actors == ["daniel_hagari"]
