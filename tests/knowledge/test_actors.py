"""Validate every actor knowledge file (actors/*.yaml) and the actor loader.

The vocabularies (kinds, sectors, offices) are read from the knowledge README, so the README
stays the single place where they are defined. The checks are the ones PETRARCH-style
dictionaries fail in practice: duplicate or malformed ids, impossible date ranges, dangling
parents, aliases silently shared by two actors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from marsad.knowledge import Actor, ActorIndex, Role, load_actors
from marsad.knowledge.loader import actor_files, parse_partial_date

HERE = Path(__file__).resolve().parent
KNOWLEDGE = HERE.parents[1] / "src" / "marsad" / "knowledge"
ACTORS_DIR = KNOWLEDGE / "actors"
README = (KNOWLEDGE / "README.md").read_text(encoding="utf-8")

SNAKE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
ISO3 = re.compile(r"^[A-Z]{3}$")
QID = re.compile(r"^Q[1-9][0-9]*$")
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
ARABIC = re.compile(r"[\u0621-\u064a]")
LATIN = re.compile(r"[A-Za-z]")

# Minimal folding for the collision check: the letters Marsad's normaliser folds anyway
# (alef variants, ى/ی → ي, ة → ه, ک → ك) plus diacritics and tatweel.
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك"})
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")


def fold(text: str) -> str:
    """Normalise an Arabic surface form the way the collision rule needs."""
    return " ".join(_MARKS.sub("", text).translate(_FOLD).split())


def _readme_kinds() -> set[str]:
    match = re.search(r"kind:\s*\w+\s*#\s*([a-z |]+)", README)
    assert match, "README must list the actor kinds after `kind:`"
    return {k.strip() for k in match.group(1).split("|")}


def _readme_sectors() -> set[str]:
    section = README.split("## Sectors", 1)[1].split("##", 1)[0]
    return set(re.findall(r"^\|\s*([A-Z]{3})\s*\|", section, flags=re.M))


def _readme_offices() -> set[str]:
    section = README.split("## Offices", 1)[1]
    words = section.split("\n\n")
    body = next(p for p in words if "," in p and "president" in p)
    return {w.strip() for w in body.replace("\n", " ").split(",") if w.strip()}


KINDS = _readme_kinds()
SECTORS = _readme_sectors()
OFFICES = _readme_offices()


def _raw_files() -> dict[str, list[dict[str, Any]]]:
    out = {}
    for path in sorted(ACTORS_DIR.glob("*.yaml")):
        if path.name == "ambiguity.yaml":
            continue
        out[path.name] = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return out


RAW = _raw_files()
ALL_RAW = [(name, a) for name, items in RAW.items() for a in items]
AMBIGUITY = yaml.safe_load((ACTORS_DIR / "ambiguity.yaml").read_text(encoding="utf-8")) or []
STATE_ISO3 = {a["iso3"] for _, a in ALL_RAW if a.get("kind") == "state"}
ALL_IDS = {a.get("id") for _, a in ALL_RAW}
UN_MEMBERS = [
    line.strip()
    for line in (HERE / "un_members_iso3.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def _label(name: str, actor: dict[str, Any]) -> str:
    return f"{name}:{actor.get('id')}"


# --------------------------------------------------------------------------- vocabularies


def test_readme_vocabularies_parse() -> None:
    assert {"state", "person", "organization", "force", "igo", "media", "group"} <= KINDS
    assert {"GOV", "MIL", "REB", "INS", "PAR", "IGO", "NGO", "MED", "SPY"} <= SECTORS
    assert {"president", "defence_minister", "foreign_minister", "leader", "spokesperson"} <= OFFICES


def test_loader_reads_the_same_files_as_the_test() -> None:
    assert sorted(p.name for p in actor_files()) == sorted(RAW)
    assert actor_files()[0].name == "states.yaml"


# --------------------------------------------------------------------------- per-actor fields


def test_every_file_is_a_list_of_mappings() -> None:
    for name, items in RAW.items():
        assert isinstance(items, list), name
        assert all(isinstance(a, dict) for a in items), name


def test_required_fields_present_and_typed() -> None:
    bad = []
    for name, a in ALL_RAW:
        for key in ("id", "kind", "name_en", "name_ar", "sector"):
            if not isinstance(a.get(key), str) or not a[key].strip():
                bad.append(f"{_label(name, a)} lacks {key}")
        for key in ("aliases_ar", "aliases_en", "nisba_ar", "capital_ar"):
            if key in a and not (isinstance(a[key], list) and all(isinstance(x, str) and x for x in a[key])):
                bad.append(f"{_label(name, a)}: {key} must be a list of non-empty strings")
        if "ambiguous" in a and not isinstance(a["ambiguous"], bool):
            bad.append(f"{_label(name, a)}: ambiguous must be true/false")
    assert not bad, bad


def test_ids_unique_and_snake_case() -> None:
    seen: dict[str, str] = {}
    bad = []
    for name, a in ALL_RAW:
        aid = a.get("id", "")
        if not SNAKE.match(str(aid)):
            bad.append(f"{_label(name, a)} is not snake_case")
        if aid in seen:
            bad.append(f"{aid} in both {seen[aid]} and {name}")
        seen[aid] = name
    assert not bad, bad


def test_kinds_and_sectors_in_readme_vocabulary() -> None:
    bad = [
        f"{_label(name, a)}: kind={a.get('kind')} sector={a.get('sector')}"
        for name, a in ALL_RAW
        if a.get("kind") not in KINDS or a.get("sector") not in SECTORS
    ]
    assert not bad, bad


def test_iso3_and_country_codes() -> None:
    bad = []
    for name, a in ALL_RAW:
        if a.get("kind") == "state":
            if not ISO3.match(str(a.get("iso3"))):
                bad.append(f"{_label(name, a)}: iso3 {a.get('iso3')!r}")
            if a.get("country") != a.get("iso3"):
                bad.append(f"{_label(name, a)}: country must equal iso3 for a state")
            if a.get("sector") != "GOV":
                bad.append(f"{_label(name, a)}: states are sector GOV")
        elif "iso3" in a or "nisba_ar" in a or "capital_ar" in a:
            bad.append(f"{_label(name, a)}: iso3/nisba_ar/capital_ar are for states only")
        country = a.get("country")
        if country is not None and (not ISO3.match(str(country)) or country not in STATE_ISO3):
            bad.append(f"{_label(name, a)}: country {country!r} is not the iso3 of a state in states.yaml")
    assert not bad, bad


def test_state_iso3_unique() -> None:
    codes = [a["iso3"] for _, a in ALL_RAW if a.get("kind") == "state"]
    assert len(codes) == len(set(codes))


def test_wikidata_ids_well_formed_and_unique() -> None:
    seen: dict[str, str] = {}
    bad = []
    for name, a in ALL_RAW:
        assert "wikidata" in a, f"{_label(name, a)}: write wikidata: null when unknown"
        qid = a["wikidata"]
        if qid is None:
            continue
        if not QID.match(str(qid)):
            bad.append(f"{_label(name, a)}: {qid!r}")
        elif qid in seen:
            bad.append(f"{qid} used by {seen[qid]} and {a['id']}")
        seen[str(qid)] = a["id"]
    assert not bad, bad


def test_parents_exist_and_do_not_loop() -> None:
    parent = {a["id"]: a.get("parent") for _, a in ALL_RAW}
    bad = [f"{aid} → {p}" for aid, p in parent.items() if p is not None and p not in parent]
    assert not bad, bad
    for aid in parent:
        seen = {aid}
        cur = parent[aid]
        while cur is not None:
            assert cur not in seen, f"parent loop through {aid}"
            seen.add(cur)
            cur = parent[cur]


def test_roles_are_well_formed() -> None:
    bad = []
    for name, a in ALL_RAW:
        for role in a.get("roles") or []:
            where = f"{_label(name, a)} {role}"
            if role.get("office") not in OFFICES:
                bad.append(f"{where}: office not in README vocabulary")
            of = role.get("of")
            if of not in STATE_ISO3 and of not in ALL_IDS:
                bad.append(f"{where}: 'of' is neither a state iso3 nor an actor id")
            bounds = []
            for key in ("start", "end"):
                value = role.get(key)
                if value is None:
                    bounds.append(None)
                    continue
                text = value.isoformat() if isinstance(value, dt.date) else str(value)
                if not DATE.match(text):
                    bad.append(f"{where}: {key} {text!r} is not YYYY[-MM[-DD]]")
                    bounds.append(None)
                    continue
                try:
                    bounds.append(parse_partial_date(text))
                except ValueError:
                    bad.append(f"{where}: {key} {text!r} is not a real date")
                    bounds.append(None)
            if bounds[0] and bounds[1] and bounds[0] > bounds[1]:
                bad.append(f"{where}: start after end")
    assert not bad, bad


def test_arabic_and_english_names_look_right() -> None:
    bad = []
    for name, a in ALL_RAW:
        for text in [a["name_ar"], *a.get("aliases_ar", []), *a.get("nisba_ar", []), *a.get("capital_ar", [])]:
            if not ARABIC.search(text) or text != text.strip() or "  " in text:
                bad.append(f"{_label(name, a)}: {text!r}")
        if ARABIC.search(a["name_en"]) or not LATIN.search(a["name_en"]):
            bad.append(f"{_label(name, a)}: name_en {a['name_en']!r}")
    assert not bad, bad


def test_no_alias_variant_that_normalisation_already_covers() -> None:
    """README: do not list spellings that differ only by letters Marsad folds anyway."""
    bad = []
    for name, a in ALL_RAW:
        spellings: dict[str, set[str]] = defaultdict(set)
        for text in (a["name_ar"], *a.get("aliases_ar", [])):
            spellings[fold(text)].add(text)
        bad.extend(f"{_label(name, a)}: {sorted(v)}" for v in spellings.values() if len(v) > 1)
    assert not bad, bad


# --------------------------------------------------------------------------- cross-actor rules


def _surfaces() -> dict[str, set[str]]:
    owners: dict[str, set[str]] = defaultdict(set)
    for _, a in ALL_RAW:
        for text in [a["name_ar"], *a.get("aliases_ar", []), *a.get("nisba_ar", []), *a.get("capital_ar", [])]:
            owners[fold(text)].add(a["id"])
    return owners


def test_no_arabic_alias_shared_without_a_rule() -> None:
    by_id = {a["id"]: a for _, a in ALL_RAW}
    rules = {fold(r["alias"]): set(r["ids"]) for r in AMBIGUITY}
    bad = []
    for surface, ids in _surfaces().items():
        if len(ids) < 2:
            continue
        if all(by_id[i].get("ambiguous") for i in ids):
            continue
        if surface in rules and ids <= rules[surface]:
            continue
        bad.append(f"{surface}: {sorted(ids)}")
    assert not bad, "shared aliases need ambiguous: true on every actor or an ambiguity.yaml rule: " + "; ".join(bad)


def test_ambiguity_rules_are_accurate() -> None:
    owners = _surfaces()
    for rule in AMBIGUITY:
        assert set(rule) <= {"alias", "ids", "prefer", "rule", "context"}, rule
        assert rule["rule"].strip(), rule
        ids = set(rule["ids"])
        assert len(ids) >= 2 and ids <= ALL_IDS, rule
        # context words decide between the rule's own actors only, each with a non-empty list
        context = rule.get("context") or {}
        assert set(context) <= ids and all(isinstance(w, list) and w for w in context.values()), rule
        # every listed actor really carries the alias, so the file cannot go stale silently
        assert owners.get(fold(rule["alias"]), set()) >= ids, rule
        assert rule.get("prefer") is None or rule["prefer"] in ids, rule


# --------------------------------------------------------------------------- coverage


def test_all_un_members_and_observers_present() -> None:
    assert len(UN_MEMBERS) == 193 and len(set(UN_MEMBERS)) == 193
    missing = sorted(set(UN_MEMBERS) - STATE_ISO3)
    assert not missing, missing
    assert {"PSE", "XKX", "TWN", "VAT"} <= STATE_ISO3
    assert len(STATE_ISO3) >= 196


def test_collection_sizes() -> None:
    assert len(RAW["organizations.yaml"]) >= 120
    assert len(RAW["media.yaml"]) >= 50
    assert all(a["sector"] == "MED" and a["kind"] == "media" for a in RAW["media.yaml"])


def test_total_actor_count_across_all_files() -> None:
    """Counts every actors/*.yaml file; the 600 floor applies once people.yaml exists."""
    if "people.yaml" not in RAW:
        pytest.skip("people.yaml not written yet")
    assert len(ALL_RAW) >= 600


@pytest.mark.parametrize(
    ("surface", "actor_id"),
    [
        ("الحرس الثوري", "irgc"),
        ("الباسدران", "irgc"),
        ("فيلق القدس", "quds_force"),
        ("قسد", "sdf"),
        ("قوات سوريا الديمقراطية", "sdf"),
        ("وحدات حماية الشعب", "ypg"),
        ("تنظيم الدولة الإسلامية في العراق والشام", "isis"),
        ("داعش", "isis"),
        ("هيئة تحرير الشام", "hts"),
        ("جبهة فتح الشام", "nusra_front"),
        ("أنصار الله", "houthis"),
        ("الحشد الشعبي", "pmf"),
        ("قوات حفتر", "lna"),
        ("الدعم السريع", "rsf"),
        ("فاغنر", "wagner_group"),
        ("الطيران الروسي", "russian_air_force"),
        ("وزارة الدفاع الروسية", "russian_defence_ministry"),
        ("قوات النظام", "syrian_army"),
        ("جيش الاحتلال", "israeli_army"),
        ("التحالف الدولي", "us_led_coalition"),
        ("التحالف العربي", "saudi_led_coalition"),
        ("الكرملين", "kremlin"),
        ("البنتاغون", "pentagon"),
        ("الوكالة الدولية للطاقة الذرية", "iaea"),
        ("منظمة حظر الأسلحة الكيميائية", "opcw"),
        ("مجلس الأمن", "unsc"),
        ("الجامعة العربية", "arab_league"),
        ("حلف شمال الأطلسي", "nato"),
        ("المرصد السوري لحقوق الإنسان", "sohr"),
        ("الخوذ البيضاء", "white_helmets"),
        ("سانا", "sana"),
        ("فرانس برس", "afp"),
        ("أ ف ب", "afp"),
        ("ريا نوفوستي", "ria_novosti"),
        ("أميركا", "united_states"),
        ("الولايات المتحدة الأمريكية", "united_states"),
        ("سورية", "syria"),
        ("الاتحاد الروسي", "russia"),
        ("الإمارات", "united_arab_emirates"),
    ],
)
def test_news_names_resolve_to_the_right_actor(surface: str, actor_id: str) -> None:
    assert _surfaces()[fold(surface)] == {actor_id}


@pytest.mark.parametrize(
    ("actor_id", "nisba", "capital"),
    [
        ("russia", "روسية", "موسكو"),
        ("iran", "إيراني", "طهران"),
        ("united_states", "أميركي", "واشنطن"),
        ("turkey", "تركية", "أنقرة"),
        ("israel", "إسرائيلي", "تل أبيب"),
        ("ukraine", "أوكرانية", "كييف"),
        ("yemen", "يمني", "صنعاء"),
    ],
)
def test_state_adjectives_and_capitals(actor_id: str, nisba: str, capital: str) -> None:
    actor = load_actors().by_id[actor_id]
    assert nisba in actor.nisba_ar
    assert capital in actor.capital_ar


def test_common_words_are_not_unflagged_aliases() -> None:
    """Words like كيف (how) or bare الحزب must never become aliases; risky names carry ambiguous."""
    owners = _surfaces()
    for word in ("كيف", "الحزب", "الشباب", "العالم", "الدولة", "الحشد", "أمل"):
        assert fold(word) not in owners, word
    index = load_actors()
    for actor_id in ("mali", "fars", "al_jazeera", "al_arabiya", "rt", "al_qaeda", "fatah"):
        assert index.by_id[actor_id].ambiguous, actor_id


# --------------------------------------------------------------------------- loader


def test_load_actors_builds_a_cached_index() -> None:
    index = load_actors()
    assert index is load_actors()
    assert len(index) == len(ALL_RAW)
    assert index.by_id["russia"].wikidata == "Q159"
    assert index.by_id["russia"].iso3 == "RUS"
    assert index.state("SYR") is index.by_id["syria"]
    assert [a.id for a in index.ancestors("quds_force")] == ["irgc", "iran"]
    assert set(index.ambiguity) == {r["alias"] for r in AMBIGUITY}
    assert isinstance(index.all()[0], Actor) and index.all()[0].kind == "state"


def test_to_ref_matches_the_contract_shape() -> None:
    index = load_actors()
    ref = index.to_ref(index.by_id["russian_defence_ministry"], text="وزارة الدفاع الروسية")
    assert ref == {
        "id": "russian_defence_ministry",
        "name_en": "Ministry of Defence of Russia",
        "name_ar": "وزارة الدفاع الروسية",
        "wikidata": None,
        "country": "RUS",
        "sector": "GOV",
        "role": None,
        "text": "وزارة الدفاع الروسية",
    }
    assert index.to_ref("un")["sector"] == "IGO"
    with pytest.raises(KeyError):
        index.to_ref("no_such_actor")


def _person(aid: str, name_en: str, name_ar: str, *roles: Role) -> Actor:
    return Actor(id=aid, kind="person", name_en=name_en, name_ar=name_ar, country="RUS", sector="GOV", roles=roles)


def _role(office: str, of: str, start: str | None, end: str | None) -> Role:
    return Role(
        office=office, of=of, start=start, end=end,
        start_date=parse_partial_date(start), end_date=parse_partial_date(end, upper=True),
    )


@pytest.fixture()
def small_index() -> ActorIndex:
    state = Actor(id="russia", kind="state", name_en="Russia", name_ar="روسيا", iso3="RUS", country="RUS", sector="GOV")
    return ActorIndex([
        state,
        _person("sergei_shoigu", "Sergei Shoigu", "سيرغي شويغو",
                _role("defence_minister", "RUS", "2012-11-06", "2024-05-12")),
        _person("andrei_belousov", "Andrei Belousov", "أندريه بيلوسوف",
                _role("defence_minister", "RUS", "2024-05-12", None)),
        _person("anatoly_serdyukov", "Anatoly Serdyukov", "أناتولي سيرديوكوف",
                _role("defence_minister", "RUS", "2007-02", "2012")),
    ])


def test_holders_respects_date_bounds(small_index: ActorIndex) -> None:
    on = small_index.holders
    assert [a.id for a in on("defence_minister", "RUS", dt.date(2017, 9, 12))] == ["sergei_shoigu"]
    assert [a.id for a in on("defence_minister", "RUS", None)] == ["andrei_belousov"]
    assert [a.id for a in on("defence_minister", "RUS", dt.date(2025, 1, 1))] == ["andrei_belousov"]
    # partial dates widen: "2007-02" starts on Feb 1st, "2012" ends on Dec 31st
    assert [a.id for a in on("defence_minister", "RUS", dt.date(2007, 2, 1))] == ["anatoly_serdyukov"]
    assert [a.id for a in on("defence_minister", "RUS", dt.date(2007, 1, 31))] == []
    # hand-over day: both may be meant, the newer holder first
    assert [a.id for a in on("defence_minister", "RUS", dt.date(2024, 5, 12))] == ["andrei_belousov", "sergei_shoigu"]
    assert on("foreign_minister", "RUS", dt.date(2017, 9, 12)) == []


def test_to_ref_renders_a_role(small_index: ActorIndex) -> None:
    shoigu = small_index.by_id["sergei_shoigu"]
    ref = small_index.to_ref(shoigu, role=shoigu.roles[0], text="وزير الدفاع الروسي سيرغي شويغو")
    assert ref["role"] == "Defence minister"
    assert ref["text"] == "وزير الدفاع الروسي سيرغي شويغو"
    assert ref["country"] == "RUS"


def test_duplicate_ids_are_rejected() -> None:
    a = Actor(id="x", kind="state", name_en="X", name_ar="س")
    with pytest.raises(ValueError, match="duplicate"):
        ActorIndex([a, a])


@pytest.mark.parametrize(
    ("value", "upper", "expected"),
    [
        ("2012", False, dt.date(2012, 1, 1)),
        ("2012", True, dt.date(2012, 12, 31)),
        (2012, True, dt.date(2012, 12, 31)),
        ("2024-02", True, dt.date(2024, 2, 29)),
        ("2023-02", True, dt.date(2023, 2, 28)),
        ("2012-11-06", True, dt.date(2012, 11, 6)),
        (dt.date(2012, 11, 6), False, dt.date(2012, 11, 6)),
        (None, False, None),
    ],
)
def test_parse_partial_date(value: Any, upper: bool, expected: dt.date | None) -> None:
    assert parse_partial_date(value, upper=upper) == expected


@pytest.mark.parametrize("value", ["2012-13", "12-2012", "2012-02-30", "soon", "2012/11/06"])
def test_parse_partial_date_rejects_nonsense(value: str) -> None:
    with pytest.raises(ValueError):
        parse_partial_date(value)
