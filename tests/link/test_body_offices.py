"""Linker: a title of a state body read through the body's class (titles.yaml ``body_offices``), and
title forms restricted to some states or bodies (``countries_by_form`` / ``orgs_by_form``)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.pipeline import Knowledge


@pytest.fixture(scope="module")
def linker():
    return Knowledge().recognizer.linker


def test_parliament_chair_is_the_states_speaker(linker):
    assert linker.body_office("president", "libya_house_of_representatives", date(2021, 5, 1),
                              "مجلس النواب الليبي") == ("aguila_saleh", "speaker", "LBY")


def test_rival_government_head_is_read_under_the_body(linker):
    assert linker.body_office("president", "libya_gnu", date(2022, 5, 1)) == \
        ("abdul_hamid_dbeibeh", "prime_minister", "libya_gnu")


def test_army_commander_then_chief_of_staff(linker):
    assert linker.body_office("commander", "lebanese_army", date(2017, 9, 12), "الجيش اللبناني") == \
        ("joseph_aoun", "army_commander", "LBN")
    # Israel stores no army commander: its chief of staff heads the army
    assert linker.body_office("commander", "israeli_army", date(2017, 9, 12), "الجيش الإسرائيلي") == \
        ("gadi_eisenkot", "chief_of_staff", "ISR")


def test_commander_in_chief_form_has_no_body_reading(linker):
    assert linker.body_office("commander", "iraqi_security_forces", date(2024, 2, 10), "القوات المسلحة العراقية",
                              "القائد العام") is None


def test_no_class_or_no_mapping(linker):
    assert linker.body_office("commander", "irgc", date(2017, 9, 12), "الحرس الثوري") is None  # no class
    assert linker.body_office("spokesperson", "lebanese_army", date(2017, 9, 12)) is None  # no mapping


def test_institution_state_follows_the_parent_chain(linker):
    assert linker.institution_state("libya_house_of_representatives") == "LBY"
    assert linker.institution_state("iraqi_army") == "IRQ"  # through iraqi_security_forces
    assert linker.institution_state("lna") is None  # a rival authority with no parent state
    assert linker.institution_state("unifil") is None


def test_unknown_holder_keeps_the_state_office(linker):
    assert linker.body_office("chief_of_staff", "sudanese_armed_forces", date(2021, 9, 12),
                              "الجيش السوداني") == (None, "chief_of_staff", "SDN")


@pytest.mark.parametrize("office,form,owners", [
    ("speaker", "رئيس الكنيست", (("ISR",), ())),
    ("president", "رئيس مجلس السيادة الانتقالي", (("SDN",), ())),
    ("prime_minister", "المستشار", (("DEU", "AUT"), ())),
    ("president", "رئيس المجلس السياسي الأعلى", ((), ("houthis",))),
    ("president", "رئيس الجمهورية", ((), ())),
])
def test_form_owners(linker, office, form, owners):
    assert linker.form_owners(office, form) == owners
