"""Load the actor knowledge base (``actors/*.yaml``) into an immutable, cached index.

The YAML files are the source of truth (schema in ``README.md`` next to this module); this
module only parses them, turns role dates into comparable bounds, and answers the questions the
linker asks: *which actor has this id*, *who held this office of this country on this date*,
and *what does the contract's actor object look like*. Loading happens once per process
(``load_actors`` is cached) and uses libyaml's C loader when it is installed, because the
files hold a few thousand entries and the pure-Python loader is several times slower.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = [
    "Actor",
    "ActorIndex",
    "AmbiguityRule",
    "Role",
    "load_actors",
    "parse_partial_date",
]

try:  # libyaml is optional; the C loader is ~5x faster on these files.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

#: Files in ``actors/`` that are not lists of actors.
_NON_ACTOR_FILES = frozenset({"ambiguity.yaml"})

#: Keys of an actor mapping that become dataclass fields; anything else lands in ``Actor.extra``.
_ACTOR_KEYS = frozenset({
    "id", "kind", "name_en", "name_ar", "aliases_ar", "aliases_en", "nisba_ar", "capital_ar",
    "iso3", "country", "sector", "wikidata", "parent", "roles", "note", "ambiguous",
})


def parse_partial_date(value: Any, *, upper: bool = False) -> _dt.date | None:
    """Turn ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (str, int or date) into a date bound.

    Partial dates are widened to the first day (``upper=False``) or the last day
    (``upper=True``) of the year or month they name, so that a role known only as
    ``start: 2012`` counts as held on any day of 2012. ``None`` stays ``None``.
    Raises ``ValueError`` on anything else, so bad data fails loudly at load time.
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = str(value).strip()
    parts = text.split("-")
    if not parts or not all(p.isdigit() for p in parts) or len(parts[0]) != 4 or len(parts) > 3:
        raise ValueError(f"not a YYYY[-MM[-DD]] date: {value!r}")
    year = int(parts[0])
    if len(parts) == 1:
        return _dt.date(year, 12, 31) if upper else _dt.date(year, 1, 1)
    month = int(parts[1])
    if len(parts) == 2:
        last = calendar.monthrange(year, month)[1]  # raises on month 13
        return _dt.date(year, month, last) if upper else _dt.date(year, month, 1)
    return _dt.date(year, month, int(parts[2]))


def _date_text(value: Any) -> str | None:
    """Keep the date as written (YAML turns full dates into ``date`` and years into ``int``)."""
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True, slots=True)
class Role:
    """One office held by an actor for a (possibly open) period.

    ``start``/``end`` keep the precision written in the file (``"2012"``, ``"2012-11"``,
    ``"2012-11-06"``); ``start_date``/``end_date`` are the widest date bounds they allow.
    ``end is None`` means the role is still held as of the file's date.
    """

    office: str
    of: str
    start: str | None = None
    end: str | None = None
    start_date: _dt.date | None = None
    end_date: _dt.date | None = None
    title: str | None = None  # optional free-text title as written in the source, if any

    def held_on(self, day: _dt.date) -> bool:
        """True when the role may have been held on ``day`` (unknown bounds are open)."""
        if self.start_date is not None and day < self.start_date:
            return False
        return not (self.end_date is not None and day > self.end_date)

    @property
    def current(self) -> bool:
        """True when no end is recorded."""
        return self.end is None


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor: a state, person, organisation, armed force, IGO, outlet or group."""

    id: str
    kind: str
    name_en: str
    name_ar: str
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    nisba_ar: tuple[str, ...] = ()
    capital_ar: tuple[str, ...] = ()
    iso3: str | None = None
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    parent: str | None = None
    roles: tuple[Role, ...] = ()
    note: str | None = None
    ambiguous: bool = False
    source_file: str = ""
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def arabic_names(self) -> tuple[str, ...]:
        """``name_ar`` followed by every alias, without duplicates, in file order."""
        return tuple(dict.fromkeys((self.name_ar, *self.aliases_ar)))


@dataclass(frozen=True, slots=True)
class AmbiguityRule:
    """An Arabic alias deliberately shared by several actors, with the rule to pick one."""

    alias: str
    ids: tuple[str, ...]
    rule: str
    prefer: str | None = None
    # (actor id, cue words): the document words that decide for that actor («الحوثيين» → the
    # Saudi-led coalition); the linker picks the actor whose cues the document uses most
    context: tuple[tuple[str, tuple[str, ...]], ...] = ()


def _role(raw: dict[str, Any], actor_id: str) -> Role:
    if not isinstance(raw, dict) or "office" not in raw or "of" not in raw:
        raise ValueError(f"{actor_id}: a role needs 'office' and 'of': {raw!r}")
    start, end = raw.get("start"), raw.get("end")
    return Role(
        office=str(raw["office"]),
        of=str(raw["of"]),
        start=_date_text(start),
        end=_date_text(end),
        start_date=parse_partial_date(start),
        end_date=parse_partial_date(end, upper=True),
        title=raw.get("title"),
    )


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _actor(raw: dict[str, Any], source: str) -> Actor:
    actor_id = str(raw.get("id", ""))
    for key in ("id", "kind", "name_en", "name_ar"):
        if not raw.get(key):
            raise ValueError(f"{source}: actor {actor_id or raw!r} lacks {key!r}")
    wikidata = raw.get("wikidata")
    return Actor(
        id=actor_id,
        kind=str(raw["kind"]),
        name_en=str(raw["name_en"]),
        name_ar=str(raw["name_ar"]),
        aliases_ar=_tuple(raw.get("aliases_ar")),
        aliases_en=_tuple(raw.get("aliases_en")),
        nisba_ar=_tuple(raw.get("nisba_ar")),
        capital_ar=_tuple(raw.get("capital_ar")),
        iso3=raw.get("iso3"),
        country=raw.get("country"),
        sector=raw.get("sector"),
        wikidata=str(wikidata) if wikidata else None,
        parent=raw.get("parent"),
        roles=tuple(_role(r, actor_id) for r in raw.get("roles") or ()),
        note=raw.get("note"),
        ambiguous=bool(raw.get("ambiguous", False)),
        source_file=source,
        extra={k: v for k, v in raw.items() if k not in _ACTOR_KEYS},
    )


class ActorIndex:
    """All actors of the knowledge base, keyed by id, with date-aware office look-ups."""

    __slots__ = ("by_id", "ambiguity", "_by_office", "_by_country")

    def __init__(self, actors: list[Actor], ambiguity: list[AmbiguityRule] | None = None) -> None:
        by_id: dict[str, Actor] = {}
        for actor in actors:
            if actor.id in by_id:
                raise ValueError(
                    f"duplicate actor id {actor.id!r} in {actor.source_file} and {by_id[actor.id].source_file}"
                )
            by_id[actor.id] = actor
        self.by_id: dict[str, Actor] = by_id
        #: alias as written → rule, for aliases several actors share on purpose.
        self.ambiguity: dict[str, AmbiguityRule] = {r.alias: r for r in ambiguity or ()}
        # (office, of) → [(actor, role)], built once so holders() is a dict probe plus a short scan.
        by_office: dict[tuple[str, str], list[tuple[Actor, Role]]] = {}
        by_country: dict[str, Actor] = {}
        for actor in actors:
            for role in actor.roles:
                by_office.setdefault((role.office, role.of), []).append((actor, role))
            if actor.kind == "state" and actor.iso3:
                by_country[actor.iso3] = actor
        self._by_office = by_office
        self._by_country = by_country

    def __len__(self) -> int:
        return len(self.by_id)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.by_id

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, or ``None``."""
        return self.by_id.get(actor_id)

    def all(self) -> list[Actor]:
        """Every actor, in file order (states, then the other files alphabetically)."""
        return list(self.by_id.values())

    def state(self, iso3: str) -> Actor | None:
        """The state actor whose ISO 3166 alpha-3 code is ``iso3``."""
        return self._by_country.get(iso3)

    def holders(self, office: str, of: str, on: _dt.date | None = None) -> list[Actor]:
        """Actors who held ``office`` of ``of`` (ISO3 or an organisation id) on ``on``.

        With ``on=None`` the current holders (no recorded end) are returned. Roles with
        partial dates count as held anywhere inside the period they name. Several holders
        can come back (overlapping partial dates, acting office holders); the one whose
        role started most recently comes first, because that is the usual reading of a
        title in the news.
        """
        hits: list[tuple[_dt.date, Actor]] = []
        for actor, role in self._by_office.get((office, of), ()):
            if (role.current if on is None else role.held_on(on)):
                hits.append((role.start_date or _dt.date.min, actor))
        hits.sort(key=lambda pair: pair[0], reverse=True)
        return list(dict.fromkeys(actor for _, actor in hits))

    def roles_of(self, actor_id: str, on: _dt.date | None = None) -> list[Role]:
        """Roles of an actor, optionally only those held on ``on``."""
        actor = self.by_id.get(actor_id)
        if actor is None:
            return []
        if on is None:
            return list(actor.roles)
        return [r for r in actor.roles if r.held_on(on)]

    def ancestors(self, actor_id: str) -> list[Actor]:
        """Parent chain of an actor, nearest first (quds_force → irgc → iran)."""
        out: list[Actor] = []
        seen = {actor_id}
        current = self.by_id.get(actor_id)
        while current is not None and current.parent and current.parent not in seen:
            seen.add(current.parent)
            current = self.by_id.get(current.parent)
            if current is not None:
                out.append(current)
        return out

    def iter_arabic_names(self) -> Iterator[tuple[str, str, str]]:
        """Yield ``(surface, actor_id, field)`` for every Arabic surface form.

        ``field`` is ``"alias"`` (name_ar and aliases_ar), ``"nisba"`` or ``"capital"`` so the
        matcher can treat adjectives and capital metonyms differently from names.
        """
        for actor in self.by_id.values():
            for name in actor.arabic_names():
                yield name, actor.id, "alias"
            for nisba in actor.nisba_ar:
                yield nisba, actor.id, "nisba"
            for capital in actor.capital_ar:
                yield capital, actor.id, "capital"

    def to_ref(self, actor: Actor | str, role: Role | str | None = None, text: str | None = None) -> dict[str, Any]:
        """The contract's actor object (``events.jsonl`` ``actor``/``recipient`` items).

        ``role`` may be a :class:`Role` (rendered by :meth:`role_label`, e.g. a
        ``defence_minister`` role of ``RUS`` → ``"Defence minister"``) or a ready string.
        ``text`` is the mention as written in the article.
        """
        if isinstance(actor, str):
            found = self.by_id.get(actor)
            if found is None:
                raise KeyError(actor)
            actor = found
        if isinstance(role, Role):
            role = self.role_label(role)
        return {
            "id": actor.id,
            "name_en": actor.name_en,
            "name_ar": actor.name_ar,
            "wikidata": actor.wikidata,
            "country": actor.country,
            "sector": actor.sector,
            "role": role,
            "text": text,
        }

    def role_label(self, role: Role) -> str:
        """A readable English label for a role: the office, plus the organisation if not a state."""
        label = role.office.replace("_", " ").capitalize()
        if role.of not in self._by_country:
            org = self.by_id.get(role.of)
            if org is not None:
                label = f"{label} of {org.name_en}"
        return label


def _package_dir() -> Any:
    return resources.files("marsad.knowledge") / "actors"


def _read_yaml(path: Any) -> Any:
    from marsad.knowledge.cache import load_yaml
    return load_yaml(path)


def actor_files() -> list[Any]:
    """The actor YAML files of the package: ``states.yaml`` first, then the rest by name."""
    files = [p for p in _package_dir().iterdir() if p.name.endswith(".yaml") and p.name not in _NON_ACTOR_FILES]
    return sorted(files, key=lambda p: (p.name != "states.yaml", p.name))


def _load_ambiguity() -> list[AmbiguityRule]:
    path = _package_dir() / "ambiguity.yaml"
    if not path.is_file():
        return []
    rules = []
    for raw in _read_yaml(path) or ():
        rules.append(AmbiguityRule(
            alias=str(raw["alias"]),
            ids=_tuple(raw["ids"]),
            rule=str(raw.get("rule", "")),
            prefer=raw.get("prefer"),
            context=tuple((str(k), _tuple(v)) for k, v in (raw.get("context") or {}).items()),
        ))
    return rules


@lru_cache(maxsize=1)
def load_actors() -> ActorIndex:
    """Parse every ``actors/*.yaml`` file of the package once and return the shared index."""
    actors: list[Actor] = []
    for path in actor_files():
        data = _read_yaml(path) or []
        if not isinstance(data, list):
            raise ValueError(f"{path.name}: expected a list of actors")
        actors.extend(_actor(raw, path.name) for raw in data)
    return ActorIndex(actors, _load_ambiguity())
