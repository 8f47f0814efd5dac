"""Coverage of classes of names the out-of-domain dev sets found missing (issue 4).

Each test checks a whole family (every province of a country, every military spokesman), so a
regression in one entry or in the folding rules shows up here rather than in an event score.
"""

from __future__ import annotations

import pytest

from marsad.knowledge.loader import load_actors
from marsad.knowledge.places import PlaceIndex, load_places, normalize_place_name


@pytest.fixture(scope="module")
def places() -> PlaceIndex:
    return load_places()


def _first(index: PlaceIndex, name: str, country: str | None = None):
    found = index.resolve(name, country) if country else index.lookup(name)
    if isinstance(found, list):
        return found[0] if found else None
    return found


# ------------------------------------------------------------------------------------ places

IRAN_PROVINCES = [
    "محافظة طهران", "محافظة أصفهان", "محافظة خراسان رضوي", "محافظة أذربيجان الشرقية",
    "محافظة أذربيجان الغربية", "محافظة فارس", "محافظة خوزستان", "محافظة جيلان", "محافظة مازندران",
    "محافظة كرمانشاه", "محافظة كرمان", "محافظة سيستان وبلوشستان", "محافظة همدان", "محافظة يزد",
    "محافظة أردبيل", "محافظة زنجان", "محافظة هرمزغان", "محافظة كردستان", "محافظة قزوين",
    "محافظة لرستان", "محافظة غلستان", "محافظة مركزي", "محافظة البرز", "محافظة بوشهر", "محافظة قم",
    "محافظة سمنان", "محافظة إيلام", "محافظة جهارمحال وبختياري", "محافظة خراسان الجنوبية",
    "محافظة خراسان الشمالية", "محافظة كهكيلويه وبوير أحمد",
]
YEMEN_GOVERNORATES = [
    "محافظة صنعاء", "أمانة العاصمة", "محافظة عدن", "محافظة تعز", "محافظة الحديدة", "محافظة إب",
    "محافظة ذمار", "محافظة حجة", "محافظة صعدة", "محافظة عمران", "محافظة الجوف", "محافظة مأرب",
    "محافظة البيضاء", "محافظة شبوة", "محافظة حضرموت", "محافظة المهرة", "محافظة أبين", "محافظة لحج",
    "محافظة الضالع", "محافظة ريمة", "محافظة المحويت", "أرخبيل سقطرى",
]
SUDAN_STATES = [
    "ولاية الخرطوم", "ولاية الجزيرة", "ولاية شمال دارفور", "ولاية جنوب دارفور", "ولاية غرب دارفور",
    "ولاية وسط دارفور", "ولاية شرق دارفور", "ولاية شمال كردفان", "ولاية جنوب كردفان",
    "ولاية غرب كردفان", "ولاية النيل الأزرق", "ولاية النيل الأبيض", "ولاية نهر النيل",
    "الولاية الشمالية", "ولاية البحر الأحمر", "ولاية كسلا", "ولاية القضارف", "ولاية سنار",
]
LEBANON_GOVERNORATES = [
    "محافظة بيروت", "محافظة جبل لبنان", "محافظة الشمال", "محافظة عكار", "محافظة البقاع",
    "محافظة بعلبك الهرمل", "محافظة الجنوب", "محافظة النبطية",
]
PALESTINE_GOVERNORATES = [
    "محافظة جنين", "محافظة طوباس", "محافظة طولكرم", "محافظة نابلس", "محافظة قلقيلية", "محافظة سلفيت",
    "محافظة رام الله والبيرة", "محافظة أريحا", "محافظة القدس", "محافظة بيت لحم", "محافظة الخليل",
    "محافظة شمال غزة", "محافظة غزة", "محافظة دير البلح", "محافظة خان يونس", "محافظة رفح",
]


@pytest.mark.parametrize(("names", "country"), [
    (IRAN_PROVINCES, "IRN"), (YEMEN_GOVERNORATES, "YEM"), (SUDAN_STATES, "SDN"),
    (LEBANON_GOVERNORATES, "LBN"), (PALESTINE_GOVERNORATES, "PSE"),
])
def test_every_first_level_division_is_known(places: PlaceIndex, names: list[str], country: str) -> None:
    missing = [n for n in names if not (p := _first(places, n, country)) or p.country != country]
    assert not missing, missing


@pytest.mark.parametrize(("name", "country", "name_en"), [
    ("الضفة الغربية", "PSE", "West Bank"),
    ("الضفة الغربية المحتلة", "PSE", "West Bank"),
    ("إقليم كردستان", "IRQ", "Kurdistan Region (Iraq)"),
    ("كردستان العراق", "IRQ", "Kurdistan Region (Iraq)"),
    ("اصفهان", "IRN", "Isfahan"),
    ("محافظة گیلان", "IRN", "Gilan Province"),  # Persian gaf and yeh fold to ك/ي
    ("النقب", "ISR", "Negev"),
    ("الباغوز", "SYR", "Al-Baghuz Fawqani"),
    ("الدرباسية", "SYR", "Al-Darbasiyah"),
    ("تل تمر", "SYR", "Tal Tamr"),
    ("سيلوبي", "TUR", "Silopi"),
    ("بعبدا", "LBN", "Baabda"),
    ("سيدي براني", "EGY", "Sidi Barrani"),
    ("أم درمان", "SDN", "Omdurman"),
    ("الخرطوم", "SDN", "Khartoum"),
    ("قم", "IRN", "Qom"),
])
def test_places_found_missing_by_the_dev_sets(places: PlaceIndex, name: str, country: str, name_en: str) -> None:
    p = _first(places, name, country)
    assert p is not None and p.country == country and p.name_en == name_en, p


@pytest.mark.parametrize(("name", "feature"), [
    ("قاعدة حميميم", "base"), ("قاعدة عين الأسد", "base"), ("قاعدة التنف", "base"),
    ("معبر باب الهوى", "crossing"), ("معبر رفح", "crossing"), ("معبر كرم أبو سالم", "crossing"),
    ("معبر بيت حانون", "crossing"), ("جسر الملك حسين", "crossing"), ("معبر باب السلامة", "crossing"),
    ("معبر المصنع", "crossing"), ("منفذ طريبيل", "crossing"), ("مطار التيفور", "base"),
    ("قاعدة العديد", "base"), ("قاعدة إنجرليك", "base"), ("قاعدة نيفاتيم", "base"),
])
def test_bases_and_crossings(places: PlaceIndex, name: str, feature: str) -> None:
    p = _first(places, name)
    assert p is not None and p.feature == feature, p


@pytest.mark.parametrize("word", ["ساري", "الام", "اشرف", "غم", "الأبيض", "عالية", "سلوك", "جزرة"])
def test_common_words_are_not_place_names(places: PlaceIndex, word: str) -> None:
    """GeoNames Arabic names that are everyday words («ساري المفعول», «الأبيض») were dropped."""
    assert not places.lookup(word), places.lookup(word)


# ------------------------------------------------------------------------------------ actors

@pytest.mark.parametrize(("surface", "actor_id"), [
    ("مولود جاووش أوغلو", "mevlut_cavusoglu"),
    ("مولود جاويش أوغلو", "mevlut_cavusoglu"),
    ("تشاوش أوغلو", "mevlut_cavusoglu"),
    ("بيني جانتس", "benny_gantz"),
    ("أنطونيو جوتيريس", "antonio_guterres"),
    ("يحيى رسول", "yehia_rasool"),
    ("قيادة العمليات المشتركة", "iraq_joint_operations_command"),
    ("الشرطة الإيرانية", "iranian_police"),
    ("شرطة الأخلاق", "morality_police"),
    ("دوريات الإرشاد", "morality_police"),
    ("السلطة القضائية الإيرانية", "iranian_judiciary"),
    ("المجلس العسكري الانتقالي", "sudan_tmc"),
    ("كتيبة جنين", "jenin_brigade"),
    ("عرين الأسود", "lions_den"),
    ("إيغور كوناشينكوف", "igor_konashenkov"),
    ("تركي المالكي", "turki_al_maliki"),
    ("يحيى سريع", "yahya_saree"),
    ("أفيخاي أدرعي", "avichay_adraee"),
    ("إيتمار بن غفير", "itamar_ben_gvir"),
])
def test_actor_surfaces(surface: str, actor_id: str) -> None:
    # normalize_place_name folds alef/ya/ta-marbuta/diacritics the way the matcher does.
    actor = load_actors().by_id[actor_id]
    assert normalize_place_name(surface) in {normalize_place_name(a) for a in actor.arabic_names()}, surface


def test_main_armies_have_a_spokesman() -> None:
    """Spokesmen of the armies most quoted in Arabic conflict news (IDF, Iraq, Saudi-led coalition,
    Houthis, Russian MoD, Iran) are people with a spokesperson role."""
    people = load_actors().by_id
    for pid in ("daniel_hagari", "avichay_adraee", "yehia_rasool", "turki_al_maliki", "yahya_saree",
                "igor_konashenkov", "abolfazl_shekarchi"):
        assert any(r.office == "spokesperson" for r in people[pid].roles), pid


def test_tmc_chair_on_a_date() -> None:
    people = load_actors().by_id
    burhan = people["abdel_fattah_al_burhan"]
    assert any(r.office == "president" and r.of == "sudan_tmc" and str(r.start) == "2019-04-12"
               for r in burhan.roles)
