"""Event dates that the sentence gives only relative to another happening.

«وجاءت الضربات بعد يومين من تبنّي مجلس الأمن قراراً …», «وجاءت الجولة بعد يوم من محادثات
أجراها …»: the happening named after «من» lies a counted number of days before the one of the
main clause. The time finder leaves such a span without a value (it is not counted from the
publication date); here it is resolved against the main clause's date, as a reader does: the day
named in the same sentence, else the last day the article named before it (the report's main
happening, already dated). Never the publication date by default.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from marsad.model import TimeExpression
from marsad.time.anchored import counted_days

# «بعد يومين من» + up to six words (no punctuation) + the trigger.
_TO_TRIGGER = re.compile(r"\s*من\s+(?:[^\s،,.:;؛]+\s+){0,6}$")
_SINCE = ("منذ", "ومنذ")


def _day(expr: TimeExpression) -> date | None:
    if expr.precision != "day" or not expr.value or len(expr.value) != 10 or expr.kind == "duration":
        return None
    if expr.text.split()[0] in _SINCE:
        return None
    try:
        return date.fromisoformat(expr.value)
    except ValueError:
        return None


def anchored_dates(events: list[dict[str, Any]], text: str, dates: list[TimeExpression]) -> None:
    """Give the events counted from another happening their day (in place).

    ``dates`` are the document's time expressions in text order. The event's trigger must follow
    «بعد/قبل + count + من» within six words in the same clause; the count is exact (days, a dual,
    hours = the same day, weeks).
    """
    counted = [d for d in dates if d.value is None and text[d.end:d.end + 4].lstrip().startswith("من")]
    if not counted:
        return
    for ev in events:
        trig, evid = ev.get("trigger"), ev.get("evidence")
        if not trig or not evid:
            continue
        span = next((d for d in counted if evid["start"] <= d.start and d.end <= trig["start"] <= evid["end"]
                     and _TO_TRIGGER.match(text, d.end, trig["start"])), None)
        if span is None:
            continue
        days = counted_days(span.text)
        if days is None:
            continue
        clause_end = _clause_end(text, trig["end"], evid["end"])
        if any(trig["end"] <= d.start < clause_end for d in dates if d.value):
            continue  # «بعد ساعات من غارات استهدفت ليل السبت …»: the happening names its own day
        # the main clause's day stands before the span («توفيت في 16 أيلول، بعد ثلاثة أيام من …»)
        same = [x for x in (_day(d) for d in dates if evid["start"] <= d.start and d.end <= span.start) if x]
        before = [x for x in (_day(d) for d in dates if d.end <= evid["start"]) if x]
        anchor = same[-1] if same else (before[-1] if before else None)
        if anchor is None:
            continue
        ev["date"] = (anchor + timedelta(days=days)).isoformat()
        ev["date_precision"] = "day"
        ev["date_text"] = span.text


_CLAUSE_BREAK = re.compile(r"[،,.:;؛!?؟\n]")


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the clause that begins at ``start`` ends (the next comma or stop), within ``end``."""
    m = _CLAUSE_BREAK.search(text, start, end)
    return m.start() if m else end
