"""From a document to PLOVER event records (contract ``marsad.event/1``).

For each sentence: find triggers (:mod:`marsad.events.lexicon`), give each its actor, recipient,
place and date (:mod:`marsad.events.arguments`), its status and source
(:mod:`marsad.events.modality`) and the numbers it states (:mod:`marsad.events.quantities`), then
merge triggers of one sentence that describe the same happening («هجوم … بسيارة مفخخة» is one
ASSAULT). Evidence is always the whole sentence, sliced from ``doc.text``.
"""

from __future__ import annotations

import re
from typing import Any

from marsad.events.arguments import (
    assign_roles,
    date_fields,
    find_location,
    group_args,
    pick_date,
    place_mentions,
)
from marsad.events.lexicon import Lexicon, Match, load_lexicon
from marsad.events.modality import actor_keys, attribution, status_of
from marsad.events.quantities import find_quantities
from marsad.events.text import Word, clitic_candidates, split_words
from marsad.model import Document, Mention, Sentence, TimeExpression

SCHEMA = "marsad.event/1"
_STATUS_RANK = {"negated": 4, "planned": 3, "claimed": 2, "reported": 1, "asserted": 0}
_BASE_CONFIDENCE = {"phrase": 0.7, "verb": 0.65, "passive": 0.65, "noun": 0.55}
_FALLBACK_SENTENCE_RE = re.compile(r"[^.!?؟\n]+[.!?؟]*")


def _sentences(doc: Document) -> list[Sentence]:
    if doc.sentences:
        return doc.sentences
    # Without the Arabic layer, a plain split on sentence punctuation keeps the stage usable.
    out = []
    for i, m in enumerate(_FALLBACK_SENTENCE_RE.finditer(doc.text)):
        a, b = m.span()
        while a < b and doc.text[a].isspace():
            a += 1
        while b > a and doc.text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Sentence(a, b, doc.text[a:b], i))
    return out


def _military_nearby(m: Match, words: list[Word], lex: Lexicon) -> bool:
    mil = lex.cues["military"]
    for k in range(max(0, m.first - 5), min(len(words), m.last + 6)):
        if k != m.first and any(s in mil for s, _ in clitic_candidates(words[k].norm)):
            return True
    return False


def _bounds(m: Match, matches: list[Match], words: list[Word]) -> tuple[int, int]:
    """Words ``[lo, hi)`` that may hold this trigger's arguments: its clause, cut at other verbs."""
    a = min(m.anchor, m.first)
    lo = a
    while lo > 0 and not words[lo].hard_before and a - lo < 10:
        if any(o.verbal and o is not m and o.last == lo - 1 and o.light is None for o in matches):
            break
        lo -= 1
    hi = m.last + 1
    while hi < len(words) and not words[hi].hard_before and hi - m.last < 15:
        if any(o.verbal and o is not m and o.anchor == hi and o.first > m.last for o in matches):
            break
        hi += 1
    return lo, hi


def extract_sentence(doc: Document, sent: Sentence, lex: Lexicon, mentions: list[Mention],
                     dates: list[TimeExpression]) -> list[dict[str, Any]]:
    """Events of one sentence, before numbering."""
    words = split_words(sent.text, sent.start)
    if not words:
        return []
    matches = lex.match(words)
    if not matches:
        return []
    args = place_mentions(words, mentions, doc.text, lex)
    # A word that belongs to a place name («تدمر» = Palmyra, not «she destroys») or that is itself a
    # whole name is not a trigger; triggers inside longer actor mentions («تعهدات روسية») stay.
    matches = [m for m in matches if not any(
        a.first <= m.first <= a.last and (a.actor is None or (a.first, a.last) == (m.first, m.last))
        for a in args)]
    if not matches:
        return []
    groups = group_args(args, words)
    quantities = find_quantities(words, lex)
    events: list[tuple[Match, dict[str, Any]]] = []
    for m in matches:
        t = m.trigger
        if "military" in t.flags and not _military_nearby(m, words, lex):
            continue
        source, source_keys, source_groups = attribution(m, words, groups, lex, doc.text)
        bounds = _bounds(m, matches, words)
        actor, recipient, used = assign_roles(m, words, groups, lex, bounds, source_groups)
        if "actor" in t.flags and not actor:
            continue
        status = status_of(m, words, lex)
        if status is None:
            status = "asserted"
            if source and not (source_keys and source_keys & actor_keys(actor)):
                status = "reported"
        used_keys = actor_keys(actor) | actor_keys(recipient)
        location = find_location(m, args, lex, bounds, used_keys)
        date, precision, date_text = date_fields(pick_date(m, words, dates))
        conf = _BASE_CONFIDENCE.get(t.kind, 0.55) + (0.1 if m.verbal else 0.0)
        conf += 0.1 if actor else 0.0
        conf += 0.05 if recipient else 0.0
        conf -= 0.1 if status == "claimed" else 0.0
        definite = any(pre.endswith("ال") or pre.endswith("لل")
                       for stem, pre in clitic_candidates(words[m.first].norm) if lex.nouns.get(stem))
        events.append((m, {
            "schema": SCHEMA, "event_id": "", "doc_id": doc.doc_id,
            "type": t.type, "mode": t.mode, "cameo": lex.cameo(t.type, t.mode),
            "actor": actor, "recipient": recipient,
            "date": date, "date_precision": precision, "date_text": date_text,
            "location": location, "status": status, "source": source, "quantities": {},
            "evidence": {"text": doc.text[sent.start:sent.end], "start": sent.start, "end": sent.end},
            "confidence": round(min(conf, 0.95), 2),
            "trigger": {"text": doc.text[words[m.first].start:words[m.last].end],
                        "start": words[m.first].start, "end": words[m.last].end},
            "_anaphoric": not m.verbal and definite and not actor and not recipient,
        }))
    events = _merge(events)
    for q in quantities:
        best, best_d = None, 10**9
        for m, ev in events:
            if ev["type"] in lex.cues["q_types"].get(q.key, ()):
                d = abs(q.index - m.first)
                if d < best_d:
                    best, best_d = ev, d
        if best is not None:
            best["quantities"].setdefault(q.key, q.value)
    return [ev for _, ev in events]


def _compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["type"] != b["type"]:
        return False
    ka, kb = actor_keys(a["actor"]), actor_keys(b["actor"])
    return not ka or not kb or ka == kb


def _merge(events: list[tuple[Match, dict[str, Any]]]) -> list[tuple[Match, dict[str, Any]]]:
    """One event per happening: same type, same (or missing) actors, within a few words."""
    out: list[tuple[Match, dict[str, Any]]] = []
    for m, ev in events:
        target = None
        for m2, ev2 in out:
            near = abs(m.first - m2.last) <= 8 or m.light == m2.light is not None
            if near and _compatible(ev, ev2):
                target = ev2
                break
        if target is None:
            out.append((m, ev))
            continue
        for key in ("actor", "recipient", "location", "date", "source"):
            if not target[key] and ev[key]:
                target[key] = ev[key]
                if key == "date":
                    target["date_precision"], target["date_text"] = ev["date_precision"], ev["date_text"]
        if target["mode"] is None and ev["mode"] is not None:
            target["mode"], target["cameo"] = ev["mode"], ev["cameo"]
        if _STATUS_RANK[ev["status"]] > _STATUS_RANK[target["status"]]:
            target["status"] = ev["status"]
        target["confidence"] = round(min(0.95, max(target["confidence"], ev["confidence"]) + 0.05), 2)
    return out


def extract_events(doc: Document, lex: Lexicon | None = None) -> list[dict[str, Any]]:
    """All events of a document, numbered ``{doc_id}:e1 …`` in text order."""
    lex = lex or load_lexicon()
    if not doc.text:
        return []
    mentions = sorted(doc.mentions, key=lambda x: x.start)
    dates = sorted(doc.dates, key=lambda x: x.start)
    out: list[dict[str, Any]] = []
    mi = di = 0
    for sent in _sentences(doc):
        while mi < len(mentions) and mentions[mi].end <= sent.start:
            mi += 1
        while di < len(dates) and dates[di].end <= sent.start:
            di += 1
        s_mentions = [x for x in mentions[mi:mi + 200] if x.start >= sent.start and x.end <= sent.end
                      and x.label != "DATE"]
        s_dates = [x for x in dates[di:di + 50] if x.start >= sent.start and x.end <= sent.end]
        out.extend(extract_sentence(doc, sent, lex, s_mentions, s_dates))
    # «الزيارة», «الاجتماع» with no participants, after an event of that type: the article refers
    # back to a happening already recorded, so it is not a new event.
    seen_types: set[str] = set()
    kept = []
    for ev in out:
        if not (ev.pop("_anaphoric") and ev["type"] in seen_types):
            kept.append(ev)
        seen_types.add(ev["type"])
    out = kept
    for n, ev in enumerate(out, 1):
        ev["event_id"] = f"{doc.doc_id}:e{n}"
    return out
