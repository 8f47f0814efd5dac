"""Round seven of the event-stage speed-ups: each shortcut gives what the full computation gives.

``norm_word`` answers from a dictionary per string; the owned-force and complementizer scans run only
when the sentence holds such a word; the source pass reads the sentence's reporting-verb positions
once and cuts them per trigger; the sentence classifier gathers its offsets in lists. Each test runs
the shortcut against the plain computation it replaces.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy as np
import pytest
from events_helpers import demo_events
from test_speed_caches import SENTENCES

from marsad.arabic import normalize_word
from marsad.demo import corpus_path
from marsad.events import arguments
from marsad.events.arguments import _owned_forms
from marsad.events.classifier import load_sentence_classifier
from marsad.events.cuewords import (
    ATTRIBUTION,
    NUMBER,
    SCOPE_BREAK,
    SOURCE_VERB,
    kind_positions,
    positions,
    sentence_records,
)
from marsad.events.lexicon import load_lexicon
from marsad.events.text import norm_word, split_words

# Reported speech with a source verb before the trigger, a clause break («فيما»), a prepositional
# source («بحسب») and a count: every kind the source and quantity passes look up.
REPORTED = [
    "وقال المتحدث باسم الجيش إن الطائرات قصفت مواقع المسلحين، فيما أعلنت الحكومة مقتل 12 شخصاً.",
    "أكدت وزارة الدفاع الروسية أن طائراتها لم تشن أي غارة على إدلب بحسب وكالة تاس.",
    "هدد المتحدث العسكري بأن عمليات الجماعة ستستمر حتى رفع الحصار.",
]


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_norm_word_reads_the_plain_normalisation():
    for word in ["الرئيس", "وزارة الدفاع", "«حزب الله»", "مُسَيَّرة", "إسرائيل", "قـصـف", "الأمم المتحدة"]:
        plain = normalize_word(word).replace(" ", "")
        assert norm_word(word) == plain  # (first call: computed)
        assert norm_word(word) == plain  # (second: read back)
    assert norm_word("مُسَيَّرة") == norm_word("مسيرة")


def test_kind_positions_cut_by_bisect_are_the_positions_before_the_trigger(lex):
    sentences = [split_words(t) for t in SENTENCES + REPORTED]
    checked = 0
    # alternate sentences and kinds so that a kept answer of another sentence would show
    for _ in range(2):
        for words in sentences:
            _, kinds, _ = sentence_records(words, lex)
            for kind in (SCOPE_BREAK | SOURCE_VERB, ATTRIBUTION, NUMBER):
                got = kind_positions(words, lex, kind)
                assert got == positions(kinds, kind)
                for a in range(len(words) + 1):
                    assert got[:bisect_left(got, a)] == positions(kinds[:a], kind)
                checked += bool(got)
    assert checked >= 6  # the reported sentences have verbs, «فيما», «بحسب» and a count


def test_prefilters_change_no_event_of_the_demo_corpus(nlp, monkeypatch):
    # with every complementizer and owned-force noun counted as present, the scans always run:
    # the same events as with the pre-filters
    fast = demo_events(nlp)
    lex = load_lexicon()
    extra = frozenset(lex.cues["complementizers"]) | frozenset(_owned_forms(lex.cues["possessive_forces"]))
    assert extra

    def everything(words):
        return frozenset(w.norm for w in words) | extra

    monkeypatch.setattr(arguments, "word_types", everything)
    assert demo_events(nlp) == fast


def test_classifier_scores_a_batch_as_one_by_one():
    clf = load_sentence_classifier()
    sentences = REPORTED + ["...", "تظاهر آلاف المحتجين في شوارع الخرطوم للمطالبة بحكم مدني."] + SENTENCES[:5]
    batch = clf.scores(sentences)
    alone = np.vstack([clf.scores([s]) for s in sentences])
    assert batch.shape == (len(sentences), len(clf.types))
    assert np.array_equal(batch, alone)  # bitwise: the same sums in the same order
    assert np.all((batch > 0) & (batch < 1))


def test_a_party_after_a_later_complementizer_is_no_recipient(nlp):
    # «… أن الأسد وشويغو بحثا التعاون العسكري …، بعد أن تمكن الجيش السوري …»: the army is the subject
    # of the clause «بعد أن» opens, after the trigger; the complementizer scan (run only when the
    # sentence has one) keeps it out of the talks
    path = corpus_path() / "01_shoigu_damascus_visit.txt"
    doc = nlp(path.read_text("utf-8"), published="2017-09-13")
    talks = [e.to_dict() for e in doc.events
             if e.type == "CONSULT" and "بحثا التعاون العسكري" in e.evidence.text]
    assert talks
    for e in talks:
        ids = {a["id"] for side in ("actor", "recipient") for a in e[side]}
        assert "syrian_army" not in ids
        assert ids & {"bashar_al_assad", "sergei_shoigu"}


def _fields(words):
    return [(w.norm, w.start, w.end, w.index, w.breaks_before, w.hard_before, w.punct) for w in words]


def test_words_of_a_marked_sentence_map_as_the_slice_mapper_maps_them():
    # diacritics, tatweel and a joiner after word ends (taken along up to the sentence end, not past it)
    from bisect import bisect_left as bl

    from marsad.arabic import normalize
    from marsad.events.text import _cut

    document = ("قـالَ المتحدثُ باسمِ الجيشِ إنّ الطائراتِ قصفتْ مواقعَ المسلحين\u200d، وأُصيبَ 3 جنودٍ.\n"
                "وأعلنتْ الحكومةُ الحِدادَ ثلاثةَ أيامٍ ـ ودعتْ إلى التهدئةِ.")
    nt = normalize(document)
    assert nt.index is not None  # something was deleted: the sliced path is the one under test
    offset, checked = 0, 0
    for sentence in document.split("\n"):
        end = offset + len(sentence)
        ns = bl(nt.index, offset)
        ne = bl(nt.index, end, ns)
        want = _cut(nt.text[ns:ne], nt.slice_mapper(ns, end), 0)
        got = split_words(sentence, offset, document)
        assert _fields(got) == _fields(want)
        assert [document[w.start:w.end] for w in got][:2] in (["قـالَ", "المتحدثُ"], ["وأعلنتْ", "الحكومةُ"])
        checked += len(got)
        offset = end + 1
    assert checked > 15
