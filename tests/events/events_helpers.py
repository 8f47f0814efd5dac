"""Helpers for the event tests: build Documents with hand-made mentions and dates."""

from __future__ import annotations

import json
from typing import Any

import pytest

from marsad.events import load_lexicon
from marsad.events.text import split_words
from marsad.model import Document, Mention, TimeExpression


def actor_ref(actor_id: str, name_en: str, name_ar: str) -> dict[str, Any]:
    return {"id": actor_id, "name_en": name_en, "name_ar": name_ar, "wikidata": None, "country": None,
            "sector": None, "role": None, "text": name_ar}


def place_ref(name_en: str, name_ar: str) -> dict[str, Any]:
    return {"name_en": name_en, "name_ar": name_ar, "geonames_id": None, "country": None, "lat": None,
            "lon": None, "text": name_ar}


def make_doc(text: str, actors: dict[str, tuple[str, ...]] | None = None,
             places: dict[str, str] | None = None,
             dates: list[tuple[str, str, str]] | None = None, doc_id: str = "t") -> Document:
    """A document whose mentions are the given surface strings (first occurrence of each).

    ``actors``: surface → (id, English name[, Arabic name]); ``places``: surface → English name;
    ``dates``: (surface, value, precision).
    """
    mentions: list[Mention] = []
    for surface, spec in (actors or {}).items():
        aid, en = spec[0], spec[1]
        name_ar = spec[2] if len(spec) > 2 else surface
        s = text.index(surface)
        ref = actor_ref(aid, en, name_ar)
        ref["text"] = surface
        mentions.append(Mention(s, s + len(surface), surface, label="PERS", actor_id=aid, extra={"ref": ref}))
    for surface, en in (places or {}).items():
        s = text.index(surface)
        mentions.append(Mention(s, s + len(surface), surface, label="LOC", place_id=en,
                                extra={"location": place_ref(en, surface)}))
    times = []
    for surface, value, precision in dates or []:
        s = text.index(surface)
        times.append(TimeExpression(s, s + len(surface), surface, value=value, precision=precision,
                                    kind="absolute"))
    return Document(doc_id=doc_id, source="test", text=text, mentions=sorted(mentions, key=lambda m: m.start),
                    dates=times)


def ids(refs: list[dict[str, Any]]) -> list[str]:
    return [r["id"] for r in refs]


def id_set(refs: list[dict[str, Any]]) -> set[str]:
    return {r["id"] for r in refs}


def fits(ids: set[str], want: Any) -> bool:
    """Whether a case's expected participant (None = any, an id, or a tuple of acceptable ids) is among ``ids``."""
    if want is None:
        return True
    return bool(ids & ({want} if isinstance(want, str) else set(want)))


def case_params(cases: list[tuple[Any, ...]], known_misses: frozenset[str] | set[str]) -> list[Any]:
    """Coverage cases ``(text, type, actor, recipient)`` as pytest params; listed misses are strict xfails."""
    return [pytest.param(*case, id=f"{case[1]}:{case[0][:30]}",
                         marks=[pytest.mark.xfail(strict=True, reason="known miss")] if case[0] in known_misses else [])
            for case in cases]


def assert_case(nlp: Any, text: str, type_: str, actor: Any, recipient: Any) -> None:
    """The sentence yields an event of ``type_`` whose sides fit the expected actor and recipient."""
    events = [e.to_dict() for e in nlp(text, published="2024-03-10").events if e.type == type_]
    assert events, f"no {type_} event"
    assert any(fits(id_set(e["actor"]), actor) and fits(id_set(e["recipient"]), recipient) for e in events), [
        (sorted(id_set(e["actor"])), sorted(id_set(e["recipient"]))) for e in events]


def only(events: list[dict[str, Any]], type_: str) -> dict[str, Any]:
    found = [e for e in events if e["type"] == type_]
    assert len(found) == 1, [(e["type"], e["mode"], e.get("trigger")) for e in events]
    return found[0]


def pipeline_events(nlp: Any, text: str, type_: str, published: str = "2023-05-01") -> list[dict[str, Any]]:
    """The ``type_`` events the whole pipeline (``marsad.load()``) finds in ``text``, as records."""
    return [e.to_dict() for e in nlp(text, published=published).events if e.type == type_]


def sides(event: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(actor ids, recipient ids) of an event record."""
    return [a["id"] for a in event["actor"]], [a["id"] for a in event["recipient"]]


def lexicon_triggers(text: str) -> list[tuple[str, str | None, str]]:
    """(type, mode, matched text) of every trigger the lexicon finds in ``text``."""
    words = split_words(text, 0)
    return [(m.trigger.type, m.trigger.mode, text[words[min(m.first, m.anchor)].start:words[m.last].end])
            for m in load_lexicon().match(words)]


def demo_events(nlp: Any) -> list[str]:
    """The events of each demo-corpus article as canonical JSON (for same-output checks of speed rounds)."""
    from marsad.demo import corpus_path
    from marsad.events.extract import extract_events

    out = []
    for path in sorted(corpus_path().glob("0*.txt")):
        doc = nlp(path.read_text("utf-8"), published="2019-10-01").document
        out.append(json.dumps(extract_events(doc), sort_keys=True, ensure_ascii=False))
    return out


def negative_params(negatives: list[tuple[str, str]], known_false: frozenset[str] | set[str]) -> list[Any]:
    """``(text, type)`` negatives as pytest params; the listed known false events are strict xfails."""
    out = []
    for text, type_ in negatives:
        marks = [pytest.mark.xfail(strict=True, reason="known false event")] if text in known_false else []
        out.append(pytest.param(text, type_, marks=marks, id=f"not-{type_}:{text[:30]}"))
    return out
