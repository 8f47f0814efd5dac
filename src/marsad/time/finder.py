"""Find Arabic temporal expressions and resolve them against a reference date.

One compiled regex (:mod:`marsad.time.patterns`) scans the normalised text; each match
is handed to a small resolver chosen by the alternative that matched. Resolvers only
do date arithmetic through the pure functions of :mod:`marsad.time.resolve`.

Conventions worth knowing (also in ``README.md`` of this package):

* «منذ عام 2014», «منذ أمس», «منذ مطلع العام»: ``kind="duration"`` and the value is the
  *start* of the duration at its own precision (``2014``), because that start is what an
  event date needs and it does not depend on the reference date.
* «قبل أسبوعين»: ref − 14 days with ``precision="week"``; «قبل شهرين»: ``YYYY-MM``.
* «خلال الأيام الماضية», «قبل أيام»: ``kind="vague"``, an interval (see ``vague_ranges``).
* A weekday or a month named without a year is the last one on or before the reference
  date, or the next one when the clause carries a future cue (المقبل, سوف, سـ+verb, من المقرر…).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.model import TimeExpression
from marsad.time.normalize import NormalizedText, normalize_with_offsets, normalize_word
from marsad.time.patterns import Grammar, grammar
from marsad.time.resolve import (
    Resolved,
    half_bounds,
    hijri_month_bounds,
    hijri_to_gregorian,
    hijri_year_bounds,
    hijri_year_for_month,
    interval,
    iso_day,
    iso_month,
    iso_year,
    month_bounds,
    part_of,
    period_bounds,
    quarter_bounds,
    resolve_period,
    resolve_relative_date,
    resolve_span,
    resolve_vague_span,
    resolve_weekday,
    year_bounds,
    year_for_month,
)
from marsad.time.vocabulary import Vocabulary, vocabulary

_UNIT_PRECISION = {"hour": "day", "day": "day", "week": "week", "month": "month", "year": "year", "decade": "year"}


@dataclass(slots=True)
class _Core:
    """A resolved expression before the optional «منذ» / part-of-period wrappers."""

    kind: str
    resolved: Resolved
    bounds: tuple[date, date] | None = None  # day bounds, for «مطلع …», «الربع الأول من …»
    base_unit: str | None = None  # month | year | week | hijri_month | hijri_year (what bounds cover)
    movable: bool = False  # a month named without a year: may move back a year (see _part)
    end: int | None = None  # the expression ends here (normalised offset) instead of at the match end


_NONE = Resolved(None, None)
# a whole match that is a name («مدينة العاشر من رمضان»): skipped, not searched again inside
_NAME = _Core("absolute", _NONE)


class _Context:
    """What a resolver may ask about one match: its groups, the reference, the clause."""

    def __init__(self, m: re.Match[str], text: str, ref: date | None, v: Vocabulary, g: Grammar) -> None:
        self.m, self.text, self.ref, self.v, self.g = m, text, ref, v, g
        self._future: bool | None = None
        self.last_year_end = -1  # where the last accepted year expression ended («2012 و2016»)
        self.last_day: date | None = None  # the last day the text named (for «في اليوم نفسه»)
        # the last week, month and year the text named, by unit (for «في السابع عشر من الشهر نفسه»):
        # a date inside one such period, so a year alone names no month
        self.named: list[str] = []  # values of the dates named so far, read back only when needed

    def get(self, name: str) -> str | None:
        return self.m.group(name)

    def future(self) -> bool:
        """Whether the clause around the match carries a future/planned cue."""
        if self._future is None:
            self._future = _clause_is_future(self.text, self.m.start(), self.m.end(), self.v, self.g)
        return self._future

    def direction(self) -> str:
        return "future" if self.future() else "past"

    def next_word(self) -> str:
        """The word right after the match ("" before punctuation or the end)."""
        return self.g.next_word.match(self.text, self.m.end()).group(1)

    def previous_word(self) -> str | None:
        before = self.text[max(0, self.m.start() - 30):self.m.start()]
        found = self.g.previous_word.search(before)
        return found.group(1) if found else None


def _clause_is_future(text: str, start: int, end: int, v: Vocabulary, g: Grammar,
                      right_limit: int | None = None) -> bool:
    window_start = max(0, start - 150)
    left = text[window_start:start]
    breaks = list(g.clause_break.finditer(left))
    clause_start = window_start + breaks[-1].end() if breaks else window_start
    right = text[end:end + 150]
    brk = g.clause_break.search(right)
    clause_end = end + (brk.start() if brk else len(right))
    if right_limit is not None:
        clause_end = min(clause_end, right_limit)
    for cue in g.future_cue.finditer(text, clause_start, clause_end):
        word = cue.group("sin")
        if word is None:
            return True
        if not any(word.startswith(blocked) for blocked in v.sin_blocklist):
            return True
    return False


def _future_near(c: _Context) -> bool:
    """A future cue in the clause before the match or in the two words after it («سيزور دمشق بعد
    يومين», «بعد يومين سيزور»), not one further on: «وبعد ساعات أعلن بريغوجين أن مقاتليه سيعودون»
    tells a past announcement whose content is future."""
    reach = c.m.end()
    for _ in range(2):
        word = c.g.next_word.match(c.text, reach)
        if not word or not word.group(1):
            break
        reach = word.end()
    return _clause_is_future(c.text, c.m.start(), c.m.end(), c.v, c.g, right_limit=reach)


def _modifier_offset(v: Vocabulary, word: str | None) -> int | None:
    if word is None:
        return None
    kind = v.modifiers[word if word in v.modifiers else _strip_article_l(word)]
    return {"past": -1, "future": 1, "current": 0}[kind]


def _strip_article_l(word: str) -> str:
    """Restore «ال» in a word seen after a ل proclitic («للعام» → «العام»)."""
    return "ا" + word if word.startswith("ل") else word


def _lookup(table: dict[str, object], word: str) -> object:
    if " " in word or "\n" in word or "\t" in word:
        word = " ".join(word.split())  # «بعد  غد»: the regex allows any run of spaces inside a phrase
    return table[word] if word in table else table[_strip_article_l(word)]


def parse_number(text: str, v: Vocabulary | None = None) -> int | None:
    """Digits or Arabic number words («ثلاثة», «أربع وعشرين», «الستة») → int."""
    v = v or vocabulary()
    text = " ".join(text.split())
    if text.isdigit():
        return int(text)
    if text.startswith("ال") and text[2:] in v.numbers:
        text = text[2:]
    if text in v.numbers:
        return v.numbers[text]
    parts = re.split(r"\s+و\s*", text)
    if len(parts) == 2 and parts[0] in v.numbers and parts[1] in v.numbers:
        return v.numbers[parts[0]] + v.numbers[parts[1]]
    return None


# --- resolvers, one per alternative --------------------------------------------------

def _numeric(c: _Context) -> _Core | None:
    if c.get("n_y3"):
        month, year = int(c.get("n_m3")), int(c.get("n_y3"))
        if not 1 <= month <= 12:
            return None
        return _Core("absolute", Resolved(iso_month(year, month), "month"), month_bounds(year, month), "month")
    if c.get("n_y"):
        day, month, year = int(c.get("n_d")), int(c.get("n_m")), int(c.get("n_y"))
        if month > 12 >= day:  # 9/25/2017: an English month-first order
            day, month = month, day
    else:
        day, month, year = int(c.get("n_d2")), int(c.get("n_m2")), int(c.get("n_y2"))
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return _Core("absolute", Resolved(iso_day(d), "day"), (d, d), "day")


def _gregorian(c: _Context, p: str, in_part: bool = False) -> _Core | None:
    v = c.v
    m1 = c.get(p + "m1")
    month = int(_lookup(v.gregorian_months, m1))
    day_text, ordinal = c.get(p + "d"), c.get(p + "dw")
    explicit_year, dem, ymod, mod = c.get(p + "y"), c.get(p + "dem"), c.get(p + "ymod"), c.get(p + "mod")
    has_context = any((day_text, ordinal, c.get(p + "sh"), c.get(p + "m2"), explicit_year, dem, ymod, mod, in_part))
    if not has_context and (m1 in v.ambiguous_months or _strip_article_l(m1) in v.ambiguous_months):
        return None
    if not has_context and c.get("since") is None and c.previous_word() in v.weekday_blockers_before:
        return None
    day = int(day_text) if day_text else (int(_lookup(v.day_ordinals, ordinal)) if ordinal else None)
    if day is not None and not explicit_year and _in(v.date_name_heads, c.previous_word()):
        return _NAME  # «جسر 6 أكتوبر», «حرب السادس من أكتوبر»: a name
    kind = "absolute"
    year: int | None
    if explicit_year:
        year = int(explicit_year)
    else:
        kind = "relative"
        if c.ref is None:
            year = None
        elif dem:
            year = c.ref.year
        elif ymod:
            year = c.ref.year + _modifier_offset(v, ymod)
        elif mod:
            offset = _modifier_offset(v, mod)
            if offset == 0:
                year = c.ref.year
            else:
                year = year_for_month(c.ref, month, "future" if offset > 0 else "past", inclusive=False)
        else:
            year = year_for_month(c.ref, month, c.direction(), inclusive=True)
    if year is None:
        return _Core(kind, _NONE, None, "month")
    if day is not None:
        try:
            d = date(year, month, day)
            if kind == "relative" and not (dem or ymod) and c.ref is not None and d > c.ref and not c.future():
                d = date(year - 1, month, day)  # «15 أيلول» in a past report written on 12 September
        except ValueError:
            return _Core(kind, _NONE)
        return _Core(kind, Resolved(iso_day(d), "day"), (d, d), "day")
    # «المقبل/الماضي» already chose the year: «مطلع كانون الثاني المقبل» said in December is next year's.
    return _Core(kind, Resolved(iso_month(year, month), "month"), month_bounds(year, month), "month",
                 movable=kind == "relative" and not (dem or ymod or mod))


def _hijri(c: _Context, p: str, in_part: bool = False) -> _Core | None:
    v = c.v
    month = int(_lookup(v.hijri_months, c.get(p + "m")))
    day_text, explicit_year, mod = c.get(p + "d"), c.get(p + "y"), c.get(p + "mod")
    if c.get(p + "dw"):  # «في العاشر من رمضان»
        day_text = str(_lookup(v.day_ordinals, c.get(p + "dw")))
    if day_text and not explicit_year and _in(v.date_name_heads, c.previous_word()):
        return _NAME  # «مدينة العاشر من رمضان»: a name
    # Hijri month names are also names and nouns (رمضان، رجب، صفر «zero»): demand context.
    if not any((day_text, explicit_year, mod, c.get(p + "sh"), in_part)):
        return None
    if explicit_year:
        year: int | None = int(explicit_year)
    elif c.ref is None:
        year = None
    elif mod:
        offset = _modifier_offset(v, mod)
        year = (hijri_year_for_month(c.ref, month, "past") if offset == 0 else
                hijri_year_for_month(c.ref, month, "future" if offset > 0 else "past", inclusive=False))
    else:
        year = hijri_year_for_month(c.ref, month, c.direction(), inclusive=True)
    if year is None:
        return _Core("hijri", _NONE)
    try:
        if day_text:
            d = hijri_to_gregorian(year, month, int(day_text))
            return _Core("hijri", Resolved(iso_day(d), "day"), (d, d), "day")
        bounds = hijri_month_bounds(year, month)
    except (ValueError, OverflowError):
        return _Core("hijri", _NONE)
    return _Core("hijri", interval(*bounds), bounds, "hijri_month")


def _hijri_year(c: _Context, p: str = "hy_") -> _Core | None:
    try:
        bounds = hijri_year_bounds(int(c.get(p + "y")))
    except (ValueError, OverflowError):
        return _Core("hijri", _NONE)
    return _Core("hijri", interval(*bounds), bounds, "hijri_year")


_NUMBER_RANGE_AFTER = re.compile(r"\s*[-–—]\s*\d")


def _in(words: frozenset[str], word: str | None) -> bool:
    """``word`` or, after a one-letter proclitic («وفي»), its rest is in ``words``."""
    return word is not None and (word in words or word[1:] in words)


def _year(c: _Context, p: str = "y_", in_part: bool = False) -> _Core | None:
    if not (c.get(p + "w") or c.get(p + "era") or c.get(p + "op") or in_part or c.get("since")):
        prev = c.previous_word()
        # «في عامي 2012 و2016»: the second of two years joined by «و» is a year like the first.
        after_year = (c.get("cl").startswith("و") and c.last_year_end >= 0
                      and not c.text[c.last_year_end:c.m.start()].strip())
        strong = _in(c.v.year_context_before, prev) and not _in(c.v.year_context_weak, prev)
        if not (after_year or strong):
            # A bare «1948» is a year when nothing is counted after it: «2000 مقاتل» is a count, and so
            # is «ارتفع العدد إلى 2017 شخصا» after a weak context word, or «1990 - 2500» (a range of
            # years would have matched the year_range alternative).
            following = c.next_word()
            if following and not _in(c.v.year_followers, following):
                return None
            if _NUMBER_RANGE_AFTER.match(c.text, c.m.end()):
                return None
    year = int(c.get(p + "y"))
    return _Core("absolute", Resolved(iso_year(year), "year"), year_bounds(year), "year")


def _deictic(c: _Context) -> _Core | None:
    offset = int(_lookup(c.v.deictics, c.get("d_w")))
    if _in(c.v.distal_demonstratives, c.previous_word()):
        lo = max(0, c.m.start() - 20)
        head = c.text[lo:c.m.start()].rstrip()
        if _distal_day(c, lo + len(head) - len(head.split()[-1]), c.m.end()):
            return None  # «في ذلك اليوم» with no day named before: not today (the same day otherwise)
    if offset == 0 and c.last_day is not None and not c.get("d_tod") and c.previous_word() in c.v.whole_day_before:
        # «استمرت طوال اليوم»: all of the day just told, not the reference day
        return _Core("relative", Resolved(iso_day(c.last_day), "day"), (c.last_day, c.last_day), "day")
    if c.ref is None:
        return _Core("relative", _NONE)
    return _Core("relative", resolve_relative_date(c.ref, offset, "day"))


_DISTAL_PREPOSITIONS = frozenset({"في", "منذ", "حتي", "خلال"})  # (folded: «حتى» → «حتي»)


def _distal_day(c: _Context, distal_start: int, end: int) -> bool:
    """Whether «ذلك اليوم» / «تلك الليلة» is «that day»: after a preposition or a part of the day
    («في ذلك اليوم», «مساء ذلك اليوم») and not before a weekday («وأكد ذلك اليوم الأربعاء» is
    «confirmed that today»)."""
    before = c.text[max(0, distal_start - 25):distal_start].split()
    if not before:
        return False
    prev = before[-1]
    prev = prev[1:] if prev[:1] in "وف" and len(prev) > 2 else prev
    if prev not in _DISTAL_PREPOSITIONS and prev not in c.v.times_of_day:
        return False
    return c.g.next_word.match(c.text, end).group(1) not in c.v.weekdays


def _same_day(c: _Context) -> _Core | None:
    """«في اليوم نفسه/التالي», «في ذات اليوم»: the last day the text named, shifted by the word's offset.

    A reader takes the day of the happening just told; with no day named before, it is not reported
    (never the reference date, which is not what the text counts from).
    """
    word = c.get("sd_w")
    offset = int(_lookup(c.v.same_day_after, word)) if word else 0
    if c.last_day is None:
        return None
    if _in(c.v.distal_demonstratives, c.get("sd_b")) and not _distal_day(c, c.m.start("sd_b"), c.m.end()):
        return None  # «وأكد ذلك اليوم الأربعاء»: «ذلك» is the object, «اليوم الأربعاء» today
    d = c.last_day + timedelta(days=offset)
    return _Core("relative", Resolved(iso_day(d), "day"), (d, d), "day")


def _weekday(c: _Context) -> _Core | None:
    wd_word, second = c.get("w_d"), c.get("w_d2")
    tod = c.get("w_tod")
    # «ليلة الجمعة» is the night that ends on Friday (Thursday evening to Friday dawn, as Arabic counts
    # nights with the following day): reported as the two-day interval Thursday/Friday, the honest
    # extent, rather than guessing one of the two dates. «ليل الخميس الجمعة» names both days.
    night = second is not None or (tod is not None and "ليل" in tod)
    if c.get("since") is None and c.previous_word() in c.v.weekday_blockers_before:
        return None
    if c.ref is None:
        return _Core("weekday", _NONE)
    weekday = int(_lookup(c.v.weekdays, second or wd_word))
    offset = _modifier_offset(c.v, c.get("w_mod"))
    if offset is None or offset == 0:
        d = resolve_weekday(c.ref, weekday, c.direction(), inclusive=True)
    else:
        d = resolve_weekday(c.ref, weekday, "future" if offset > 0 else "past", inclusive=False)
    if night:
        return _Core("weekday", interval(d - timedelta(days=1), d), (d - timedelta(days=1), d), "day")
    return _Core("weekday", Resolved(iso_day(d), "day"), (d, d), "day")


def _previous_word(c: _Context) -> str:
    """The normalised word right before the match (empty at the start of the text)."""
    head = c.text[max(0, c.m.start() - 20):c.m.start()].split()
    return head[-1] if head else ""


def _relspan(c: _Context) -> _Core | None:
    v = c.v
    prep = str(_lookup(v.relative_prepositions, c.get("r_p")))
    amount: int | None
    if c.get("r_q"):
        unit = v.unit_forms[c.get("r_u")][0]
        amount = parse_number(c.get("r_q"), v)
    elif c.get("r_du"):
        unit, amount = v.unit_forms[c.get("r_du")][0], 2
    elif c.get("r_su"):
        unit, amount = v.unit_forms[c.get("r_su")][0], 1
    else:
        unit, amount = v.unit_forms[c.get("r_pu")][0], None
    vague = amount is None
    if prep == "after" and amount == 1 and _previous_word(c) in v.repeated_units:
        return None  # «يوماً بعد يوم»: day by day, no date
    if c.get("r_su") and not c.get("r_of") and c.next_word() in v.described_unit_adjectives:
        return None  # «بعد أسبوع دامٍ قُتل فيه …»: a week described, not counted from the report's day
    kind = "vague" if vague else ("relative" if prep in ("ago", "after") else "duration")
    # «قبل يومين من الانتخابات» counts from another event; «منذ أشهر من المنطقة» and «لأكثر من ثلاث
    # سنوات على المدينة» do not: «منذ» and spans are counted from the reference date, the «من/على»
    # there belongs to the verb.
    if c.get("r_of") is not None and prep in ("ago", "after") and c.get("r_p") != "منذ":
        # «بعد يومين من الخطاب»: counted from another event, not from the reference date.
        return _Core(kind, _NONE)
    if c.ref is None or amount == 0:
        return _Core(kind, _NONE)
    if prep == "after" and c.last_day is not None and not _future_near(c):
        # «ومساء السبت، أعلن … وبعد ساعات أعلن بريغوجين …»: in a past report a later point is counted
        # from the happening just told (the last day named), not from the publication date, which
        # would put it after the report. In a future clause («سيزور دمشق بعد يومين») it is counted
        # from the reference date, and so it is when no day was named before («ووعدت بزيادة الرواتب
        # بعد ثلاثة أشهر»: a promise made at the time of the report).
        if vague:
            near, far = v.vague_ranges[unit]
            return _Core(kind, resolve_vague_span(c.last_day, near, far, unit, "future"))
        return _Core(kind, resolve_relative_date(c.last_day, amount, unit))
    if prep in ("ago", "after"):
        direction = "past" if prep == "ago" else "future"
        if vague:
            near, far = v.vague_ranges[unit]
            return _Core(kind, resolve_vague_span(c.ref, near, far, unit, direction))
        return _Core(kind, resolve_relative_date(c.ref, amount if direction == "future" else -amount, unit))
    direction = "future" if prep == "deadline" else c.direction()
    if vague:
        near, far = v.vague_ranges[unit]
        return _Core(kind, resolve_vague_span(c.ref, 0, far, unit, direction))
    return _Core(kind, resolve_span(c.ref, amount, unit, direction))


def _plural_period(c: _Context) -> _Core | None:
    v = c.v
    if c.get("p_u0"):
        unit, amount = v.unit_forms[c.get("p_u0")][0], int(c.get("p_n0"))
    elif c.get("p_ud"):
        dual = c.get("p_ud")
        unit, amount = v.unit_forms[dual[2:] if dual.startswith("ال") else dual[1:]][0], 2
    elif c.get("p_dec"):
        unit, amount = "decade", 1  # «العقد الماضي»: the last ten years
    else:
        plural = c.get("p_u")
        key = plural[2:] if plural.startswith("ال") else plural[1:]
        unit = v.unit_forms[key][0]
        amount = parse_number(c.get("p_n"), v) if c.get("p_n") else None
    offset = _modifier_offset(v, c.get("p_mod"))
    direction = "future" if offset and offset > 0 else "past"
    kind = "vague" if amount is None else "duration"
    if c.ref is None or amount == 0:
        return _Core(kind, _NONE)
    if amount is None:
        near, far = v.vague_ranges[unit]
        return _Core(kind, resolve_vague_span(c.ref, 0, far, unit, direction))
    return _Core(kind, resolve_span(c.ref, amount, unit, direction))


def _period_parts(c: _Context, p: str) -> tuple[str, int]:
    unit = str(_lookup(c.v.period_words, c.get(p + "u1") or c.get(p + "u2") or c.get(p + "u3") or c.get(p + "u")))
    if c.get(p + "dem") or c.get(p + "sb"):
        return unit, 0
    if c.get(p + "same"):
        return unit, int(_lookup(c.v.same_day_after, c.get(p + "same")))  # «نفسه» 0, «التالي» +1
    offset = _modifier_offset(c.v, c.get(p + "mod")) or 0
    if c.get(p + "before") and offset:
        offset *= 2  # «العام قبل الماضي»: the year before last
    return unit, offset


def _period_ref(c: _Context, p: str, unit: str) -> date | None:
    """What a period is counted from: the reference date, or for «الشهر نفسه», «ذات العام», «العام
    التالي» the last such period the text named (a reader takes the month of the happening just told,
    skipping a year named alone: «… منذ اندلاع النزاع عام 2011. وسبقت ذلك اجتماعات منتصف الشهر نفسه»
    is the month named before; the publication date is not what the text points back to)."""
    if not (c.get(p + "same") or c.get(p + "sb")):
        return c.ref
    for value in reversed(c.named):
        bounds = _value_bounds(value)
        if bounds is None or bounds[0].year != bounds[1].year:
            continue
        first, end = bounds
        if unit == "year" or (unit == "month" and first.month == end.month) or (unit == "week" and first == end):
            return first
    return None


def _singular_period(c: _Context, p: str = "s_") -> _Core | None:
    unit, offset = _period_parts(c, p)
    ref = _period_ref(c, p, unit)
    if ref is None and c.ref is not None:
        return None  # «الشهر نفسه» with no month named before: no date (never the reference date)
    if ref is None:
        return _Core("relative", _NONE, None, unit)
    day = c.get("s_day") if p == "s_" else None
    if p == "s_" and c.get("s_dw"):
        day = str(_lookup(c.v.day_ordinals, c.get("s_dw")))
    if day:
        if unit != "month":
            return None
        first = period_bounds(ref, unit, offset, c.v.week_start)[0]
        d = first.replace(day=int(day))  # ValueError (31 of a 30-day month) → value None upstream
        return _Core("relative", Resolved(iso_day(d), "day"), (d, d), "day")
    if p == "s_" and unit == "week" and offset == -1 and c.get("s_p") == "خلال":
        # «خلال الأسبوع الماضي»: the past seven days up to the reference, as its dual «خلال
        # الأسبوعين الماضيين» is the past fourteen; the bare «الأسبوع الماضي» stays the calendar week
        end = ref
        start = end - timedelta(days=7)
        return _Core("relative", resolve_span(ref, 1, "week", "past"), (start, end), unit)
    return _Core("relative", resolve_period(ref, unit, offset, c.v.week_start),
                 period_bounds(ref, unit, offset, c.v.week_start), unit)


def _part(c: _Context) -> _Core | None:
    v = c.v
    if c.get("pg_m1"):
        if c.get("pg_d") or c.get("pg_dw"):
            return None
        core = _gregorian(c, "pg_", in_part=True)
    elif c.get("ph_m"):
        if c.get("ph_d") or c.get("ph_dw"):
            return None
        core = _hijri(c, "ph_", in_part=True)
    elif c.get("py_y"):
        core = _year(c, "py_", in_part=True)
    elif c.get("pk_u"):
        unit = str(_lookup(v.period_words, c.get("pk_u")))
        core = (_Core("relative", _NONE, None, unit) if c.ref is None else
                _Core("relative", _NONE, period_bounds(c.ref, unit, 0, v.week_start), unit))
    else:
        core = _singular_period(c, "ps_")
    if core is None:
        return None
    if core.bounds is None:
        return _Core(core.kind, _NONE)
    start, end = core.bounds
    if c.get("x_part"):
        span = tuple(_lookup(v.period_parts, c.get("x_part")))
        if core.base_unit == "week" and span[0] in v.week_parts and span[1] == span[0] + 1:
            # A week is not cut in thirds: «نهاية الأسبوع» is its last two days (the weekend).
            a, b = v.week_parts[span[0]]
            return _Core(core.kind, interval(start + timedelta(days=a), start + timedelta(days=b)))
        first, last = part_of(start, end, span)
        if core.movable and c.ref is not None and first > c.ref and not c.future():
            # «أواخر أيلول» in a past report written on 12 September is last year's.
            first, last = part_of(*month_bounds(start.year - 1, start.month), span)
        return _Core(core.kind, interval(first, last))
    if c.get("x_wk"):
        if core.base_unit != "month":
            return None  # «الأسبوع الأول من العام» is not a week of a month
        first_day, last_day = _lookup(v.weeks_of_month, c.get("x_wk"))
        if first_day < 0:
            return _Core(core.kind, interval(end + timedelta(days=first_day + 1), end + timedelta(days=last_day + 1)))
        return _Core(core.kind, interval(start + timedelta(days=first_day - 1), start + timedelta(days=last_day - 1)))
    quarter_word = " ".join(c.get("x_q").split())
    key = quarter_word if quarter_word in v.quarters or quarter_word in v.halves else _strip_article_l(quarter_word)
    if core.base_unit == "month" and key in v.halves:
        # «في النصف الثاني من كانون الثاني المقبل»: the month cut at its 15th day, as news means it.
        first, last = (start, start + timedelta(days=14)) if int(v.halves[key]) == 1 else (start + timedelta(days=15), end)
        return _Core(core.kind, interval(first, last))
    if core.base_unit != "year":
        return None  # «الربع الأول» of a month or a week is not a thing
    if key in v.quarters:
        return _Core(core.kind, interval(*quarter_bounds(start.year, int(v.quarters[key]))))
    return _Core(core.kind, interval(*half_bounds(start.year, int(v.halves[key]))))


def _decade(c: _Context) -> _Core | None:
    v = c.v
    decade = int(_lookup(v.decades, c.get("dc_w")))
    kind = "absolute"
    if c.get("dc_c"):
        century = int(_lookup(v.centuries, c.get("dc_c")))
    elif c.get("dc_mod"):
        # «ثمانينيات القرن الماضي»: the century is counted from the reference date.
        kind = "relative"
        if c.ref is None:
            return _Core(kind, _NONE)
        century = (c.ref.year // 100 + _modifier_offset(v, c.get("dc_mod"))) * 100
    else:
        century = 1900  # «الستينيات» alone: the 20th century, as news writes it (see the YAML)
    first = century + decade
    return _Core(kind, interval(date(first, 1, 1), date(first + 9, 12, 31)), None, "decade")


def _season_bounds(year: int, months: tuple[int, int]) -> tuple[date, date]:
    """The season of ``year``; a season across the new year (winter) is the one ending in ``year``."""
    first, last = months
    start_year = year - 1 if first > last else year
    return date(start_year, first, 1), month_bounds(year, last)[1]


def _season(c: _Context) -> _Core | None:
    v = c.v
    months = tuple(_lookup(v.seasons, c.get("se_w") or c.get("se_w2")))
    if c.get("se_y"):
        bounds = _season_bounds(int(c.get("se_y")), months)
        return _Core("absolute", interval(*bounds), bounds, "season")
    if c.ref is None:
        return _Core("relative", _NONE)
    ref = c.ref
    if c.get("se_ydem") or c.get("se_ymod"):
        year = ref.year + (_modifier_offset(v, c.get("se_ymod")) if c.get("se_ymod") else 0)
        bounds = _season_bounds(year, months)
        return _Core("relative", interval(*bounds), bounds, "season")
    offset = 0 if c.get("se_dem") else _modifier_offset(v, c.get("se_mod"))
    candidates = [_season_bounds(year, months) for year in range(ref.year - 1, ref.year + 3)]
    if offset < 0:  # «الصيف الماضي»: the last one over before the reference date
        bounds = [b for b in candidates if b[1] < ref][-1]
    elif offset > 0:  # «الصيف المقبل»: the next one not yet begun
        bounds = next(b for b in candidates if b[0] > ref)
    else:  # «هذا الصيف», «الصيف الحالي»: the one under way, else the nearest (just over or next)
        bounds = min(candidates, key=lambda b: 0 if b[0] <= ref <= b[1] else min(abs((b[0] - ref).days),
                                                                                 abs((ref - b[1]).days)))
    return _Core("relative", interval(*bounds), bounds, "season")


def _year_range(c: _Context) -> _Core | None:
    first, last = int(c.get("yr_1")), int(c.get("yr_2"))
    if not first < last <= first + c.v.max_year_range:
        return None
    if c.get("yr_sep") == "و" and c.get("yr_from") is None and last != first + 1:
        # «في عامي 2012 و2016»: two separate years, not the span between them. Keep the first
        # here when it is plainly a year; the second is found on the next search.
        prev = c.previous_word()
        if c.get("yr_w") or (prev is not None and (prev in c.v.year_context_before
                                                    or prev[1:] in c.v.year_context_before)):
            return _Core("absolute", Resolved(iso_year(first), "year"), year_bounds(first), "year",
                         end=c.m.end("yr_1"))
        return None
    bounds = (date(first, 1, 1), date(last, 12, 31))
    return _Core("absolute", interval(*bounds), bounds, "years")


def _bare(c: _Context) -> _Core | None:
    """«استمرت المعارك ثلاثة أيام»: a duration whose place in time the text does not give (value null)."""
    if c.get("since") is not None:
        return None  # «منذ يومين» is a relative span; the relspan alternative matches it
    window = c.text[max(0, c.m.start() - 60):c.m.start()]
    breaks = [b.end() for b in c.g.clause_break.finditer(window)]
    if breaks:
        window = window[breaks[-1]:]  # the cue must be in the same clause
    words = window.split()[-5:]
    cues = c.v.duration_cues
    if not any(w in cues or w[1:] in cues for w in words):
        return None
    if c.get("b_q") and not parse_number(c.get("b_q"), c.v):
        return None
    return _Core("duration", _NONE)


_RESOLVERS = {
    "same_day": _same_day,
    "part": _part,
    "numeric": _numeric,
    "hijri": lambda c: _hijri(c, "h_"),
    "hijri_year": _hijri_year,
    "gregorian": lambda c: _gregorian(c, "g_"),
    "deictic": _deictic,
    "weekday": _weekday,
    "relspan": _relspan,
    "plural_period": _plural_period,
    "singular_period": _singular_period,
    "decade": _decade,
    "season": _season,
    "year_range": _year_range,
    "bare": _bare,
    "year": _year,
}


_FALLBACK_KIND = {
    "same_day": "relative",
    "part": "relative", "numeric": "absolute", "hijri": "hijri", "hijri_year": "hijri", "gregorian": "relative",
    "deictic": "relative", "weekday": "weekday", "relspan": "relative", "plural_period": "vague",
    "singular_period": "relative", "year": "absolute", "decade": "absolute", "season": "relative",
    "year_range": "absolute", "bare": "duration",
}


def find_dates(text: str, ref: date | None = None) -> list[TimeExpression]:
    """All temporal expressions in ``text``, resolved against ``ref`` (the publication date).

    Offsets index the given text (``text[start:end] == expression.text``), clitics such as
    «و» in «وأمس» included. Absolute dates resolve without ``ref``; relative ones then get
    ``value=None``.
    """
    if not text:
        return []
    if not _may_have_dates(text):
        return []  # no digit and no date word: the common case in news text, kept cheap
    return _scan(text, normalize_with_offsets(text), ref)


_TOKEN_HAS_CORE: dict[str, bool] = {}
_TOKEN_CACHE_LIMIT = 300_000


def _may_have_dates(text: str) -> bool:
    """Whether some whitespace token of ``text`` holds a digit or a core date word.

    Decided once per token type (folded with the text's normalisation, then the pre-filter
    regex), so a date-free sentence costs a split and a few dictionary look-ups.
    """
    cache = _TOKEN_HAS_CORE
    for token in text.split():
        hit = cache.get(token)
        if hit is None:
            if len(cache) >= _TOKEN_CACHE_LIMIT:
                cache.clear()
            hit = cache[token] = grammar().prefilter.search(normalize_word(token)) is not None
        if hit:
            return True
    return False


def _scan(text: str, normalized: NormalizedText, ref: date | None, g: Grammar | None = None) -> list[TimeExpression]:
    """Run the master regex over the whole normalised text (no pre-filter); ``g`` for tests."""
    g, v = g or grammar(), vocabulary()
    found: list[TimeExpression] = []
    search = g.master.search
    folded = normalized.text
    pos = 0
    last_year_end = -1
    last_day: date | None = None
    named_values: list[str] = []
    while (m := search(folded, pos)) is not None:
        context = _Context(m, folded, ref, v, g)
        context.last_year_end = last_year_end
        context.last_day = last_day
        context.named = named_values
        try:
            core = _RESOLVERS[m.lastgroup](context)
        except (ValueError, OverflowError):
            # A reference date near the ends of the calendar (or outside hijridate's 1924-2077
            # range) cannot be shifted: the expression is still reported, without a value.
            core = _Core(_FALLBACK_KIND[m.lastgroup], _NONE)
        if core is _NAME:
            pos = m.end()
            continue
        if core is None:
            # Rejected («2000 مقاتل», «عامي 2012 و2016»): look again from the next word, where a
            # shorter expression may start.
            pos = m.start() + 1
            continue
        match_end = m.end() if core.end is None else core.end
        pos = match_end if match_end > m.start() else m.start() + 1
        last_year_end = match_end if core.base_unit in ("year", "years") else -1
        kind = "duration" if m.group("since") else core.kind
        start, end = normalized.to_original(m.start(), match_end)
        found.append(TimeExpression(start=start, end=end, text=text[start:end], value=core.resolved.value,
                                    precision=core.resolved.precision, kind=kind))
        # the day or period the text last named, for «في اليوم نفسه», «في ذلك اليوم», «الشهر نفسه»:
        # the start of «منذ 19 نوفمبر» is a day named too; a measured span («خلال 24 ساعة») is not
        named = core.resolved.value and (kind != "duration" or m.group("since"))
        if named and core.resolved.precision == "day":
            last_day = date.fromisoformat(core.resolved.value)
        if named:
            named_values.append(core.resolved.value)  # type: ignore[arg-type]
    return found


def _value_bounds(value: str) -> tuple[date, date] | None:
    """The first and last day of an expression's value («2023-06», «2023-06-01/2023-06-10», «2019»)."""
    try:
        if "/" in value:
            a, b = value.split("/", 1)
            return date.fromisoformat(a), date.fromisoformat(b)
        if len(value) == 10:
            d = date.fromisoformat(value)
            return d, d
        if len(value) == 7:
            return month_bounds(int(value[:4]), int(value[5:]))
        if len(value) == 4:
            return year_bounds(int(value))
    except ValueError:
        return None
    return None


def dates_command_lines(lines: Iterable[str], ref: date | None) -> Iterator[str]:
    """The output of ``marsad dates``: one ``{"dates": [...]}`` JSON line per input line."""
    for line in lines:
        sentence = line.rstrip("\r\n")
        yield json.dumps({"dates": [d.to_dict() for d in find_dates(sentence, ref)]}, ensure_ascii=False)
