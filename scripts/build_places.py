#!/usr/bin/env python3
"""Build ``src/marsad/knowledge/places/places.tsv`` from GeoNames and the Iraq admin names file.

Usage::

    python scripts/build_places.py            # rebuild the TSV
    python scripts/build_places.py --check    # exit 1 if the committed TSV is stale

Inputs (development only, never needed at run time):

* GeoNames ``cities15000`` dump (2012), CC BY 4.0 — ``/work/shared/data/geo/geonames_cities15000_2012.tsv``
* ``iraq_admin_names_ar_en_ku.json`` from iraq_geo_data (MIT) — Iraqi provinces, districts and
  sub-districts in Arabic/English/Kurdish, without coordinates.

What is kept is decided by ``places/build_rules.yaml`` and the region column of
``places/countries.tsv`` (both data files, edited by hand).  The output is deterministic so a test can
detect drift between the committed TSV and this script.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.knowledge.places import normalize_place_name, read_countries  # noqa: E402

PLACES_DIR = ROOT / "src" / "marsad" / "knowledge" / "places"
OUT = PLACES_DIR / "places.tsv"
DEFAULT_GEONAMES = Path("/work/shared/data/geo/geonames_cities15000_2012.tsv")
DEFAULT_IRAQ = Path("/work/shared/data/geo/iraq_admin_names_ar_en_ku.json")

COLUMNS = ["place_id", "name_en", "name_ar", "aliases_ar", "country", "feature", "population",
           "lat", "lon", "geonames_id", "source"]

# An Arabic-script name: Arabic block letters, marks, spaces, hyphens, ZWNJ — nothing else.
_ARABIC_SCRIPT = re.compile(r"^[\u0621-\u065f\u0670-\u06d3\u06d5-\u06ed\u06fa-\u06ff\u0750-\u077f \-\u200c]+$")
_HAS_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
# Letters of Persian, Urdu, Kurdish, Pashto, … that Arabic does not use.  ی and ک are excluded
# from this set because they are routinely folded to ي/ك and are common in Arabic-script sources.
_FOREIGN_LETTERS = re.compile(r"[\u0671-\u06a8\u06aa-\u06cb\u06cd-\u06d5\u06ee-\u06ff\u0750-\u077f]")
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Letters that mark a name as native Arabic rather than a transliteration (ترابلس vs طرابلس).
_ARABIC_SPECIFIC = re.compile("[طصضظعحقثذخغةأإىء]")
_SPACES = re.compile(r"\s+")
_INNER_TA_MARBUTA = re.compile("ة[\u0621-\u064a]")


def clean_arabic(name: str) -> str | None:
    """Display form of an Arabic-script name, or None when it is not (only) Arabic.

    Diacritics and tatweel go, Persian ی/ک become ي/ك, whitespace is collapsed; names with
    letters Arabic does not use (Persian پ, Kurdish ە, Urdu ے, …) are rejected.
    """
    # «قرطبة، الأرجنتين»: what follows an Arabic comma qualifies the name, it is not part of it.
    name = name.split("،", 1)[0]
    name = _SPACES.sub(" ", name.replace("\u200c", " ")).strip()
    if not name or not _ARABIC_SCRIPT.match(name) or not _HAS_ARABIC_LETTER.search(name):
        return None
    name = _DIACRITICS.sub("", name).replace("ی", "ي").replace("ک", "ك").strip()
    # Foreign letters, or ة inside a word (Kurdish written with Arabic letters: كةربالا).
    if _FOREIGN_LETTERS.search(name) or _INNER_TA_MARBUTA.search(name):
        return None
    return name or None


def dedupe(names: list[str]) -> list[str]:
    """Keep the first of names sharing a normalised key."""
    seen: set[str] = set()
    out = []
    for n in names:
        k = normalize_place_name(n)
        if k and k not in seen:
            seen.add(k)
            out.append(n)
    return out


def pick_display(names: list[str], prefixes: list[str], raw_persian: set[str]) -> list[str]:
    """Order candidate names so the best display name comes first.

    Avoid administrative prefixes (محافظة إدلب), names that were written with Persian ی/ک, then
    prefer names with letters typical of Arabic spellings; keep the source order otherwise.
    """
    def key(item: tuple[int, str]) -> tuple[int, int, int, int]:
        i, n = item
        first = normalize_place_name(n.split(" ", 1)[0])
        return (first in prefixes, n in raw_persian, -len(_ARABIC_SPECIFIC.findall(n)), i)

    return [n for _, n in sorted(enumerate(names), key=key)]


def fmt_coord(x: float | None) -> str:
    return "" if x is None else f"{x:.5f}".rstrip("0").rstrip(".")


# ------------------------------------------------------------------------------------------------
# GeoNames

def read_geonames(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip()]


def geonames_places(rows: list[list[str]], countries: dict[str, tuple[str, str, str]],
                    rules: dict[str, Any]) -> list[dict[str, Any]]:
    keep_regions = set(rules["keep_regions"])
    min_pop = int(rules["world_min_population"])
    prefixes = [normalize_place_name(p) for p in rules["admin_prefixes"]]
    unit_words = {normalize_place_name(p) for p in rules["unit_prefixes"]}
    out = []
    for r in rows:
        gid, name, _ascii, alt, lat, lon, _fclass, fcode, cc = r[:9]
        population = int(r[14] or 0)
        iso3, _, region = countries.get(cc, (None, None, "other"))
        capital = fcode == "PPLC"
        if region not in keep_regions and not (capital or population >= min_pop):
            continue
        raw_persian: set[str] = set()
        names = []
        for a in alt.split(","):
            c = clean_arabic(a)
            if c:
                names.append(c)
                if "ی" in a or "ک" in a:
                    raw_persian.add(c)
        # «شعبية يفرن», «ولاية الجزائر»: the unit's name without its prefix is the place's name.
        for c in list(names):
            head, _, rest = c.partition(" ")
            if rest and normalize_place_name(head) in prefixes:
                names.append(rest)
        names = dedupe(names)
        if not names:
            continue
        ordered = pick_display(names, prefixes, raw_persian)
        ordered = ordered[:1] + [n for n in ordered[1:]
                                 if normalize_place_name(n.split(" ", 1)[0]) not in unit_words]
        out.append({
            "place_id": f"gn:{gid}",
            "name_en": name,
            "name_ar": ordered[0],
            "aliases_ar": ordered[1:],
            "country": iso3 or "",
            "feature": "capital" if capital else "city",
            "population": population,
            "lat": float(lat),
            "lon": float(lon),
            "geonames_id": int(gid),
            "source": "geonames",
        })
    return out


# ------------------------------------------------------------------------------------------------
# Iraq administrative names

def _slug(en: str) -> str:
    s = unicodedata.normalize("NFKD", en).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\bdistrict\b", "", s)
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


def _latin_key(en: str) -> str:
    """Loose key for joining English spellings (Al-Qa'im / Al Qaim / Qaim)."""
    s = unicodedata.normalize("NFKD", en).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\(.*?\)|\bdistrict\b|\bcity\b", " ", s)
    s = re.sub(r"^(al|el|ar|as|ash|an|ad|at|az)[\s\-]+", "", s.strip())
    return re.sub(r"[^a-z0-9]", "", s)


def _split_paren(name: str) -> tuple[str, list[str]]:
    """«الهندية (طويريج)» → («الهندية», [«طويريج»])."""
    m = re.match(r"^(.*?)\s*\((.*?)\)\s*$", name)
    if not m:
        return name.strip(), []
    return m.group(1).strip(), [m.group(2).strip()]


class _IraqJoin:
    """Find the one GeoNames city in Iraq an admin unit is named after (its seat), if unambiguous."""

    def __init__(self, rows: list[list[str]]) -> None:
        self.by_latin: dict[str, set[int]] = {}
        self.by_arabic: dict[str, set[int]] = {}
        self.rows: dict[int, list[str]] = {}
        for r in rows:
            if r[8] != "IQ":
                continue
            gid = int(r[0])
            self.rows[gid] = r
            for n in [r[1], r[2], *r[3].split(",")]:
                if not n:
                    continue
                c = clean_arabic(n)
                if c:
                    k = normalize_place_name(c)
                    for kk in (k, k[2:] if k.startswith("ال") else "ال" + k):
                        self.by_arabic.setdefault(kk, set()).add(gid)
                elif n.isascii():
                    self.by_latin.setdefault(_latin_key(n), set()).add(gid)

    def find(self, en: str, ar: str) -> list[str] | None:
        lat = self.by_latin.get(_latin_key(en), set())
        arb = self.by_arabic.get(normalize_place_name(ar), set())
        both = lat & arb
        cands = both or (lat | arb)
        if len(cands) == 1:
            return self.rows[next(iter(cands))]
        return None


def iraq_places(data: dict[str, Any], geonames: list[list[str]], rules: dict[str, Any],
                taken_gn_names: set[str]) -> list[dict[str, Any]]:
    codes = rules["iraq_province_codes"]
    prov_names = rules["iraq_province_names"]
    prov_ar_override = rules.get("iraq_province_arabic", {})
    skip = {normalize_place_name(n) for n in rules["iraq_skip_names"]}
    prefixes = [normalize_place_name(p) for p in rules["iraq_strip_prefixes"]]
    fixes = rules.get("iraq_arabic_fixes", {})
    drop = set(rules.get("iraq_drop_codes", []))
    seats = {k: int(v) for k, v in (rules.get("iraq_province_seats") or {}).items()}
    join = _IraqJoin(geonames)

    def arabic(name: str, en: str = "") -> tuple[str | None, list[str]]:
        main, extra = _split_paren(fixes.get(en) or name or "")
        words = main.split(" ", 1)
        if len(words) == 2 and normalize_place_name(words[0]) in prefixes:
            main = words[1]
        c = clean_arabic(main)
        return c, [x for x in (clean_arabic(e) for e in extra) if x]

    units: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    # (province code or "" for provinces, arabic key) → unit code: the file repeats units under
    # other spellings, and both lists of a province are merged here.
    key_to_code: dict[tuple[str, str], str] = {}

    def add(code: str, prov: str, en: str, ar: str, aliases: list[str], feature: str) -> None:
        key = (prov if feature != "admin1" else "", normalize_place_name(ar))
        # Same unit again: same Arabic name in the province, or same English code and level.
        same = key_to_code.get(key) or (code if code in units and units[code]["feature"] == feature
                                        else None)
        if same:
            u = units[same]
            u["aliases_ar"] = dedupe([u["name_ar"], *u["aliases_ar"], ar, *aliases])[1:]
            key_to_code.setdefault(key, same)
            return
        base, n = code, 2
        while code in units:
            code, n = f"{base}_{n}", n + 1
        key_to_code[key] = code
        units[code] = {"place_id": f"iq:{code}", "name_en": en, "name_ar": ar,
                       "aliases_ar": dedupe([ar, *aliases])[1:], "feature": feature}
        order.append(code)

    for p in data["provinces"]:
        prov = codes[p["engName"]]
        ar, al = arabic(p.get("arbName", ""))
        ar = prov_ar_override.get(prov) or ar
        if ar:
            add(prov, prov, prov_names[prov], ar, [*al, f"محافظة {ar}"], "admin1")
        for s in p.get("subdistricts", []) or []:
            sar, sal = arabic(s.get("arbName", ""))
            if sar and normalize_place_name(sar) not in skip:
                add(f"{prov}.{_slug(s['engName'])}", prov, s["engName"], sar, sal, "admin3")
        for d in p.get("districts", []) or []:
            dar, dal = arabic(d.get("arbName", ""), d["engName"])
            den = _split_paren(re.sub(r"\s+District$", "", d["engName"]))[0]
            if not dar or normalize_place_name(dar) in skip:
                continue
            add(f"{prov}.{_slug(den)}", prov, f"{den} District", dar, [*dal, f"قضاء {dar}"], "admin2")
            dcode = key_to_code.get((prov, normalize_place_name(dar))) or f"{prov}.{_slug(den)}"
            for s in d.get("subdistricts", []) or []:
                sar, sal = arabic(s.get("arbName", ""))
                if not sar or normalize_place_name(sar) in skip:
                    continue
                sen = _split_paren(s["engName"])[0]
                add(f"{dcode}.{_slug(sen)}", prov, sen, sar, sal, "admin3")

    out = []
    for code in order:
        u = units[code]
        if code in drop:
            continue
        # A sub-district named like a GeoNames city elsewhere (عدن, تونس in Baghdad) would steal
        # those names from far better-known places; districts and provinces are kept regardless.
        if u["feature"] == "admin3" and normalize_place_name(u["name_ar"]) in taken_gn_names:
            continue
        seat_id = seats.get(code)
        seat = join.rows.get(seat_id) if seat_id else join.find(
            u["name_en"].replace(" Governorate", "").replace(" District", ""), u["name_ar"])
        u.update({
            "country": "IRQ",
            "population": 0,
            "lat": float(seat[4]) if seat else None,
            "lon": float(seat[5]) if seat else None,
            # The GeoNames id is the seat town's, not the unit's: never reported as the unit's id.
            "geonames_id": None,
            "source": f"iraq_geo_data;coords=gn:{seat[0]}" if seat else "iraq_geo_data",
        })
        out.append(u)
    return out


# ------------------------------------------------------------------------------------------------

def build(geonames_path: Path = DEFAULT_GEONAMES, iraq_path: Path = DEFAULT_IRAQ) -> str:
    """Return the text of places.tsv built from the two source files."""
    rules = yaml.safe_load((PLACES_DIR / "build_rules.yaml").read_text(encoding="utf-8"))
    countries = read_countries()
    rows = read_geonames(geonames_path)
    places = geonames_places(rows, countries, rules)
    non_iraq_names = {normalize_place_name(n) for p in places if p["country"] != "IRQ"
                      for n in (p["name_ar"], *p["aliases_ar"])}
    places += iraq_places(json.loads(iraq_path.read_text(encoding="utf-8")), rows, rules,
                          non_iraq_names)
    places.sort(key=lambda p: (p["country"], p["place_id"].split(":")[0], -p["population"],
                               p["place_id"]))
    lines = [
        "# Marsad place gazetteer — generated by scripts/build_places.py; do not edit by hand",
        "# (fix names in extra.yaml). Sources: GeoNames cities15000 (CC BY 4.0),"
        " iraq_geo_data (MIT). See README.md.",
        "\t".join(COLUMNS),
    ]
    for p in places:
        vals = {**p, "aliases_ar": "|".join(p["aliases_ar"]), "lat": fmt_coord(p["lat"]),
                "lon": fmt_coord(p["lon"]),
                "geonames_id": "" if p["geonames_id"] is None else str(p["geonames_id"])}
        cells = [str(vals[c]) for c in COLUMNS]
        assert not any("\t" in c or "\n" in c for c in cells), cells
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--geonames", type=Path, default=DEFAULT_GEONAMES)
    ap.add_argument("--iraq", type=Path, default=DEFAULT_IRAQ)
    ap.add_argument("--check", action="store_true", help="compare with the committed TSV only")
    args = ap.parse_args(argv)
    text = build(args.geonames, args.iraq)
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("places.tsv is up to date" if same else "places.tsv differs from a fresh build")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    n = text.count("\n") - 3
    print(f"wrote {OUT.relative_to(ROOT)}: {n} places, {len(text.encode()) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
