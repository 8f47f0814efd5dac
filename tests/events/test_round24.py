"""Round 24 — «السلطات» with no state named is the document's main state (the government nouns of
``link/data/coref.yaml``: the state must be named at least twice as an actor).

Every text here was written for these tests and runs the whole pipeline. Each rule has a
control: «السلطات» followed by another body's adjective keeps no state reading.
"""

from __future__ import annotations

from events_helpers import pipeline_events as _events
from events_helpers import sides as _sides

_DAY = "2022-10-01"


def test_bare_authorities_are_the_main_state(nlp):
    text = ("اتسعت الاحتجاجات في إيران بعد مقتل الشابة. وقالت طهران إن الوضع تحت السيطرة. "
            "واعتقلت السلطات مئات المحتجين في مدن عدة.")
    (arrest,) = _events(nlp, text, "COERCE", _DAY)
    actor, recipient = _sides(arrest)
    assert actor == ["iran"]
    assert recipient == ["protesters"]


def test_authorities_before_a_definite_object(nlp):
    # the definite word after «السلطات» is the verb's object, not an adjective
    text = ("اتسعت الاحتجاجات في إيران بعد مقتل الشابة. وقالت طهران إن الوضع تحت السيطرة. "
            "وفرضت السلطات حظر التجول في المدينة.")
    (restriction,) = _events(nlp, text, "COERCE", _DAY)
    assert _sides(restriction)[0] == ["iran"]


def test_local_authorities_are_the_main_state(nlp):
    text = ("شهدت باكستان موجة احتجاجات جديدة. وقالت إسلام آباد إن الاحتجاجات غير مرخصة. "
            "واعتقلت السلطات المحلية عشرات المتظاهرين.")
    (arrest,) = _events(nlp, text, "COERCE", _DAY)
    assert _sides(arrest)[0] == ["pakistan"]


def test_separatist_authorities_are_not_the_main_state(nlp):
    # control: «السلطات الانفصالية» is another body; it never becomes Azerbaijan
    text = ("واصلت أذربيجان عمليتها العسكرية في الإقليم. "
            "واعتقلت السلطات الانفصالية عشرات المتظاهرين في المدينة.")
    for event in _events(nlp, text, "COERCE", _DAY):
        assert "azerbaijan" not in _sides(event)[0]


def test_leader_stating_his_state_rejection_is_the_actor(nlp):
    text = "وفي ختام لقائه الرئيس التركي، أكد المرشد الإيراني علي خامنئي رفض إيران أي عملية عسكرية تركية في سوريا."
    (rejection,) = _events(nlp, text, "REJECT", "2022-07-19")
    assert _sides(rejection)[0] == ["ali_khamenei"]
    assert rejection["status"] == "asserted"


def test_written_threat_is_the_writer(nlp):
    # «كتب … أن» reports like «قال … إن»; the president states his state's readiness to strike back
    text = "وكتب الرئيس الأمريكي دونالد ترامب في تغريدة أن الولايات المتحدة «جاهزة للرد» على الهجوم."
    (threat,) = _events(nlp, text, "THREATEN", "2019-09-16")
    assert _sides(threat)[0] == ["donald_trump"]


def test_foreign_speaker_leaves_the_state_as_actor(nlp):
    # control: a speaker of another state relays that state's stance; the state stays the actor
    text = "وقال الرئيس التركي رجب طيب أردوغان إن إيران ترفض أي عملية عسكرية في شمال سوريا."
    (rejection,) = _events(nlp, text, "REJECT", "2022-07-19")
    assert _sides(rejection)[0] == ["iran"]
