"""The light normalisation keeps offsets into the raw text."""

from __future__ import annotations

from datetime import date

from marsad.time import find_dates
from marsad.time.normalize import normalize_with_offsets


def test_folds_digits_alef_and_drops_marks() -> None:
    n = normalize_with_offsets("فِي آذارَ ٢٠١٦ وإبريل ۱۴۰۰ ـــ مساءً")
    assert n.text == "في اذار 2016 وابريل 1400  مساء"


def test_offsets_map_back_including_trailing_marks() -> None:
    raw = "وصل غداً"
    n = normalize_with_offsets(raw)
    start = n.text.index("غدا")
    assert n.to_original(start, start + 3) == (4, len(raw))


def test_tatweel_and_diacritics_inside_a_date() -> None:
    text = "أعلـــن الجيش في ١٢ أيْلُول ٢٠١٧ عن النصر"
    (d,) = find_dates(text)
    assert d.text == "١٢ أيْلُول ٢٠١٧" and d.value == "2017-09-12"
    assert text[d.start:d.end] == d.text


def test_tatweel_inside_a_relative_expression() -> None:
    text = "وقعت الغارة قبـــل أسبوعيـن"
    (d,) = find_dates(text, date(2017, 9, 12))
    assert d.text == "قبـــل أسبوعيـن" and d.value == "2017-08-29"


def test_presentation_and_zero_width_marks() -> None:
    text = "التقى\u200f الوزير أمس\u200f"
    (d,) = find_dates(text, date(2017, 9, 12))
    assert text[d.start:d.end] == d.text and d.text.startswith("أمس")
