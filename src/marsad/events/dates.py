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
from dataclasses import replace
from datetime import date, timedelta
from typing import Any, Protocol

from marsad.events.arguments import pick_date
from marsad.events.lexicon import Match
from marsad.events.text import Word, norm_word, split_words, word_after
from marsad.model import TimeExpression
from marsad.time.anchored import counted_days, vague_counted_days
from marsad.time.vocabulary import vocabulary

# «بعد يومين من» + up to six words (no punctuation) + the trigger; «بعد أيام فقط من» («فقط»,
# «قليلة»: one word may stand before «من»).
_TO_TRIGGER = re.compile(r"\s*(?:[^\s،,.:;؛]+\s+)?من\s+(?:[^\s،,.:;؛]+\s+){0,6}$")
_FOLLOWED_BY_MIN = re.compile(r"\s*(?:[^\s،,.:;؛]+\s+)?من\s")
_SINCE = ("منذ", "ومنذ")


_SUPERLATIVES: frozenset[str] | None = None


def _superlatives() -> frozenset[str]:
    global _SUPERLATIVES
    if _SUPERLATIVES is None:
        _SUPERLATIVES = frozenset(norm_word(w) for w in vocabulary().raw.get("superlatives_before_since") or ())
    return _SUPERLATIVES


def _first_since(expr: TimeExpression, words: list[Word]) -> bool:
    """Whether ``expr`` is the start of a «منذ» phrase after «first» or a superlative.

    «في زيارة هي الأولى لأردوغان إلى مصر منذ عام 2012»: 2012 is when the last visit took place;
    the visit itself is not dated by it (the same for «أعنف هجوم منذ 2014»).
    """
    idx = word_after(words, expr.start)
    if idx is None:
        return False
    since = next((k for k in range(idx, max(-1, idx - 6), -1) if words[k].norm in _SINCE), None)
    if since is None or any(words[k].breaks_before for k in range(since + 1, idx + 1)):
        return False
    sup = _superlatives()
    for k in range(since - 1, max(-1, since - 8), -1):
        if words[k].norm in sup:
            return True
        if words[k].breaks_before:
            return False
    return False


EventDates = tuple[list[TimeExpression], dict[int, TimeExpression]]


def event_date_candidates(words: list[Word], dates: list[TimeExpression]) -> EventDates:
    """The dates of a sentence that may date one of its events (those :func:`_first_since` leaves),
    a «منذ» expression's start moved past «منذ», and the original of each moved one by ``id``."""
    shifted: dict[int, TimeExpression] = {}
    if not dates:
        return [], shifted  # (most sentences have none)
    usable = [d for d in dates if not _first_since(d, words)]
    for i, d in enumerate(usable):
        k = word_after(words, d.start)
        if k is not None and words[k].norm in _SINCE and k + 1 < len(words) and words[k + 1].start < d.end:
            moved = replace(d, start=words[k + 1].start, kind="since")
            shifted[id(moved)] = d
            usable[i] = moved
    return usable, shifted


def pick_event_date(m: Match, words: list[Word], dates: list[TimeExpression],
                    candidates: EventDates | None = None) -> TimeExpression | None:
    """The time expression that dates the event of ``m`` (:func:`arguments.pick_date`, the nearest),
    leaving out those that date another happening than the trigger's (:func:`_first_since`).

    A «منذ» phrase weighs as far as :func:`arguments.pick_date` means it to (it dates the background,
    rarely the event) also when «منذ» opens the expression itself («تعرّض محيطه لقصف أكثر من مرة منذ
    بداية العام، كما قُتل ثلاثة عسكريين … في الحادي والعشرين من أيار»): the distance is measured
    from the word after «منذ», so that the «منذ» before it counts.

    ``candidates``: :func:`event_date_candidates` of the same ``words`` and ``dates``, passed by a
    caller that dates several triggers of one sentence (which dates may date an event does not
    depend on the trigger, so they are worked out once per sentence).
    """
    usable, shifted = candidates if candidates is not None else event_date_candidates(words, dates)
    picked = pick_date(m, words, usable)
    return shifted.get(id(picked), picked) if picked is not None else None


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
    counted = [d for d in dates if d.value is None and _FOLLOWED_BY_MIN.match(text, d.end)]
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
        vague = vague_counted_days(span.text) if days is None else None
        if days is None and vague is None:
            continue
        clause_end = _clause_end(text, trig["end"], evid["end"])
        if any(trig["end"] <= d.start < clause_end for d in dates if d.value):
            continue  # «بعد ساعات من غارات استهدفت ليل السبت …»: the happening names its own day
        # the main clause's day stands before the span («توفيت في 16 أيلول، بعد ثلاثة أيام من …»)
        same = [x for x in (_day(d) for d in dates if evid["start"] <= d.start and d.end <= span.start) if x]
        before = [x for x in (_day(d) for d in dates if d.end <= evid["start"] and not _pluperfect(text, d.start)) if x]
        anchor = same[-1] if same else (before[-1] if before else None)
        if anchor is None and ev.get("_headline"):
            # «… يعقدون أول محادثات بعد يوم من وقف إطلاق النار» in a headline: its main clause is the
            # lead's news, dated by the lead
            lead = lead_day(events, text, dates)
            anchor = _day(lead) if lead else None
        if anchor is None:
            continue
        if days is not None:
            ev["date"] = (anchor + timedelta(days=days)).isoformat()
            ev["date_precision"] = "day"
        else:
            # «بعد أيام فقط من زيارة …»: some days away — the month when the whole window falls in
            # one, else the year (never a day the text did not give)
            lo, hi = (anchor + timedelta(days=x) for x in vague)  # type: ignore[union-attr]
            if (lo.year, lo.month) == (hi.year, hi.month):
                ev["date"], ev["date_precision"] = lo.isoformat()[:7], "month"
            elif lo.year == hi.year:
                ev["date"], ev["date_precision"] = str(lo.year), "year"
            else:
                continue
        ev["date_text"] = span.text


_CLAUSE_BREAK = re.compile(r"[،,.:;؛!?؟\n]")
# «وكانت الجماعة قد استولت في ذلك اليوم …»: كان + (up to four words) + قد, the past before the past
_PLUPERFECT = re.compile(r"(?:^|\s)[وف]?(?:كان|كانت|كانوا|كانا)\s+(?:\S+\s+){0,4}قد\s")
_SENTENCE_START = re.compile(r"[.!?؟\n][^.!?؟\n]*$")


def _pluperfect(text: str, pos: int) -> bool:
    """Whether ``pos`` stands in a pluperfect sentence (background told before the report's news):
    its day is not the one a later «وجاءت الضربات بعد يومين من …» counts from."""
    lo = max(0, pos - 300)
    head = text[lo:pos]
    m = _SENTENCE_START.search(head)
    return bool(_PLUPERFECT.search(head[m.start() + 1:] if m else head))
_SENTENCE_END = re.compile(r"[.!?؟](?=\s|$)|\n\s*\n")


def lead_day(events: list[dict[str, Any]], text: str, dates: list[TimeExpression]) -> TimeExpression | None:
    """The day the lead (the first sentence after the headline) names, if the text opens with a headline.

    A headline tells the report's news in few words and without a date; the lead tells it again
    with its day («قسد تعلن القضاء على آخر جيب لداعش» / «أعلنت قسد، اليوم السبت، القضاء …»).
    """
    ends = [ev["evidence"]["end"] for ev in events if ev.get("_headline") and ev.get("evidence")]
    if not ends:
        return None
    start = max(ends)
    while start < len(text) and not text[start].isalnum():
        start += 1  # the headline's own stop, blank lines
    stop = _SENTENCE_END.search(text, start)
    end = stop.start() if stop else len(text)
    return next((d for d in dates if start <= d.start and d.end <= end and _day(d)), None)


_DEFINITE = re.compile(r"^(?:[وف]?(?:ب|ل)?ال|[وف]?لل)")
# standing relations rather than happenings: a definite «التعاون», «الدعم» is the relation in general
_RELATIONS = frozenset({"COOPERATE", "SUPPORT", "AID"})


def retold_dates(events: list[dict[str, Any]], text: str) -> None:
    """An undated definite event noun names a happening told before: it takes that one's date (in place).

    «قُتل المصور …، مساء الجمعة 13 تشرين الأول، جراء قصف إسرائيلي …» then «ودان ميقاتي
    «الاعتداء الإسرائيلي»»: the definite article points back to the attack already dated, the nearest
    factual one of the same type before it.
    """
    for ev in events:
        trig = ev.get("trigger")
        if (ev["date"] or ev["status"] not in _FACTUAL or not trig or ev.get("_kind") == "verbal"
                or ev["type"] in _RELATIONS or not _DEFINITE.match(trig["text"])):
            continue
        # (not a happening told as background, in a pluperfect sentence: «وكانت الجماعة قد شنت …»)
        told = [o for o in events if o is not ev and o["type"] == ev["type"] and o["date"] and o.get("trigger")
                and o["status"] in _FACTUAL and o["trigger"]["start"] < trig["start"]
                and not _pluperfect(text, o["trigger"]["start"])]
        if told:
            src = max(told, key=lambda o: o["trigger"]["start"])
            ev["date"], ev["date_precision"], ev["date_text"] = src["date"], src["date_precision"], src["date_text"]


def headline_dates(events: list[dict[str, Any]], text: str, dates: list[TimeExpression]) -> None:
    """An undated factual headline event gets the lead's day (in place): the headline's news is the lead's."""
    lead = None
    for ev in events:
        if ev.get("_headline") and not ev["date"] and ev["status"] in _FACTUAL:
            lead = lead or lead_day(events, text, dates)
            if lead is None:
                return
            ev["date"], ev["date_precision"], ev["date_text"] = lead.value, "day", lead.text


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the clause that begins at ``start`` ends (the next comma or stop), within ``end``."""
    m = _CLAUSE_BREAK.search(text, start, end)
    return m.start() if m else end


class _Cues(Protocol):
    """What :func:`situational_dates` reads of the event lexicon."""

    cues: dict[str, Any]


_FACTUAL = ("asserted", "reported", "claimed")


def _clause(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause (between commas or stops) holding ``[start, end)``, within ``[lo, hi)``."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, lo, start)), default=lo)
    return left, _clause_end(text, end, hi)


def _status_words(cues: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(norm_word(w) for w in (cues["raw"]["status"].get(key) or ()))


def situational_dates(events: list[dict[str, Any]], text: str, dates: list[TimeExpression],
                      published: str | None, lex: _Cues) -> None:
    """Dates the sentence gives by the situation it describes rather than by a date (in place).

    * an imminent planned happening («زيارة وشيكة أخرى سيقوم بها نوفاك»): the publication month
      (cues.yaml ``status.imminent``);
    * an undated happening in the clause of one under way at the time («وسط هجوم شنته قوات …
      مدعومة بطائرات روسية», «عملية عسكرية تخوضها قوات … بدعم من التحالف»): that happening's
      publication month — it is part of the same situation;

    (Round 27 dropped the round-20b rule that turned a day set off by commas after a reporting verb
    — «أكدت مواقع تابعة للحرس، أمس، مقتل قائد» — into the month: it rested on one seed annotation,
    and the demo gold dates «أعلنت قسد، اليوم السبت، القضاء على …» by that day.)
    """
    if not events:
        return
    headline_dates(events, text, dates)
    retold_dates(events, text)
    month = published[:7] if published and len(published) >= 7 else None
    imminent = _status_words(lex.cues, "imminent")
    # a date text that is no time expression is the cue of a happening under way («وسط», «يواصل»,
    # a present-tense relative verb «تخوضها»)
    named = {d.text for d in dates}
    for ev in events:
        trig, evid = ev.get("trigger"), ev.get("evidence")
        if not trig or not evid:
            continue
        lo, hi = _clause(text, trig["start"], trig["end"], evid["start"], evid["end"])
        if not ev["date"] and month and ev["status"] == "planned":
            cue = next((w for w in split_words(text[lo:hi], lo) if w.norm in imminent), None)
            if cue is not None:
                ev["date"], ev["date_precision"], ev["date_text"] = month, "month", text[cue.start:cue.end]
                continue
        if not ev["date"] and month and ev["status"] in _FACTUAL:
            host = next((o for o in events if o is not ev and o["date"] == month and o.get("trigger")
                         and o["evidence"]["start"] == evid["start"] and lo <= o["trigger"]["start"] < trig["start"]
                         and o.get("date_text") and o["date_text"] not in named), None)
            if host is None:
                continue
            # measured from the host's trigger, or from its cue when that stands nearer («عملية
            # عسكرية تخوضها قوات … بدعم من التحالف»)
            near = max(host["trigger"]["end"], text.rfind(host["date_text"], lo, trig["start"]))
            if len(text[near:trig["start"]].split()) <= 10:
                ev["date"], ev["date_precision"], ev["date_text"] = month, "month", host["date_text"]
                continue
