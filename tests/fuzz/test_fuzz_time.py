"""Fuzzing temporal expressions: never raise, spans slice the text, values are ISO dates or intervals."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from marsad.time import find_dates

from .strategies import ANY_TEXT, FUZZ

DATE_WORDS = ["أمس", "أول أمس", "اليوم", "غدا", "الثلاثاء", "الجمعة الماضي", "الأحد المقبل", "قبل أسبوعين",
              "قبل شهرين", "قبل عامين", "منذ عام 2014", "الأسبوع الماضي", "الشهر المقبل", "العام الماضي",
              "رمضان الماضي", "15 محرم 1437 هـ", "12 أيلول 2017", "12 سبتمبر/أيلول 2017", "في آذار 2016",
              "31/02/2019", "2017/09/12", "٢٠١٧-٠٩-١٢", "خلال الأيام الماضية", "منذ بضعة أشهر", "99 تموز",
              "عام 0", "عام 99999", "قبل 1000000 يوم", "فجر اليوم", "مساء أمس", "مطلع العام", "نهاية الشهر"]
DATE_TEXT = st.lists(st.one_of(st.sampled_from(DATE_WORDS), ANY_TEXT, st.just(" ")), max_size=12).map(" ".join)
ISO = r"-?\d{1,5}(-\d{2}){0,2}"
VALUE = re.compile(rf"^{ISO}(/{ISO})?$")
PRECISIONS = {None, "day", "week", "month", "year", "interval"}


@FUZZ
@given(DATE_TEXT, st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31))))
def test_dates_slice_and_are_well_formed(text: str, ref: date | None) -> None:
    for d in find_dates(text, ref):
        assert 0 <= d.start < d.end <= len(text) and text[d.start:d.end] == d.text
        assert d.precision in PRECISIONS
        assert d.value is None or VALUE.match(d.value), d.value
        d.to_dict()


@FUZZ
@given(DATE_TEXT, st.dates())  # any reference date, year 1 to 9999: must not raise
def test_extreme_reference_dates_never_crash(text: str, ref: date) -> None:
    for d in find_dates(text, ref):
        assert text[d.start:d.end] == d.text
