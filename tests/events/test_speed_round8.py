"""Round eight of the speed-ups: each shortcut gives what the computation it replaces gives.

The person descriptors of the recogniser are looked for with a first-word trie before the full
pattern; the word a date or a trigger starts in is found by binary search; which dates may date an
event is worked out once per sentence; the order/readiness pass skips sentences without such a word;
the support-word union is built once. Each test runs the shortcut against the plain computation.
"""

from __future__ import annotations

import pytest
from test_speed_caches import SENTENCES

from marsad.demo import corpus_path
from marsad.events import arguments, modality
from marsad.events.dates import event_date_candidates, pick_event_date
from marsad.events.lexicon import load_lexicon
from marsad.events.text import split_words, word_after
from marsad.model import TimeExpression
from marsad.recognize.recognizer import _descriptor_re, _find_descriptors, _trie_pattern

# Descriptors with clitics («وللناشطة», «فالمحامي», «كالمعارض»), hamza variants («الاستاذ»),
# two-word forms, a longer word that is no descriptor («الناشطين») and one right after another.
DESCRIBED = [
    "التقى رجل الأعمال علي حداد بالناشطة الحقوقية سارة أحمد في العاصمة.",
    "وقال للصحفي محمد سالم إن المحامي خالد يوسف والمعارض البارز حسن علي اعتقلا.",
    "وللناشطة منى سعيد، فالمحامي أحمد ناصر، كالمعارض البارز سمير فهمي.",
    "أوضح الاستاذ الجامعي عمر حسن أن الناشطين تظاهروا أمام مقر الأكاديمية ليلى كمال.",
    "الصحفية الصحفية سارة والمدونة",
    "لا وصف لأحد هنا: خرج المتظاهرون إلى الشوارع.",
]


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(1)) for m in matches]


def test_descriptor_finder_finds_what_the_full_pattern_finds():
    texts = DESCRIBED + [p.read_text("utf-8") for p in sorted(corpus_path().glob("0*.txt"))]
    for text in texts:
        assert _spans(_find_descriptors(text)) == _spans(_descriptor_re().finditer(text))
    # (the check is not empty: clitics, the «لل» form, hamza-loose and two-word forms are found)
    found = [m.group(1) for m in _find_descriptors(" ".join(DESCRIBED))]
    for form in ("رجل الأعمال", "الناشطة الحقوقية", "للصحفي", "المعارض البارز", "للناشطة", "المحامي",
                 "الاستاذ الجامعي", "الأكاديمية", "المدونة"):
        assert form in found
    assert not any(f.startswith("الناشطين") for f in found)


def test_trie_pattern_matches_a_prefix_that_is_one_of_the_words():
    import re

    pat = re.compile(_trie_pattern({"الناشط", "الناشطة", "رجل", "الأستاذ"}))
    assert pat.match("الناشطة").group() == "الناشط"  # a shorter word ends the branch: "some word is here"
    assert pat.match("رجل الدين") and pat.match("الاستاذ") and pat.match("الإستاذ")
    assert pat.match("الكاتب") is None and pat.match("رج") is None


def test_word_after_is_the_first_word_ending_after_the_offset():
    for text in SENTENCES + DESCRIBED:
        words = split_words(text)
        for offset in range(-1, len(text) + 2):
            assert word_after(words, offset) == next((w.index for w in words if w.end > offset), None)


def _date(text: str, sentence: str, value: str, kind: str = "absolute") -> TimeExpression:
    start = sentence.index(text)
    return TimeExpression(start, start + len(text), text, value=value, precision="year", kind=kind)


def test_date_candidates_worked_out_once_pick_what_each_trigger_picks_alone():
    lex = load_lexicon()
    sentence = ("في زيارة هي الأولى لأردوغان إلى مصر منذ عام 2012، قصفت الطائرات مواقع المسلحين "
                "منذ بداية العام، كما قتل ثلاثة عسكريين في عام 2023.")
    dates = [_date("عام 2012", sentence, "2012"), _date("منذ بداية العام", sentence, "2023", "vague"),
             _date("عام 2023", sentence, "2023")]
    words = split_words(sentence)
    matches = lex.match(words)
    assert len(matches) >= 2
    once = event_date_candidates(words, dates)
    assert dates[0] not in once[0]  # «الأولى … منذ عام 2012» dates the last visit, not this one
    picked = [pick_event_date(m, words, dates, once) for m in matches]
    assert picked == [pick_event_date(m, words, dates) for m in matches]
    assert all(p is None or any(p is d for d in dates) for p in picked)  # the original, never a moved copy


def _governed(lex, sentence: str) -> list[bool]:
    words = split_words(sentence)
    return [modality._planned_by_governor(m, words) for m in lex.match(words)]


def test_order_pass_without_an_order_word_says_no_and_with_one_still_finds_it():
    lex = load_lexicon()
    assert _governed(lex, "أمر بوتين ببدء انسحاب القوات الروسية من سوريا.") == [True]
    assert _governed(lex, "أبدى الرئيس استعداد بلاده لاحتضان حوار بين الطرفين.") == [True]
    # (the same triggers with no order or readiness word in the sentence)
    assert _governed(lex, "بدأ انسحاب القوات الروسية من سوريا.") == [False]
    assert _governed(lex, "أجرى الرئيس حوارا بين الطرفين.") in ([False], [])


def test_support_words_are_the_union_and_built_once():
    lex = load_lexicon()
    cues = lex.cues
    got = arguments._support_words(cues)
    assert got == cues["support_by"] | cues["support_with"] | arguments.cue_words(cues["raw"], "roles", "ally_words")
    assert arguments._support_words(cues) is got
    other = dict(cues, support_by=frozenset({"بمساندة"}))
    assert "بمساندة" in arguments._support_words(other)  # another set: made again
    assert arguments._support_words(cues) == got


@pytest.mark.parametrize("text", DESCRIBED[:2])
def test_descriptor_finder_gives_match_objects_of_the_full_pattern(text):
    for m in _find_descriptors(text):
        assert m.re is _descriptor_re()
