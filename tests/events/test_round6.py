"""Sixth round: phrases whose verb is split from the rest by its subject (VSO order).

«سلّم المبعوث رسالة», «علّقت الحكومة المفاوضات», «رفعت الحكومة حالة الطوارئ»: the verb's lemma
begins a lexicon phrase and the rest of the phrase follows the subject; the phrase is anchored to
the verb, so the subject is the actor, and its meaning wins over a word inside it. Every sentence
here was written for these tests.
"""

from __future__ import annotations

from events_helpers import ids, make_doc, only

from marsad.events import extract_events
from marsad.events.lexicon import load_lexicon
from marsad.events.text import split_words


def _events(doc):
    return extract_events(doc, load_lexicon(), {})


def _matches(text):
    return [(m.trigger.type, m.trigger.mode, m.first, m.last, m.anchor) for m in load_lexicon().match(split_words(text))]


def test_an_envoys_letter_split_by_the_envoy_is_a_meeting_by_the_envoy():
    text = "سلّم المبعوث الأممي رسالة من الأمين العام إلى الرئيس."
    doc = make_doc(text, actors={"المبعوث الأممي": ("un_envoy", "UN envoy")})
    ev = only(_events(doc), "CONSULT")
    assert ev["mode"] == "meet" and ids(ev["actor"]) == ["un_envoy"]


def test_suspending_talks_is_a_halt_not_a_negotiation():
    text = "علّقت الحكومة المفاوضات مع المعارضة المسلحة."
    doc = make_doc(text, actors={"الحكومة": ("gov", "government"), "المعارضة المسلحة": ("opp", "armed opposition")})
    events = _events(doc)
    assert [e["type"] for e in events] == ["SANCTION"]
    assert events[0]["mode"] == "halt" and ids(events[0]["actor"]) == ["gov"]


def test_lifting_a_state_of_emergency_eases_rather_than_imposes():
    text = "رفعت الحكومة حالة الطوارئ في البلاد."
    doc = make_doc(text, actors={"الحكومة": ("gov", "government")})
    ev = only(_events(doc), "RETREAT")
    assert ev["mode"] == "ease" and ids(ev["actor"]) == ["gov"]


def test_a_release_split_by_the_releasing_authority():
    text = "أطلقت السلطات الإيرانية سراح صحفي بريطاني بعد عامين."
    doc = make_doc(text, actors={"السلطات الإيرانية": ("iran", "Iran")})
    ev = only(_events(doc), "RETREAT")
    assert ev["mode"] == "release" and ids(ev["actor"]) == ["iran"]


def test_a_recalled_ambassador_split_by_the_state():
    text = "سحبت الكويت سفيرها من العاصمة الإيرانية."
    doc = make_doc(text, actors={"الكويت": ("kwt", "Kuwait")})
    ev = only(_events(doc), "SANCTION")
    assert ev["mode"] == "relations" and ids(ev["actor"]) == ["kwt"]


def test_a_longer_phrase_after_the_subject_keeps_its_meaning_and_takes_the_verb():
    # «الجاهزية القصوى» is a phrase of its own; the verb anchors it so the army is its actor
    text = "رفع الجيش الجاهزية القصوى على الحدود الشمالية."
    doc = make_doc(text, actors={"الجيش": ("army", "army")})
    ev = only(_events(doc), "MOBILIZE")
    assert ids(ev["actor"]) == ["army"]


def test_the_rest_inside_a_prepositional_phrase_is_not_the_object():
    # «في عشرات المدن»: not «خرج عشرات»; nor is a comma-separated later clause
    assert not any(t == "PROTEST" for t, *_ in _matches("وخرج الوزير من الاجتماع في عشرات الدقائق"))
    assert not any(t == "SANCTION" for t, *_ in _matches("علّقت الوزارة، بعد ذلك، المفاوضات"))


def test_a_split_phrase_is_anchored_to_its_verb():
    got = _matches("سلّم المبعوث رسالة")
    assert got == [("CONSULT", "meet", 2, 2, 0)]
