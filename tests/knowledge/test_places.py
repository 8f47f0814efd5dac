"""Tests for the place gazetteer (marsad.knowledge.places and its data files)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from marsad.knowledge.places import (
    FEATURES,
    Place,
    PlaceIndex,
    extra_place_id,
    load_places,
    normalize_place_name,
    read_countries,
    read_extra,
    read_tsv_places,
)

ROOT = Path(__file__).resolve().parents[2]
PLACES_DIR = ROOT / "src" / "marsad" / "knowledge" / "places"
GEONAMES = Path("/work/shared/data/geo/geonames_cities15000_2012.tsv")
IRAQ = Path("/work/shared/data/geo/iraq_admin_names_ar_en_ku.json")
ISO3 = re.compile(r"^[A-Z]{3}$")
ARABIC_NAME = re.compile(r"^[\u0621-\u064a0-9 ]+$")


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return load_places()


# ------------------------------------------------------------------------------------ data checks

def test_tsv_ids_unique_and_well_formed() -> None:
    ids = [p.place_id for p in read_tsv_places()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"gn:\d+|iq:[a-z0-9_.]+", i) for i in ids)


def test_extra_ids_unique() -> None:
    extra = read_extra()
    assert len({e["id"] for e in extra}) == len(extra)
    assert len({extra_place_id(e) for e in extra}) == len(extra)


def test_index_ids_unique_and_gn_ids_match(index: PlaceIndex) -> None:
    places = list(index)
    assert len({p.place_id for p in places}) == len(places) > 1000
    for p in places:
        if p.place_id.startswith("gn:"):
            assert p.geonames_id == int(p.place_id[3:])
        else:
            # iq:/x: places are not GeoNames entities: their id must not be claimed.
            assert p.geonames_id is None, p


def test_coordinates_in_range(index: PlaceIndex) -> None:
    for p in index:
        assert (p.lat is None) == (p.lon is None), p
        if p.lat is not None:
            assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180, p


def test_countries_iso3(index: PlaceIndex) -> None:
    known = {iso3 for iso3, _, _ in read_countries().values()}
    for p in index:
        if p.country is None:
            # Only seas, straits and regions spanning several states («الشرق الأوسط») sit between countries.
            assert p.feature in ("water", "region"), p
        else:
            assert ISO3.match(p.country) and p.country in known, p


def test_features_and_names(index: PlaceIndex) -> None:
    for p in index:
        assert p.feature in FEATURES, p
        assert p.name_en.strip(), p
        assert p.name_ar.strip() and ARABIC_NAME.match(p.name_ar), p
        assert all(a.strip() and ARABIC_NAME.match(a) for a in p.aliases_ar), p
        assert p.population >= 0


def test_extra_entries_are_complete() -> None:
    tsv = {p.place_id: p for p in read_tsv_places()}
    for e in read_extra():
        assert e["basis"] in {"geonames", "seat", "knowledge", "approx"}, e
        assert e["feature"] in FEATURES and e["name_ar"] and e["name_en"], e
        assert isinstance(e["lat"], float | int) and isinstance(e["lon"], float | int), e
        if e["basis"] == "geonames":
            assert e.get("geonames_id"), e  # coordinates from GeoNames come with its id
        row = tsv.get(extra_place_id(e))
        if row is not None and row.lat is not None:
            # A patch must agree with the GeoNames coordinates it repeats.
            assert abs(row.lat - e["lat"]) < 1e-4 and abs(row.lon - e["lon"]) < 1e-4, e


def test_tsv_is_small() -> None:
    assert (PLACES_DIR / "places.tsv").stat().st_size < 3_000_000


# ------------------------------------------------------------------------------------ normalising

def test_normalize_folds_orthographic_variants() -> None:
    assert normalize_place_name("إدلب") == normalize_place_name("ادلب") == normalize_place_name("إدْلِب")
    assert normalize_place_name("حماة") == normalize_place_name("حماه")
    assert normalize_place_name("نينوى") == normalize_place_name("نينوي")
    assert normalize_place_name("کرکوک") == normalize_place_name("كركوك")  # Persian kaf/ya
    assert normalize_place_name("دمـــشق") == "دمشق"  # tatweel
    assert normalize_place_name("  دير   الزور ") == "دير الزور"


# ------------------------------------------------------------------------------------ resolution

BRIEF_PLACES = [
    # (Arabic as written in news, expected ISO3)
    ("دمشق", "SYR"), ("حلب", "SYR"), ("خان طومان", "SYR"), ("حميميم", "SYR"), ("دير الزور", "SYR"),
    ("الرقة", "SYR"), ("إدلب", "SYR"), ("البوكمال", "SYR"), ("تدمر", "SYR"), ("الغوطة", "SYR"),
    ("درعا", "SYR"), ("القنيطرة", "SYR"), ("القصير", "SYR"), ("الزبداني", "SYR"), ("كفريا", "SYR"),
    ("الفوعة", "SYR"), ("عفرين", "SYR"), ("منبج", "SYR"), ("كوباني", "SYR"), ("عين العرب", "SYR"),
    ("الموصل", "IRQ"), ("الفلوجة", "IRQ"), ("تكريت", "IRQ"), ("كركوك", "IRQ"), ("سنجار", "IRQ"),
    ("الضاحية الجنوبية", "LBN"), ("جنوب لبنان", "LBN"), ("صنعاء", "YEM"), ("الحديدة", "YEM"),
    ("مأرب", "YEM"), ("عدن", "YEM"), ("بنغازي", "LBY"), ("سرت", "LBY"), ("طرابلس", "LBY"),
    ("غزة", "PSE"), ("رفح", "PSE"), ("سيناء", "EGY"), ("الجولان", "SYR"), ("أستانا", "KAZ"),
    ("نور سلطان", "KAZ"), ("سوتشي", "RUS"), ("جنيف", "CHE"), ("فيينا", "AUT"),
    ("الشعيرات", "SYR"), ("التنف", "SYR"), ("القائم", "IRQ"), ("الغوطة الشرقية", "SYR"),
    ("ريف دمشق", "SYR"), ("ريف حلب", "SYR"), ("مضيق هرمز", None), ("البحر الأحمر", None),
    ("باب المندب", None), ("القلمون", "SYR"), ("عرسال", "LBN"), ("السيدة زينب", "SYR"),
    ("نبل والزهراء", "SYR"), ("كفريا والفوعة", "SYR"), ("تل رفعت", "SYR"), ("رأس العين", "SYR"),
    ("تل أبيض", "SYR"), ("جرابلس", "SYR"), ("الباب", "SYR"), ("أعزاز", "SYR"), ("الحسكة", "SYR"),
    ("القامشلي", "SYR"), ("الميادين", "SYR"), ("محافظة إدلب", "SYR"), ("جسر الشغور", "SYR"),
    ("سراقب", "SYR"), ("معرة النعمان", "SYR"), ("خان شيخون", "SYR"), ("حماة", "SYR"), ("حمص", "SYR"),
    ("القريتين", "SYR"), ("السويداء", "SYR"), ("طرطوس", "SYR"), ("اللاذقية", "SYR"), ("بانياس", "SYR"),
    ("الرمادي", "IRQ"), ("سامراء", "IRQ"), ("بيجي", "IRQ"), ("كربلاء", "IRQ"), ("النجف", "IRQ"),
    ("جرف الصخر", "IRQ"), ("أربيل", "IRQ"), ("السليمانية", "IRQ"), ("تعز", "YEM"), ("صعدة", "YEM"),
    ("شبوة", "YEM"), ("حضرموت", "YEM"), ("درنة", "LBY"), ("مصراتة", "LBY"), ("ترهونة", "LBY"),
    ("خان يونس", "PSE"), ("جنين", "PSE"), ("نابلس", "PSE"), ("القدس", "ISR"), ("الخليل", "PSE"),
    ("لوزان", "CHE"), ("ميونخ", "DEU"), ("الأنبار", "IRQ"), ("نينوى", "IRQ"), ("صلاح الدين", "IRQ"),
    ("بغداد", "IRQ"), ("بيروت", "LBN"), ("طهران", "IRN"), ("أنقرة", "TUR"), ("موسكو", "RUS"),
    ("واشنطن", "USA"), ("القاهرة", "EGY"), ("الرياض", "SAU"), ("غازي عنتاب", "TUR"),
]


@pytest.mark.parametrize(("name", "country"), BRIEF_PLACES)
def test_conflict_places_resolve(index: PlaceIndex, name: str, country: str | None) -> None:
    place = index.resolve(name)
    assert place is not None, name
    assert place.country == country, (name, place)
    assert place.lat is not None and place.lon is not None, (name, place)


def test_damascus_and_aleppo(index: PlaceIndex) -> None:
    dam = index.resolve("دمشق")
    assert dam is not None
    assert (dam.name_en, dam.country, dam.geonames_id, dam.feature) == ("Damascus", "SYR", 170654, "capital")
    assert dam.lat == pytest.approx(33.5, abs=0.1) and dam.lon == pytest.approx(36.3, abs=0.1)
    alep = index.resolve("حلب")
    assert alep is not None and alep.name_en == "Aleppo" and alep.country == "SYR"


def test_tripoli_needs_country_hint(index: PlaceIndex) -> None:
    assert [p.country for p in index.lookup("طرابلس")][:2] == ["LBY", "LBN"]
    assert index.resolve("طرابلس").country == "LBY"
    leb = index.resolve("طرابلس", country_hint="LBN")
    assert leb is not None and leb.country == "LBN" and leb.lat == pytest.approx(34.44, abs=0.05)
    # A hint no candidate matches is ignored rather than failing.
    assert index.resolve("طرابلس", country_hint="FRA").country == "LBY"
    # The qualified names need no hint.
    assert index.resolve("طرابلس الشام").country == "LBN"
    assert index.resolve("طرابلس الغرب").country == "LBY"


@pytest.mark.parametrize("spelling", ["إدلب", "ادلب", "إدْلِب", "ادلـب"])
def test_alef_and_diacritic_variants(index: PlaceIndex, spelling: str) -> None:
    assert index.resolve(spelling).name_en == "Idlib"


@pytest.mark.parametrize(("spelling", "name_en"), [
    ("کرکوک", "Kirkuk"), ("كركوك", "Kirkuk"), ("حماه", "Hama"), ("نينوي", "Nineveh Governorate"),
    ("اربيل", "Erbil"), ("الجولان السوري المحتل", "Golan Heights"), ("راس العين", "Ras al-Ayn"),
])
def test_persian_letters_and_spelling_variants(index: PlaceIndex, spelling: str, name_en: str) -> None:
    assert index.resolve(spelling).name_en == name_en


def test_article_is_optional(index: PlaceIndex) -> None:
    # GeoNames spells Mosul «موصل»; both forms reach the same city.
    assert index.resolve("موصل").name_en == "Mosul"
    assert index.resolve("الموصل").name_en == "Mosul"
    # Exact matches come before article variants.
    assert index.lookup("الباب")[0].name_en == "Al-Bab"


def test_city_ranks_before_admin_unit_of_same_name(index: PlaceIndex) -> None:
    cands = index.lookup("الفلوجة")
    assert [p.feature for p in cands][:2] == ["city", "admin2"]
    assert index.resolve("محافظة إدلب").feature == "admin1"
    assert index.resolve("إدلب").feature == "city"


def test_governorates_and_districts_of_iraq(index: PlaceIndex) -> None:
    anbar = index.resolve("الأنبار")
    assert anbar is not None and anbar.feature == "admin1" and anbar.place_id == "iq:anbar"
    assert index.resolve("محافظة الأنبار") == anbar
    jurf = index.resolve("جرف الصخر")
    assert jurf.place_id.startswith("iq:") and jurf.lat is not None
    assert index.resolve("قضاء الفلوجة").feature == "admin2"


def test_common_words_are_not_places(index: PlaceIndex) -> None:
    # Words that name Iraqi neighbourhoods in the source file but mean "the city", "unity", "freedom".
    for word in ("الوحدة", "الحرية", "المشروع"):
        assert index.lookup(word) == [], word
    # «المدينة» alone is the word "the city", not Medina.
    assert all(p.name_en != "Medina" for p in index.lookup("المدينة"))
    assert index.resolve("المدينة المنورة").name_en == "Medina"


def test_unknown_names(index: PlaceIndex) -> None:
    assert index.lookup("مكانلايوجد") == []
    assert index.resolve("مكانلايوجد") is None
    assert index.resolve("") is None


def test_to_location_matches_contract(index: PlaceIndex) -> None:
    loc = index.resolve("دمشق").to_location("في دمشق")
    assert set(loc) == {"name_en", "name_ar", "geonames_id", "country", "lat", "lon", "text"}
    assert loc["name_ar"] == "دمشق" and loc["geonames_id"] == 170654 and loc["text"] == "في دمشق"
    base = index.resolve("حميميم").to_location("قاعدة حميميم")
    assert base["geonames_id"] is None and base["country"] == "SYR"


def test_place_is_frozen(index: PlaceIndex) -> None:
    place = index.resolve("حلب")
    assert isinstance(place, Place)
    with pytest.raises(AttributeError):
        place.lat = 0.0  # type: ignore[misc]


def test_all_names(index: PlaceIndex) -> None:
    pairs = set(index.all_names())
    assert ("دمشق", "gn:170654") in pairs
    assert ("طرابلس", "gn:266826") in pairs and ("طرابلس", "gn:2210247") in pairs
    assert (normalize_place_name("إدلب"), "gn:169389") in pairs
    assert all(k == normalize_place_name(k) for k, _ in pairs)
    assert {pid for _, pid in pairs} == {p.place_id for p in index}


def test_load_is_cached() -> None:
    assert load_places() is load_places()


# ------------------------------------------------------------------------------------ rebuild drift

def test_committed_tsv_matches_build_script() -> None:
    if not (GEONAMES.exists() and IRAQ.exists()):
        pytest.skip("GeoNames/Iraq source files under /work/shared are not available")
    spec = importlib.util.spec_from_file_location("build_places", ROOT / "scripts" / "build_places.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(GEONAMES, IRAQ)
    committed = (PLACES_DIR / "places.tsv").read_text(encoding="utf-8")
    assert built == committed, "places.tsv drifted: run `python scripts/build_places.py`"
