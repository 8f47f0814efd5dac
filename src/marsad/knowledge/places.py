"""Place gazetteer: resolve Arabic place names to GeoNames-backed places.

The data lives next to this module in ``places/``:

* ``places.tsv`` — built by ``scripts/build_places.py`` from GeoNames cities15000 and the Iraq
  administrative names file (see ``places/README.md``);
* ``extra.yaml`` — hand-curated places conflict news needs (villages, bases, crossings, regions,
  governorates, famous sites) and patches to GeoNames rows (better Arabic name, more aliases);
* ``countries.tsv`` — ISO 3166 alpha-2 → alpha-3 and the region of each country (used for the prior).

Everything is read once per process (``load_places`` is cached) and looked up through dicts keyed
by a normalised Arabic form, so a lookup is a couple of dict probes.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["Place", "PlaceIndex", "load_places", "normalize_place_name", "FEATURES"]

#: Feature vocabulary (ordered from most to least preferred when everything else ties).
FEATURES: tuple[str, ...] = (
    "capital", "city", "town", "village", "admin1", "admin2", "admin3",
    "region", "district", "site", "base", "crossing", "water",
)
_FEATURE_RANK = {f: i for i, f in enumerate(FEATURES)}

# Letters folded by the key: alef variants → ا, ى → ي, ة → ه, Persian/Urdu forms → Arabic ones.
# These are orthographic variants news writers mix freely, so they must not split an entry.
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ے": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه",
    "ک": "ك", "ڪ": "ك", "گ": "ك",  # گ as in arabic.normalization
    "-": " ", "_": " ", "\u200c": " ", "\u200d": "",
})
# Harakat, Quranic marks, superscript alef and tatweel carry no identity for a name.
_STRIP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_SPACES = re.compile(r"\s+")

_PACKAGE = "marsad.knowledge"


def normalize_place_name(name: str) -> str:
    """Return the lookup key of an Arabic place name.

    Strips diacritics and tatweel, folds alef variants to ا, ى to ي, ة to ه and Persian ی/ک/گ to
    ي/ك, turns hyphens into spaces and collapses whitespace.  ``إدلب``, ``ادلب`` and ``إدْلِب``
    share one key.
    """
    return _SPACES.sub(" ", _STRIP.sub("", name).translate(_FOLD)).strip()


def _article_variants(key: str) -> list[str]:
    """The key without a leading «ال» if it has one, else with it (GeoNames has «موصل» only)."""
    if key.startswith("ال") and len(key) > 4:
        return [key[2:]]
    if not key.startswith("ال"):
        return ["ال" + key]
    return []


@dataclass(frozen=True, slots=True)
class Place:
    """One place of the gazetteer.

    ``place_id`` is ``gn:<geonameid>`` for GeoNames places, ``iq:<code>`` for Iraqi admin units
    from the Iraq names file and ``x:<slug>`` for hand-curated places without a GeoNames id.
    ``lat``/``lon``/``geonames_id`` are ``None`` when unknown — never invented.
    """

    place_id: str
    name_en: str
    name_ar: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature: str
    population: int
    aliases_ar: tuple[str, ...] = ()

    def to_location(self, text: str) -> dict[str, Any]:
        """The contract's ``location`` object for this place, as mentioned by ``text``."""
        return {
            "name_en": self.name_en,
            "name_ar": self.name_ar,
            "geonames_id": self.geonames_id,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "text": text,
        }


class PlaceIndex:
    """All places, indexed by normalised Arabic name; build it with :func:`load_places`."""

    __slots__ = ("_by_id", "_by_key", "_regions", "_curated", "_cache")

    def __init__(self, places: list[Place], regions: dict[str, str],
                 curated: frozenset[str] = frozenset()) -> None:
        """Index ``places``; ``regions`` maps ISO3 → region, ``curated`` holds hand-curated ids."""
        self._by_id: dict[str, Place] = {}
        self._by_key: dict[str, list[Place]] = {}
        self._regions = regions
        self._curated = curated
        self._cache: dict[str, tuple[Place, ...]] = {}
        for p in places:
            if p.place_id in self._by_id:
                raise ValueError(f"duplicate place id {p.place_id}")
            self._by_id[p.place_id] = p
            for key in {normalize_place_name(n) for n in (p.name_ar, *p.aliases_ar) if n}:
                self._by_key.setdefault(key, []).append(p)
        for lst in self._by_key.values():
            lst.sort(key=self._prior)

    # ---- ranking -------------------------------------------------------------------------------
    def _prior(self, p: Place) -> tuple[int, int, int, str]:
        """Sort key (smaller = more likely meant).

        National capitals first (طرابلس → Tripoli, Libya), then places hand-curated for conflict
        news (``x:`` ids and GeoNames rows patched by extra.yaml, i.e. places news actually talks
        about), then anything in the Middle East / North Africa / Turkey / Iran / Afghanistan, then
        the rest; within a tier the bigger population wins, then the more specific feature.
        """
        if p.feature == "capital":
            tier = 0
        elif p.place_id in self._curated:
            tier = 1
        elif self._regions.get(p.country or "", "other") in ("mena", "near"):
            tier = 2
        else:
            tier = 3
        return (tier, -p.population, _FEATURE_RANK.get(p.feature, len(FEATURES)), p.place_id)

    # ---- queries -------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._by_id.values())

    def get(self, place_id: str) -> Place | None:
        """The place with this id, or ``None``."""
        return self._by_id.get(place_id)

    def lookup(self, name_ar: str) -> list[Place]:
        """Every place called ``name_ar``, most likely first.

        Exact (normalised) matches come before matches found by adding or removing a leading «ال»
        (``الموصل`` finds GeoNames' ``موصل``); each group is ordered by the prior of ``_prior``.
        """
        key = normalize_place_name(name_ar)
        hit = self._cache.get(key)
        if hit is None:
            seen: set[str] = set()
            out: list[Place] = []
            for k in (key, *_article_variants(key)):
                for p in self._by_key.get(k, ()):
                    if p.place_id not in seen:
                        seen.add(p.place_id)
                        out.append(p)
            hit = tuple(out)
            self._cache[key] = hit
        return list(hit)

    def resolve(self, name_ar: str, country_hint: str | None = None) -> Place | None:
        """The single most likely place for ``name_ar``.

        ``country_hint`` (ISO3, e.g. the country the article or sentence is about) wins over the
        prior when some candidate is in that country: «طرابلس» is Tripoli, Libya, by default and
        Tripoli, Lebanon with ``country_hint="LBN"``.  A hint that matches no candidate is ignored.
        """
        cands = self.lookup(name_ar)
        if not cands:
            return None
        if country_hint:
            hint = country_hint.upper()
            for p in cands:
                if p.country == hint:
                    return p
        return cands[0]

    def all_names(self) -> Iterator[tuple[str, str]]:
        """Yield ``(normalised name, place_id)`` for every stored Arabic name, for a matcher.

        Names are yielded as stored (no «ال» added or removed): a matcher that strips clitics
        should call :meth:`lookup`, which tolerates the article.
        """
        for key, lst in self._by_key.items():
            for p in lst:
                yield key, p.place_id


def _opt_float(s: str) -> float | None:
    return float(s) if s else None


def _opt_int(s: str) -> int | None:
    return int(s) if s else None


def _read_text(name: str) -> str:
    return resources.files(_PACKAGE).joinpath("places").joinpath(name).read_text(encoding="utf-8")


def _data_lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln and not ln.startswith("#")]


def read_countries() -> dict[str, tuple[str, str, str]]:
    """``iso2 → (iso3, name_en, region)`` from ``places/countries.tsv``."""
    rows = csv.DictReader(_data_lines(_read_text("countries.tsv")), delimiter="\t")
    return {r["iso2"]: (r["iso3"], r["name_en"], r["region"]) for r in rows}


def read_tsv_places() -> list[Place]:
    """The places of ``places/places.tsv`` (built data, without extra.yaml)."""
    rows = csv.DictReader(_data_lines(_read_text("places.tsv")), delimiter="\t",
                          quoting=csv.QUOTE_NONE)
    return [
        Place(
            place_id=r["place_id"],
            name_en=r["name_en"],
            name_ar=r["name_ar"],
            country=r["country"] or None,
            lat=_opt_float(r["lat"]),
            lon=_opt_float(r["lon"]),
            geonames_id=_opt_int(r["geonames_id"]),
            feature=r["feature"],
            population=int(r["population"] or 0),
            aliases_ar=tuple(a for a in r["aliases_ar"].split("|") if a),
        )
        for r in rows
    ]


def read_extra() -> list[dict[str, Any]]:
    """The raw entries of ``places/extra.yaml``."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(_read_text("extra.yaml"), Loader=loader) or []


def extra_place_id(entry: dict[str, Any]) -> str:
    """Id of an extra.yaml entry: its ``patch`` target, ``gn:<geonames_id>``, else ``x:<id>``."""
    if entry.get("patch"):
        return str(entry["patch"])
    gid = entry.get("geonames_id")
    return f"gn:{gid}" if gid else f"x:{entry['id']}"


def _merge_aliases(name: str, *groups: Any, drop: Any = ()) -> tuple[str, ...]:
    """Aliases from ``groups`` minus the name itself, ``drop`` and normalised duplicates."""
    seen = {normalize_place_name(name)} | {normalize_place_name(d) for d in drop or ()}
    out: list[str] = []
    for group in groups:
        for a in group or ():
            k = normalize_place_name(a)
            if k and k not in seen:
                seen.add(k)
                out.append(a)
    return tuple(out)


def _apply_extra(places: list[Place], extra: list[dict[str, Any]]) -> tuple[list[Place], set[str]]:
    """Overlay extra.yaml on the TSV rows: patch the rows it names, add the other entries."""
    by_id = {p.place_id: i for i, p in enumerate(places)}
    curated: set[str] = set()
    for e in extra:
        pid = extra_place_id(e)
        curated.add(pid)
        aliases = e.get("aliases_ar") or []
        drop = e.get("drop_aliases_ar") or []
        if pid in by_id:
            old = places[by_id[pid]]
            name_ar = e.get("name_ar") or old.name_ar
            has_coords = old.lat is not None and old.lon is not None
            places[by_id[pid]] = Place(
                place_id=pid,
                name_en=e.get("name_en") or old.name_en,
                name_ar=name_ar,
                country=old.country,
                # GeoNames coordinates win; curated ones only fill a gap (Iraqi admin units).
                lat=old.lat if has_coords else e.get("lat"),
                lon=old.lon if has_coords else e.get("lon"),
                geonames_id=old.geonames_id,
                feature=e.get("feature") or old.feature,
                population=old.population,
                aliases_ar=_merge_aliases(name_ar, aliases, [old.name_ar], old.aliases_ar, drop=drop),
            )
        elif e.get("patch"):
            raise ValueError(f"extra.yaml entry {e['id']!r} patches unknown place {pid}")
        else:
            by_id[pid] = len(places)
            places.append(Place(
                place_id=pid,
                name_en=e["name_en"],
                name_ar=e["name_ar"],
                country=e.get("country"),
                lat=e.get("lat"),
                lon=e.get("lon"),
                geonames_id=e.get("geonames_id"),
                feature=e["feature"],
                population=int(e.get("population") or 0),
                aliases_ar=_merge_aliases(e["name_ar"], aliases, drop=drop),
            ))
    return places, curated


@lru_cache(maxsize=1)
def load_places() -> PlaceIndex:
    """Load the gazetteer once per process (TSV + extra.yaml from the installed package)."""
    regions = {iso3: region for iso3, _, region in read_countries().values()}
    places, curated = _apply_extra(read_tsv_places(), read_extra())
    return PlaceIndex(places, regions, frozenset(curated))
