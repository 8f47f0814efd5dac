"""Round 12 date phrases: halves of a month, days counted from the last day named."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.time import find_dates

REF = date(2022, 12, 31)


def _values(text: str, ref: date = REF) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, ref)]


@pytest.mark.parametrize(("text", "value"), [
    ("من المقرر أن تعقد القمة في النصف الثاني من كانون الثاني المقبل", "2023-01-16/2023-01-31"),
    ("وتراجعت الأسعار في النصف الأول من الشهر الماضي", "2022-11-01/2022-11-15"),
    ("النصف الثاني من شباط", "2022-02-16/2022-02-28"),
    ("ويتوقع النمو في النصف الأول من العام المقبل", "2023-01-01/2023-06-30"),
])
def test_half_of_a_month(text: str, value: str) -> None:
    found = find_dates(text, REF)
    assert len(found) == 1
    assert found[0].value == value
    assert "النصف" in found[0].text


def test_next_month_named_in_december_is_next_year() -> None:
    # «المقبل» already chose the year: a part of it must not move back a year in a past report
    assert _values("وتبدأ المناورات مطلع كانون الثاني المقبل")[0][1] == "2023-01-01/2023-01-10"
    # a bare month after the reference date still moves back («أواخر أيلول» written on 12 September)
    assert find_dates("وقعت الاشتباكات أواخر أيلول", date(2022, 9, 12))[0].value == "2021-09-21/2021-09-30"


def test_same_day_follows_the_last_day_named() -> None:
    text = ("قصفت إيران يوم الثلاثاء مواقع في بلوشستان. واستدعت الخارجية الباكستانية في اليوم نفسه "
            "القائم بالأعمال الإيراني، وفي اليوم التالي استدعت إسلام آباد سفيرها من طهران.")
    got = _values(text, date(2024, 1, 22))
    assert got == [("يوم الثلاثاء", "2024-01-16"), ("في اليوم نفسه", "2024-01-16"),
                   ("وفي اليوم التالي", "2024-01-17")]


@pytest.mark.parametrize(("text", "value"), [
    ("وصل الوفد في 5 آذار 2023، وفي ذات اليوم التقى وزير الخارجية", "2023-03-05"),
    ("اندلعت الاشتباكات مساء الخميس 12 كانون الثاني 2023، وفي الليلة نفسها قصفت المدفعية البلدة", "2023-01-12"),
    ("أعلن الجيش مقتل جنديين في 3 أيار 2023، وقالت الوزارة في اليوم السابق إن …", "2023-05-02"),
    ("ووقع الهجوم في 3 أيار 2023، وردت الخارجية مساء اليوم ذاته ببيان", "2023-05-03"),
])
def test_same_day_variants(text: str, value: str) -> None:
    assert find_dates(text, REF)[-1].value == value


def test_same_day_without_an_earlier_day_is_not_a_date() -> None:
    # nothing to count from: not the reference date
    assert find_dates("وفي اليوم التالي انسحب المسلحون من البلدة", REF) == []
    assert find_dates("وعاد الوفد في اليوم نفسه", REF) == []


def test_time_of_day_before_a_weekday_and_full_date_is_one_expression():
    found = find_dates("قُتل الصحفي مساء الجمعة 13 تشرين الأول/أكتوبر 2023 بقصف على الحدود", REF)
    assert [(d.text, d.value) for d in found] == [("مساء الجمعة 13 تشرين الأول/أكتوبر 2023", "2023-10-13")]
