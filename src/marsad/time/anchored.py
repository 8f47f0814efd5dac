"""Spans counted from another happening: «بعد يومين من تبنّي القرار», «قبل ساعات من الاتصال».

The finder gives such an expression no value (it is not counted from the publication date). What
it does give is the distance between two happenings: the one named after «من» lies that many
days before («بعد») or after («قبل») the happening of the main clause. :func:`counted_days`
reads that distance with the package vocabulary; the event stage supplies the main clause's date.
"""

from __future__ import annotations

import re

from marsad.time.normalize import normalize_word
from marsad.time.vocabulary import vocabulary

_DAYS = {"hour": 0, "day": 1, "week": 7}
_WORD = re.compile(r"\w+")


def counted_days(text: str) -> int | None:
    """Signed days from the main happening to the one counted from, or None.

    «بعد يومين» → −2 (the other happening was two days earlier), «قبل يوم» → +1, «بعد ساعات»
    → 0 (the same day). Only exact counts of hours, days and weeks: «بعد أيام» or «بعد أشهر»
    give no day.
    """
    v = vocabulary()
    words = [normalize_word(w) for w in _WORD.findall(text)]
    if len(words) < 2:
        return None
    head = words[0][1:] if words[0][:1] in "وف" and len(words[0]) > 3 else words[0]
    direction = v.relative_prepositions.get(head)
    if direction not in ("ago", "after") or head == normalize_word("منذ"):
        return None
    count = 1
    rest = words[1:]
    if len(rest) > 1:
        n = rest[0]
        if n.isdigit():
            count = int(n)
        elif n in v.numbers:
            count = v.numbers[n]
        else:
            return None
        rest = rest[1:]
    if len(rest) != 1 or rest[0] not in v.unit_forms:
        return None
    unit, form = v.unit_forms[rest[0]]
    if unit not in _DAYS:
        return None
    if unit == "hour":
        return 0
    if form == "dual":
        count = 2
    elif form == "plural" and len(words) == 2:
        return None  # «بعد أيام»: a vague number of days
    days = _DAYS[unit] * count
    return -days if direction == "after" else days


def vague_counted_days(text: str) -> tuple[int, int] | None:
    """Signed day bounds for a vague count from another happening: «بعد أيام (فقط) من» → the other
    happening was 2-9 days earlier, ``(-9, -2)``; «قبل أيام من» → ``(2, 9)``; weeks likewise
    (``vague_ranges`` in the vocabulary). None for anything else (exact counts: :func:`counted_days`).
    """
    v = vocabulary()
    words = [normalize_word(w) for w in _WORD.findall(text)]
    words = [w for w in words if w not in v.anaphoric_fillers]
    if len(words) != 2:
        return None
    head = words[0][1:] if words[0][:1] in "وف" and len(words[0]) > 3 else words[0]
    direction = v.relative_prepositions.get(head)
    if direction not in ("ago", "after") or head == normalize_word("منذ") or words[1] not in v.unit_forms:
        return None
    unit, form = v.unit_forms[words[1]]
    if unit not in ("day", "week") or form != "plural" or unit not in v.vague_ranges:
        return None
    near, far = (x * _DAYS[unit] for x in v.vague_ranges[unit])
    return (-far, -near) if direction == "after" else (near, far)
