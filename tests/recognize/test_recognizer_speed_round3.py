"""Round 3 of the recogniser's CPU work: the cheaper forms give exactly what the plain forms gave.

Each test runs the plain computation (a whole-text ``re.finditer``, a comparison of every pair, a copy
of the text before a position) next to its replacement on Arabic news phrases and asserts the same
answer, so a change to either side that breaks the equivalence fails here.
"""

from __future__ import annotations

import itertools

import pytest

from marsad.arabic import normalize
from marsad.model import Document, Mention
from marsad.pipeline import text_stage
from marsad.recognize.recognizer import (
    _JOINT_PAIR,
    _cues,
    _joint_pairs,
    _modifier_before,
    _outermost,
    _word_before,
)

# Phrases with the cue words of the anchored scans, with clitics, inside longer words and at the edges.
_TEXTS = [
    "ووقّع الرئيسان اتفاق التعاون، وقال إن الجانبين طالبا بوقف النار بين البلدين.",
    "وأكد للطرفين أن الدولتين ستعقدان لقاءً، وبالبلدين العربيين. والبلدان العربية كثيرة.",
    "استقبل الوزيرين في القصر، وقال للوزيرين إن القائدين اتفقا. الرئيسانية ليست كلمة.",
    "وزارة الخارجية والمغتربين السورية أعلنت، ووزير الشؤون الخارجية والتعاون الدولي الليبي قال.",
    "بيان الوزارة الخارجية والتعاون الدولي، ولوزيرة الدفاع والإنتاج الحربي. الوزارات كثيرة.",
    "وقال سموه إن الدولة باقية، وأكد جلالته ذلك، ولمعاليه رأي. وسموها حاضرة وفخامتهما لا.",
    "نفى جعجع أي علاقة لحزبه بالقنص، وقالت إن حركتها باقية وبتنظيمه. والحزبهم ليست كلمة.",
    "حزبه", "سموه،", "الطرفين", "",
]


def _recognizer(kb):
    return kb.recognizer


def _norm(text: str) -> str:
    return normalize(text).text.replace("_", " ")


@pytest.mark.parametrize("name", ["_dual_re", "_complement_re"])
def test_anchored_scans_find_what_the_whole_text_scan_finds(kb, name):
    anchored = getattr(_recognizer(kb), name)()
    assert anchored is not None
    found_any = False
    for text in _TEXTS:
        norm = _norm(text)
        plain = [(m.span(), m.groups()) for m in anchored.pattern.finditer(norm)]
        fast = [(m.span(), m.groups()) for m in anchored.finditer(norm)]
        assert fast == plain, text
        found_any = found_any or bool(plain)
    assert found_any  # the phrases do exercise the pattern


def test_honorific_and_own_body_scans_find_what_the_whole_text_scan_finds(kb):
    rec = _recognizer(kb)
    # the patterns are built on first use by their passes
    doc = Document("t", "t", text=_TEXTS[5] + " " + _TEXTS[6], published="2024-05-11")
    text_stage(doc, kb)
    rec(doc)
    for anchored in (rec._honorific_pattern_p, rec._own_body_pattern):
        hits = 0
        for text in _TEXTS:
            norm = _norm(text)
            plain = [(m.span(), m.groups()) for m in anchored.pattern.finditer(norm)]
            assert [(m.span(), m.groups()) for m in anchored.finditer(norm)] == plain, text
            hits += len(plain)
        assert hits


def _pairwise_outermost(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if not any(o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
                                     for o in ms)]


def test_outermost_is_the_pairwise_filter():
    text = "وزير الخارجية السعودي فيصل بن فرحان ووزير الخارجية الإيراني في طهران"
    spans = [(0, 21), (5, 13), (14, 21), (22, 35), (22, 35), (36, 62), (42, 50), (51, 62), (36, 41),
             (63, 65), (66, 70), (0, 13)]
    ms = [Mention(s, e, text[s:e], label="ORG") for s, e in spans]
    assert _outermost(ms) == _pairwise_outermost(ms)
    # every order and every subset of a few overlapping spans, ties included
    for k in range(0, 5):
        for subset in itertools.permutations(ms[:6] + ms[-1:], k):
            assert _outermost(list(subset)) == _pairwise_outermost(list(subset))


@pytest.mark.parametrize("text", [
    "قال وكيل وزارة الخارجية  \t فيكتوريا", "   مساعد", "مساعد", "", "  ", "نائب\nرئيس الوزراء",
])
def test_word_before_is_the_last_word_of_the_stripped_text(text):
    for pos in range(len(text) + 1):
        before = text[:pos].rstrip()
        word = before.rsplit(None, 1)[-1] if before else ""
        start, end = _word_before(text, pos)
        assert text[start:end] == word
        if word:
            assert start == len(before) - len(word)


def test_modifier_before_finds_the_glued_modifier():
    norm = _norm("وقال ونائب وزير الخارجية إن")
    assert _modifier_before(norm, norm.index("وزير")) == norm.index("ونايب")
    assert _modifier_before(norm, norm.index("الخارجيه")) is None  # «وزير» is no modifier
    assert _modifier_before(norm, norm.index("ارجيه")) is None  # inside a word


@pytest.mark.parametrize("text", [
    "وسيّرت دوريات روسية تركية مشتركة شرقي الفرات، ثم دوريات أمريكية فرنسية مشتركة.",
    "مناورات مصرية سعودية إماراتية مشتركة\tفي البحر الأحمر",  # a chain of three adjectives
    "قوة عربية افريقية أوروبية أمريكية مشتركة 2 وقوة اسيوية مشتركة",
    "غرفة العمليات المشتركة للفصائل السورية التركية المشتركه", "مشترك", "", "اللجنة المشتركة.",
    # a stretch longer than the 120-character windows of _stretch_start, and one starting the text
    "قال. " + "وقالت القوات الحكومية " * 12 + "إن دوريات روسية تركية مشتركة ستبدأ",
    "دوريات روسية تركية مشتركة " + "تعمل هنا " * 20 + "ودوريات عراقية سورية مشتركة",
])
def test_joint_pairs_are_the_whole_text_pairs_of_joint_words(kb, text):
    joint = _cues()["joint_words"]
    norm = _norm(text)
    plain = [(m.span(), m.groups()) for m in _JOINT_PAIR.finditer(norm) if m.group(3) in joint]
    fast = [(m.span(), m.groups()) for m in _joint_pairs(norm, joint) if m.group(3) in joint]
    assert fast == plain
