"""The event stage's speed-ups change nothing: each shortcut gives what the full computation gives."""

from __future__ import annotations

import pytest

from marsad.events import modality
from marsad.events.lexicon import load_lexicon
from marsad.events.text import split_words

# Sentences with and without every class of status cue (negation, denial, plans, claims, hedges),
# and with phrases whose verb is split from the rest by its subject.
SENTENCES = [
    "قصفت الطائرات مواقع المسلحين في ريف إدلب.",
    "سيزور الرئيس موسكو الشهر المقبل.",
    "من المقرر أن يعقد الوزراء اجتماعاً في عمّان.",
    "تعتزم الحكومة توقيع اتفاقية مع الصندوق.",
    "ربما تستهدف الزيارة ترتيب وجود عسكري دائم.",
    "يرجح محللون أن الهجوم جاء رداً على الاغتيال.",
    "لم تنسحب القوات من البلدة حتى الآن.",
    "لن يلتقي الرئيس نظيره الأمريكي، ولم يحدث أي اتصال بين الجانبين.",
    "نفت الوزارة أن تكون طائراتها قصفت المستشفى.",
    "لم يكن أحد يتوقع أن يرى المقاتلين يسيطرون على المدينة.",
    "أعلن تنظيم «داعش» مسؤوليته عن التفجير الذي استهدف حافلة.",
    "رفعت القوات الإسرائيلية حالة التأهب على الحدود الشمالية.",
    "استأنفت القاهرة والدوحة العلاقات الدبلوماسية بعد قطيعة.",
    "أطلقت السلطات سراح عشرات المعتقلين، وقد تفرج عن آخرين لاحقاً.",
    "وخرجت تظاهرات في عشرات المدن احتجاجاً على الغلاء.",
]


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _sentences(lex):
    for text in SENTENCES:
        words = split_words(text)
        yield text, words, lex.match(words)


def test_cue_union_is_the_or_of_the_word_bits(lex):
    for _, words, _ in _sentences(lex):
        masks, total = modality._cue_masks(words, lex)
        assert masks == [modality._word_mask(w.norm, lex) for w in words]
        expect = 0
        for m in masks:
            expect |= m
        assert total == expect


def test_status_with_the_cue_union_equals_status_scanning_every_window(lex):
    seen = set()
    for text, words, matches in _sentences(lex):
        assert matches, text
        for m in matches:
            fast = modality.status_of(m, words, lex)
            masks, _ = modality._cue_masks(words, lex)
            # every bit set in the union: no window is skipped
            modality._last_masks[0] = (words, lex, masks, ~0)
            assert modality.status_of(m, words, lex) == fast, text
            modality._last_masks[0] = (None, None, [], 0)
            seen.add(fast)
    # the sentences exercise every status, so the comparison covers each early return
    assert {None, "negated", "planned", "claimed"} <= seen


def test_split_phrase_verbs_found_per_word_type_equal_the_lemma_test(lex):
    firsts = lex._split_firsts()
    for _, words, _ in _sentences(lex):
        brute = [j for j in range(len(words) - 2)
                 if lex.lemmas.get(words[j].norm) and lex.lemmas[words[j].norm] & firsts]
        assert lex._split_starts(words, len(words) - 2) == brute
        assert lex._split_starts(words, len(words) - 2) == brute  # from the per-word cache


def test_split_phrase_still_anchored_to_its_verb(lex):
    words = split_words("رفعت القوات الإسرائيلية حالة التأهب على الحدود الشمالية.")
    ms = [m for m in lex.match(words) if m.trigger.kind == "phrase"]
    assert ms and ms[0].anchor == 0 and ms[0].verbal
