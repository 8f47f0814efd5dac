"""The vocabulary data file is sound: families complete, no word with two meanings."""

from __future__ import annotations

import copy

import pytest

from marsad.time.normalize import normalize_word
from marsad.time.vocabulary import build_vocabulary, load_raw_vocabulary, vocabulary, vocabulary_problems


def test_vocabulary_has_no_problems() -> None:
    assert vocabulary_problems() == []


@pytest.mark.parametrize("family", ["egyptian_gulf", "levantine_iraqi", "maghrebi"])
def test_every_month_family_covers_twelve_months(family: str) -> None:
    months = load_raw_vocabulary()["months"]["gregorian"][family]
    assert sorted(int(m) for m in months) == list(range(1, 13))
    assert all(months[m] for m in months)


def test_hijri_months_cover_the_year() -> None:
    assert sorted(set(vocabulary().hijri_months.values())) == list(range(1, 13))


@pytest.mark.parametrize(
    ("word", "month"),
    [("أغسطُس", 8), ("اغسطس", 8), ("يوليه", 7), ("يوليو", 7), ("تشرين الأول", 10), ("كانون الثاني", 1),
     ("آب", 8), ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("ماي", 5), ("جوان", 6), ("جويلية", 7), ("أوت", 8)],
)
def test_month_word_variants(word: str, month: int) -> None:
    assert vocabulary().gregorian_months[normalize_word(word)] == month


def test_a_word_with_two_values_is_reported() -> None:
    raw = copy.deepcopy(load_raw_vocabulary())
    raw["months"]["gregorian"]["maghrebi"][6].append("يوليو")  # July given as June
    problems = build_vocabulary(raw).problems
    assert any("يوليو" in p for p in problems)


def test_an_incomplete_month_family_is_reported() -> None:
    raw = copy.deepcopy(load_raw_vocabulary())
    del raw["months"]["gregorian"]["levantine_iraqi"][12]
    assert any("levantine_iraqi" in p for p in build_vocabulary(raw).problems)


def test_future_cues_are_data() -> None:
    words = vocabulary().future_words
    for cue in ("سوف", "من المقرر", "يعتزم"):
        assert normalize_word(cue) in words
