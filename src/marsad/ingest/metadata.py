"""Title, outlet and publication date from what a page or file states — never invented."""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_YMD = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
# Numeric dates outside these years are another calendar's (Hijri 14xx, Solar Hijri 13xx/14xx).
_GREGORIAN_YEARS = (1900, 2100)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def parse_stated_date(value: str | None) -> str | None:
    """A publication date as ``YYYY-MM-DD`` from a stated value, or ``None``.

    Numeric forms are read here (day-first, as Arabic outlets write them); written forms
    («12 أيلول 2017») go through :mod:`marsad.time`. Only day-precision dates count: a
    publication date is a day or it is unknown.
    """
    if not value:
        return None
    v = value.translate(_DIGITS)
    for rx, order in ((_ISO, "ymd"), (_YMD, "ymd"), (_DMY, "dmy")):
        for m in rx.finditer(v):
            a, b, c = (int(x) for x in m.groups())
            y, mo, d = (a, b, c) if order == "ymd" else (c, b, a)
            if not _GREGORIAN_YEARS[0] <= y <= _GREGORIAN_YEARS[1]:
                continue  # «1402/03/28 - 2023/06/18»: a Solar Hijri (or Hijri) date stated beside the Gregorian one
            try:
                return date(y, mo, d).isoformat()
            except ValueError:
                continue
    try:
        from marsad.time import find_dates
    except ImportError:  # pragma: no cover - the time stage is part of the package
        return None
    for expr in find_dates(v, None):
        if expr.precision == "day" and expr.value and len(expr.value) == 10 \
                and _GREGORIAN_YEARS[0] <= int(expr.value[:4]) <= _GREGORIAN_YEARS[1]:
            return expr.value
    return None


def guess_title(text: str) -> str | None:
    """The first line of a plain-text article when it reads like a headline."""
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        if len(s) <= 200 and not re.search(r"[.!؟?:]$", s) and len(s.split()) <= 30:
            return s
        return None
    return None
