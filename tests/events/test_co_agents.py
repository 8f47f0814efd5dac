"""«بمساندة/بمشاركة/بإسناد X»: X helps the actor; it is never the one acted on."""

from __future__ import annotations


def test_helpers_of_a_seizure_are_not_its_recipient(nlp) -> None:  # noqa: ANN001
    text = "وسيطرت القوات التركية بمساندة فصائل الجيش الوطني السوري على مدينتي رأس العين وتل أبيض."
    seizures = [e for e in nlp(text, published="2019-10-20").events if e.type == "COERCE"]
    assert seizures
    assert all(r.id != "syrian_national_army" for e in seizures for r in e.recipient)


def test_support_from_stays_an_aid_event(nlp) -> None:  # noqa: ANN001
    text = "وتقدم الجيش السوري بدعم من الطيران الروسي في ريف إدلب الجنوبي."
    aid = [e for e in nlp(text, published="2019-10-20").events if e.type == "AID"]
    assert aid and [r.id for r in aid[0].recipient]
