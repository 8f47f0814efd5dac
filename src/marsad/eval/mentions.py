"""Mention recall against gold that lists mention strings per actor/place (the seed gold format)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from marsad.model import Mention


@dataclass
class MentionScore:
    found: int = 0          # gold (entity, string) pairs with an overlapping predicted mention
    linked: int = 0         # … whose prediction is linked to the right entity
    total: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)

    @property
    def found_recall(self) -> float:
        return self.found / self.total if self.total else 0.0

    @property
    def linked_recall(self) -> float:
        return self.linked / self.total if self.total else 0.0

    def add(self, other: MentionScore) -> None:
        self.found += other.found
        self.linked += other.linked
        self.total += other.total
        self.misses.extend(other.misses)


def _occurrences(text: str, s: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(s), text)]


def _same_name(a: str | None, b: str | None) -> bool:
    norm = lambda x: re.sub(r"[^a-z]", "", (x or "").lower())  # noqa: E731
    return bool(a and b) and norm(a) == norm(b)


def score_actor_mentions(text: str, gold_actors: Iterable[dict[str, Any]], predicted: list[Mention],
                         english_names: Callable[[str], Iterable[str]] | None = None) -> MentionScore:
    """Gold: ``[{"id", "name_en", "wikidata"?, "mentions": [str, …]}]``.

    A gold string counts as found when some occurrence of it overlaps a predicted mention, and as
    linked when that mention's actor has the gold id, the same English name or the same QID.
    ``english_names(actor_id)`` may give every English name the knowledge base has for an actor
    («Sergey Lavrov», «Sergei Lavrov»), so that a spelling variant still counts as the same actor.
    """
    score = MentionScore()
    for actor in gold_actors:
        for s in actor.get("mentions") or []:
            score.total += 1
            occ = _occurrences(text, s)
            hits = [m for (a, b) in occ for m in predicted if m.start < b and a < m.end and m.label != "DATE"]
            if hits:
                score.found += 1
            ok = False
            for m in hits:
                ref = m.extra.get("ref") or {}
                names = [ref.get("name_en")] + list(english_names(m.actor_id) if english_names and m.actor_id else [])
                if (m.actor_id and m.actor_id == actor["id"]) \
                        or any(_same_name(n, actor.get("name_en")) for n in names) \
                        or (actor.get("wikidata") and ref.get("wikidata") == actor.get("wikidata")):
                    ok = True
                    break
            if ok:
                score.linked += 1
            else:
                score.misses.append((actor["id"], s))
    return score


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


def score_place_mentions(text: str, gold_places: Iterable[dict[str, Any]], predicted: list[Mention],
                         max_km: float = 50.0) -> MentionScore:
    """Gold: ``[{"name_en", "country"?, "lat"?, "lon"?, "mentions": [str, …]}]``; linked = within ``max_km``
    of the gold coordinates, or the same English name / country when the gold has no coordinates."""
    score = MentionScore()
    for place in gold_places:
        for s in place.get("mentions") or []:
            score.total += 1
            occ = _occurrences(text, s)
            hits = [m for (a, b) in occ for m in predicted if m.start < b and a < m.end and m.place_id]
            if hits:
                score.found += 1
            ok = False
            for m in hits:
                loc = m.extra.get("location") or {}
                if place.get("lat") is not None and loc.get("lat") is not None:
                    ok = _km(place["lat"], place["lon"], loc["lat"], loc["lon"]) <= max_km
                else:
                    ok = _same_name(loc.get("name_en"), place.get("name_en"))
                if ok:
                    break
            if ok:
                score.linked += 1
            else:
                score.misses.append((place.get("id") or place.get("name_en"), s))
    return score
