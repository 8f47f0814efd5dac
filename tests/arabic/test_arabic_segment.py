"""Clitic segmentation with the stem lexicon."""

from __future__ import annotations

import pytest

from marsad.arabic import add_stems, in_lexicon, segment

pytestmark = pytest.mark.usefixtures("base_lexicon")


def parts(word: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    seg = segment(word)
    return seg.prefixes, seg.stem, seg.suffixes


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وإيران", (("و",), "ايران", ())),
        ("لروسيا", (("ل",), "روسيا", ())),
        ("بدمشق", (("ب",), "دمشق", ())),
        ("وموسكو", (("و",), "موسكو", ())),
        ("فإن", (("ف",), "ان", ())),
        ("بالرئيس", (("ب", "ال"), "رييس", ())),
        ("للحكومة", (("ل", "ال"), "حكومه", ())),
        ("سيزور", (("س",), "يزور", ())),
        ("قواتها", ((), "قوات", ("ها",))),
        ("حكومتها", ((), "حكومه", ("ها",))),  # ta marbuta written ت before the pronoun
        ("وقال", (("و",), "قال", ())),
        ("وأضاف", (("و",), "اضاف", ())),
        ("السوري", (("ال",), "سوري", ())),
        ("وشويغو", (("و",), "شويغو", ())),  # unknown stem: و before three letters or more
        ("وكتابي", (("و",), "كتابي", ())),  # a final ي is not split: nisba adjectives and names
        ("القومي", (("ال",), "قومي", ())),
        ("يعطيني", ((), "يعطي", ("ني",))),
    ],
)
def test_segmentation(word: str, expected: tuple) -> None:
    assert parts(word) == expected


@pytest.mark.parametrize(
    "word",
    ["فلسطين", "بغداد", "لبنان", "كركوك", "الأسد", "بل", "لن", "الله", "الآن", "كانت", "تلك", "سنة",
     "وحدة", "دولة", "كمال", "وليد", "سوري", "روحاني"],
)
def test_known_words_are_not_split(word: str) -> None:
    seg = segment(word)
    assert seg.prefixes == () and seg.suffixes == ()


def test_article_name_keeps_its_article() -> None:
    # «الأسد» is a corpus word whose bare form is rare next to it, so the article stays on the stem.
    seg = segment("والأسد")
    assert (seg.prefixes, seg.stem) == (("و",), "الاسد")
    assert not seg.definite
    assert segment("بالرئيس").definite


def test_ta_marbuta_is_not_a_pronoun() -> None:
    # وحدة must not become و + حد + ه; دولته is دولة + ه
    assert parts("دولته") == ((), "دوله", ("ه",))
    assert segment("شرطة").suffixes == ()


def test_weak_suffix_needs_known_stem_without_other_proclitics() -> None:
    assert parts("ولایتي") == ((), "ولايتي", ())  # Persian yeh; a corpus word, not و + ل + ايت + ي
    assert segment("وليعطيني").suffixes == ()  # ني only after nothing but a conjunction


def test_add_stems_registers_names_and_clears_cache() -> None:
    assert segment("فادي").prefixes == ("ف",)  # ف + ادي (a verb) before the name is registered
    assert not in_lexicon("عبداللهيان")
    assert parts("لعبداللهيان") == ((), "لعبداللهيان", ())  # ل before an unknown stem stays
    assert add_stems(["حسين أمير عبداللهيان", "فادي", "x"]) == 2  # «x» too short, «حسين», «أمير» known
    assert in_lexicon("عبداللهيان")
    assert parts("لعبداللهيان") == (("ل",), "عبداللهيان", ())
    assert parts("فادي") == ((), "فادي", ())
    assert parts("لفادي") == (("ل",), "فادي", ())
    assert add_stems(["فادي"]) == 0


def test_registered_article_name_survives_with_clitics() -> None:
    assert parts("والحلبوسي") == (("و", "ال"), "حلبوسي", ())  # unknown: the article is split off
    add_stems(["الحلبوسي"])
    assert parts("والحلبوسي") == (("و",), "الحلبوسي", ())
    assert parts("بالحلبوسي") == (("ب",), "الحلبوسي", ())


def test_non_arabic_words_are_returned_whole() -> None:
    assert parts("Putin") == ((), "Putin", ())
    assert parts("2017") == ((), "2017", ())


def test_prefix_and_suffix_lengths_locate_the_stem() -> None:
    seg = segment("وبقواتها")
    assert seg.prefixes == ("و", "ب") and seg.stem == "قوات" and seg.suffixes == ("ها",)
    assert (seg.prefix_len, seg.suffix_len) == (2, 2)
    seg = segment("للجنة")  # li + al- + lajna: one written lam stands for ل + ال
    assert (seg.prefixes, seg.stem, seg.prefix_len) == (("ل", "ال"), "لجنه", 1)
