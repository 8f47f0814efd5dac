"""Round four of the event-stage speed-ups: each shortcut gives what the full computation gives."""

from __future__ import annotations

import copy
from functools import reduce
from operator import or_

import numpy as np
import pytest
from events_helpers import make_doc
from test_speed_caches import SENTENCES

from marsad.arabic import normalize
from marsad.events import _sentence_gate
from marsad.events import text as text_mod
from marsad.events.arguments import Arg, Group
from marsad.events.text import split_words
from marsad.model import Mention


def _fields(words):  # noqa: ANN001, ANN202 - test helper
    return [(w.norm, w.start, w.end, w.index, w.breaks_before, w.hard_before, w.punct) for w in words]


# A document with what the normaliser deletes or expands next to sentence edges: harakat on the last
# letter before a full stop and on the first letter of a sentence, tatweel, a right-to-left mark, a
# lam-alef ligature, Arabic-Indic digits and a zero-width non-joiner inside a word.
MARKED = ("قُتِلَ ١٢ شخصاً،\u200f وأُصيبَ آخرون.ً ثمّ تجدّد القصفُ ـ«هجوم» على 1,000 موقع؛ "
          "ﻻجئون في المخيّم\u200cات. وقال المتحدثُ إنّ ٣٫٥ مليون تضرّروا\u064b")


def _document_split(text: str, start: int, document: str) -> list:
    text_mod._last_document[0] = (None, None)  # read the document's normalisation afresh
    return split_words(text, start, document)


def test_sentences_read_from_the_document_normalisation_are_the_sentence_alone():
    document = " ".join(SENTENCES)
    start = 0
    for sentence in SENTENCES:
        assert _fields(split_words(sentence, start, document)) == _fields(split_words(sentence, start)), sentence
        start += len(sentence) + 1


def test_every_slice_of_a_marked_document_splits_as_it_does_alone():
    # any cut, including one right after a letter whose marks then stand outside the sentence
    for a in range(0, len(MARKED), 3):
        for b in range(a + 1, len(MARKED) + 1):
            alone = _fields(split_words(MARKED[a:b], a))
            assert _fields(_document_split(MARKED[a:b], a, MARKED)) == alone, (a, b)


def test_a_word_ending_before_the_sentence_edge_keeps_its_marks_only_inside_the_sentence():
    cut = MARKED.index("آخرون") + len("آخرون") + 1  # the sentence ends after «.», before the tanween
    words = _document_split(MARKED[:cut], 0, MARKED)
    assert words[-1].norm == "اخرون" and words[-1].end == cut - 1
    # «القصفُ»: the damma after the last letter belongs to the word, inside the sentence
    start = cut + 1
    words = _document_split(MARKED[start:], start, MARKED)
    qasf = next(w for w in words if w.norm == "القصف")
    assert MARKED[qasf.start:qasf.end] == "القصفُ"


def test_a_sentence_that_is_not_the_document_slice_is_normalised_on_its_own():
    document = "قصفت الطائرات مواقع المسلحين."
    other = "سيزور الرئيس موسكو."
    assert _fields(_document_split(other, 0, document)) == _fields(split_words(other, 0))


def test_punctuation_gaps_mark_clause_and_hard_breaks():
    words = split_words("قال الوزير: «إن الهجوم فشل»، وأضاف أن القوات انسحبت.", 10)
    in_ = words[2]  # «إن» after «: «»
    assert in_.norm == "ان" and in_.breaks_before and in_.hard_before and in_.punct == ':"'
    added = words[5]  # «وأضاف» after «»،»
    assert added.norm == "واضاف" and added.breaks_before and not added.hard_before and added.punct == '"،'
    assert not words[1].breaks_before and words[0].start == 10


def test_group_span_attributes_follow_the_members_that_join():
    russia = Arg(Mention(0, 5, "روسيا", label="GPE"), 0, 0, prep="مع", actor={"id": "Q159"})
    iran = Arg(Mention(6, 11, "وإيران", label="GPE"), 1, 2, actor={"id": "Q794"})
    g = Group([russia])
    assert (g.first, g.last, g.prep) == (0, 0, "مع")
    g.add(iran)
    assert (g.first, g.last, g.prep) == (0, 2, "مع") and g.members == [russia, iran]


def test_normalized_text_is_the_slice_normalised_alone():
    for a, b in ((0, 17), (17, 44), (44, len(MARKED)), (5, 60)):
        text_mod._last_document[0] = (None, None)
        assert text_mod.normalized_text(MARKED[a:b], a, MARKED) == normalize(MARKED[a:b]).text
    # not the document's slice: normalised on its own
    assert text_mod.normalized_text("هجومٌ", 0, MARKED) == normalize("هجومٌ").text


def test_classifier_scores_from_normalised_slices_equal_its_own_normalisation():
    try:
        from marsad.events.classifier import load_sentence_classifier
        model = load_sentence_classifier()
    except (ImportError, OSError, ValueError):
        pytest.skip("no sentence classifier")
    cuts = [0, MARKED.index("ثمّ"), MARKED.index("ﻻجئون"), len(MARKED)]
    sentences = [MARKED[a:b] for a, b in zip(cuts, cuts[1:], strict=False)] + SENTENCES[:4]
    document = MARKED + " " + " ".join(SENTENCES[:4])
    starts, pos = [], 0
    for s in sentences:
        pos = document.index(s, pos)
        starts.append(pos)
    normalized = [text_mod.normalized_text(s, a, document) for s, a in zip(sentences, starts, strict=True)]
    # bitwise: the gate rounds and thresholds these numbers
    assert np.array_equal(model.scores(sentences, normalized), model.scores(sentences))
    assert model.predict(sentences, normalized) == model.predict(sentences)


def test_the_gate_reads_the_document_and_decides_as_without_it(extract):
    gate = _sentence_gate()
    if gate is None:
        pytest.skip("no sentence classifier")
    text = ("قُتل ثلاثة أشخاص وأصيب آخرون في انفجار عبوةٍ ناسفة بسوق المدينة. "
            "وتظاهر مئات الطلاب أمام مبنى الجامعة احتجاجاً على رفع الرسوم. "
            "ويعاقب القانون كلَّ من يشارك في أعمال الشغب بالسجن.")
    doc = make_doc(text)
    events = extract(doc)
    assert {e["type"] for e in events} >= {"ASSAULT", "PROTEST"}
    text_mod._last_document[0] = (None, None)
    assert gate(copy.deepcopy(events), doc.text) == gate(copy.deepcopy(events))


RECORD_SENTENCES = SENTENCES + [
    "وقال المتحدث إن 3 آلاف جندي وصلوا، وفق ما نقلت وكالة الأنباء، بحسب مصادر محلية.",
    "إذا هاجمت إسرائيل المنشآت النووية فإن إيران سترد بقوة، ونفى الجيش أن يكون قتل 14 شخصاً.",
    "وأصيب عشرات المتظاهرين والمدنيين برصاص قوات الأمن، وفقاً لمنظمة حقوقية.",
    "أكد الجيش مقتل قائد ميداني، فيما جدد أردوغان رفض أنقرة الهجوم في حال وقوعه.",
]


@pytest.fixture(scope="module")
def lex():
    from marsad.events.lexicon import load_lexicon
    return load_lexicon()


def test_word_records_hold_what_each_pass_tests_word_by_word(lex):
    from marsad.events import cuewords, modality, quantities
    particles = modality._conditional_cues(lex)[0]
    report = frozenset(lex.attribution_verbs) | frozenset(lex.denial_verbs)
    generic = lex.cues["generic"]
    for text in RECORD_SENTENCES:
        words = split_words(text)
        records, kinds, total = cuewords.sentence_records(words, lex)
        assert len(records) == len(words)
        for w, (kind, status, entry) in zip(words, records, strict=True):
            g = w.norm
            want_entry = generic.get(g)
            if want_entry is None and g[:1] in "وبل":  # «والمتظاهرين», «بالمدنيين»
                want_entry = generic.get(g[1:])
            assert entry == want_entry, g
            assert status == modality._word_mask(g, lex), g
            assert bool(kind & cuewords.NUMBER) == (quantities._word_value(g, lex) is not None), g
            assert bool(kind & cuewords.ATTRIBUTION) == modality.attribution_prep(g, lex), g
            assert bool(kind & cuewords.GENERIC) == (want_entry is not None), g
            assert bool(kind & cuewords.STATUS) == bool(status), g
            assert bool(kind & cuewords.CONDITIONAL) == any(p[0] == g for p in particles), g
            assert bool(kind & cuewords.COMPLEMENTIZER) == (
                g in lex.cues["complementizers"] and not g.endswith(("ه", "ها"))), g
            assert bool(kind & cuewords.REPORTING) == (g in report), g
            assert bool(kind & cuewords.SCOPE_BREAK) == (g in lex.cues["scope_breaks"]), g
            assert bool(kind & cuewords.SOURCE_VERB) == (g in lex.attribution_verbs), g
        assert total == reduce(or_, kinds, 0)
    # the sentences above hold every kind of cue
    seen = 0
    for text in RECORD_SENTENCES:
        seen |= cuewords.sentence_records(split_words(text), lex)[2]
    assert seen == (1 << 9) - 1


def test_passes_over_the_records_find_what_a_word_by_word_walk_finds(lex):
    from marsad.events import modality, quantities
    from marsad.events.arguments import _generic_hits
    for text in RECORD_SENTENCES:
        words = split_words(text)
        # quantities: every number word is read (a multiplier joins the number before it)
        got = [(q.key, q.value, q.index) for q in quantities.find_quantities(words, lex)]
        want, i = [], 0
        while i < len(words):
            read = quantities.read_number(words, i, lex)
            if read is None:
                i += 1
                continue
            key = quantities._label(words, i, read[1], lex)
            if key is not None and 0 < read[0] < 10_000_000:
                want.append((key, read[0], i))
            i = read[1] + 1
        assert got == want, text
        assert modality.attribution_cues(words, lex) == [
            k for k, w in enumerate(words) if modality.attribution_prep(w.norm, lex)]
        generic = lex.cues["generic"]
        hits = [(k, generic.get(w.norm) or (generic.get(w.norm[1:]) if w.norm[:1] in "وبل" else None))
                for k, w in enumerate(words)]
        assert _generic_hits(words, lex.cues) == [(k, h) for k, h in hits if h is not None]
        masks, total = modality._cue_masks(words, lex)
        assert masks == [modality._word_mask(w.norm, lex) for w in words]
    # a sentence with a conditional and one with reported speech
    words = split_words(RECORD_SENTENCES[-3])
    assert modality.conditional_clauses(words, lex)
    from marsad.events.extract import _report_openers
    words = split_words(RECORD_SENTENCES[-4])
    assert _report_openers(words, lex) == frozenset({2})


def test_the_source_walk_stops_at_a_new_main_clause_and_finds_the_reporting_verb(lex):
    from marsad.events.arguments import group_args, place_mentions
    from marsad.events.modality import attribution
    text = "قال الجيش إن طائراته قصفت مواقع المسلحين، فيما اعتقلت الشرطة عشرات المحتجين."
    doc = make_doc(text, actors={"الجيش": ("army", "Army"), "الشرطة": ("police", "Police")})
    words = split_words(text)
    groups = group_args(place_mentions(words, doc.mentions, doc.text, lex), words, lex.cues["title_gap"])
    by_word = {words[m.first].norm: m for m in lex.match(words)}
    # «قصفت» is what «قال الجيش» reports; «اعتقلت» after «فيما» is outside that reported speech
    assert attribution(by_word["قصفت"], words, groups, lex, text)[0] == "Army"  # the army's name
    assert attribution(by_word["اعتقلت"], words, groups, lex, text)[0] is None
