"""The clitic-tolerant gazetteer on its own, with a tiny hand-made knowledge list."""

import pytest

from marsad.recognize.gazetteer import Entry, Gazetteer

RUSSIA = Entry("actor", "russia", "GPE")
IRAN = Entry("actor", "iran", "GPE")
SYRIA_GOV = Entry("actor", "syria", "GPE")
DAMASCUS = Entry("place", "damascus", "LOC")
ASSAD = Entry("actor", "bashar_al_assad", "PERS")


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer([("روسيا", RUSSIA), ("إيران", IRAN), ("دمشق", DAMASCUS), ("الحكومة السورية", SYRIA_GOV),
                      ("الأسد", ASSAD), ("بشار الأسد", ASSAD)])


def _found(gaz, text):
    from marsad.arabic import normalize
    norm = normalize(text).text
    return [(norm[h.start:h.end], h.entries[0].ref) for h in gaz.find(norm)]


@pytest.mark.parametrize("text,expected", [
    ("وإيران", [("وايران", "iran")]),
    ("لروسيا", [("لروسيا", "russia")]),
    ("بدمشق", [("بدمشق", "damascus")]),
    ("والأسد", [("والاسد", "bashar_al_assad")]),
    ("للحكومة السورية", [("للحكومه السوريه", "syria")]),
    ("وللحكومة السورية", [("وللحكومه السوريه", "syria")]),
    ("بالحكومة السورية", [("بالحكومه السوريه", "syria")]),
    ("الرئيس بشار الأسد", [("بشار الاسد", "bashar_al_assad")]),
])
def test_clitics_before_a_name_are_part_of_the_mention(gaz, text, expected):
    assert _found(gaz, text) == expected


@pytest.mark.parametrize("text", ["روسياها", "الإيرانيون", "مدمشق", "سيروسيا", "أسد", "الأسدية"])
def test_no_match_inside_other_words(gaz, text):
    assert _found(gaz, text) == []


def test_persian_letters_and_diacritics_match():
    gaz = Gazetteer([("موسكو", Entry("actor", "russia", "GPE")), ("ولايتي", Entry("actor", "velayati", "PERS"))])
    assert [h.entries[0].ref for h in gaz.find(__import__("marsad.arabic").arabic.normalize(
        "قال ولایتي في موسکو").text)] == ["velayati", "russia"]


def test_longest_match_wins(gaz):
    assert _found(gaz, "بشار الأسد") == [("بشار الاسد", "bashar_al_assad")]


SHABAAB = Entry("actor", "al_shabaab", "ORG")
QAEDA = Entry("actor", "al_qaeda", "ORG")


@pytest.mark.parametrize("text,expected", [
    ("أعلنت حركة «الشباب» مسؤوليتها", [("حركه \"الشباب", "al_shabaab")]),
    ("وتبنى تنظيم “القاعدة” الهجوم", [("تنظيم \"القاعده", "al_qaeda")]),
    ("ولحركة \"الشباب\" مقاتلون", [("ولحركه \"الشباب", "al_shabaab")]),
    ("قالت «حركة الشباب» إن", [("حركه الشباب", "al_shabaab")]),  # quoted whole: found as written
])
def test_names_quoted_in_part(text, expected):
    gaz = Gazetteer([("حركة الشباب", SHABAAB), ("تنظيم القاعدة", QAEDA), ("روسيا", RUSSIA)])
    assert _found(gaz, text) == expected
    from marsad.arabic import normalize
    norm = normalize(text).text
    for h in gaz.find(norm):  # offsets are into the text as written
        assert norm[h.key_start:h.end].replace('"', "").endswith(("الشباب", "القاعده"))


@pytest.mark.parametrize("text,loose,glued", [
    ('قالت "حركة الشباب" إن', [5, 17], []),  # quotes next to a space: left out
    ('"روسيا"', [0, 6], []),  # at the ends of the text
    ('حركة"الشباب', [], [4]),  # between two letters: becomes a space
    ('قال:"نعم".', [4, 8], []),  # next to punctuation
    ('جنيف"2"', [6], [4]),  # a digit is a word character
])
def test_quote_patterns_tell_loose_from_glued_quotes(text, loose, glued):
    from marsad.recognize.gazetteer import _GLUED_QUOTE, _LOOSE_QUOTE
    assert [m.start() for m in _LOOSE_QUOTE.finditer(text)] == loose
    assert [m.start() for m in _GLUED_QUOTE.finditer(text)] == glued
