"""Round three of the event-stage speed-ups: each shortcut gives what the full computation gives."""

from __future__ import annotations

import pytest
from events_helpers import make_doc
from test_speed_caches import SENTENCES

from marsad.events import arguments
from marsad.events.arguments import Arg, Group, assign_roles, group_args, place_mentions
from marsad.events.lexicon import load_lexicon
from marsad.events.text import split_words
from marsad.model import Mention


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_the_word_record_flags_the_split_phrase_verbs_as_the_lemma_test_does(lex):
    firsts = lex._split_firsts()
    for text in SENTENCES:
        for w in split_words(text):
            lemmas = lex.lemmas.get(w.norm)
            want = bool(lemmas) and not lemmas.isdisjoint(firsts)
            got = (lex._reading_cache.get(w.norm) or lex._reading(w.norm))[2]
            assert got == want, w.norm


def test_match_with_its_own_split_starts_equals_match_with_the_full_scan(lex, monkeypatch):
    fast = {text: [(m.trigger, m.first, m.last, m.anchor, m.light, m.tense, m.verbal)
                   for m in lex.match(split_words(text))] for text in SENTENCES}
    original = type(lex)._split_by_subject

    def full_scan(self, words, out, light_at, starts=None):  # noqa: ANN001, ANN202 - test double
        return original(self, words, out, light_at, None)  # the starts recomputed from every word

    monkeypatch.setattr(type(lex), "_split_by_subject", full_scan)
    for text in SENTENCES:
        got = [(m.trigger, m.first, m.last, m.anchor, m.light, m.tense, m.verbal) for m in lex.match(split_words(text))]
        assert got == fast[text], text


def test_split_phrase_rest_found_after_a_long_subject(lex):
    # the rest («سراح») stands five words after the verb: inside the window the pre-filter reads
    words = split_words("أطلقت السلطات الأمنية في المدينة سراح عشرات المعتقلين.")
    ms = [m for m in lex.match(words) if m.trigger.kind == "phrase"]
    assert ms and ms[0].anchor == 0 and words[ms[0].first].norm == "سراح"


def test_actor_rows_are_the_actor_groups_with_their_span():
    place = Arg(Mention(0, 4, "إدلب", label="LOC"), 0, 0, place={"name_ar": "إدلب"})
    putin = Arg(Mention(6, 11, "بوتين", label="PERS"), 2, 3, actor={"id": "Q7747"})
    groups = [Group([place]), Group([putin])]
    rows = arguments._actor_rows(groups)
    assert rows == [(groups[1], 2, 3)]
    assert arguments._actor_rows(groups) is rows  # the same sentence: read from the cache
    other = [Group([putin])]
    assert arguments._actor_rows(other)[0][0] is other[0]  # another list is read afresh


def test_roles_unchanged_by_the_cached_actor_rows(lex):
    text = "التقى الرئيس الروسي فلاديمير بوتين نظيره الإيراني إبراهيم رئيسي في طهران."
    doc = make_doc(text, actors={"فلاديمير بوتين": ("Q7747", "Vladimir Putin"),
                                 "إبراهيم رئيسي": ("Q5981", "Ebrahim Raisi")}, places={"طهران": "Tehran"})
    words = split_words(text)
    groups = group_args(place_mentions(words, doc.mentions, doc.text, lex), words, lex.cues["title_gap"])
    m = lex.match(words)[0]
    first = assign_roles(m, words, groups, lex, (0, len(words)), set())
    arguments._last_rows[0] = (None, [])
    again = assign_roles(m, words, groups, lex, (0, len(words)), set())
    assert first[0] == again[0] and first[1] == again[1]
    assert [a["id"] for a in first[0]] == ["Q7747"] and [r["id"] for r in first[1]] == ["Q5981"]
