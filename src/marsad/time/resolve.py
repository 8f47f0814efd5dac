"""Pure date arithmetic for temporal expressions: no text, no regex, no state.

Values follow the contract: ``YYYY-MM-DD`` (day or week precision), ``YYYY-MM``,
``YYYY`` or an interval ``YYYY-MM-DD/YYYY-MM-DD``. Knowledge is never padded: a month
stays ``YYYY-MM`` and a year ``YYYY``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

Direction = str  # "past" | "future"


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved value with its precision."""

    value: str | None
    precision: str | None


def iso_day(d: date) -> str:
    return d.isoformat()


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_year(year: int) -> str:
    return f"{year:04d}"


def interval(start: date, end: date) -> Resolved:
    """A closed interval of days; a single day collapses to day precision."""
    if start == end:
        return Resolved(iso_day(start), "day")
    if end < start:
        start, end = end, start
    return Resolved(f"{start.isoformat()}/{end.isoformat()}", "interval")


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def shift_months(d: date, months: int) -> date:
    """``d`` moved by whole months, clamping the day (31 March - 1 month = 28/29 February)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(d: date, amount: int, unit: str) -> date:
    """``d`` moved by ``amount`` units (negative = back in time)."""
    if unit == "hour":
        # Hours are counted in whole days: «قبل 30 ساعة» is yesterday.
        return d + timedelta(days=int(amount / 24))
    if unit == "day":
        return d + timedelta(days=amount)
    if unit == "week":
        return d + timedelta(weeks=amount)
    if unit == "month":
        return shift_months(d, amount)
    if unit == "year":
        return shift_months(d, 12 * amount)
    if unit == "decade":
        return shift_months(d, 120 * amount)
    raise ValueError(f"unknown unit {unit!r}")


def point_at_unit_precision(d: date, unit: str) -> Resolved:
    """Report a computed point only as precisely as its unit allows.

    «قبل أسبوعين» is about a fortnight ago: the day is kept but flagged ``week``;
    «قبل شهرين» is only a month, «قبل عامين» only a year.
    """
    if unit in ("hour", "day"):
        return Resolved(iso_day(d), "day")
    if unit == "week":
        return Resolved(iso_day(d), "week")
    if unit == "month":
        return Resolved(iso_month(d.year, d.month), "month")
    return Resolved(iso_year(d.year), "year")


def resolve_relative_date(ref: date, amount: int, unit: str) -> Resolved:
    """A point ``amount`` units from ``ref`` (negative = ago): «قبل أسبوعين» = (ref, -2, "week")."""
    return point_at_unit_precision(shift(ref, amount, unit), unit)


def resolve_span(ref: date, amount: int, unit: str, direction: Direction) -> Resolved:
    """The interval covered by «خلال شهرين» / «في غضون شهرين»: ending at ``ref`` or starting there."""
    other = shift(ref, amount if direction == "future" else -amount, unit)
    return interval(*sorted((ref, other)))


def resolve_vague_span(ref: date, nearest: int, farthest: int, unit: str, direction: Direction) -> Resolved:
    """«قبل أيام», «منذ بضعة أشهر»: the window between the nearest and farthest plausible offsets."""
    sign = 1 if direction == "future" else -1
    a, b = shift(ref, sign * nearest, unit), shift(ref, sign * farthest, unit)
    return interval(*sorted((a, b)))


def week_bounds(d: date, week_start: int) -> tuple[date, date]:
    """The week containing ``d`` (``week_start``: 0=Monday … 5=Saturday, 6=Sunday)."""
    start = d - timedelta(days=(d.weekday() - week_start) % 7)
    return start, start + timedelta(days=6)


def resolve_period(ref: date, unit: str, offset: int, week_start: int) -> Resolved:
    """«الأسبوع الماضي» (week, -1), «الشهر المقبل» (month, +1), «هذا العام» (year, 0)."""
    if unit == "week":
        start, end = week_bounds(ref + timedelta(weeks=offset), week_start)
        return interval(start, end)
    if unit == "month":
        d = shift_months(ref.replace(day=1), offset)
        return Resolved(iso_month(d.year, d.month), "month")
    if unit == "year":
        return Resolved(iso_year(ref.year + offset), "year")
    raise ValueError(f"unknown period {unit!r}")


def period_bounds(ref: date, unit: str, offset: int, week_start: int) -> tuple[date, date]:
    """Same periods as :func:`resolve_period`, as day bounds (for «مطلع الشهر الماضي»)."""
    if unit == "week":
        return week_bounds(ref + timedelta(weeks=offset), week_start)
    if unit == "month":
        d = shift_months(ref.replace(day=1), offset)
        return month_bounds(d.year, d.month)
    return year_bounds(ref.year + offset)


def resolve_weekday(ref: date, weekday: int, direction: Direction, inclusive: bool = True) -> date:
    """The ``weekday`` nearest to ``ref`` in ``direction``.

    Past reports («الثلاثاء») take the most recent such day on or before ``ref``; «الجمعة
    الماضي» excludes ``ref`` itself (``inclusive=False``); «الأحد المقبل» is strictly after it.
    """
    if direction == "future":
        delta = (weekday - ref.weekday()) % 7
        if delta == 0 and not inclusive:
            delta = 7
        return ref + timedelta(days=delta)
    delta = (ref.weekday() - weekday) % 7
    if delta == 0 and not inclusive:
        delta = 7
    return ref - timedelta(days=delta)


def year_for_month(ref: date, month: int, direction: Direction, inclusive: bool = True) -> int:
    """The year of a month named without one: the last such month (past) or the next (future).

    «يوليو الماضي» said in October 2015 is July 2015; said in July it is July 2014
    (``inclusive=False``); «في يوليو» said in March is, in a past report, July last year.
    """
    if direction == "future":
        if month > ref.month or (month == ref.month and inclusive):
            return ref.year
        return ref.year + 1
    if month < ref.month or (month == ref.month and inclusive):
        return ref.year
    return ref.year - 1


def part_of(start: date, end: date, span: tuple[int, int], parts: int = 3) -> tuple[date, date]:
    """A share of [start, end]: ``span`` (0, 1) of 3 is the first third («مطلع», «أوائل»).

    A month's thirds are days 1-10, 11-20, 21-end; a year's are cut at month boundaries
    (Jan-Apr, May-Aug, Sep-Dec) so that «منتصف العام» is May-August, not a day count.
    """
    a, b = span
    if start.day == 1 and start.month == 1 and end.month == 12 and end.day == 31 and start.year == end.year:
        months = 12
        first = start.month + months * a // parts
        last = start.month + months * b // parts - 1
        return date(start.year, first, 1), month_bounds(start.year, last)[1]
    if start.day == 1 and end == month_bounds(start.year, start.month)[1]:
        cuts = [1, 11, 21, end.day + 1] if parts == 3 else None
        if cuts is not None:
            return date(start.year, start.month, cuts[a]), date(start.year, start.month, cuts[b] - 1)
    length = (end - start).days + 1
    first = start + timedelta(days=length * a // parts)
    last = start + timedelta(days=length * b // parts - 1)
    return first, max(first, last)


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    first = 3 * (quarter - 1) + 1
    return date(year, first, 1), month_bounds(year, first + 2)[1]


def half_bounds(year: int, half: int) -> tuple[date, date]:
    first = 6 * (half - 1) + 1
    return date(year, first, 1), month_bounds(year, first + 5)[1]


# --- Hijri -----------------------------------------------------------------------------

def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Umm al-Qura conversion through ``hijridate`` (valid for 1343-1500 AH)."""
    return date(*Hijri(year, month, day).to_gregorian().datetuple())


def hijri_month_bounds(year: int, month: int) -> tuple[date, date]:
    first = Hijri(year, month, 1)
    return (date(*first.to_gregorian().datetuple()),
            date(*Hijri(year, month, first.month_length()).to_gregorian().datetuple()))


def hijri_year_bounds(year: int) -> tuple[date, date]:
    return hijri_month_bounds(year, 1)[0], hijri_month_bounds(year, 12)[1]


def gregorian_to_hijri(d: date) -> tuple[int, int, int]:
    h = Gregorian(d.year, d.month, d.day).to_hijri()
    return h.year, h.month, h.day


def hijri_year_for_month(ref: date, month: int, direction: Direction, inclusive: bool = True) -> int:
    """Like :func:`year_for_month` in the Hijri calendar: «رمضان الماضي» is the last Ramadan."""
    h_year, h_month, _ = gregorian_to_hijri(ref)
    if direction == "future":
        return h_year if (month > h_month or (month == h_month and inclusive)) else h_year + 1
    return h_year if (month < h_month or (month == h_month and inclusive)) else h_year - 1
