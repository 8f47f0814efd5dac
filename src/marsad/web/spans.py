"""Locate an event's parts (actor, recipient, date, place, trigger) inside its document text.

The contract gives character offsets for the evidence sentence only; participants carry the
surface ``text`` they were read from. To mark them in the article, each part is placed, in order
of trust: its own offsets when the record has them and they match the text, then a mention of
the same actor/place linked in the store, then its surface text (or Arabic name) found inside the
evidence sentence. A part that cannot be placed inside the evidence is listed in ``unplaced``
rather than marked somewhere else in the article, which would mislead the reader.
"""

from __future__ import annotations

from typing import Any

Span = dict[str, Any]


def _evidence(ev: dict[str, Any], text: str) -> dict[str, Any]:
    """The evidence span, checked against the text; relocated by search when the offsets are stale."""
    evd = ev.get("evidence") or {}
    etext, start, end = evd.get("text") or "", evd.get("start"), evd.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text):
        if not etext or text[start:end] == etext:
            return {"start": start, "end": end, "text": text[start:end], "check": "exact"}
    if etext:
        found = text.find(etext)
        if found >= 0:
            return {"start": found, "end": found + len(etext), "text": etext, "check": "relocated"}
    return {"start": None, "end": None, "text": etext, "check": "not_in_text"}


def _find(window: str, offset: int, needle: str | None, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """First occurrence of ``needle`` in the window that does not overlap a span already placed."""
    if not needle:
        return None
    first = None
    pos = window.find(needle)
    while pos >= 0:
        s, e = offset + pos, offset + pos + len(needle)
        if first is None:
            first = (s, e)
        if all(e <= a or s >= b for a, b in taken):
            return s, e
        pos = window.find(needle, pos + 1)
    return first


def event_spans(ev: dict[str, Any], text: str, mentions: list[dict[str, Any]]) -> tuple[list[Span], dict[str, Any]]:
    """Spans to highlight for ``ev`` in ``text`` (sorted by start) and the checked evidence span.

    Each span is ``{"role", "start", "end", "text", "name_ar"?, "name_en"?}``; role is one of
    ``evidence``, ``trigger``, ``actor``, ``recipient``, ``date``, ``place``.
    """
    evidence = _evidence(ev, text)
    spans: list[Span] = []
    unplaced: list[dict[str, Any]] = []
    if evidence["start"] is None:
        evidence["unplaced"] = unplaced
        return spans, evidence
    es, ee = evidence["start"], evidence["end"]
    window = text[es:ee]
    inside = [m for m in mentions if es <= m["start"] and m["end"] <= ee]
    taken: list[tuple[int, int]] = []
    spans.append({"role": "evidence", "start": es, "end": ee, "text": window})

    def place(role: str, part: dict[str, Any], candidates: list[str | None], linked: list[dict[str, Any]],
              extra: dict[str, Any]) -> None:
        s, e = part.get("start"), part.get("end")
        hit: tuple[int, int] | None = None
        if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text) and \
                (not part.get("text") or text[s:e] == part.get("text")):
            hit = (s, e)
        if hit is None:
            for m in linked:
                if all(m["end"] <= a or m["start"] >= b for a, b in taken):
                    hit = (m["start"], m["end"])
                    break
        if hit is None:
            for cand in candidates:
                hit = _find(window, es, cand, taken)
                if hit:
                    break
        if hit is None:
            unplaced.append({"role": role, **extra})
            return
        taken.append(hit)
        spans.append({"role": role, "start": hit[0], "end": hit[1], "text": text[hit[0]:hit[1]], **extra})

    trig = ev.get("trigger")
    if isinstance(trig, dict):
        place("trigger", trig, [trig.get("text")], [], {})
    for side in ("actor", "recipient"):
        for a in ev.get(side) or []:
            if not isinstance(a, dict):
                continue
            linked = [m for m in inside if a.get("id") and m.get("actor_id") == a.get("id")]
            place(side, a, [a.get("text"), a.get("name_ar")], linked,
                  {"id": a.get("id"), "name_ar": a.get("name_ar"), "name_en": a.get("name_en")})
    if ev.get("date_text") or ev.get("date"):
        place("date", {}, [ev.get("date_text")], [], {"value": ev.get("date")})
    loc = ev.get("location")
    if isinstance(loc, dict):
        gid = loc.get("geonames_id")
        linked = [m for m in inside if gid is not None and m.get("place_id") in (f"gn:{gid}", str(gid))]
        place("place", loc, [loc.get("text"), loc.get("name_ar")], linked,
              {"name_ar": loc.get("name_ar"), "name_en": loc.get("name_en")})
    spans.sort(key=lambda sp: (sp["start"], -sp["end"]))
    evidence["unplaced"] = unplaced
    return spans, evidence
