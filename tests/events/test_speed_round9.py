"""Round nine of the speed-ups: each shortcut gives what the computation it replaces gives.

``roles.cue_words`` is keyed by the cue list alone (and answers an absent list without a lookup);
``modality.actor_keys`` answers an empty ref list at once; whether the word before a noun trigger
is a background head («نتائج زيارة …») is cached per word type. Each test runs the shortcut
against the plain computation, on real Arabic words.
"""

from __future__ import annotations

from test_speed_caches import SENTENCES

from marsad.demo import corpus_path
from marsad.events import modality
from marsad.events.lexicon import load_lexicon
from marsad.events.roles import cue_words
from marsad.events.text import clitic_candidates, norm_word, split_words


def test_cue_words_normalises_the_listed_words_and_follows_a_replaced_list():
    raw = {"roles": {"mouthpiece_words": ["لسان", "الناطق"]}}
    assert cue_words(raw, "roles", "mouthpiece_words") == frozenset({norm_word("لسان"), norm_word("الناطق")})
    # a list replaced by another is read again (the cache checks the list's identity)
    raw["roles"]["mouthpiece_words"] = ["المتحدث"]
    assert cue_words(raw, "roles", "mouthpiece_words") == frozenset({norm_word("المتحدث")})
    # the same list under two keys gives the same words
    shared = ["قيادة", "الأركان"]
    both = {"a": {"x": shared}, "b": {"y": shared}}
    assert cue_words(both, "a", "x") == cue_words(both, "b", "y") == frozenset(map(norm_word, shared))
    # absent section, absent key, empty list: no words
    assert cue_words(raw, "attribution", "mouthpiece_words") == frozenset()
    assert cue_words(raw, "roles", "absent") == frozenset()
    assert cue_words({"roles": {"empty": []}}, "roles", "empty") == frozenset()


def test_cue_words_of_the_lexicon_equal_the_plain_normalisation():
    raw = load_lexicon().cues["raw"]
    for section, body in raw.items():
        if not isinstance(body, dict):
            continue
        for key, lst in body.items():
            if isinstance(lst, list) and all(isinstance(w, str) for w in lst):
                assert cue_words(raw, section, key) == frozenset(norm_word(w) for w in lst), (section, key)


def test_actor_keys_of_no_refs_is_a_fresh_empty_set():
    first = modality.actor_keys([])
    first.add("IRN")  # a caller may grow the set it gets
    assert modality.actor_keys([]) == set()
    refs = [{"id": "IRN", "text": "إيران"}, {"text": "الحرس الثوري"}, {"id": "", "text": "طهران"}]
    assert modality.actor_keys(refs) == {"IRN", norm_word("الحرس الثوري"), norm_word("طهران")}


def test_background_head_cache_agrees_with_the_clitic_readings():
    lex = load_lexicon()
    heads = modality._report_nouns(lex)[4]
    texts = SENTENCES + [p.read_text("utf-8") for p in sorted(corpus_path().glob("0*.txt"))]
    texts.append("وصل الوفد لمتابعة نتائج زيارة الرئيس الروسي إلى طهران، وبحث تداعيات القصف وذكرى الحرب.")
    seen = set()
    for text in texts:
        for w in split_words(text):
            for _ in range(2):  # the second ask is answered from the cache
                assert modality._background_head(w.norm, lex) == any(
                    s in heads for s, _ in clitic_candidates(w.norm)), w.norm
            if modality._background_head(w.norm, lex):
                seen.add(w.norm)
    # (the check is not empty: a bare head and heads with a conjunction or preposition are found)
    assert {norm_word("نتائج"), norm_word("تداعيات"), norm_word("وذكرى")} <= seen
