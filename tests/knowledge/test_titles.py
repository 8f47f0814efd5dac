"""Validate titles.yaml: the Arabic title forms of every office in the README vocabulary.

Parsed directly with PyYAML so the checks do not depend on the loader.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

KNOWLEDGE = Path(__file__).resolve().parents[2] / "src" / "marsad" / "knowledge"
README = (KNOWLEDGE / "README.md").read_text(encoding="utf-8")
TITLES: dict[str, Any] = yaml.safe_load((KNOWLEDGE / "titles.yaml").read_text(encoding="utf-8"))
OFFICE_FORMS: dict[str, dict[str, Any]] = TITLES["offices"]

ARABIC_ONLY = re.compile(r"^[\u0621-\u064a\u0670 ]+$")
ISO3 = re.compile(r"^[A-Z]{3}$")

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك"})
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")


def fold(text: str) -> str:
    """Fold the letters Marsad normalises (README), plus diacritics and tatweel."""
    return _MARKS.sub("", text.translate(_FOLD)).strip()


def _readme_offices() -> set[str]:
    section = README.split("## Offices", 1)[1].split("\n## ", 1)[0]
    words: set[str] = set()
    for line in section.splitlines():
        if "," in line and re.fullmatch(r"[a-z_,\s]+", line.strip()):
            words.update(w.strip() for w in line.split(",") if w.strip())
    return words


OFFICES = _readme_offices()


def _actor_ids_and_states() -> tuple[set[str] | None, set[str] | None]:
    actors = KNOWLEDGE / "actors"
    if not (actors / "organizations.yaml").exists():
        return None, None
    ids: set[str] = set()
    states: set[str] = set()
    for path in actors.glob("*.yaml"):
        if path.name == "ambiguity.yaml":
            continue
        for a in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            ids.add(a["id"])
            if a.get("kind") == "state":
                states.add(a["iso3"])
    return ids, states


ACTOR_IDS, STATE_ISO3 = _actor_ids_and_states()


def test_readme_vocabulary_parsed() -> None:
    # Guards the parser above: if the README layout changes, this fails instead of passing vacuously.
    assert {"president", "defence_minister", "supreme_leader", "envoy", "ambassador"} <= OFFICES
    assert len(OFFICES) >= 20


def test_offices_match_readme_exactly() -> None:
    assert set(OFFICE_FORMS) == OFFICES


@pytest.mark.parametrize("office", sorted(OFFICES))
def test_office_has_english_and_arabic_forms(office: str) -> None:
    entry = OFFICE_FORMS[office]
    assert isinstance(entry.get("en"), str) and entry["en"].strip()
    forms = entry.get("ar")
    assert isinstance(forms, list) and forms, office
    for form in forms:
        assert isinstance(form, str) and ARABIC_ONLY.match(form), (office, form)
        assert form == form.strip() and "  " not in form, (office, form)
    folded = [fold(f) for f in forms]
    assert len(folded) == len(set(folded)), f"{office}: spellings the normaliser already folds"


def test_no_form_maps_to_two_offices_unless_shared() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for office, entry in OFFICE_FORMS.items():
        for form in entry["ar"]:
            owners[fold(form)].add(office)
    declared = {fold(s["form"]): set(s["offices"]) for s in TITLES.get("shared_forms", [])}
    bad = {f: o for f, o in owners.items() if len(o) > 1 and declared.get(f) != o}
    assert not bad, bad


def test_shared_forms_are_real_and_explained() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for office, entry in OFFICE_FORMS.items():
        for form in entry["ar"]:
            owners[fold(form)].add(office)
    for shared in TITLES["shared_forms"]:
        assert set(shared) <= {"form", "offices", "rule"}, shared
        assert len(shared["offices"]) >= 2 and set(shared["offices"]) <= OFFICES, shared
        assert owners[fold(shared["form"])] == set(shared["offices"]), shared
        assert isinstance(shared["rule"], str) and shared["rule"].strip(), shared


def test_country_and_org_restrictions_refer_to_listed_forms() -> None:
    bad = []
    for office, entry in OFFICE_FORMS.items():
        forms = {fold(f) for f in entry["ar"]}
        for key in ("countries_by_form", "orgs_by_form"):
            for form, targets in (entry.get(key) or {}).items():
                if fold(form) not in forms:
                    bad.append(f"{office}.{key}: {form} is not one of the office's forms")
                if not isinstance(targets, list) or not targets:
                    bad.append(f"{office}.{key}: {form} needs a non-empty list")
                    continue
                for t in targets:
                    if key == "countries_by_form":
                        if not ISO3.match(t) or (STATE_ISO3 is not None and t not in STATE_ISO3):
                            bad.append(f"{office}: {form} → {t} is not a state code")
                    elif ACTOR_IDS is not None and t not in ACTOR_IDS:
                        bad.append(f"{office}: {form} → {t} is not an actor id")
    assert not bad, bad


@pytest.mark.parametrize(
    ("office", "forms"),
    [
        ("defence_minister", ["وزير الدفاع", "وزير دفاع", "وزيرة الدفاع"]),
        ("president", ["الرئيس", "رئيس"]),
        ("supreme_leader", ["المرشد الأعلى", "المرشد", "مرشد الثورة", "قائد الثورة"]),
        ("prime_minister", ["رئيس الوزراء", "رئيس الحكومة", "رئيس مجلس الوزراء"]),
        ("chief_of_staff", ["رئيس الأركان", "رئيس هيئة الأركان", "رئيس الأركان العامة"]),
        ("foreign_minister", ["وزير الخارجية", "وزير خارجية"]),
        ("secretary_general", ["الأمين العام"]),
        ("commander", ["قائد"]),
        ("leader", ["زعيم", "الأمين العام", "أمير"]),
        ("spokesperson", ["المتحدث باسم", "الناطق باسم"]),
        ("envoy", ["المبعوث الأممي"]),
        ("crown_prince", ["ولي العهد"]),
        ("king", ["العاهل", "خادم الحرمين الشريفين"]),
    ],
)
def test_news_forms_present(office: str, forms: list[str]) -> None:
    known = {fold(f) for f in OFFICE_FORMS[office]["ar"]}
    assert not [f for f in forms if fold(f) not in known]


def test_country_specific_forms() -> None:
    sl = OFFICE_FORMS["supreme_leader"]["countries_by_form"]
    assert sl["المرشد"] == ["IRN"] and sl["المرشد الأعلى"] == ["IRN"]
    assert OFFICE_FORMS["king"]["countries_by_form"]["خادم الحرمين الشريفين"] == ["SAU"]
    assert "DEU" in OFFICE_FORMS["prime_minister"]["countries_by_form"]["المستشار"]
    # the Muslim Brotherhood's guide is a leader, not Iran's supreme leader
    assert OFFICE_FORMS["leader"]["orgs_by_form"]["المرشد العام"] == ["muslim_brotherhood"]
    assert fold("المرشد العام") not in {fold(f) for f in OFFICE_FORMS["supreme_leader"]["ar"]}


def test_country_forms_documented() -> None:
    cf = TITLES["country_forms"]
    assert {"nisba_after_title", "genitive_country", "preposition"} <= set(cf)
    assert "وزير الدفاع الروسي" in cf["nisba_after_title"]["examples"]
    assert "وزير دفاع روسيا" in cf["genitive_country"]["examples"]
    assert {"في", "لدى", "إلى", "باسم"} <= set(cf["preposition"]["connectors"])


def test_temporal_markers() -> None:
    tm = TITLES["temporal_markers"]
    assert "السابق" in tm["former"] and "بالوكالة" in tm["acting"]
    words = [w for key in ("former", "acting", "new", "outgoing") for w in tm[key]]
    assert len(words) == len(set(words))


def test_ranks_and_honorifics_do_not_swallow_titles() -> None:
    """The linker skips ranks/honorifics; none of them may also be an office form."""
    office_forms = {fold(f) for entry in OFFICE_FORMS.values() for f in entry["ar"]}
    for key in ("ranks", "honorifics"):
        words = TITLES[key]
        assert len(words) == len(set(words)), key
        assert all(ARABIC_ONLY.match(w) for w in words), key
        clash = [w for w in words if fold(w) in office_forms]
        assert not clash, (key, clash)
    assert "اللواء" in TITLES["ranks"] and "المشير" in TITLES["ranks"]
    assert "آية الله" in TITLES["honorifics"]


def test_every_office_used_in_people_has_titles() -> None:
    people = KNOWLEDGE / "actors" / "people.yaml"
    if not people.exists():
        pytest.skip("people.yaml not written yet")
    used = {r["office"] for p in yaml.safe_load(people.read_text(encoding="utf-8")) for r in p.get("roles") or []}
    assert used <= set(OFFICE_FORMS)


def test_body_offices_use_the_office_vocabulary() -> None:
    classes = TITLES.get("body_offices") or {}
    assert {"parliament", "government", "army", "head_of_state_council"} <= set(classes)
    for name, spec in classes.items():
        assert spec["heads"] and all(ARABIC_ONLY.match(h) for h in spec["heads"]), name
        for title_office, targets in spec["offices"].items():
            assert title_office in OFFICES and targets and set(targets) <= OFFICES, (name, title_office)
        for form in spec.get("not_after") or ():
            assert any(fold(form) == fold(f) for o in OFFICE_FORMS.values() for f in o["ar"]), form
