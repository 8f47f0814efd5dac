"""Round 34 — a single unit that an adjective describes is no count from the reference date.

«وتأتي القمة بعد أسبوع دامٍ قُتل فيه …» tells of a bloody week, not of the day a week after the
report; «بعد أسبوع واحد», «بعد أسبوع» and counted spans are unchanged. Every text here was written
for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.time import find_dates

REF = date(2020, 3, 6)


@pytest.mark.parametrize(
    "sentence",
    [
        "وتأتي القمة بعد أسبوع دامٍ قُتل فيه عشرات الجنود",
        "وصل الوفد إلى العاصمة بعد يوم طويل من المفاوضات",
        "وانتهى الاجتماع بعد عام حافل بالأزمات",
        "جاء ذلك بعد ليلة عصيبة عاشها السكان",
    ],
)
def test_a_described_unit_is_no_time_expression(sentence: str) -> None:
    assert [d.text for d in find_dates(sentence, REF)] == []


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("سيزور الوزير دمشق بعد أسبوع واحد", "بعد أسبوع", "2020-03-13"),
        ("ومن المقرر أن تستأنف المحادثات بعد أسبوع", "بعد أسبوع", "2020-03-13"),
    ],
)
def test_a_counted_unit_is_still_a_date(sentence: str, text: str, value: str) -> None:
    found = find_dates(sentence, REF)
    assert [(d.text, d.value) for d in found] == [(text, value)]
