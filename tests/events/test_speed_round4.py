"""Round four of the event-stage speed-ups: each shortcut gives what the full computation gives."""

from __future__ import annotations

from test_speed_caches import SENTENCES

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
