"""Title, outlet and publication date from what a page or file states — never invented."""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_YMD = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
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
        m = rx.search(v)
        if m:
            a, b, c = (int(x) for x in m.groups())
            y, mo, d = (a, b, c) if order == "ymd" else (c, b, a)
            try:
                return date(y, mo, d).isoformat()
            except ValueError:
                continue
    try:
        from marsad.time import find_dates
    except ImportError:  # pragma: no cover - the time stage is part of the package
        return None
    for expr in find_dates(v, None):
        if expr.precision == "day" and expr.value and len(expr.value) == 10:
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
