"""The speed devices of the finder never change its output.

* ``find_dates`` returns early when the folded sentence has no digit and no core date word; the full
  scan (``_scan``) must then have nothing to say either.
* The master regex carries a first-token lookahead (``_starter``); the grammar built without it must
  find exactly the same expressions.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.time import find_dates
from marsad.time.finder import _may_have_dates, _scan
from marsad.time.normalize import normalize_with_offsets
from marsad.time.patterns import grammar, grammar_without_starter

GOLD = Path(__file__).parent / "data" / "time_gold.jsonl"
REF = date(2017, 9, 12)


def full_scan(text: str, ref: date | None) -> list:
    """No pre-filter and no first-token lookahead: the plain grammar over the whole sentence."""
    return _scan(text, normalize_with_offsets(text), ref, grammar_without_starter()) if text else []


@pytest.mark.parametrize("item", [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines()],
                         ids=lambda item: item["id"])
def test_gold_sentences_same_with_and_without_prefilter(item: dict) -> None:
    ref = date.fromisoformat(item["ref"]) if item["ref"] else None
    assert find_dates(item["text"], ref) == full_scan(item["text"], ref)


@pytest.mark.parametrize(
    "sentence",
    ["وقال المتحدث باسم الحكومة إن القوات انتشرت في شوارع بغداد",
     "وأكدت الوزارة أن الحالة العامة تحسنت بشكل ملحوظ بعد انسحاب المسلحين"],
)
def test_date_free_sentences_are_skipped(sentence: str) -> None:
    # «بغداد» contains «غد» and «العامة» starts like «العام»: the pre-filter matches whole words only.
    assert grammar().prefilter.search(normalize_with_offsets(sentence).text) is None
    assert not _may_have_dates(sentence)
    assert find_dates(sentence, REF) == []


WORDS = ["أمس", "وبالأمس", "اليوم", "الثلاثاء", "ليلة", "يوم", "قبل", "أسبوعين", "منذ", "عام", "عامي", "2014", "و2015",
         "١٢", "أيلول", "سبتمبر", "(", ")", "محرم", "1437", "هـ", "مطلع", "الشهر", "الماضي", "المقبل", "سيزور",
         "ـ", "ً", "،", "في", "غضون", "شهرين", "الربع", "الأول", "من", "العام", "آب", "بعد", "غد", "و", "للعام",
         "صيف", "الصيف", "التسعينيات", "القرن", "استمرت", "ثلاثة", "أيام", "العقد", "بين", "-", "إلى", "الأسبوع",
         "نهاية", "الأخير", "بغداد", "الأمين", "عشر", "سنوات", "هذا", "كانون", "الثاني", "تشرين", "ذو", "القعدة",
         "جمادى", "الأولى", "أول", "هذه", "الليلة", "\u200b", "أمس\u200bالأول", "ـ", "(يناير)", "٢٠١٧"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join))
def test_random_phrases_same_with_and_without_prefilter(text: str) -> None:
    assert find_dates(text, REF) == full_scan(text, REF)
