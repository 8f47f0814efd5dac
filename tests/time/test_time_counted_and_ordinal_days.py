"""An ordinal day of a relative month, and spans counted from another happening.

Every phrase here was written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.time import find_dates
from marsad.time.anchored import counted_days

REF = date(2021, 3, 9)  # a Tuesday


@pytest.mark.parametrize(("text", "value"), [
    ("وقّع الطرفان الاتفاق في الخامس عشر من الشهر الماضي", "2021-02-15"),
    ("تنعقد القمة في الحادي والعشرين من الشهر الجاري", "2021-03-21"),
    ("وتبدأ الجولة في الأول من الشهر المقبل", "2021-04-01"),
])
def test_ordinal_day_of_a_relative_month(text: str, value: str) -> None:
    found = find_dates(text, REF)
    assert [(t.value, t.precision) for t in found] == [(value, "day")]


def test_ordinal_month_of_a_war_is_no_date() -> None:
    # «الشهر الثاني من الحرب» counts months of a war, not a calendar month
    assert find_dates("في الشهر الثاني من الحرب", REF) == []


@pytest.mark.parametrize(("text", "days"), [
    ("بعد يوم", -1),
    ("بعد يومين", -2),
    ("بعد ثلاثة أيام", -3),
    ("بعد 4 أيام", -4),
    ("بعد أسبوع", -7),
    ("بعد ساعات", 0),
    ("قبل يومين", 2),
])
def test_counted_days(text: str, days: int) -> None:
    assert counted_days(text) == days


@pytest.mark.parametrize("text", ["بعد أيام", "بعد أشهر", "منذ يومين", "بعد شهرين", "خلال يومين"])
def test_vague_or_other_spans_count_no_days(text: str) -> None:
    assert counted_days(text) is None


def test_counted_span_has_no_value_of_its_own() -> None:
    # the finder leaves it to the event stage, which knows the main clause's day
    found = find_dates("وجاءت الزيارة بعد يومين من الهجوم", REF)
    assert [(t.text, t.value) for t in found] == [("بعد يومين", None)]
