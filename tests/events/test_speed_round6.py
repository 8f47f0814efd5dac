"""Round six of the event-stage speed-ups: each shortcut gives what the full computation gives.

The shortcuts skip a pass when the sentence cannot need it (no cue word of the pass in the sentence,
no event the pass could fill) and build word sets once per lexicon instead of once per document or
trigger. Each test below runs the shortcut against the plain computation it replaces.
"""

from __future__ import annotations

import pytest
from events_helpers import demo_events, make_doc, pipeline_events, sides
from test_speed_caches import SENTENCES

from marsad.events import arguments, discourse, extract
from marsad.events.arguments import _ROLE_SET_KEYS, _role_sets, word_types
from marsad.events.discourse import Discourse, _open_events, _settings
from marsad.events.extract import _with_conjunction
from marsad.events.lexicon import load_lexicon
from marsad.events.roles import _bare, cue_words
from marsad.events.text import split_words

# Sentences with the cue words of the passes the shortcuts guard: receiving verbs with and without
# «و» («وتسلّم», «تلقت»), a motive («رداً على»), a governor to respect («باحترام»), ellipsis
# markers («وثانية», «و4 مواقع أخرى»).
CUED = [
    "وتسلّم الجيش اللبناني المساعدات العسكرية المقدمة من الولايات المتحدة.",
    "تلقت الحكومة اليمنية شحنة أدوية من منظمة الصحة العالمية.",
    "وشنت الطائرات غارات على مواقع الحوثيين رداً على مقتل جنديين.",
    "وطالب المجلس الأطراف باحترام حظر توريد الأسلحة إلى ليبيا.",
    "أنشئت غرفة عمليات في بغداد وثانية في دمشق.",
    "استقرت القوات في 3 نقاط عسكرية في محافظة إدلب، و4 مواقع أخرى في ريف حماة.",
]


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _sentences():
    for text in SENTENCES + CUED:
        yield split_words(text)


def test_receiving_forms_accept_exactly_what_received_from_tests(lex):
    receive = cue_words(lex.cues["raw"], "roles", "receive_verbs")
    forms = _with_conjunction(receive)
    assert receive and receive <= forms
    seen = 0
    for words in _sentences():
        for w in words:
            plain = w.norm in receive or _bare(w.norm) in receive
            assert (w.norm in forms) == plain, w.norm
            seen += plain
    assert seen >= 2  # «وتسلّم», «تلقت» are receiving verbs
    for verb in receive:
        for conj in "وف":
            assert (conj + verb in forms) == (_bare(conj + verb) in receive)


def test_word_types_are_the_norms_of_the_sentence_asked_about():
    a = split_words("قصفت الطائرات مواقع المسلحين شمال البلاد.")
    b = split_words("التقى الرئيس نظيره الفرنسي في باريس.")
    assert word_types(a) == {w.norm for w in a}
    assert word_types(b) == {w.norm for w in b}
    assert word_types(a) == {w.norm for w in a}  # the cache follows the list asked about


def test_role_sets_are_the_cue_word_sets(lex):
    raw = lex.cues["raw"]
    got = _role_sets(raw)
    for key in _ROLE_SET_KEYS:
        assert got[key] == cue_words(raw, "roles", key), key
    assert got["forum_types"] == frozenset(raw["roles"].get("forum_types") or ())
    assert got["motive_words"] and got["topic_preps"]


def test_discourse_settings_are_shared_but_state_is_per_document(lex):
    one = Discourse(make_doc("التقى الرئيس نظيره في باريس.", doc_id="a"), lex)
    two = Discourse(make_doc("قصفت الطائرات مواقع المسلحين.", doc_id="b"), lex)
    assert one._claim_words is two._claim_words  # built once per lexicon
    assert one.recent is not two.recent and one._states is not two._states
    one.recent.append((0, {}))
    assert not two.recent
    # the cached settings are what a fresh build gives
    cached = _settings(lex)
    lex.word_caches.pop("_discourse_settings")
    assert _settings(lex) == cached
    assert set(cached) >= {"_claim_types", "_backref_types", "_keep", "_count_words", "_protest_types"}


def test_open_events():
    ref = {"id": "iran"}
    assert _open_events([{"actor": [ref], "recipient": []}])
    assert not _open_events([{"actor": [ref], "recipient": [ref]}, {"actor": [], "recipient": []}])
    assert not _open_events([])


def test_skipping_passes_changes_no_event_of_the_demo_corpus(nlp, monkeypatch):
    # every guarded pass forced to run (every discourse pass, every cue word counted as present)
    # gives the same events as the guarded stage
    fast = demo_events(nlp)
    lex = load_lexicon()
    raw = lex.cues["raw"]
    every_cue = frozenset().union(
        *(_role_sets(raw)[k] for k in _ROLE_SET_KEYS),
        _with_conjunction(cue_words(raw, "roles", "receive_verbs")),
        cue_words(raw, "roles", "respected_governors"),
        lex.cues["ellipsis"]["ordinals"], lex.cues["ellipsis"]["others"])

    def everything(words):
        return frozenset(w.norm for w in words) | every_cue

    monkeypatch.setattr(discourse, "_open_events", lambda events: True)
    monkeypatch.setattr(extract, "word_types", everything)
    monkeypatch.setattr(arguments, "word_types", everything)
    assert demo_events(nlp) == fast


def test_a_gift_received_from_a_state_still_names_the_giver(nlp):
    # the receiving-verb shortcut still lets «تسلّم … من» make the giver the actor
    text = "وتسلّم الجيش اللبناني المساعدات العسكرية المقدمة من الولايات المتحدة."
    events = pipeline_events(nlp, text, "AID", "2023-04-05")
    assert [sides(e) for e in events] == [(["united_states"], ["lebanese_army"])]
