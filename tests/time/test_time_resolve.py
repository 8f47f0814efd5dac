"""The pure date arithmetic behind find_dates."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.time.resolve import (
    Resolved,
    part_of,
    resolve_period,
    resolve_relative_date,
    resolve_span,
    resolve_weekday,
    shift_months,
    week_bounds,
    year_for_month,
)

TUESDAY = date(2017, 9, 12)


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (-14, "day", Resolved("2017-08-29", "day")),
        (-2, "week", Resolved("2017-08-29", "week")),
        (-2, "month", Resolved("2017-07", "month")),
        (-3, "year", Resolved("2014", "year")),
        (1, "day", Resolved("2017-09-13", "day")),
        (-30, "hour", Resolved("2017-09-11", "day")),
    ],
)
def test_resolve_relative_date(amount: int, unit: str, expected: Resolved) -> None:
    assert resolve_relative_date(TUESDAY, amount, unit) == expected


def test_shift_months_clamps_the_day() -> None:
    assert shift_months(date(2016, 3, 31), -1) == date(2016, 2, 29)
    assert shift_months(date(2017, 1, 15), -2) == date(2016, 11, 15)


@pytest.mark.parametrize(
    ("weekday", "direction", "inclusive", "expected"),
    [
        (1, "past", True, date(2017, 9, 12)),  # «الثلاثاء» on a Tuesday: that very day
        (1, "past", False, date(2017, 9, 5)),  # «الثلاثاء الماضي»
        (4, "past", True, date(2017, 9, 8)),
        (6, "future", False, date(2017, 9, 17)),
        (1, "future", False, date(2017, 9, 19)),  # «الثلاثاء المقبل» on a Tuesday: next week
    ],
)
def test_resolve_weekday(weekday: int, direction: str, inclusive: bool, expected: date) -> None:
    assert resolve_weekday(TUESDAY, weekday, direction, inclusive) == expected


def test_week_starts_on_saturday() -> None:
    assert week_bounds(TUESDAY, 5) == (date(2017, 9, 9), date(2017, 9, 15))
    assert resolve_period(TUESDAY, "week", -1, 5) == Resolved("2017-09-02/2017-09-08", "interval")


def test_spans_end_or_start_at_the_reference() -> None:
    assert resolve_span(TUESDAY, 2, "month", "past") == Resolved("2017-07-12/2017-09-12", "interval")
    assert resolve_span(TUESDAY, 2, "month", "future") == Resolved("2017-09-12/2017-11-12", "interval")


@pytest.mark.parametrize(
    ("month", "direction", "inclusive", "year"),
    [(7, "past", True, 2017), (10, "past", True, 2016), (9, "past", False, 2016), (9, "past", True, 2017),
     (5, "future", True, 2018), (10, "future", True, 2017)],
)
def test_year_for_month(month: int, direction: str, inclusive: bool, year: int) -> None:
    assert year_for_month(TUESDAY, month, direction, inclusive) == year


def test_parts_of_month_and_year() -> None:
    assert part_of(date(2017, 2, 1), date(2017, 2, 28), (2, 3)) == (date(2017, 2, 21), date(2017, 2, 28))
    assert part_of(date(2016, 1, 1), date(2016, 12, 31), (0, 1)) == (date(2016, 1, 1), date(2016, 4, 30))
    assert part_of(date(2016, 1, 1), date(2016, 12, 31), (1, 2)) == (date(2016, 5, 1), date(2016, 8, 31))
