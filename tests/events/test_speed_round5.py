"""Round five of the event-stage speed-ups: each shortcut gives what the full computation gives."""

from __future__ import annotations

import copy
import math

import pytest
from events_helpers import make_doc
from test_speed_caches import SENTENCES

from marsad.demo import corpus_path
from marsad.events import cuewords
from marsad.events.extract import (
    _FEATURE_NAMES,
    _fold_into,
    _merge_document,
    _same_happening,
    calibrated_confidence,
    confidence_features,
    extract_events,
)
from marsad.events.lexicon import _NO_READING, Lexicon, load_lexicon
from marsad.events.text import split_words

# More sentences: phrases of several words («وقف إطلاق النار», «أودى بحياة»), split phrases with a
# long subject, one-word phrases, words read with clitics, and plain words that start nothing.
MORE = [
    "أعلن الجيش التوصل إلى اتفاق لوقف إطلاق النار في المدينة.",
    "أودى الانفجار بحياة خمسة أشخاص وأصاب آخرين بجروح.",
    "أطلقت السلطات المصرية أمس سراح الصحفيين الثلاثة.",
    "وقّع الطرفان اتفاق وقف إطلاق النار في الدوحة.",
    "وقال المتحدث باسم الوزارة إن الطقس كان معتدلاً في العاصمة.",
    # one-word phrases of the lexicon («فيتو», «بوارج»)
    "استخدمت روسيا الفيتو ضد مشروع القرار.",
    "أرسلت الولايات المتحدة بوارج إلى المنطقة.",
]


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _all_words(lex):
    for text in SENTENCES + MORE:
        yield split_words(text)


def test_a_word_read_as_starting_nothing_starts_nothing(lex):
    seen_nothing = seen_something = 0
    for words in _all_words(lex):
        for w in words:
            reading = lex._reading(w.norm)
            if reading is _NO_READING:
                seen_nothing += 1
                assert not lex.phrase_candidates(w.norm), w.norm
                assert lex.verbs.get(w.norm) is None and lex.participles.get(w.norm) is None, w.norm
                assert lex.noun(w.norm) is None and w.norm not in lex.light, w.norm
                assert not lex._split_starts([w], 1), w.norm
            else:
                seen_something += 1
                assert reading != _NO_READING  # every such reading is the shared object
    assert seen_nothing and seen_something


def test_the_phrase_shortcut_gives_what_the_full_phrase_walk_gives(lex):
    checked = singles = 0
    for words in _all_words(lex):
        for i, w in enumerate(words):
            info = lex._reading(w.norm)[0]
            if not info:
                assert lex._phrase_at(words, i) is None
                continue
            firsts, single = info
            nxt = i + 1 < len(words) and not words[i + 1].breaks_before
            if not (nxt and not firsts.isdisjoint(lex.word_keys(words[i + 1].norm))):
                # the shortcut: only a one-word phrase can match, the first listed
                assert lex._phrase_at(words, i) == single, w.norm
                checked += 1
                singles += single is not None
    assert checked and singles


def test_a_multi_word_phrase_is_still_found_through_the_shortcut(lex):
    words = split_words("وقّع الطرفان اتفاق وقف إطلاق النار في الدوحة.")
    spans = [(m.first, m.last, m.trigger.type) for m in lex.match(words)]
    # «اتفاق وقف إطلاق النار» (four words) is one trigger, not «اتفاق» and «وقف» apart
    assert any(last - first >= 3 for first, last, _ in spans), spans


def test_split_phrase_candidates_are_the_filtered_phrase_candidates(lex):
    phrases = lex._split_phrases()
    subjects = lex._match_sets()[3]
    checked = 0
    for words in _all_words(lex):
        for w in words:
            lemmas = lex.lemmas.get(w.norm)
            if not lemmas:
                continue
            expect = tuple((rest, trig, trig.lemma.split()) for _, rest, trig in lex.phrase_candidates(w.norm)
                           if rest and trig.lemma in phrases and trig.lemma.split()[0] in lemmas
                           and trig.lemma.split()[1] not in subjects)
            lex.word_caches.setdefault("_split_cands", {})
            assert lex._split_candidates(w.norm, phrases, subjects) == expect, w.norm
            checked += bool(expect)
    assert checked  # «رفعت … حالة التأهب», «استأنفت … العلاقات», «أطلقت … سراح»


def test_sentence_records_read_each_word_record(lex):
    for words in _all_words(lex):
        cuewords._last[0] = (None, None, [], [], 0)
        records, kinds, total = cuewords.sentence_records(words, lex)
        fresh: dict = {}
        assert records == [cuewords._record(w.norm, lex, fresh) for w in words]
        assert kinds == [r[0] for r in records]
        expect = 0
        for k in kinds:
            expect |= k
        assert total == expect


def _demo_candidates(nlp):
    """Candidate events of some demo articles after the participant filter (before the merge)."""
    out = []
    for path in sorted(corpus_path().glob("0*.txt"))[:6]:
        text = path.read_text("utf-8")
        doc = nlp(text, published="2019-10-01").document
        trace: list = []
        extract_events(doc, trace=trace)
        out.append(dict(trace)["concrete"])
    return out


@pytest.fixture(scope="module")
def candidates(nlp):
    return _demo_candidates(nlp)


def test_records_of_different_types_are_never_one_happening(candidates):
    pairs = 0
    for events in candidates:
        for a in events:
            for b in events:
                if a["type"] != b["type"]:
                    pairs += 1
                    assert not _same_happening(a, b) and not _same_happening(a, b, frozenset({a["type"], b["type"]}))
    assert pairs


def _merge_all_pairs(events, symmetric):
    """The document merge looking at every kept record for a target (the search before round 5)."""
    kept = []
    for ev in events:
        target = next((k for k in kept if _same_happening(k, ev, symmetric)), None)
        if target is None:
            kept.append(ev)
        else:
            _fold_into(target, ev)
    return kept


def test_the_document_merge_by_type_keeps_what_a_search_over_all_records_keeps(candidates, lex):
    symmetric = lex.cues["symmetric"]
    merged = 0
    for events in candidates:
        kept = _merge_document(copy.deepcopy(events), symmetric)
        assert kept == _merge_all_pairs(copy.deepcopy(events), symmetric)
        merged += len(events) - len(kept)
    assert merged  # the articles restate happenings


def test_calibrated_confidence_is_the_logistic_of_the_weighted_features(candidates, lex):
    weights = lex.cues["raw"]["confidence"]
    assert set(confidence_features(candidates[0][0])) == set(_FEATURE_NAMES)
    for events in candidates:
        for ev in events:
            feats = confidence_features(ev)
            z = weights.get("bias", 0.0) + sum(weights.get(k, 0.0) * v for k, v in feats.items())
            assert calibrated_confidence(ev, weights) == round(min(0.99, max(0.01, 1.0 / (1.0 + math.exp(-z)))), 2)
    # another weights table is read afresh, not the one remembered
    other = {k: 0.0 for k in weights}
    assert calibrated_confidence(candidates[0][0], other) == 0.5


# Sentences in which no word can start a trigger (no verb, event noun, light verb or phrase).
PLAIN = [
    "الطقس معتدل في العاصمة اليوم.",
    "وهذه المدينة جميلة جداً في الربيع.",
]


def test_a_sentence_no_word_of_which_starts_anything_makes_no_words(lex):
    for text in PLAIN:
        words = split_words(text)
        assert lex.match(words) == []  # (which reads each word's record)
        assert words and not lex.may_match([w.norm for w in words]), text
        assert split_words(text, keep=lex.may_match) == []


def test_a_word_not_read_yet_may_start_something(lex):
    assert lex.may_match(["كلمةلمتقرأبعد"])


def test_a_sentence_with_a_trigger_keeps_its_words_and_its_matches(lex):
    for text in SENTENCES + MORE:
        words = split_words(text)
        kept = split_words(text, keep=lex.may_match)
        assert [(w.norm, w.start, w.end) for w in kept] == [(w.norm, w.start, w.end) for w in words], text
        if lex.match(words):
            assert lex.may_match([w.norm for w in words]), text


def test_a_raw_spelling_keeps_its_sentence(lex):
    # «هنأ» normalises to «هنا» (here), which starts nothing; the text's hamza makes it the verb
    words = split_words("هنأ الرئيس نظيره بالعيد الوطني.")
    norms = [w.norm for w in words]
    assert norms[0] in lex.cues["raw_spellings"]
    assert lex.may_match(norms)


def test_extract_finds_the_same_events_with_and_without_the_sentence_filter(extract, monkeypatch):
    text = " ".join([PLAIN[0], "قصفت الطائرات مواقع المسلحين في ريف إدلب.", PLAIN[1],
                     "هنأ الرئيس المصري نظيره الفرنسي بالعيد الوطني."])
    doc = make_doc(text)
    with_filter = extract(doc)
    monkeypatch.setattr(Lexicon, "may_match", lambda self, norms: True)
    without = extract(make_doc(text))
    assert with_filter == without and with_filter
